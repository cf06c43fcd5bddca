// Where the PostgreSQL tests get their server.
// - VECTIS_PG_URL set (CI starts one with scripts/postgres.sh): a real server; each store gets its
//   own schema. Everything runs, including what needs separate sessions (lock exclusion between
//   processes, concurrent first opens).
// - Otherwise: an embedded PostgreSQL (PGlite, PostgreSQL compiled to WASM) behind its socket
//   server, reached through the same `pg` driver and the same store code. PGlite is one session,
//   so it ignores per-connection search_path: each store gets a freshly emptied `public` schema,
//   and only one store is open at a time. The multi-session tests say why they cannot run here.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore, type PostgresStoreOptions, type Store } from '@vectis/sync';

export const PG_URL = process.env.VECTIS_PG_URL;
export const PG_MISSING_IN_CI = !PG_URL && Boolean(process.env.CI);
export const PG_KIND = PG_URL ? `server at ${new URL(PG_URL).host}` : 'embedded PGlite';
/** Why a test needing a real server (several sessions or processes) does not run. */
export const PG_SERVER_SKIP_REASON =
  'skipped: needs a real PostgreSQL server (several sessions); VECTIS_PG_URL is not set; run `eval "$(bash scripts/postgres.sh)"`';

console.info(`[sync tests] PostgreSQL: ${PG_KIND}${PG_URL ? '' : ' (set VECTIS_PG_URL to test against a server)'}`);

interface Embedded {
  url: string;
  reset(): Promise<void>;
  stop(): Promise<void>;
}
let embedded: Promise<Embedded> | undefined;

async function startEmbedded(): Promise<Embedded> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    reset: async () => {
      await db.exec('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
    },
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

const schemas: string[] = [];

/** Starts the embedded engine ahead of the tests (it takes seconds on a busy machine); call in `beforeAll`. */
export async function preparePg(): Promise<void> {
  if (PG_URL) return;
  embedded ??= startEmbedded();
  await embedded;
}

/** Timeout for `beforeAll(preparePg, …)`: a WASM PostgreSQL starting on two shared cores. */
export const PG_START_TIMEOUT_MS = 120_000;

/** Options for a store in a fresh, empty schema of the test database. */
export async function pgStoreOptions(): Promise<PostgresStoreOptions & { connectionString: string }> {
  if (PG_URL) {
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    schemas.push(schema);
    return { connectionString: PG_URL, schema };
  }
  embedded ??= startEmbedded();
  const e = await embedded;
  await e.reset();
  return { connectionString: e.url };
}

/** A store in a fresh schema of the test database (dropped by `dropTestSchemas`). */
export async function openPgStore(): Promise<Store> {
  return createPostgresStore(await pgStoreOptions());
}

/** Drops the test schemas (server) or stops the embedded engine; call in `afterAll`. */
export async function dropTestSchemas(): Promise<void> {
  if (embedded) {
    const e = await embedded;
    embedded = undefined;
    await e.stop();
  }
  if (!PG_URL || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
