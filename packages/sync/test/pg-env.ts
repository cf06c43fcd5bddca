// Where the PostgreSQL tests get their server. CI must provide one: without VECTIS_PG_URL the
// PostgreSQL suites fail there instead of silently passing; on a laptop they are skipped.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { createPostgresStore, type Store } from '@vectis/sync';

export const PG_URL = process.env.VECTIS_PG_URL;
export const PG_MISSING_IN_CI = !PG_URL && Boolean(process.env.CI);
export const PG_SKIP_REASON = 'skipped: VECTIS_PG_URL is not set; run `eval "$(bash scripts/postgres.sh)"` to start a throwaway PostgreSQL';

const schemas: string[] = [];

/** A store in a fresh schema of the test database (dropped by `dropTestSchemas`). */
export function openPgStore(): Promise<Store> {
  const schema = `t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  schemas.push(schema);
  return createPostgresStore({ connectionString: PG_URL, schema });
}

export async function dropTestSchemas(): Promise<void> {
  if (!PG_URL || schemas.length === 0) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const schema of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
}
