import { collect, type Subscription } from '@vectis/connector-core';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { useFakeApi } from '@vectis/testkit';
import { beforeEach, describe, expect, it } from 'vitest';

// A fresh tenant per test on a fixed clock; the connector reads the sandbox's clock (advance() included).
const START = Date.parse('2026-11-26T06:00:00Z');
const fresh = () => createIngramSandbox({ customers: 30, subscriptions: 80, now: () => START });
let sandbox = fresh();
useFakeApi({ baseUrl: sandbox.baseUrl, handle: (request) => sandbox.handle(request) });

const connect = () =>
  createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: sandbox.baseUrl, pacing: false, pageSize: 25, now: sandbox.now });

const byId = (lines: readonly Subscription[]) => [...lines].sort((a, b) => a.externalId.localeCompare(b.externalId));

function store(lines: readonly Subscription[]) {
  const map = new Map<string, Subscription[]>();
  for (const line of lines) map.set(line.parentExternalId ?? '', [...(map.get(line.parentExternalId ?? '') ?? []), line]);
  return (id: string) => map.get(id);
}

beforeEach(() => {
  sandbox = fresh();
});

describe('incremental subscriptions', () => {
  it('after a week of changes, fetches only changed or new details and emits what a full refresh would', async () => {
    const first = await collect(connect().listSubscriptions());
    expect(first.coverage).toMatchObject({ expected: 80, fetched: 80, detailRequests: 80, reused: 0, complete: true });
    expect(first.checkpoint).toEqual({ v: 1, lastSyncDay: '2026-11-26' });

    const changes = sandbox.simulateWeek({ seatChanges: 3 }); // 7 days on: + a cancellation, a cost increase, a new subscription
    const changed = new Set(changes.map((c) => ('subscriptionId' in c ? c.subscriptionId : undefined)));
    expect(changed.size).toBe(6);

    sandbox.reset();
    const next = await collect(connect().listSubscriptions({ checkpoint: first.checkpoint, previousLines: store(first.items) }));
    const log = sandbox.requests().map((r) => `${r.method} ${r.path}`);
    const details = log.filter((p) => /^GET \/subscriptions\/\d+$/.test(p)).map((p) => p.split('/')[2]);
    // Steady-state cost: one token, ⌈81/25⌉ = 4 list pages, and the 6 changed details.
    expect(log.filter((p) => p === 'POST /token')).toHaveLength(1);
    expect(log.filter((p) => p.startsWith('GET /subscriptions?'))).toHaveLength(4);
    expect(new Set(details)).toEqual(changed);
    expect(next.coverage).toMatchObject({ expected: 81, fetched: 81, detailRequests: 6, reused: 75, complete: true });
    expect(next.checkpoint).toEqual({ v: 1, lastSyncDay: '2026-12-03' });

    const full = await collect(connect().listSubscriptions());
    expect(byId(next.items)).toEqual(byId(full.items));
    const cancelled = changes.find((c) => c.kind === 'cancel');
    expect(next.items.filter((l) => l.parentExternalId === (cancelled as { subscriptionId: string }).subscriptionId).every((l) => l.status === 'cancelled')).toBe(true);
  });

  it('fetches a subscription modified on the checkpoint day itself (lastModifiedDate has day granularity)', async () => {
    const first = await collect(connect().listSubscriptions());
    const target = first.items[0]?.parentExternalId as string;
    sandbox.mutate({ kind: 'seats', subscriptionId: target, quantity: 77 }); // same day as the first sync
    sandbox.reset();
    const next = await collect(connect().listSubscriptions({ checkpoint: first.checkpoint, previousLines: store(first.items) }));
    expect(next.coverage?.detailRequests).toBe(1);
    expect(next.items.find((l) => l.parentExternalId === target)?.quantity).toBe(77);
  });

  it('fetches subscriptions whose stored lines are missing, and does a full refresh on a foreign checkpoint', async () => {
    const first = await collect(connect().listSubscriptions());
    sandbox.advance({ days: 1 });
    const lookup = store(first.items);
    const someMissing = (id: string) => (id.endsWith('7') ? undefined : lookup(id));
    const expectedFetches = sandbox.ids('subscriptions').filter((id) => id.endsWith('7')).length;
    const partial = await collect(connect().listSubscriptions({ checkpoint: first.checkpoint, previousLines: someMissing }));
    expect(partial.coverage?.detailRequests).toBe(expectedFetches);
    const foreign = await collect(connect().listSubscriptions({ checkpoint: { cursor: 'abc' }, previousLines: lookup }));
    expect(foreign.coverage).toMatchObject({ detailRequests: 80, reused: 0 });
  });

  it('catches subscriptions created while paging (newest first) and reports progress once per listener', async () => {
    sandbox.setPageSizeCap(10);
    sandbox.inject({ kind: 'insert-during-paging', count: 4 });
    const global: string[] = [];
    const local: string[] = [];
    const c = createIngramConnector({
      ...SANDBOX_CREDENTIALS,
      apiUrl: sandbox.baseUrl,
      pacing: false,
      now: sandbox.now,
      onProgress: (e) => global.push(e.type),
    });
    const { items, coverage } = await collect(c.listSubscriptions({ onProgress: (e) => local.push(e.type) }));
    expect(new Set(items.map((l) => l.parentExternalId))).toEqual(new Set(sandbox.ids('subscriptions')));
    expect(coverage).toMatchObject({ expected: 84, fetched: 84, complete: true });
    expect(coverage?.duplicatesDropped).toBeGreaterThan(0);
    expect(global).toEqual(local); // the same events, each delivered once per listener
    expect(local.filter((t) => t === 'detail')).toHaveLength(84);
    expect(local.filter((t) => t === 'page').length).toBeGreaterThanOrEqual(9);
    expect(local).toContain('stream-done');
  });

  it('seat snapshots: one purchased-quantity row per line, reusing stored lines the same way', async () => {
    const lines = await collect(connect().listSubscriptions());
    sandbox.advance({ days: 1 });
    sandbox.reset();
    const week = '2026-W49';
    const asOf = '2026-11-27T06:00:00.000Z';
    const rows = await collect(connect().listSeatSnapshots({ week, asOf, checkpoint: lines.checkpoint, previousLines: store(lines.items) }));
    expect(rows.items).toHaveLength(lines.items.length);
    expect(rows.items[0]).toEqual({
      vendor: 'ingram_micro',
      week,
      asOf,
      customerExternalId: lines.items[0]?.customerExternalId,
      subscriptionExternalId: lines.items[0]?.externalId,
      sku: lines.items[0]?.sku,
      quantity: lines.items[0]?.quantity,
      source: 'purchased_quantity',
    });
    expect(rows.coverage).toMatchObject({ stream: 'seat_snapshots', fetched: lines.items.length, detailRequests: 0, reused: 80, complete: true });
    expect(sandbox.requests().filter((r) => /^\/subscriptions\/\d+$/.test(r.path))).toEqual([]);
  });
});
