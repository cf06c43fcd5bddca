import type { Batch, RejectedRecord } from '@vectis/connector-core';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { useFakeApi } from '@vectis/testkit';
import { beforeEach, describe, expect, it } from 'vitest';

// Per-record validation and lying totals against the spec-shaped sandbox.
const sandbox = createIngramSandbox({ customers: 12, subscriptions: 18 });
useFakeApi(sandbox);
beforeEach(() => {
  sandbox.seed({ customers: 12, subscriptions: 18 });
  sandbox.reset();
});

const FAST = { pacing: false, retry: { limit: 1, baseDelayMs: 1 }, timeoutMs: 2_000, pageSize: 5 } as const;
const connect = (extra: Record<string, unknown> = {}) => createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: sandbox.baseUrl, ...FAST, ...extra });

async function drain<T>(stream: AsyncIterable<Batch<T>>) {
  const rejected: RejectedRecord[] = [];
  const batches: Batch<T>[] = [];
  for await (const batch of stream) {
    batches.push(batch);
    rejected.push(...(batch.rejected ?? []));
  }
  return { items: batches.flatMap((b) => b.items), rejected, coverage: batches.at(-1)?.coverage };
}

describe('one bad record never fails the stream', () => {
  it('a product quantity sent as a string rejects that line only; every other line is emitted', async () => {
    sandbox.injectExtended({ kind: 'bad-record', stream: 'subscriptions', times: 1 });
    const { items, rejected, coverage } = await drain(connect().listSubscriptions());
    expect(rejected).toHaveLength(1);
    const [r] = rejected;
    expect(r).toMatchObject({ stream: 'subscriptions', issues: [{ path: 'quantity' }] });
    expect(r?.where).toMatch(/^GET \/subscriptions\/\d+ products item 0$/);
    expect(JSON.stringify(r), 'no payload value in a rejection').not.toMatch(/"\d+"/);
    expect(items).toHaveLength(sandbox.lineCount() - 1);
    expect(items.some((l) => l.externalId === r?.id), 'the bad line is not emitted as anything').toBe(false);
    expect(coverage).toMatchObject({ complete: false, rejected: 1 });
    expect(coverage?.truncatedReason).toMatch(/could not be read/);
  });

  it('seat snapshots carry the rejection too, so the sync holds back its removal marks', async () => {
    sandbox.injectExtended({ kind: 'bad-record', stream: 'subscriptions', times: 1 });
    const { items, rejected, coverage } = await drain(connect().listSeatSnapshots({ week: '2026-W48', asOf: '2026-11-26T00:00:00.000Z' }));
    expect(rejected).toEqual([expect.objectContaining({ stream: 'seat_snapshots', issues: [expect.objectContaining({ path: 'quantity' })] })]);
    expect(items).toHaveLength(sandbox.lineCount() - 1);
    expect(coverage).toMatchObject({ stream: 'seat_snapshots', complete: false, rejected: 1 });
  });

  it('a negative quantity is invalid, never "0 seats"', async () => {
    const target = sandbox.ids('subscriptions')[3] as string;
    sandbox.mutate({ kind: 'seats', subscriptionId: target, quantity: -2 });
    const { items, rejected } = await drain(connect().listSubscriptions());
    expect(rejected.map((r) => [r.id?.split(':')[0], r.issues[0]?.path])).toEqual([[target, 'quantity']]);
    expect(items.filter((l) => l.parentExternalId === target).every((l) => l.quantity >= 0)).toBe(true);
    expect(items.some((l) => l.parentExternalId === target && l.quantity === 0 && l.externalId === rejected[0]?.id)).toBe(false);
  });

  it('a customer list item without an id is rejected by position; the rest of the page is kept', async () => {
    sandbox.injectExtended({ kind: 'bad-record', stream: 'customers', times: 1 });
    const { items, rejected, coverage } = await drain(connect().listCustomers());
    expect(rejected).toEqual([{ stream: 'customers', where: 'GET /customers offset 0 item 0', issues: [expect.objectContaining({ path: 'id' })] }]);
    expect(items).toHaveLength(11);
    expect(coverage).toMatchObject({ complete: false, rejected: 1 });
  });
});

describe('totals that lie', () => {
  it('a list that reports half its records is read to the end and reported incomplete', async () => {
    sandbox.injectExtended({ kind: 'lying-total', stream: 'subscriptions', factor: 0.5 });
    const { items, coverage } = await drain(connect().listSubscriptions());
    expect(new Set(items.map((l) => l.parentExternalId)).size).toBe(18);
    expect(coverage).toMatchObject({ complete: false, expected: 9 });
    expect(coverage?.truncatedReason).toMatch(/reported 9 records but sent more/);
  });
});
