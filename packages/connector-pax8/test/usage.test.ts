import { collect, isAuthenticationError, type Subscription, Usage } from '@vectis/connector-core';
import { createPax8Connector, Pax8Envelope, Pax8UsageSummary } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS, type SandboxUsageSummary } from '@vectis/connector-pax8/sandbox';
import { useFakeApi } from '@vectis/testkit';
import { afterEach, describe, expect, it } from 'vitest';

// Month-to-date usage charges of usage-rated lines (issue #14 item 5), on the sandbox tenant.
const sandbox = createPax8Sandbox({ companies: 30, subscriptions: 150 });
useFakeApi(sandbox);
afterEach(() => {
  sandbox.reset();
  sandbox.setPageSizeCap(200);
});

const FAST = { pacing: false, retry: { limit: 1, baseDelayMs: 1, defaultRetryAfterMs: 5 }, timeoutMs: 2_000 } as const;
const connect = (more: { usageSummaries?: boolean } = {}) => createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: sandbox.baseUrl, ...FAST, ...more });
const week = { week: '2026-W49', asOf: '2026-12-02T06:00:00.000Z' } as const;

/** The expected sum, computed apart from the connector: integer thousandths of the served JSON numbers. */
function expectedSum(summaries: readonly SandboxUsageSummary[], field: 'currentCharges' | 'partnerTotal'): string {
  const mills = summaries.filter((s) => s.isTrial !== true).reduce((total, s) => total + Math.round((s[field] ?? 0) * 1000), 0);
  return (mills / 1000).toFixed(3).replace(/0+$/, '').replace(/\.$/, '');
}
const normalize = (amount: string | undefined) => (amount === undefined ? undefined : String(Number(amount)));

async function usageLines(): Promise<Subscription[]> {
  const lines = await collect(connect({ usageSummaries: false }).listSubscriptions());
  return lines.items.filter((l) => l.billingFrequency === 'usage');
}

describe('the sandbox serves usage summaries as the spec does', () => {
  it('{content, page} with default size 10, JSON-number money, subscriptionId only sometimes, isTrial; 404 / 422 like Pax8', async () => {
    const lines = await usageLines();
    const withSummaries = lines.find((l) => (sandbox.usageSummaries(l.externalId)?.length ?? 0) >= 2) as Subscription;
    const token = await sandbox.handle(new Request(`${sandbox.baseUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: PAX8_SANDBOX_CREDENTIALS.clientId, client_secret: PAX8_SANDBOX_CREDENTIALS.clientSecret, audience: 'https://api.pax8.com', grant_type: 'client_credentials' }) }));
    const auth = { authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
    const get = (path: string) => sandbox.handle(new Request(`${sandbox.baseUrl}${path}`, { headers: auth }));
    const body = await (await get(`/subscriptions/${withSummaries.externalId}/usage-summaries?size=1`)).json();
    const envelope = Pax8Envelope.parse(body);
    expect(envelope.page).toMatchObject({ size: 1, number: 0, totalPages: envelope.page.totalElements });
    const summary = Pax8UsageSummary.parse(envelope.content[0]);
    expect(typeof summary.currentCharges).toBe('number');
    expect(summary.companyId).toBe(withSummaries.customerExternalId);
    const all = lines.flatMap((l) => sandbox.usageSummaries(l.externalId) ?? []);
    expect(all.some((s) => s.subscriptionId === undefined) && all.some((s) => s.subscriptionId !== undefined)).toBe(true);
    expect(all.some((s) => s.isTrial)).toBe(true);
    expect(all.some((s) => !Number.isInteger((s.partnerTotal ?? 0) * 100))).toBe(true); // 3 decimals, as the spec's example
    expect((await get('/subscriptions/00000000-0000-4000-8000-000000000000/usage-summaries')).status).toBe(404);
    expect((await get(`/subscriptions/${withSummaries.externalId}/usage-summaries?sort=quantity,asc`)).status).toBe(422);
  });
});

describe('listSeatSnapshots with usage charges', () => {
  it('gives every line its purchased quantity and each usage line the exact month-to-date sum of its non-trial summaries', async () => {
    const pax8 = connect();
    expect(pax8.capabilities).toMatchObject({ seatSnapshots: 'purchased_quantity', usageCharges: true });
    const { items, coverage } = await collect(pax8.listSeatSnapshots(week));
    expect(items).toHaveLength(sandbox.lineCount());
    for (const row of items) expect(Usage.parse(row)).toEqual(row);
    const lines = await usageLines();
    expect(lines.length).toBeGreaterThan(5);
    const byId = new Map(items.map((r) => [r.subscriptionExternalId, r]));
    for (const line of lines) {
      const row = byId.get(line.externalId) as Usage;
      const served = sandbox.usageSummaries(line.externalId) ?? [];
      expect(row.quantity).toBe(line.quantity); // never the charges
      expect(row.consumed).toBeUndefined();
      expect(row.charges).toMatchObject({ period: 'month_to_date', from: '2026-12-01' });
      if (!served.some((s) => !s.isTrial)) {
        expect(row.charges?.customer).toBeUndefined(); // read, nothing billable reported: no made-up zero
        continue;
      }
      expect(normalize(row.charges?.customer?.amount)).toBe(normalize(expectedSum(served, 'currentCharges')));
      expect(normalize(row.charges?.partner?.amount)).toBe(normalize(expectedSum(served, 'partnerTotal')));
      expect(row.charges?.customer?.currency).toBe(served[0]?.currencyCode);
    }
    expect(items.filter((r) => !lines.some((l) => l.externalId === r.subscriptionExternalId)).every((r) => r.charges === undefined)).toBe(true);
    expect(coverage).toMatchObject({ stream: 'seat_snapshots', complete: true, fetched: items.length, detailRequests: lines.length });
  });

  it('costs one request per usage line; given the run\'s lines it lists no subscriptions again', async () => {
    const lines = await usageLines();
    sandbox.reset();
    const { items, coverage } = await collect(connect().listSeatSnapshots({ ...week, lines }));
    expect(items.map((r) => r.subscriptionExternalId)).toEqual(lines.map((l) => l.externalId));
    expect(coverage?.complete).toBe(true);
    const { byKind } = sandbox.stats();
    expect(byKind.usageSummaries).toBe(lines.length);
    expect(byKind.subscriptionList + byKind.product + byKind.pricing).toBe(0);
  });

  it('pages summaries past the page size to the end (Pax8 caps size at 200)', async () => {
    const lines = await usageLines();
    const expected = (await collect(connect().listSeatSnapshots({ ...week, lines }))).items;
    sandbox.setPageSizeCap(1);
    sandbox.reset();
    const paged = await collect(connect().listSeatSnapshots({ ...week, lines }));
    expect(paged.items).toEqual(expected);
    expect(sandbox.stats().byKind.usageSummaries).toBeGreaterThan(lines.length);
  });

  it('a failed summary read leaves that row without charges and the stream incomplete, never zero', async () => {
    const lines = await usageLines();
    // One line's reads fail past its retries (FAST: 1 retry); the other lines are read.
    const failing = lines[1] as Subscription;
    sandbox.inject({ kind: 'status', status: 503, times: 2, pathIncludes: `/subscriptions/${failing.externalId}/usage-summaries` });
    const { items, coverage } = await collect(connect().listSeatSnapshots({ ...week, lines }));
    expect(items).toHaveLength(lines.length);
    expect(items.filter((r) => r.charges === undefined).map((r) => r.subscriptionExternalId)).toEqual([failing.externalId]);
    expect(items.find((r) => r.subscriptionExternalId === failing.externalId)?.quantity).toBe(failing.quantity);
    expect(coverage?.complete).toBe(false);
    expect(coverage?.truncatedReason).toMatch(new RegExp(`usage charges of 1 line\\(s\\) not read: subscription ${failing.externalId}: .*503`));
  });

  it('summaries in two currencies are never added: no charges, incomplete; a 401 that persists is a typed error', async () => {
    const [line] = await usageLines();
    const id = (line as Subscription).externalId;
    sandbox.setUsageSummaries(id, [
      { id: 'a1', companyId: (line as Subscription).customerExternalId, resourceGroup: 'rg-us', currentCharges: 10.5, partnerTotal: 9, currencyCode: 'USD', isTrial: false },
      { id: 'a2', companyId: (line as Subscription).customerExternalId, resourceGroup: 'rg-eu', currentCharges: 20, partnerTotal: 18, currencyCode: 'EUR', isTrial: false },
    ]);
    try {
      const { items, coverage } = await collect(connect().listSeatSnapshots({ ...week, lines: [line as Subscription] }));
      expect(items[0]?.charges).toBeUndefined();
      expect(coverage).toMatchObject({ complete: false, truncatedReason: expect.stringContaining('several currencies (EUR, USD)') });
      sandbox.inject({ kind: 'status', status: 401, times: 10, pathIncludes: '/usage-summaries' });
      await expect(collect(connect().listSeatSnapshots({ ...week, lines: [line as Subscription] }))).rejects.toSatisfy(isAuthenticationError);
    } finally {
      sandbox.setUsageSummaries(id, undefined);
    }
  });

  it('usageSummaries: false sends no summary request and declares no charges', async () => {
    const pax8 = connect({ usageSummaries: false });
    expect(pax8.capabilities.usageCharges).toBe(false);
    const { items, coverage } = await collect(pax8.listSeatSnapshots(week));
    expect(items.every((r) => r.charges === undefined)).toBe(true);
    expect(coverage?.complete).toBe(true);
    expect(sandbox.stats().byKind.usageSummaries).toBe(0);
  });
});
