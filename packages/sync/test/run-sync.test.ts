import { afterAll, beforeAll, describe } from 'vitest';
import { createSqliteStore } from '@vectis/sync';
import { dropTestSchemas, PG_START_TIMEOUT_MS, PG_TARGETS, preparePg } from './pg-env';
import { syncSuite } from './sync-suite';
import { psaSyncSuite } from './sync-suite-psa';

beforeAll(preparePg, PG_START_TIMEOUT_MS);
afterAll(dropTestSchemas);

describe('runSync on SQLite', () => {
  syncSuite(() => createSqliteStore({ path: ':memory:' }));
  describe('with PSA readers', () => psaSyncSuite(() => createSqliteStore({ path: ':memory:' })));
});

for (const target of PG_TARGETS) {
  describe.skipIf(target.skip)(`runSync on PostgreSQL (${target.kind})${target.skip ? ` (${target.skip})` : ''}`, () => {
    syncSuite(target.open);
    describe('with PSA readers', () => psaSyncSuite(target.open));
  });
}
