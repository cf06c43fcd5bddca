import { Customer, isoWeek, Subscription, Usage } from '@vectis/connector-core';
import { expect } from 'vitest';
import { declaredStreams, drain, filterChanges, open, pagingParams, prepare, primaryStream, vendorId } from './helpers';
import type { ContractCase } from './types';

const sorted = (ids: Iterable<string>) => [...ids].sort();

export const testConnectionCase: ContractCase = {
  name: 'testConnection() proves the credentials and says so in a human message',
  async run(ctx) {
    prepare(ctx);
    const c = ctx.create();
    const result = await c.testConnection();
    expect(result.ok).toBe(true);
    expect(result.vendor).toBe(c.vendor);
    expect(result.message).toContain(c.label);
    expect(ctx.fake.requests().some((r) => r.method === 'GET' && r.status < 300), 'testConnection must make a real GET').toBe(true);
  },
};

export const pagingCase: ContractCase = {
  name: 'pages to exhaustion past a server page-size cap: every record exactly once, filters kept, complete coverage',
  async run(ctx) {
    const cap = 4;
    prepare(ctx, cap);
    const c = ctx.create();
    for (const stream of declaredStreams(c)) {
      ctx.fake.reset();
      const { items, coverage } = await drain(open(c, stream));
      const schema = stream === 'customers' ? Customer : Subscription;
      for (const item of items) schema.parse(item);
      const ids = items.map((i) => i.externalId);
      expect(new Set(ids).size, `${stream}: a record was emitted twice`).toBe(ids.length);
      expect(sorted(new Set(items.map(vendorId))), `${stream}: ids emitted vs ids held by the vendor`).toEqual(sorted(ctx.fake.ids(stream)));
      if (stream === 'subscriptions' && ctx.fake.lineCount) {
        expect(items.length, 'every product of a multi-product subscription must become a line').toBe(ctx.fake.lineCount());
      }
      expect(coverage, `${stream}: the last batch must carry coverage`).toBeDefined();
      expect(coverage).toMatchObject({ stream, complete: true });
      if (coverage?.expected !== undefined) expect(coverage.fetched).toBe(coverage.expected);
      if (ctx.wholeLists) {
        // Each request is a complete list (per customer, say): there are no later pages to keep filters on.
        expect(coverage?.pages ?? 0, `${stream}: at least the one list response`).toBeGreaterThanOrEqual(1);
        expect(pagingParams(ctx.fake.requests()), 'a whole-list API takes no paging parameters').toEqual([]);
        continue;
      }
      expect(coverage?.pages ?? 0, `${stream}: ${ctx.fake.ids(stream).length} records under a cap of ${cap} need several pages`).toBeGreaterThanOrEqual(
        Math.ceil(ctx.fake.ids(stream).length / cap),
      );
      expect(filterChanges(ctx.fake.requests()), 'filters must be sent on every page').toEqual([]);
    }
  },
};

export const shiftingPagesCase: ContractCase = {
  name: 'records inserted while paging (newest-first lists shift): no record twice, none lost',
  async run(ctx) {
    prepare(ctx, 4);
    const c = ctx.create();
    const stream = primaryStream(c);
    const before = ctx.fake.ids(stream);
    ctx.fake.inject({ kind: 'insert-during-paging', count: 3 });
    const { items, coverage } = await drain(open(c, stream));
    const ids = items.map((i) => i.externalId);
    expect(new Set(ids).size, 'duplicates must be dropped').toBe(ids.length);
    const got = new Set(items.map(vendorId));
    expect(before.filter((id) => !got.has(id)), 'records present before paging started must all arrive').toEqual([]);
    // A whole list is one snapshot: records added while it is served cannot shift it into duplicates.
    if (!ctx.wholeLists) expect(coverage?.duplicatesDropped ?? 0).toBeGreaterThan(0);
    else expect(coverage?.complete).toBe(true);
  },
};

export const unknownStatusCase: ContractCase = {
  name: 'an undocumented status value keeps the record, as status "unknown" with rawStatus kept',
  async run(ctx) {
    prepare(ctx);
    const c = ctx.create();
    for (const stream of declaredStreams(c)) {
      const id = ctx.fake.ids(stream)[0];
      if (id === undefined) throw new Error(`the fake holds no ${stream}`);
      ctx.fake.setUnknownStatus(stream, id, 'FROBNICATED_2031');
      const { items } = await drain(open(c, stream));
      const records = items.filter((i) => vendorId(i) === id) as unknown as Array<{ status: string; rawStatus?: string }>;
      expect(records.length, `${stream} ${id} must still be emitted`).toBeGreaterThan(0);
      for (const r of records) expect(r).toMatchObject({ status: 'unknown', rawStatus: 'FROBNICATED_2031' });
    }
  },
};

export const capabilitiesCase: ContractCase = {
  name: 'declared capabilities are honest: every declared stream works and completes',
  async run(ctx) {
    prepare(ctx);
    const c = ctx.create();
    expect(c.capabilities.stub).toBe(false);
    for (const stream of declaredStreams(c)) {
      const { items, coverage } = await drain(open(c, stream));
      expect(items.length, `${stream} is declared but returned nothing from a seeded tenant`).toBeGreaterThan(0);
      expect(coverage?.complete).toBe(true);
    }
    const source = c.capabilities.seatSnapshots;
    if (source) {
      const week = isoWeek(new Date('2026-11-26T12:00:00Z'));
      const asOf = '2026-11-26T12:00:00.000Z';
      const { items, coverage } = await drain(c.listSeatSnapshots({ week, asOf }));
      expect(items.length, 'seatSnapshots is declared but no rows came back').toBeGreaterThan(0);
      for (const row of items) expect(Usage.parse(row)).toMatchObject({ week, asOf, source, vendor: c.vendor });
      expect(coverage?.stream).toBe('seat_snapshots');
    }
    await expect(c.dispose()).resolves.toBeUndefined();
  },
};
