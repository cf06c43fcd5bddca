import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, isStoreLockedError, isStoreUnavailableError, runSync } from '@vectis/sync';
import { makeCustomers } from './fake-connector';
import { createFakeConnector } from './fake-connector';
import { storeContract } from './store-contract';

const dir = mkdtempSync(join(tmpdir(), 'vectis-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe('SQLite store (in memory)', () => {
  storeContract(() => createSqliteStore({ path: ':memory:' }));
});

describe('SQLite store (file, WAL)', () => {
  storeContract(() => createSqliteStore({ path: join(dir, `contract-${n++}.db`) }));

  it('uses WAL and keeps data across reopen', async () => {
    const path = join(dir, 'reopen.db');
    const store = await createSqliteStore({ path });
    await store.upsertCustomers('pax8', makeCustomers('pax8', 2), { runId: 'r', at: '2026-11-26T00:00:00.000Z' });
    await store.close();
    const raw = new DatabaseSync(path);
    expect(raw.prepare('PRAGMA journal_mode').get()).toEqual({ journal_mode: 'wal' });
    raw.close();
    const again = await createSqliteStore({ path });
    expect(await again.listCustomers()).toHaveLength(2);
    await again.close();
  });
});

describe('SQLite failures', () => {
  it('turns "database is locked" into StoreLockedError and rolls the batch back', async () => {
    const path = join(dir, 'locked.db');
    const store = await createSqliteStore({ path, busyTimeoutMs: 50 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE'); // another process holding the write lock
    const err = await store.upsertCustomers('pax8', makeCustomers('pax8', 3), { runId: 'r', at: '2026-11-26T00:00:00.000Z' }).catch((e: unknown) => e);
    expect(isStoreLockedError(err)).toBe(true);
    expect((err as Error).message).toMatch(/locked\.db is locked by another process/);
    expect((err as Error).message).toMatch(/Wait for the other sync/);
    // A whole run against the locked file fails with the same typed error before touching data.
    await expect(runSync({ connectors: [createFakeConnector()], store })).rejects.toSatisfy(isStoreLockedError);
    other.exec('ROLLBACK');
    other.close();
    expect(await store.listCustomers()).toEqual([]);
    const result = await runSync({ connectors: [createFakeConnector()], store });
    expect(result.status).toBe('succeeded');
    await store.close();
  });

  it('reports a file that cannot be opened as StoreUnavailableError naming the path', async () => {
    const path = join(dir, 'no-such-dir', 'x.db');
    const err = await createSqliteStore({ path }).catch((e: unknown) => e);
    expect(isStoreUnavailableError(err)).toBe(true);
    expect((err as Error).message).toContain(path);
  });
});
