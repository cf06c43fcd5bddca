// runSync behaviour and fault tolerance, run against every store.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isSchemaDriftError, ServerError, type Subscription } from '@vectis/connector-core';
import { isSyncAbortedError, runSync, type Store, type SyncProgressEvent } from '@vectis/sync';
import { createFakeConnector, makeCustomers, makeLines, type FakeConnector } from './fake-connector';
import { storeSuite } from './sync-suite-store';

const MON = new Date('2026-11-23T06:00:00Z'); // 2026-W48
const THU = new Date('2026-11-26T06:00:00Z'); // 2026-W48
const NEXT = new Date('2026-11-30T06:00:00Z'); // 2026-W49

/** The store holds exactly what the fake distributor holds now: no lost and no duplicated rows. */
export async function expectTruth(store: Store, fake: FakeConnector, week = '2026-W48'): Promise<void> {
  const ids = (rows: readonly { externalId: string }[]) => rows.map((r) => r.externalId).sort();
  const vendor = fake.vendor;
  expect(ids(await store.listCustomers({ vendor }))).toEqual(ids(fake.data.customers as { externalId: string }[]));
  const lines = fake.data.lines as Subscription[];
  const stored = await store.listSubscriptions({ vendor });
  expect(ids(stored)).toEqual(ids(lines));
  expect(stored.map(({ meta: _m, ...l }) => l)).toEqual(expect.arrayContaining(lines));
  const usage = await store.listUsage({ vendor, week });
  expect(usage.map((u) => u.subscriptionExternalId).sort()).toEqual(ids(lines));
}

export function syncSuite(open: () => Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('a run', () => {
    it('stores customers, lines and the week snapshot stamped with one asOf, and records the run', async () => {
      const fake = createFakeConnector();
      const seats = vi.spyOn(fake, 'listSeatSnapshots');
      const result = await runSync({ connectors: [fake], store, now: THU });
      expect(result.status).toBe('succeeded');
      await expectTruth(store, fake);
      const usage = await store.listUsage({ week: '2026-W48' });
      expect(new Set(usage.map((u) => u.asOf))).toEqual(new Set([THU.toISOString()]));
      expect(usage.every((u) => u.source === 'purchased_quantity')).toBe(true);
      expect(seats).not.toHaveBeenCalled(); // derived from the lines just synced
      const [run] = await store.latestRuns(1);
      expect(run).toMatchObject({ id: result.runId, status: 'succeeded', week: '2026-W48', asOf: THU.toISOString() });
      expect(run?.vendors.ingram_micro).toMatchObject({
        customers: { inserted: 25, updated: 0, unchanged: 0, removed: 0, invalid: 0 },
        subscriptions: { inserted: 40, removed: 0, invalid: 0 },
        usage: { written: 40, source: 'purchased_quantity' },
      });
    });

    it('re-running in the same week replaces the snapshot instead of duplicating it', async () => {
      const fake = createFakeConnector();
      await runSync({ connectors: [fake], store, now: MON });
      const second = await runSync({ connectors: [fake], store, now: THU });
      expect(second.vendors[0]).toMatchObject({ subscriptions: { inserted: 0, unchanged: 40 }, customers: { unchanged: 25 } });
      const usage = await store.listUsage({ week: '2026-W48' });
      expect(usage).toHaveLength(40);
      expect(usage.every((u) => u.asOf === THU.toISOString())).toBe(true);
      await runSync({ connectors: [fake], store, now: NEXT });
      expect(await store.listUsage({ week: '2026-W49' })).toHaveLength(40);
      expect(await store.listUsage()).toHaveLength(80); // last week's history stays
    });

    it('marks vanished records removed (never deleted), keeps their history, and restores them when they return', async () => {
      const fake = createFakeConnector();
      await runSync({ connectors: [fake], store, now: MON });
      const allLines = fake.data.lines;
      fake.data.lines = allLines.slice(0, 37);
      fake.data.customers = fake.data.customers.slice(1);
      const second = await runSync({ connectors: [fake], store, now: THU });
      expect(second.vendors[0]).toMatchObject({ customers: { removed: 1 }, subscriptions: { removed: 3 }, usage: { pruned: 3 } });
      await expectTruth(store, fake);
      const gone = (await store.listSubscriptions({ includeRemoved: true })).filter((l) => l.meta.removedAt);
      expect(gone.map((l) => l.meta.removedAt)).toEqual([THU.toISOString(), THU.toISOString(), THU.toISOString()]);
      fake.data.lines = allLines;
      const third = await runSync({ connectors: [fake], store, now: NEXT });
      expect(third.vendors[0]?.subscriptions).toMatchObject({ restored: 3, updated: 3, removed: 0 });
      expect(await store.listSubscriptions()).toHaveLength(40);
      expect(await store.listUsage({ week: '2026-W48' })).toHaveLength(37); // the week they were gone
    });

    it('keeps connectors independent: one failing loses nothing of another, and the result says why', async () => {
      const pax8 = createFakeConnector({ vendor: 'pax8', id: 'pax8', lines: makeLines('pax8', 12), customers: makeCustomers('pax8', 4) });
      const error = new ServerError({ status: 503, method: 'GET', url: 'https://api.example/subscriptions', connector: 'ingram', data: undefined } as never);
      const ingram = createFakeConnector({ failAfter: { stream: 'customers', pages: 1, error } });
      const result = await runSync({ connectors: [ingram, pax8], store, now: THU });
      expect(result.status).toBe('partial');
      expect(result.failed.map((f) => [f.vendor, f.status])).toEqual([['ingram_micro', 'failed']]);
      expect(result.failed[0]?.error).toBe(error);
      await expectTruth(store, pax8);
      expect(await store.listCustomers({ vendor: 'ingram_micro' })).toHaveLength(10); // the committed page
      const [run] = await store.latestRuns(1);
      expect(run?.errors).toEqual([expect.objectContaining({ vendor: 'ingram_micro', name: 'ServerError', severity: 'error' })]);
    });

    it("calls listSeatSnapshots for 'vendor_usage' connectors and stores assigned seats under the run's asOf", async () => {
      const fake = createFakeConnector({ vendor: 'sherweb', seatSnapshots: 'vendor_usage', lines: makeLines('sherweb', 6), customers: makeCustomers('sherweb', 3) });
      const seats = vi.spyOn(fake, 'listSeatSnapshots');
      const result = await runSync({ connectors: [fake], store, now: THU });
      expect(seats).toHaveBeenCalledWith(expect.objectContaining({ week: '2026-W48', asOf: THU.toISOString() }));
      expect(result.vendors[0]?.usage).toMatchObject({ written: 6, source: 'vendor_usage' });
      const usage = await store.listUsage({ vendor: 'sherweb' });
      expect(usage[0]).toMatchObject({ source: 'vendor_usage', assigned: usage[0]!.quantity - 1, asOf: THU.toISOString() });
    });

    it('passes the stored checkpoint and previousLines so an incremental connector skips unchanged details', async () => {
      const fake = createFakeConnector({ incremental: true });
      const first = await runSync({ connectors: [fake], store, now: MON });
      expect(first.vendors[0]?.checkpointSaved).toBe(true);
      expect(fake.detailFetches).toBe(20);
      await runSync({ connectors: [fake], store, now: THU });
      expect(fake.receivedCheckpoints[1]).toEqual((await store.getCheckpoint('ingram_micro'))?.checkpoint);
      expect([fake.detailFetches, fake.reused]).toEqual([0, 20]);
      await expectTruth(store, fake);
    });

    it('does not mark anything removed nor save a checkpoint after an incomplete stream', async () => {
      const fake = createFakeConnector({ incremental: true });
      await runSync({ connectors: [fake], store, now: MON });
      const saved = await store.getCheckpoint('ingram_micro');
      fake.data.lines = fake.data.lines.slice(0, 30);
      fake.options.truncate = 'subscriptions';
      const result = await runSync({ connectors: [fake], store, now: THU });
      expect(result.status).toBe('partial');
      expect(result.vendors[0]).toMatchObject({ status: 'partial', checkpointSaved: false, subscriptions: { removed: 0 } });
      expect(await store.listSubscriptions()).toHaveLength(40);
      expect(await store.getCheckpoint('ingram_micro')).toEqual(saved);
      expect(result.run.errors[0]).toMatchObject({ name: 'IncompleteStream', severity: 'warning', stream: 'subscriptions' });
    });

    it('refuses two connectors of one vendor (they would mark each other removed) and an invalid now', async () => {
      const twice = runSync({ connectors: [createFakeConnector(), createFakeConnector({ id: 'other' })], store });
      await expect(twice).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/two connectors for vendor ingram_micro/) });
      await expect(runSync({ connectors: [], store, now: new Date('nope') })).rejects.toMatchObject({ name: 'ConfigurationError' });
      expect(await store.latestRuns()).toEqual([]);
    });

    it('reports progress: connector pages and stored batches', async () => {
      const events: SyncProgressEvent[] = [];
      await runSync({ connectors: [createFakeConnector()], store, now: THU, onProgress: (e) => events.push(e) });
      const batches = events.filter((e) => e.type === 'sync-batch');
      expect(batches.filter((e) => e.stream === 'subscriptions')).toHaveLength(4);
      expect(events.at(-1)).toMatchObject({ type: 'sync-vendor-done', connector: 'fake' });
    });
  });

  describe('what the store refuses or hides', () => {
    storeSuite(() => store);
  });

  describe('faults', () => {
    it('a connector failing after N pages: the next run ends with exactly the truth and the checkpoint did not move', async () => {
      const fake = createFakeConnector({ incremental: true });
      await runSync({ connectors: [fake], store, now: MON });
      const before = await store.getCheckpoint('ingram_micro');
      fake.data.lines = [...makeLines('ingram_micro', 30), ...makeLines('ingram_micro', 14, 10, 100)];
      fake.data.lines[0] = { ...(fake.data.lines[0] as Subscription), quantity: 99 };
      fake.options.failAfter = { stream: 'subscriptions', pages: 2 };
      const failed = await runSync({ connectors: [fake], store, now: THU });
      expect(failed.status).toBe('failed');
      expect(failed.vendors[0]).toMatchObject({ status: 'failed', checkpointSaved: false, subscriptions: { removed: 0 } });
      expect(await store.getCheckpoint('ingram_micro')).toEqual(before);
      expect(await store.listSubscriptions()).toHaveLength(40); // nothing marked removed by a failed stream
      fake.options.failAfter = undefined;
      const rerun = await runSync({ connectors: [fake], store, now: THU });
      expect(rerun.status).toBe('succeeded');
      expect(fake.receivedCheckpoints.at(-1)).toEqual(before?.checkpoint);
      await expectTruth(store, fake);
      expect((await store.listSubscriptions({ includeRemoved: true })).length).toBe(54); // 44 live + 10 removed
    });

    it('an aborted run stops at once, later connectors are not run, and the next run ends with the truth', async () => {
      const controller = new AbortController();
      const fake = createFakeConnector({ onPage: (stream, page) => stream === 'subscriptions' && page === 3 && controller.abort() });
      const other = createFakeConnector({ vendor: 'pax8', id: 'pax8', lines: makeLines('pax8', 5), customers: makeCustomers('pax8', 2) });
      const result = await runSync({ connectors: [fake, other], store, now: THU, signal: controller.signal });
      expect(result.status).toBe('aborted');
      expect(result.failed.map((f) => f.status)).toEqual(['aborted', 'aborted']);
      expect(isSyncAbortedError(result.failed[0]?.error)).toBe(true);
      expect(await store.listSubscriptions()).toHaveLength(20); // two committed pages, no torn page
      expect(await store.getCheckpoint('ingram_micro')).toBeUndefined();
      fake.options.onPage = undefined;
      await runSync({ connectors: [fake, other], store, now: THU });
      await expectTruth(store, fake);
      await expectTruth(store, other);
    });

    it("skips invalid records by default, counts them, and holds back removal and the checkpoint", async () => {
      const fake = createFakeConnector({ incremental: true });
      await runSync({ connectors: [fake], store, now: MON });
      const good = fake.data.lines;
      fake.data.lines = [...good.slice(0, 38), { ...(good[38] as object), quantity: -1 }, { ...(good[39] as object), vendor: 'pax8' }];
      fake.data.customers = [...fake.data.customers.slice(0, 24), { externalId: 'broken' }];
      const result = await runSync({ connectors: [fake], store, now: THU });
      expect(result.vendors[0]).toMatchObject({
        status: 'partial', checkpointSaved: false,
        customers: { invalid: 1, removed: 0 }, subscriptions: { invalid: 2, unchanged: 38, removed: 0 },
      });
      const warnings = result.run.errors.filter((e) => e.name === 'InvalidRecords');
      expect(warnings.map((w) => w.stream)).toEqual(['customers', 'subscriptions']);
      expect(warnings[1]?.message).toMatch(/2 invalid subscriptions record\(s\) skipped .*quantity.*vendor: tagged pax8, expected ingram_micro/);
      expect(await store.listSubscriptions()).toHaveLength(40); // not marked removed on a stream with skipped records
    });

    it("with invalidRecords: 'fail', stops that connector with SchemaDriftError and keeps the others", async () => {
      const fake = createFakeConnector();
      fake.data.lines = [...fake.data.lines.slice(0, 15), { vendor: 'ingram_micro', externalId: 'x' }];
      const other = createFakeConnector({ vendor: 'td_synnex', id: 'synnex', lines: makeLines('td_synnex', 3), customers: makeCustomers('td_synnex', 1) });
      const result = await runSync({ connectors: [fake, other], store, now: THU, policy: { invalidRecords: 'fail' } });
      expect(isSchemaDriftError(result.failed[0]?.error)).toBe(true);
      expect((result.failed[0]?.error as Error).message).toMatch(/subscriptions stream, record x/);
      expect(await store.listSubscriptions({ vendor: 'ingram_micro' })).toHaveLength(10);
      await expectTruth(store, other);
    });

    it('a process that died mid-run: its run is closed as interrupted and the rerun completes idempotently', async () => {
      const fake = createFakeConnector();
      // What a crash leaves behind: a 'running' run record and some committed pages.
      await store.startRun({ id: 'crashed', startedAt: MON.toISOString(), finishedAt: undefined, status: 'running', week: '2026-W48', asOf: MON.toISOString(), vendors: {}, errors: [] });
      await store.upsertSubscriptions('ingram_micro', (fake.data.lines as Subscription[]).slice(0, 10), { runId: 'crashed', at: MON.toISOString() });
      const result = await runSync({ connectors: [fake], store, now: THU });
      expect(result.vendors[0]?.subscriptions).toMatchObject({ inserted: 30, unchanged: 10, removed: 0 });
      await expectTruth(store, fake);
      const runs = await store.latestRuns(2);
      expect(runs.map((r) => [r.id, r.status])).toEqual([[result.runId, 'succeeded'], ['crashed', 'interrupted']]);
    });

    it('never stores a secret in the run record', async () => {
      const fake = createFakeConnector({ failAfter: { stream: 'customers', pages: 0, error: new Error('GET /v1/x?access_token=eyJabc.def failed; Authorization: Bearer abcdefghijkl') } });
      const result = await runSync({ connectors: [fake], store, now: THU });
      const [run] = await store.latestRuns(1);
      expect(JSON.stringify(run)).not.toMatch(/eyJabc|abcdefghijkl/);
      expect(run?.errors[0]?.message).toContain('access_token=[redacted]');
      expect(result.status).toBe('failed');
    });
  });
}
