// The scheduler needs a real PostgreSQL server (pg-boss uses several sessions, SKIP LOCKED and
// LISTEN/NOTIFY; PGlite is one session). CI starts one with scripts/postgres.sh; locally, without
// VECTIS_PG_URL, the suites are skipped with this reason in their titles (never silently), and
// in CI a missing server fails the run.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.VECTIS_PG_URL;
export const PG_SKIP = PG_URL
  ? undefined
  : 'skipped: needs a real PostgreSQL server (pg-boss uses several sessions); VECTIS_PG_URL is not set; run `eval "$(bash scripts/postgres.sh)"`';
if (!PG_URL && process.env.CI) throw new Error('VECTIS_PG_URL is not set in CI: the scheduler tests must run against the server scripts/postgres.sh starts');

const schemas: string[] = [];
/** A fresh schema per test file, so tests (and other engineers' runs on the same server) never share rows. */
export function freshSchema(): string {
  const s = `sched_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  schemas.push(s);
  return s;
}

export async function dropSchemas(): Promise<void> {
  if (!PG_URL || !schemas.length) return;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  for (const s of schemas.splice(0)) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
  await client.end();
}

export async function until(check: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The customers and subscriptions a sync store schema holds, in a stable order (to compare runs). */
export async function storeContents(schema: string): Promise<{ customers: unknown[]; subscriptions: unknown[] }> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const c = await client.query(`SELECT vendor, external_id, name, status FROM "${schema}".customers ORDER BY external_id`);
    const s = await client.query(`SELECT external_id, customer_external_id, sku, quantity FROM "${schema}".license_subscriptions ORDER BY external_id`);
    return { customers: c.rows, subscriptions: s.rows };
  } finally {
    await client.end();
  }
}
