import pg from 'pg';
import { ConfigurationError, isVectisError, redact } from '@vectis/connector-core';
import { StoreError, StoreUnavailableError } from '../errors';
import type { SqlExecutor, SqlRunner } from './executor';
import type { Param, Row } from './rows';
import { createSqlStore } from './sql-store';
import type { Store } from './types';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`; the password never appears in errors. */
  connectionString?: string | undefined;
  /** An existing pool (left open by `close()`); used instead of `connectionString`. */
  pool?: pg.Pool | undefined;
  /** Schema for the tables (created if missing); only with `connectionString`. Default: the server's search_path. */
  schema?: string | undefined;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean | undefined;
  /** Give up connecting after this long (default 10000 ms). */
  connectTimeoutMs?: number | undefined;
}

// SQLSTATEs and socket codes that mean "cannot use this server" rather than "this statement failed".
const UNAVAILABLE: Record<string, string> = {
  ECONNREFUSED: 'connection refused: the server is down or not listening on that port',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve (DNS unavailable)',
  ETIMEDOUT: 'the connection timed out: the server is unreachable',
  EHOSTUNREACH: 'the host is unreachable',
  ECONNRESET: 'the connection was reset by the server',
  '28P01': 'authentication failed: wrong user name or password',
  '28000': 'the server rejected this user (check pg_hba.conf and the user name)',
  '3D000': 'the database does not exist (create it first)',
  '57P01': 'the server is shutting down',
  '57P03': 'the server is starting up or not accepting connections yet',
  '53300': 'the server has too many connections',
};

interface PgDriverError extends Error {
  code?: string;
  errors?: PgDriverError[];
}

function describeTarget(options: PostgresStoreOptions): { target: string; password: string | undefined } {
  if (options.pool) {
    const o = options.pool.options;
    return { target: `${o.host ?? 'localhost'}:${o.port ?? 5432}/${o.database ?? ''}`, password: typeof o.password === 'string' ? o.password : undefined };
  }
  try {
    const url = new URL(options.connectionString ?? '');
    return {
      target: `${url.hostname || 'localhost'}:${url.port || 5432}${url.pathname}`,
      password: url.password ? decodeURIComponent(url.password) : undefined,
    };
  } catch {
    return { target: '(unparseable connection string)', password: undefined };
  }
}

function codeOf(err: PgDriverError): string | undefined {
  // Node reports "localhost" failing on both ::1 and 127.0.0.1 as an AggregateError.
  return err.code ?? err.errors?.find((e) => e.code)?.code;
}

function translator(target: string, password: string | undefined) {
  return (err: unknown, operation: string): Error => {
    if (isVectisError(err)) return err;
    const e = err as PgDriverError;
    const code = codeOf(e);
    const text = redact(e.message || String(err), [password]);
    if (code && UNAVAILABLE[code]) return new StoreUnavailableError({ target, reason: UNAVAILABLE[code], code, cause: err });
    if (/timeout exceeded when trying to connect|Connection terminated/i.test(text)) {
      return new StoreUnavailableError({ target, reason: `the server did not answer (${text})`, code, cause: err });
    }
    return new StoreError({ operation, reason: text, cause: err });
  };
}

const JSONB_OID = 3802;
const JSON_OID = 114;
// JSON comes back as text and is parsed by the shared row mapping, so a JSON `null` stays `null`
// (pg's default parser would make it indistinguishable from SQL NULL).
const jsonAsText = ((oid: number, format?: 'text' | 'binary') =>
  oid === JSONB_OID || oid === JSON_OID ? (value: string) => value : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'];

const numbered = new Map<string, string>();
/** `?` → `$1, $2, …` (the shared SQL never has `?` inside literals). */
function toPg(sql: string): string {
  let out = numbered.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (numbered.size > 500) numbered.clear();
    numbered.set(sql, out);
  }
  return out;
}

/**
 * A PostgreSQL store through `pg`. A refused or unreachable server becomes
 * `StoreUnavailableError` naming `host:port` but never the password.
 *
 * @example
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL });
 * await runSync({ connectors: [ingram], store });
 * await store.close();
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const issues: { field: string; message: string }[] = [];
  if (!options.pool && !options.connectionString) issues.push({ field: 'connectionString', message: 'required (or pass pool)' });
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    issues.push({ field: 'schema', message: 'must be a lower-case SQL identifier' });
  }
  if (options.schema !== undefined && options.pool) issues.push({ field: 'schema', message: 'only supported with connectionString' });
  if (issues.length) throw new ConfigurationError({ issues, remedy: 'Fix the store options and try again.' });

  const { target, password } = describeTarget(options);
  const translate = translator(target, password);
  const owned = !options.pool;
  const pool =
    options.pool ??
    new pg.Pool({
      connectionString: options.connectionString,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      max: 4,
      types: { getTypeParser: jsonAsText },
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
  // An idle client losing its server emits 'error' on the pool; the next query reports it typed.
  if (owned) pool.on('error', () => undefined);

  const on = (client: pg.Pool | pg.PoolClient): SqlRunner => ({
    all: async (sql, params: readonly Param[] = []) => (await client.query(toPg(sql), params as Param[])).rows as Row[],
    run: async (sql, params: readonly Param[] = []) => (await client.query(toPg(sql), params as Param[])).rowCount ?? 0,
  });
  const direct = on(pool);
  const guarded = async <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      throw translate(err, operation);
    }
  };

  const exec: SqlExecutor = {
    dialect: 'postgres',
    target,
    maxParams: 65_000,
    collate: ' COLLATE "C"',
    all: (sql, params) => guarded('reading', () => direct.all(sql, params)),
    run: (sql, params) => guarded('writing', () => direct.run(sql, params)),
    transaction: (operation, fn) =>
      guarded(operation, async () => {
        const client = await pool.connect();
        let broken: unknown;
        try {
          await client.query('BEGIN');
          const result = await fn(on(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          broken = err;
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          // A connection-level failure destroys the client instead of returning it to the pool.
          client.release(broken !== undefined && codeOf(broken as PgDriverError)?.startsWith('E') === true);
        }
      }),
    async beforeMigrate(tx) {
      // Two processes migrating at once would race on CREATE SCHEMA and CREATE TABLE (duplicate
      // key in the catalog), so the lock comes first and serializes everything after it.
      await tx.all('SELECT pg_advisory_xact_lock(7324101)');
      if (options.schema) await tx.run(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    },
    close: async () => {
      if (owned) await pool.end();
    },
  };

  const store = createSqlStore(exec);
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (err) {
      await store.close().catch(() => undefined);
      throw err;
    }
  }
  return store;
}
