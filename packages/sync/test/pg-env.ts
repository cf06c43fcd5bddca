// Where the PostgreSQL tests get their server.
// - Always: an embedded PostgreSQL (PGlite, PostgreSQL compiled to WASM) behind its socket
//   server, reached through the same `pg` driver and the same store code. PGlite is one session,
//   so it ignores per-connection search_path: each store gets a freshly emptied `public` schema,
//   and only one store is open at a time. The multi-session tests say why they cannot run there.
// - VECTIS_PG_URL set (CI starts one with scripts/postgres.sh): the same suites on a real server
//   too, each store in its own schema, plus what needs separate sessions (lock exclusion between
//   processes, concurrent first opens, a wrong password).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore, type PostgresStoreOptions, type Store } from '@vectis/sync';

export const PG_URL = process.env.VECTIS_PG_URL;
export const PG_MISSING_IN_CI = !PG_URL && Boolean(process.env.CI);
/** Why a test needing a real server (several sessions or processes) does not run. */
export const PG_SERVER_SKIP_REASON =
  'skipped: needs a real PostgreSQL server (several sessions); VECTIS_PG_URL is not set; run `eval "$(bash scripts/postgres.sh)"`';

console.info(`[sync tests] PostgreSQL: embedded PGlite${PG_URL ? ` and the server at ${new URL(PG_URL).host}` : ' (set VECTIS_PG_URL to test against a server too)'}`);

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
  embedded ??= startEmbedded();
  await embedded;
}

/** Timeout for `beforeAll(preparePg, …)`: a WASM PostgreSQL starting on two shared cores. */
export const PG_START_TIMEOUT_MS = 120_000;

/** Options for a store in a fresh, empty schema of the test database (the server when VECTIS_PG_URL is set). */
export async function pgStoreOptions(engine: 'server' | 'embedded' = PG_URL ? 'server' : 'embedded'): Promise<PostgresStoreOptions & { connectionString: string }> {
  if (engine === 'server') {
    if (!PG_URL) throw new Error('VECTIS_PG_URL is not set');
    const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    schemas.push(schema);
    return { connectionString: PG_URL, schema };
  }
  embedded ??= startEmbedded();
  const e = await embedded;
  await e.reset();
  return { connectionString: e.url };
}

/** Where a PostgreSQL suite runs; `skip` says why it cannot run here. */
export interface PgTarget {
  kind: string;
  skip: string | undefined;
  options(): Promise<PostgresStoreOptions & { connectionString: string }>;
  open(): Promise<Store>;
}

/**
 * Every `npm test` runs the PostgreSQL suites on embedded PGlite; with VECTIS_PG_URL (CI) they run
 * on the server too. Use as `describe.skipIf(t.skip)(`… (${t.kind})${t.skip ? ` (${t.skip})` : ''}`)`.
 */
export const PG_TARGETS: readonly PgTarget[] = [
  { kind: 'embedded PGlite', skip: undefined, options: () => pgStoreOptions('embedded'), open: async () => createPostgresStore(await pgStoreOptions('embedded')) },
  {
    kind: PG_URL ? `server at ${new URL(PG_URL).host}` : 'server',
    skip: PG_URL ? undefined : 'skipped: VECTIS_PG_URL is not set; run `eval "$(bash scripts/postgres.sh)"` to also test against a server',
    options: () => pgStoreOptions('server'),
    open: async () => createPostgresStore(await pgStoreOptions('server')),
  },
];

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
