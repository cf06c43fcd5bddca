import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore, isStoreUnavailableError, LATEST_SCHEMA_VERSION, runSync } from '@vectis/sync';
import { createFakeConnector } from './fake-connector';
import { dropTestSchemas, PG_MISSING_IN_CI, PG_SERVER_SKIP_REASON, PG_START_TIMEOUT_MS, PG_TARGETS, PG_URL, preparePg } from './pg-env';
import pg from 'pg';
import { linesByParentSql } from '../src/store/sql-store';
import { storeContract } from './store-contract';
import { expectNewerSchemaRefused } from './store-contract-leases';

beforeAll(preparePg, PG_START_TIMEOUT_MS);
afterAll(dropTestSchemas);

describe.runIf(PG_MISSING_IN_CI)(`PostgreSQL in CI${PG_MISSING_IN_CI ? '' : ' (skipped: a CI-only guard; it fails when CI is set without VECTIS_PG_URL)'}`, () => {
  it('has a server to test against', () => {
    throw new Error('CI is set but VECTIS_PG_URL is not: run `eval "$(bash scripts/postgres.sh)"` before the tests; the PostgreSQL store must not go untested in CI.');
  });
});

for (const target of PG_TARGETS) {
describe.skipIf(target.skip)(`PostgreSQL store (${target.kind})${target.skip ? ` (${target.skip})` : ''}`, () => {
  storeContract(target.open);

  it('stores money as NUMERIC and JSON as JSONB', async () => {
    const store = await target.open();
    await runSync({ connectors: [createFakeConnector()], store, now: new Date('2026-11-26T00:00:00Z') });
    const [line] = await store.listSubscriptions();
    expect(line?.unitCost).toEqual({ amount: '1.989', currency: 'USD' });
    await store.close();
  });
});
}

/** Runs SQL in the store's schema, on a connection of its own. */
async function inSchema<T>(options: { connectionString: string; schema?: string | undefined }, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: options.connectionString });
  await client.connect();
  try {
    if (options.schema) await client.query(`SET search_path = ${options.schema}`);
    return await fn(client);
  } finally {
    await client.end();
  }
}

for (const target of PG_TARGETS) {
describe.skipIf(target.skip)(`PostgreSQL plans and versions (${target.kind})${target.skip ? ` (${target.skip})` : ''}`, () => {
  it('looks previous lines up through the (vendor, parent, line) index (EXPLAIN)', async () => {
    const options = await target.options();
    await (await createPostgresStore(options)).close();
    const plan = await inSchema(options, async (c) => {
      await c.query('SET enable_seqscan = off'); // an empty table would be scanned whatever the indexes
      const sql = linesByParentSql(' COLLATE "C"').replace(/\?/g, (_, i: number) => `'${i}'`);
      return (await c.query(`EXPLAIN ${sql}`)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toMatch(/Index Scan using license_subscriptions_parent_line/);
    expect(plan).toMatch(/Index Cond: \(\(vendor = .*\) AND \(parent_external_id = /);
  });

  it('refuses a database written by a newer schema version, naming both versions', async () => {
    const options = await target.options();
    await (await createPostgresStore(options)).close();
    await expectNewerSchemaRefused(
      () => createPostgresStore(options),
      (version) =>
        inSchema(options, async (c) => {
          await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [version, 'from the future', '2027-01-01']);
        }),
    );
  });
});
}

describe.skipIf(!PG_URL)(`PostgreSQL concurrent first opens${PG_URL ? '' : ` (${PG_SERVER_SKIP_REASON})`}`, () => {
  it('creates the schema under the advisory lock: four sessions opening a new schema at once all succeed', async () => {
    const options = await PG_TARGETS[1]!.options();
    const stores = await Promise.all([1, 2, 3, 4].map(() => createPostgresStore(options)));
    for (const s of stores) expect(await s.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
    await Promise.all(stores.map((s) => s.close()));
  });
});

describe('PostgreSQL unavailable', () => {
  it('reports a refused connection as StoreUnavailableError with host:port and without the password', async () => {
    const err = await createPostgresStore({ connectionString: 'postgres://vectis:Sup3rS3cretPw@127.0.0.1:1/vectis', connectTimeoutMs: 2000 }).catch(
      (e: unknown) => e,
    );
    expect(isStoreUnavailableError(err)).toBe(true);
    const message = (err as Error).message;
    expect(message).toContain('127.0.0.1:1/vectis');
    expect(message).toMatch(/connection refused: the server is down/);
    expect(message).toMatch(/Start the database server/);
    expect(message).not.toContain('Sup3rS3cretPw');
    expect(JSON.stringify(err)).not.toContain('Sup3rS3cretPw');
  });

  // PGlite's socket server accepts any password, so this needs the real server.
  it.skipIf(!PG_URL)(`reports a wrong password as StoreUnavailableError without echoing it${PG_URL ? '' : ` (${PG_SERVER_SKIP_REASON})`}`, async () => {
    const url = new URL(PG_URL ?? 'postgres://x@localhost/x');
    url.password = 'Wr0ngPassw0rd';
    const err = await createPostgresStore({ connectionString: url.toString() }).catch((e: unknown) => e);
    expect(isStoreUnavailableError(err)).toBe(true);
    expect((err as Error).message).toMatch(/authentication failed/);
    expect((err as Error).message).not.toContain('Wr0ngPassw0rd');
  });

  it('rejects options without a connection string as a ConfigurationError', async () => {
    await expect(createPostgresStore({})).rejects.toMatchObject({ name: 'ConfigurationError' });
    await expect(createPostgresStore({ connectionString: 'postgres://x@h/d', schema: 'Bad-Name' })).rejects.toMatchObject({ name: 'ConfigurationError' });
  });
});
