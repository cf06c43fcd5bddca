// Store contract, part two: run leases, week completeness, schema versions. Called by storeContract.
import { expect, it } from 'vitest';
import { isStoreLockedError, isStoreVersionError, LATEST_SCHEMA_VERSION, type Store } from '@vectis/sync';
import { makeLines } from './fake-connector';

const A = { runId: 'run-a', holder: 'host-a:101', ttlMs: 60_000 };
const B = { runId: 'run-b', holder: 'host-b:202', ttlMs: 60_000 };
const at = '2026-11-26T06:00:00.000Z';
const usage = (id: string, week: string) => ({
  vendor: 'pax8' as const, week, asOf: at, customerExternalId: 'c1', subscriptionExternalId: id, quantity: 3, source: 'purchased_quantity' as const,
});

export function leaseContract(store: () => Store): void {
  it('gives a vendor lease to one run at a time and names the holder to the other', async () => {
    const s = store();
    expect(await s.acquireLease('pax8', A)).toBeUndefined();
    expect(await s.acquireLease('pax8', A)).toBeUndefined(); // renewing one's own lease
    const holder = await s.acquireLease('pax8', B);
    expect(holder).toMatchObject({ vendor: 'pax8', runId: 'run-a', holder: 'host-a:101' });
    expect(Date.parse(holder!.expiresAt)).toBeGreaterThan(Date.now());
    expect(await s.acquireLease('sherweb', B)).toBeUndefined(); // per vendor
    expect(await s.renewLease('pax8', 'run-b', 60_000)).toBe(false);
    expect(await s.renewLease('pax8', 'run-a', 60_000)).toBe(true);
    await s.releaseLease('pax8', 'run-b'); // not B's: nothing happens
    expect(await s.acquireLease('pax8', B)).toMatchObject({ runId: 'run-a' });
    await s.releaseLease('pax8', 'run-a');
    expect(await s.acquireLease('pax8', B)).toBeUndefined();
  });

  it("lets a lapsed lease (a crashed holder) be taken over, and then refuses the old holder's writes", async () => {
    const s = store();
    expect(await s.acquireLease('pax8', { ...A, ttlMs: 1 })).toBeUndefined();
    await new Promise((r) => setTimeout(r, 20));
    expect(await s.acquireLease('pax8', B)).toBeUndefined();
    const lines = makeLines('pax8', 2);
    // The old holder woke up: it may neither write nor remove anything of the vendor now.
    for (const write of [
      () => s.upsertSubscriptions('pax8', lines, { runId: 'run-a', at }),
      () => s.markRemoved('license_subscriptions', 'pax8', { runId: 'run-a', at }),
      () => s.pruneUsage('pax8', '2026-W48', { runId: 'run-a', at }),
      () => s.saveCheckpoint({ vendor: 'pax8', connector: 'pax8', checkpoint: {}, runId: 'run-a', savedAt: at }),
    ]) {
      const err = await write().catch((e: unknown) => e);
      expect(isStoreLockedError(err)).toBe(true);
      expect((err as Error).message).toMatch(/another sync \(run run-b on host-b:202, since .*\) is syncing pax8/);
    }
    expect(await s.upsertSubscriptions('pax8', lines, { runId: 'run-b', at })).toMatchObject({ inserted: 2 });
    expect(await s.upsertSubscriptions('td_synnex', makeLines('td_synnex', 1), { runId: 'run-a', at })).toMatchObject({ inserted: 1 });
  });

  it('does not close a run as interrupted while it holds a live lease', async () => {
    const s = store();
    const run = (id: string) => ({ id, startedAt: at, finishedAt: undefined, status: 'running' as const, week: '2026-W48', asOf: at, vendors: {}, errors: [] });
    await s.startRun(run('run-a'));
    await s.startRun(run('crashed'));
    await s.acquireLease('pax8', A);
    expect(await s.interruptStaleRuns(at)).toBe(1);
    expect((await s.latestRuns()).map((r) => [r.id, r.status]).sort()).toEqual([['crashed', 'interrupted'], ['run-a', 'running']]);
  });

  it('hides a week a run has not proven complete, and serves the latest complete week on request', async () => {
    const s = store();
    const ctx = { runId: 'run-1', at };
    await s.upsertUsage('pax8', [usage('a', '2026-W47'), usage('b', '2026-W47')], ctx);
    await s.markWeek('pax8', '2026-W47', { complete: true }, ctx);
    await s.markWeek('pax8', '2026-W48', { complete: false, reason: 'run run-1 in progress' }, ctx);
    await s.upsertUsage('pax8', [usage('a', '2026-W48')], ctx); // 1 of 2 rows: a crash mid-week
    await s.upsertUsage('sherweb', [{ ...usage('x', '2026-W48'), vendor: 'sherweb' }], ctx); // never marked: complete
    expect((await s.listUsage({ vendor: 'pax8' })).map((u) => u.week)).toEqual(['2026-W47', '2026-W47']);
    expect(await s.listUsage({ vendor: 'pax8', week: '2026-W48' })).toEqual([]);
    expect(await s.listUsage({ vendor: 'pax8', week: '2026-W48', includeIncomplete: true })).toHaveLength(1);
    const latest = await s.listUsage({ week: 'latest-complete' });
    expect(latest.map((u) => [u.vendor, u.week, u.subscriptionExternalId])).toEqual([
      ['pax8', '2026-W47', 'a'], ['pax8', '2026-W47', 'b'], ['sherweb', '2026-W48', 'x'],
    ]);
    expect(await s.listWeeks({ vendor: 'pax8' })).toEqual([
      { vendor: 'pax8', week: '2026-W48', complete: false, runId: 'run-1', reason: 'run run-1 in progress', updatedAt: at },
      { vendor: 'pax8', week: '2026-W47', complete: true, runId: 'run-1', reason: undefined, updatedAt: at },
    ]);
    await s.markWeek('pax8', '2026-W48', { complete: true }, { runId: 'run-2', at });
    expect((await s.listUsage({ vendor: 'pax8', week: 'latest-complete' })).map((u) => u.week)).toEqual(['2026-W48']);
  });
}

/** Run after the store was closed: a database written by a newer schema is refused, naming both versions. */
export async function expectNewerSchemaRefused(reopen: () => Promise<Store>, bump: (version: number) => Promise<void>): Promise<void> {
  await bump(LATEST_SCHEMA_VERSION + 1);
  const err = await reopen().catch((e: unknown) => e);
  expect(isStoreVersionError(err)).toBe(true);
  expect((err as Error).message).toMatch(new RegExp(`schema version ${LATEST_SCHEMA_VERSION + 1}, newer than version ${LATEST_SCHEMA_VERSION}`));
  expect((err as Error).message).toMatch(/Upgrade @vectis\/sync/);
}
