// Migration 4 on a database written before it: license_usage gains the nullable charge columns,
// rows already there keep NULL (no charges), and charged rows can be written and read back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Usage } from '@vectis/connector-core';
import { createPostgresStore, createSqliteStore, LATEST_SCHEMA_VERSION, type Store } from '@vectis/sync';
import { postgresAtVersion, sqliteAtVersion } from './schema-at';
import { dropTestSchemas, PG_START_TIMEOUT_MS, PG_TARGETS, preparePg } from './pg-env';

beforeAll(preparePg, PG_START_TIMEOUT_MS);
afterAll(dropTestSchemas);
const dir = mkdtempSync(join(tmpdir(), 'vectis-usage-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD_ROW = ['pax8', 'sub-1', 'c-1', '2026-W48', '2026-11-26T00:00:00.000Z', 'MST-AZR-PLAN', 1, 'purchased_quantity', 'old-run'];
const INSERT = 'INSERT INTO license_usage (vendor, subscription_external_id, customer_external_id, week, as_of, sku, quantity, source, run_id) VALUES ';
const charged: Usage = {
  vendor: 'pax8', week: '2026-W49', asOf: '2026-12-02T06:00:00.000Z', customerExternalId: 'c-1', subscriptionExternalId: 'sub-1', sku: 'MST-AZR-PLAN',
  quantity: 1, source: 'purchased_quantity',
  charges: { period: 'month_to_date', from: '2026-12-01', customer: { amount: '1737.08', currency: 'USD' }, partner: { amount: '1423.438', currency: 'USD' } },
};

async function expectMigrated(store: Store): Promise<void> {
  expect(LATEST_SCHEMA_VERSION).toBe(4);
  expect(await store.schemaVersion()).toBe(4);
  const [old] = await store.listUsage({ week: '2026-W48', includeIncomplete: true });
  expect(old).toEqual({ vendor: 'pax8', week: '2026-W48', asOf: '2026-11-26T00:00:00.000Z', customerExternalId: 'c-1', subscriptionExternalId: 'sub-1', sku: 'MST-AZR-PLAN', quantity: 1, source: 'purchased_quantity' });
  await store.upsertUsage('pax8', [charged], { runId: 'new-run', at: charged.asOf });
  expect(await store.listUsage({ week: '2026-W49', includeIncomplete: true })).toEqual([charged]); // amounts exactly as written
}

describe('migration 4 (usage charges)', () => {
  it('upgrades a version-3 SQLite database', async () => {
    const path = join(dir, 'v3.db');
    const raw = sqliteAtVersion(path, 3);
    raw.prepare(`${INSERT}(?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...OLD_ROW);
    raw.close();
    const store = await createSqliteStore({ path });
    try {
      await expectMigrated(store);
    } finally {
      await store.close();
    }
  });

  for (const target of PG_TARGETS) {
    it.skipIf(target.skip)(`upgrades a version-3 PostgreSQL database (${target.kind})${target.skip ? ` (${target.skip})` : ''}`, async () => {
      const options = await target.options();
      const client = new pg.Client({ connectionString: options.connectionString });
      await client.connect();
      try {
        if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}; SET search_path = ${options.schema}`);
        await postgresAtVersion(client, 3);
        await client.query(`${INSERT}($1, $2, $3, $4, $5, $6, $7, $8, $9)`, OLD_ROW);
      } finally {
        await client.end();
      }
      const store = await createPostgresStore(options);
      try {
        await expectMigrated(store);
      } finally {
        await store.close();
      }
    });
  }
});
