import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore, isStoreUnavailableError, runSync } from '@vectis/sync';
import { createFakeConnector } from './fake-connector';
import { dropTestSchemas, openPgStore, PG_MISSING_IN_CI, PG_SKIP_REASON, PG_URL } from './pg-env';
import { storeContract } from './store-contract';

afterAll(dropTestSchemas);

describe.runIf(PG_MISSING_IN_CI)('PostgreSQL in CI', () => {
  it('has a server to test against', () => {
    throw new Error('CI is set but VECTIS_PG_URL is not: run `eval "$(bash scripts/postgres.sh)"` before the tests; the PostgreSQL store must not go untested in CI.');
  });
});

describe.skipIf(!PG_URL)(`PostgreSQL store${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  storeContract(openPgStore);

  it('stores money as NUMERIC and JSON as JSONB', async () => {
    const store = await openPgStore();
    await runSync({ connectors: [createFakeConnector()], store, now: new Date('2026-11-26T00:00:00Z') });
    const [line] = await store.listSubscriptions();
    expect(line?.unitCost).toEqual({ amount: '1.989', currency: 'USD' });
    await store.close();
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

  it.skipIf(!PG_URL)('reports a wrong password as StoreUnavailableError without echoing it', async () => {
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
