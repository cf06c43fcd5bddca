import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore, isStoreLockedError, isStoreUnavailableError, runSync } from '@vectis/sync';
import { linesByParentSql, linesByParentsSql } from '../src/store/sql-store';
import { createFakeConnector, makeCustomers } from './fake-connector';
import { storeContract } from './store-contract';
import { expectNewerSchemaRefused } from './store-contract-leases';

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

describe('SQLite locking and versions', () => {
  it('looks previous lines up by index (vendor, parent), not by scanning the vendor (EXPLAIN QUERY PLAN)', async () => {
    const path = join(dir, 'plan.db');
    await (await createSqliteStore({ path })).close();
    const raw = new DatabaseSync(path);
    const plan = raw.prepare(`EXPLAIN QUERY PLAN ${linesByParentSql('')}`).all('ingram_micro', 's1') as { detail: string }[];
    const many = raw.prepare(`EXPLAIN QUERY PLAN ${linesByParentsSql('', 3)}`).all('ingram_micro', 's1', 's2', 's3') as { detail: string }[];
    raw.close();
    const search = /SEARCH license_subscriptions USING INDEX \S+ \(vendor=\? AND parent_external_id=\?\)/;
    expect(plan.map((p) => p.detail).join('\n')).toMatch(search);
    expect(many.map((p) => p.detail).join('\n')).toMatch(search);
  });

  it('refuses a database written by a newer schema version, naming both versions', async () => {
    const path = join(dir, 'newer.db');
    await (await createSqliteStore({ path })).close();
    await expectNewerSchemaRefused(
      () => createSqliteStore({ path }),
      async (version) => {
        const raw = new DatabaseSync(path);
        raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(version, 'from the future', '2027-01-01');
        raw.close();
      },
    );
  });

  it('waits for another connection\'s lock without blocking the event loop, then writes', async () => {
    const path = join(dir, 'two-stores.db');
    const first = await createSqliteStore({ path });
    const second = await createSqliteStore({ path, busyTimeoutMs: 3000 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE'); // holds the write lock until the timer below releases it
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    setTimeout(() => other.exec('ROLLBACK'), 150);
    const counts = await second.upsertCustomers('pax8', makeCustomers('pax8', 2), { runId: 'r', at: '2026-11-26T00:00:00.000Z' });
    clearInterval(ticker);
    other.close();
    // A synchronous busy-wait would have frozen the timers: no ticks, and the release never ran.
    expect(counts.inserted).toBe(2);
    expect(ticks).toBeGreaterThan(5);
    expect(await first.listCustomers()).toHaveLength(2);
    await first.close();
    await second.close();
  });

  it('two stores on one file: a second run of the same vendor fails fast with StoreLockedError naming the first', async () => {
    const path = join(dir, 'two-runs.db');
    const a = await createSqliteStore({ path });
    const b = await createSqliteStore({ path });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = createFakeConnector({ onPage: () => undefined });
    const original = slow.listCustomers.bind(slow);
    slow.listCustomers = async function* (options) {
      await gate;
      yield* original(options);
    };
    const first = runSync({ connectors: [slow], store: a, runId: 'first-run' });
    await new Promise((r) => setTimeout(r, 50));
    const second = await runSync({ connectors: [createFakeConnector()], store: b, runId: 'second-run' });
    release();
    expect(second.status).toBe('failed');
    const err = second.failed[0]?.error;
    expect(isStoreLockedError(err)).toBe(true);
    expect((err as Error).message).toMatch(new RegExp(`another sync \\(run first-run on [^:]+:${process.pid}, since `));
    expect((await first).status).toBe('succeeded');
    expect(await a.listSubscriptions()).toHaveLength(40);
    await a.close();
    await b.close();
  });
});
