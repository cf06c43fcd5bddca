// Migration 3 on a database written before it: the PSA tables and sync_runs.psa are added, nothing else moves.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { createSqliteStore, LATEST_SCHEMA_VERSION } from '@vectis/sync';
import { sqliteAtVersion } from './schema-at';
import { PSA_COMPANIES } from './store-contract-psa';

const dir = mkdtempSync(join(tmpdir(), 'vectis-psa-migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('upgrades a version-2 database: old runs read back without `psa`, PSA rows can be written', async () => {
  const path = join(dir, 'v2.db');
  const raw = sqliteAtVersion(path, 2);
  raw.prepare("INSERT INTO sync_runs (id, started_at, finished_at, status, week, as_of, vendors, errors) VALUES ('old', '2026-11-20T00:00:00Z', '2026-11-20T00:01:00Z', 'succeeded', '2026-W47', '2026-11-20T00:00:00Z', '{}', '[]')").run();
  raw.close();

  const store = await createSqliteStore({ path });
  expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
  const [old] = await store.latestRuns(1);
  expect(old).toMatchObject({ id: 'old', status: 'succeeded', vendors: {} });
  expect(old && 'psa' in old).toBe(false);
  await store.upsertPsaCompanies('halo', PSA_COMPANIES, { runId: 'r', at: '2026-11-26T00:00:00.000Z' });
  expect(await store.listPsaCompanies({ psa: 'halo' })).toHaveLength(3);
  await store.close();
});
