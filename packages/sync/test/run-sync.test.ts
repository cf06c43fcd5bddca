import { afterAll, beforeAll, describe } from 'vitest';
import { createSqliteStore } from '@vectis/sync';
import { dropTestSchemas, openPgStore, PG_START_TIMEOUT_MS, preparePg, PG_KIND } from './pg-env';
import { syncSuite } from './sync-suite';

beforeAll(preparePg, PG_START_TIMEOUT_MS);
afterAll(dropTestSchemas);

describe('runSync on SQLite', () => {
  syncSuite(() => createSqliteStore({ path: ':memory:' }));
});

describe(`runSync on PostgreSQL (${PG_KIND})`, () => {
  syncSuite(openPgStore);
});
