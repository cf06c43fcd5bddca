import type { RateBudget } from '@vectis/connector-core';
import pg from 'pg';
import { quoteIdent } from './sql';

// GCRA with a burst of one, kept in one row per credential: `tat` (theoretical arrival time) is the
// earliest moment the next request may be sent. Each grant is one atomic upsert that reserves the
// slot `greatest(tat, now)` and moves `tat` one emission interval on, so any number of workers on
// any number of machines share one schedule. Time comes from the database (`clock_timestamp()`,
// not `now()`, which is frozen per transaction), and the worker only sleeps the *relative* wait the
// database returned, so clocks that disagree between machines cannot let two grants collide.

export interface PgRateBudgetOptions {
  /** A pool to share (preferred in workers), or a connection string for a pool of its own. */
  pool?: pg.Pool | undefined;
  connectionString?: string | undefined;
  /** Schema holding the `vectis_rate_budget` table (default `public`). */
  schema?: string | undefined;
  /** The credential this budget paces: a stable reference, never the secret itself. */
  credential: string;
  /** At most `limit` requests… */
  limit: number;
  /** …in every sliding window of `intervalMs`, across every worker using this credential. */
  intervalMs: number;
  /**
   * Extra gap added to the window (default 5 % of the interval, 100 ms to 1 s). Larger than `createPacer`'s
   * 2 %: here a grant travels back from the database before the request leaves, and that delay varies
   * per worker, so two grants a window apart can reach the vendor closer together than they were granted.
   */
  guardMs?: number | undefined;
}

export interface PgRateBudget extends RateBudget {
  /** The spacing between two grants, in ms (`(intervalMs + guardMs) / limit`). */
  readonly emissionIntervalMs: number;
  /** Closes the pool when the budget created it. */
  close(): Promise<void>;
}

// Budgets are created per job; the table is created once per pool and schema, not once per job.
const migrated = new WeakMap<pg.Pool, Map<string, Promise<void>>>();
function migrateOnce(pool: pg.Pool, schema: string): Promise<void> {
  let bySchema = migrated.get(pool);
  if (!bySchema) migrated.set(pool, (bySchema = new Map()));
  let done = bySchema.get(schema);
  if (!done) {
    done = migrateRateBudget(pool, schema);
    bySchema.set(schema, done);
    done.catch(() => bySchema.delete(schema)); // a failed attempt is retried by the next budget
  }
  return done;
}

/**
 * Creates the budget table (idempotent; safe to run from every worker at start).
 *
 * @example
 * await migrateRateBudget(pool, 'vectis_scheduler');
 */
export async function migrateRateBudget(pool: pg.Pool, schema = 'public'): Promise<void> {
  const s = quoteIdent(schema);
  // Concurrent `CREATE … IF NOT EXISTS` is not atomic in PostgreSQL: two workers starting at once can
  // both pass the check and the loser fails on the table's row type (42710) or the catalog index
  // (23505). A transaction-scoped advisory lock makes every worker's migration run one after another.
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT pg_advisory_xact_lock(hashtext('vectis_rate_budget_migration'))`);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.vectis_rate_budget (credential text PRIMARY KEY, tat timestamptz NOT NULL, penalized_until timestamptz, penalties integer NOT NULL DEFAULT 0)`,
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A {@link RateBudget} shared through PostgreSQL by every worker pacing the same credential; pass
 * it as a connector's `pacing` option. A 429 seen by any worker (`penalize`) pushes the shared
 * schedule back to the vendor's `Retry-After`.
 *
 * @example
 * const budget = createPgRateBudget({ pool, credential: 'tenant-7/ingram', limit: 45, intervalMs: 60_000 });
 * const connector = createIngramConnector({ ...secrets, pacing: budget });
 */
export function createPgRateBudget(o: PgRateBudgetOptions): PgRateBudget {
  const owned = !o.pool;
  const pool = o.pool ?? new pg.Pool({ connectionString: o.connectionString, max: 2 });
  const table = `${quoteIdent(o.schema ?? 'public')}.vectis_rate_budget`;
  const guard = Math.max(0, o.guardMs ?? Math.min(1_000, Math.max(100, o.intervalMs * 0.05)));
  const emission = (o.intervalMs + guard) / Math.max(1, Math.floor(o.limit));
  let ready: Promise<void> | undefined;
  const sql = `
    WITH c AS (SELECT clock_timestamp() AS n)
    INSERT INTO ${table} AS b (credential, tat) SELECT $1, c.n + $2 * interval '1 millisecond' FROM c
    ON CONFLICT (credential) DO UPDATE SET tat = greatest(b.tat, (SELECT n FROM c)) + $2 * interval '1 millisecond'
    RETURNING extract(epoch FROM (b.tat - (SELECT n FROM c))) * 1000 - $2 AS wait_ms`;

  return {
    emissionIntervalMs: emission,
    async acquire(signal) {
      if (signal?.aborted) throw signal.reason;
      ready ??= migrateOnce(pool, o.schema ?? 'public');
      await ready;
      // One reservation per call: an aborted wait leaves its slot unused, which only ever slows the others.
      const { rows } = await pool.query<{ wait_ms: string }>(sql, [o.credential, emission]);
      const waitMs = Math.max(0, Number(rows[0]?.wait_ms ?? 0));
      if (waitMs > 0) await sleep(Math.ceil(waitMs), signal);
    },
    async penalize(retryAfterMs) {
      ready ??= migrateOnce(pool, o.schema ?? 'public');
      await ready;
      await pool.query(
        `INSERT INTO ${table} AS b (credential, tat, penalized_until, penalties) VALUES ($1, clock_timestamp() + $2 * interval '1 millisecond', clock_timestamp() + $2 * interval '1 millisecond', 1)
         ON CONFLICT (credential) DO UPDATE SET tat = greatest(b.tat, clock_timestamp() + $2 * interval '1 millisecond'),
           penalized_until = greatest(b.penalized_until, clock_timestamp() + $2 * interval '1 millisecond'), penalties = b.penalties + 1`,
        [o.credential, Math.max(0, retryAfterMs)],
      );
    },
    async close() {
      if (owned) await pool.end();
    },
  };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
