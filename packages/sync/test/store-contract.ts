// The one store contract, run against every Store implementation (SQLite and PostgreSQL).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Customer } from '@vectis/connector-core';
import { isConfigurationError } from '@vectis/connector-core';
import { LATEST_SCHEMA_VERSION, type Store } from '@vectis/sync';
import { makeCustomers, makeLines } from './fake-connector';
import { leaseContract } from './store-contract-leases';
import { psaStoreContract } from './store-contract-psa';

const ctx1 = { runId: 'run-1', at: '2026-11-23T06:00:00.000Z' };
const ctx2 = { runId: 'run-2', at: '2026-11-24T06:00:00.000Z' };
const strip = <T extends { meta: unknown }>(rows: T[]) => rows.map(({ meta: _meta, ...rest }) => rest);

export function storeContract(open: () => Promise<Store>): void {
  let store: Store;
  beforeEach(async () => {
    store = await open();
  });
  afterEach(async () => {
    await store.close();
  });

  describe('schema', () => {
    it('migrates idempotently to the latest version', async () => {
      expect(await store.schemaVersion()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.migrate()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.migrate()).toBe(LATEST_SCHEMA_VERSION);
      expect(await store.listCustomers()).toEqual([]);
    });
  });

  describe('customers and lines', () => {
    it('reads back exactly what was written, raw JSON and optional fields included', async () => {
      const customers = makeCustomers('pax8', 3);
      customers[1] = { vendor: 'pax8', externalId: 'c00001', name: 'Bare', status: 'unknown', raw: null };
      await store.upsertCustomers('pax8', customers, ctx1);
      expect(strip(await store.listCustomers({ vendor: 'pax8' }))).toEqual(customers);
      const lines = makeLines('pax8', 4);
      await store.upsertSubscriptions('pax8', lines, ctx1);
      expect(strip(await store.listSubscriptions({ vendor: 'pax8' }))).toEqual(lines);
    });

    it('keeps money exact: decimal strings and currency, trailing zeros included', async () => {
      const [line] = makeLines('ingram_micro', 1);
      const exact = { ...line!, unitCost: { amount: '0.10', currency: 'EUR' }, unitPrice: { amount: '1234567890.123456', currency: 'EUR' } };
      await store.upsertSubscriptions('ingram_micro', [exact], ctx1);
      const [back] = await store.listSubscriptions();
      expect(back?.unitCost).toEqual({ amount: '0.10', currency: 'EUR' });
      expect(back?.unitPrice).toEqual({ amount: '1234567890.123456', currency: 'EUR' });
    });

    it('counts inserted, unchanged and updated rows, and keeps changedAt on unchanged ones', async () => {
      const customers = makeCustomers('ingram_micro', 5);
      expect(await store.upsertCustomers('ingram_micro', customers, ctx1)).toEqual({ inserted: 5, updated: 0, unchanged: 0, restored: 0 });
      const changed = customers.map((c, i) => (i === 0 ? { ...c, name: 'Renamed' } : c));
      expect(await store.upsertCustomers('ingram_micro', changed, ctx2)).toEqual({ inserted: 0, updated: 1, unchanged: 4, restored: 0 });
      const rows = await store.listCustomers();
      expect(rows[0]?.name).toBe('Renamed');
      expect(rows[0]?.meta.changedAt).toBe(ctx2.at);
      expect(rows[1]?.meta).toMatchObject({ firstSeenAt: ctx1.at, lastSeenAt: ctx2.at, changedAt: ctx1.at, removedAt: undefined });
    });

    it('treats a vendor reordering JSON keys as unchanged', async () => {
      const [c] = makeCustomers('sherweb', 1);
      await store.upsertCustomers('sherweb', [{ ...c!, raw: { a: 1, b: 2 } }], ctx1);
      expect((await store.upsertCustomers('sherweb', [{ ...c!, raw: { b: 2, a: 1 } }], ctx2)).unchanged).toBe(1);
    });

    it('keeps vendors apart in shared tables (the primary key includes the vendor)', async () => {
      await store.upsertCustomers('ingram_micro', makeCustomers('ingram_micro', 2), ctx1);
      await store.upsertCustomers('td_synnex', makeCustomers('td_synnex', 2), ctx1);
      expect(await store.listCustomers()).toHaveLength(4);
      expect(await store.listCustomers({ vendor: 'td_synnex' })).toHaveLength(2);
      expect(await store.markRemoved('customers', 'ingram_micro', ctx2)).toBe(2);
      expect(await store.listCustomers({ vendor: 'td_synnex' })).toHaveLength(2);
    });

    it('marks unseen rows removed without deleting them, and restores them when they come back', async () => {
      const lines = makeLines('pax8', 4);
      await store.upsertSubscriptions('pax8', lines, ctx1);
      await store.upsertSubscriptions('pax8', lines.slice(0, 3), ctx2);
      expect(await store.markRemoved('license_subscriptions', 'pax8', ctx2)).toBe(1);
      expect(await store.listSubscriptions()).toHaveLength(3);
      const all = await store.listSubscriptions({ includeRemoved: true });
      expect(all.find((l) => l.externalId === lines[3]!.externalId)?.meta.removedAt).toBe(ctx2.at);
      expect(await store.linesByParent('pax8', lines[3]!.parentExternalId!)).toEqual([lines[2]]);
      const byParent = await store.linesByParents('pax8', [lines[0]!.parentExternalId!, lines[3]!.parentExternalId!, 'nope']);
      expect([...byParent]).toEqual([[lines[0]!.parentExternalId, [lines[0], lines[1]]], [lines[3]!.parentExternalId, [lines[2]]], ['nope', []]]);
      const back = await store.upsertSubscriptions('pax8', lines, { runId: 'run-3', at: '2026-11-25T00:00:00.000Z' });
      expect(back).toEqual({ inserted: 0, updated: 1, unchanged: 3, restored: 1 });
      expect(await store.listSubscriptions()).toHaveLength(4);
    });

    it('rolls a whole batch back when one row fails (one page = one transaction)', async () => {
      const customers = makeCustomers('pax8', 3);
      const broken = [...customers, { ...customers[0]!, externalId: 'bad', name: null } as unknown as Customer];
      await expect(store.upsertCustomers('pax8', broken, ctx1)).rejects.toMatchObject({ name: 'StoreError' });
      expect(await store.listCustomers()).toEqual([]);
      await store.upsertCustomers('pax8', customers, ctx1);
      expect(await store.listCustomers()).toHaveLength(3);
    });
  });

  describe('weekly usage', () => {
    const row = (id: string, quantity: number, runAt = ctx1.at) => ({
      vendor: 'sherweb' as const, week: '2026-W48', asOf: runAt, customerExternalId: 'c1', subscriptionExternalId: id,
      quantity, source: 'vendor_usage' as const,
    });
    it('keeps one row per line per week: a re-run replaces it', async () => {
      await store.upsertUsage('sherweb', [row('a', 5), row('b', 2)], ctx1);
      await store.upsertUsage('sherweb', [{ ...row('a', 7, ctx2.at), assigned: 6, consumed: 4 }], ctx2);
      await store.upsertUsage('sherweb', [{ ...row('a', 3), week: '2026-W47' }], ctx1);
      expect(await store.listUsage({ week: '2026-W48' })).toEqual([
        { ...row('a', 7, ctx2.at), assigned: 6, consumed: 4 },
        row('b', 2),
      ]);
      expect(await store.listUsage({ subscriptionExternalId: 'a' })).toHaveLength(2);
      expect(await store.pruneUsage('sherweb', '2026-W48', ctx2)).toBe(1);
      expect(await store.listUsage({ vendor: 'sherweb', week: '2026-W48' })).toHaveLength(1);
      expect(await store.listUsage({ week: '2026-W47' })).toHaveLength(1);
    });
  });

  describe('runs and checkpoints', () => {
    const run = (id: string, startedAt: string) => ({
      id, startedAt, finishedAt: undefined, status: 'running' as const, week: '2026-W48', asOf: startedAt, vendors: {}, errors: [],
    });
    it('records runs, lists the latest first, and closes runs left running by a crash', async () => {
      await store.startRun(run('r1', '2026-11-20T00:00:00.000Z'));
      await store.startRun(run('r2', '2026-11-21T00:00:00.000Z'));
      const summary = {
        connector: 'fake', status: 'failed' as const, checkpointSaved: false,
        customers: { inserted: 1, updated: 0, unchanged: 0, restored: 0, removed: 0, invalid: 0 },
        subscriptions: { inserted: 0, updated: 0, unchanged: 0, restored: 0, removed: 0, invalid: 2 },
        usage: { written: 0, invalid: 0, pruned: 0, source: 'purchased_quantity' as const },
      };
      const finished = {
        ...run('r2', '2026-11-21T00:00:00.000Z'), status: 'partial' as const, finishedAt: '2026-11-21T00:01:00.000Z',
        vendors: { pax8: summary }, errors: [{ vendor: 'pax8' as const, name: 'ServerError', message: 'boom', severity: 'error' as const }],
      };
      await store.finishRun(finished);
      expect(await store.interruptStaleRuns('2026-11-22T00:00:00.000Z')).toBe(1);
      const [latest, older] = await store.latestRuns(5);
      expect(latest).toEqual(finished);
      expect(older).toMatchObject({ id: 'r1', status: 'interrupted', finishedAt: '2026-11-22T00:00:00.000Z' });
    });

    it('saves one checkpoint per vendor, JSON intact, overwritten by the next', async () => {
      expect(await store.getCheckpoint('pax8')).toBeUndefined();
      const cp = { vendor: 'pax8' as const, connector: 'pax8', checkpoint: { since: '2026-11-01', ids: [1, 2] }, runId: 'r1', savedAt: ctx1.at };
      await store.saveCheckpoint(cp);
      await store.saveCheckpoint({ ...cp, vendor: 'sherweb', connector: 'sherweb' });
      expect(await store.getCheckpoint('pax8')).toEqual(cp);
      await store.saveCheckpoint({ ...cp, checkpoint: { since: '2026-11-20' }, runId: 'r2' });
      expect(await store.getCheckpoint('pax8')).toMatchObject({ checkpoint: { since: '2026-11-20' }, runId: 'r2' });
    });
  });

  describe('PSA companies and contract lines', () => {
    psaStoreContract(() => store);
  });

  describe('leases and week completeness', () => {
    leaseContract(() => store);
  });

  describe('customer links', () => {
    const computed = {
      vendor: 'ingram_micro' as const, customerExternalId: 'c1', psaCompanyId: 'psa-9', tier: 'review', score: 0.82,
      reasons: [{ signal: 'name', effect: 'agrees', detail: 'names match' }], at: ctx1.at,
    };
    const pairs = async () =>
      (await store.listLinks()).map((l) => [l.customerExternalId, l.psaCompanyId, l.source, l.override ?? null, l.tier ?? null]);

    it('keeps one computed link per customer, replaced by re-matching, with tier, score and reasons', async () => {
      expect(await store.saveComputedLink(computed)).toBe('saved');
      expect(await store.saveComputedLink({ ...computed, psaCompanyId: 4417, tier: 'auto', score: 0.97 })).toBe('saved');
      expect(await store.listLinks()).toEqual([
        {
          vendor: 'ingram_micro', customerExternalId: 'c1', psaCompanyId: '4417', source: 'computed', override: undefined,
          tier: 'auto', score: 0.97, reasons: computed.reasons, note: undefined, updatedAt: ctx1.at,
        },
      ]);
      expect(await store.saveComputedLink({ ...computed, psaCompanyId: null, tier: 'none' })).toBe('cleared');
      expect(await store.listLinks()).toEqual([]);
    });

    it('never lets re-matching overwrite a manual link or a never_link pair', async () => {
      await store.saveComputedLink(computed);
      await store.setManualLink({ vendor: 'ingram_micro', customerExternalId: 'c1', override: 'link', psaCompanyId: 'psa-1', note: 'checked by Ana', at: ctx2.at });
      await store.setManualLink({ vendor: 'ingram_micro', customerExternalId: 'c2', override: 'never_link', psaCompanyId: 'psa-9', at: ctx2.at });
      expect(await store.saveComputedLink(computed)).toBe('kept-manual-link');
      expect(await store.saveComputedLink({ ...computed, customerExternalId: 'c2' })).toBe('never-link');
      expect(await store.saveComputedLink({ ...computed, customerExternalId: 'c2', psaCompanyId: 'psa-5' })).toBe('saved');
      expect(await pairs()).toEqual([
        ['c1', 'psa-1', 'manual', 'link', null],
        ['c2', 'psa-5', 'computed', null, 'review'],
        ['c2', 'psa-9', 'manual', 'never_link', null],
      ]);
      expect(await store.matchOverrides()).toEqual({
        link: [{ distributorId: 'ingram_micro:c1', psaId: 'psa-1' }],
        neverLink: [{ distributorId: 'ingram_micro:c2', psaId: 'psa-9' }],
      });
      expect(await store.clearLink('ingram_micro', 'c1')).toBe(1);
      expect(await store.saveComputedLink(computed)).toBe('saved');
    });

    it('requires the PSA company on a manual decision', async () => {
      const err = await store
        .setManualLink({ vendor: 'pax8', customerExternalId: 'c1', override: 'link', psaCompanyId: '', at: ctx1.at })
        .catch((e: unknown) => e);
      expect(isConfigurationError(err)).toBe(true);
    });
  });
}
