import { afterAll, describe } from 'vitest';
import { createSqliteStore } from '@vectis/sync';
import { dropTestSchemas, openPgStore, PG_SKIP_REASON, PG_URL } from './pg-env';
import { syncSuite } from './sync-suite';

afterAll(dropTestSchemas);

describe('runSync on SQLite', () => {
  syncSuite(() => createSqliteStore({ path: ':memory:' }));
});

describe.skipIf(!PG_URL)(`runSync on PostgreSQL${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  syncSuite(openPgStore);
});
