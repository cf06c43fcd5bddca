import { collect } from '@vectis/connector-core';
import { createIngramConnector, IngramCustomer, IngramSubscriptionDetailed, IngramSubscriptionList } from '@vectis/connector-ingram';
import { createIngramSandbox, type IngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { describe, expect, it } from 'vitest';

const { username, password, subscriptionKey, marketplace } = SANDBOX_CREDENTIALS;
const basic = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

async function call(sandbox: IngramSandbox, path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  const response = await sandbox.handle(new Request(`${sandbox.baseUrl}${path}`, init));
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // HTML pages stay text
  }
  return { status: response.status, headers: response.headers, body: body as Record<string, unknown> };
}

async function bearer(sandbox: IngramSandbox): Promise<Record<string, string>> {
  const { body } = await call(sandbox, '/token', {
    method: 'POST',
    headers: { authorization: basic, 'x-subscription-key': subscriptionKey, 'content-type': 'application/json' },
    body: JSON.stringify({ marketplace }),
  });
  return { authorization: `Bearer ${String(body.token)}`, 'x-subscription-key': subscriptionKey };
}

const ERROR_FIELDS = ['correlationId', 'message', 'path', 'status', 'timeStamp'];

describe('sandbox tenant: follows the 1.6 spec', () => {
  it('is deterministic per seed, and prices in the marketplace’s currency only', () => {
    const a = createIngramSandbox({ seed: 7, now: () => Date.parse('2026-11-26T00:00:00Z') }).data;
    const b = createIngramSandbox({ seed: 7, now: () => Date.parse('2026-11-26T00:00:00Z') }).data;
    expect(a).toEqual(b);
    const uk = createIngramSandbox({ marketplace: 'uk', subscriptions: 40 }).data;
    const currencies = new Set(uk.subscriptions.flatMap((s) => s.products.flatMap((p) => [p.unitPrice?.currency, p.unitCost?.currency])).filter(Boolean));
    expect([...currencies]).toEqual(['GBP']);
    expect(uk.customers.every((c) => c.address.countryCode === 'GB' && /\b(Ltd|Limited|LLP|plc)$/.test(c.name))).toBe(true);
  });

  it('serves realistic multi-product subscriptions with string amounts, add-ons and a few unpriced lines', () => {
    const { subscriptions } = createIngramSandbox({ subscriptions: 300 }).data;
    for (const s of subscriptions) expect(IngramSubscriptionDetailed.safeParse(s).success).toBe(true);
    expect(subscriptions.some((s) => s.products.length >= 2)).toBe(true);
    expect(subscriptions.some((s) => s.products.some((p) => p.quantity === 0))).toBe(true);
    expect(subscriptions.some((s) => s.billingModel === 'chargeExternalRating' && !s.products[0]?.unitPrice)).toBe(true);
    const amounts = subscriptions.flatMap((s) => s.products.flatMap((p) => (p.unitCost ? [p.unitCost.amount] : [])));
    expect(amounts.every((a) => typeof a === 'string' && /^\d+(\.\d{1,4})?$/.test(a))).toBe(true);
    expect(subscriptions.every((s) => /^CFQ7|^DZH3/.test(s.products[0]?.mpn ?? ''))).toBe(true);
  });

  it('lists newest first, without products or prices, capped at the page-size cap', async () => {
    const sandbox = createIngramSandbox({ customers: 5, subscriptions: 150 });
    const headers = await bearer(sandbox);
    const page = await call(sandbox, '/subscriptions?offset=0&limit=500', { headers });
    const list = IngramSubscriptionList.parse(page.body);
    expect(list.pagination).toEqual({ offset: 0, limit: 100, total: 150 });
    expect(list.data.map((s) => s.id).slice(0, 2)).toEqual(['5000150', '5000149']);
    expect(list.data.every((s) => !('products' in s) && !('totalPrice' in s) && !('planId' in s))).toBe(true);
    const customers = await call(sandbox, '/customers', { headers });
    expect((customers.body.pagination as { limit: number }).limit).toBe(10); // the spec's default limit
    const first = (customers.body.data as Record<string, unknown>[])[0];
    expect(Object.keys(first ?? {}).sort()).toEqual(expect.arrayContaining(['id', 'name', 'status']));
    expect(first).not.toHaveProperty('address');
    const detail = await call(sandbox, `/customers/${String(first?.id)}`, { headers });
    expect(IngramCustomer.parse(detail.body).address?.countryCode).toBe('US');
    expect((await call(sandbox, '/subscriptions?limit=0', { headers })).status).toBe(400);
  });

  it('checks Basic auth, the subscription key and the bearer, with 1.1 error bodies and X-Correlation-ID', async () => {
    const sandbox = createIngramSandbox();
    const noKey = await call(sandbox, '/token', { method: 'POST', headers: { authorization: basic }, body: '{"marketplace":"us"}' });
    expect(noKey.status).toBe(401);
    expect(Object.keys(noKey.body).sort()).toEqual(ERROR_FIELDS);
    expect(noKey.headers.get('x-correlation-id')).toMatch(/^a8n-/);
    const wrongPassword = await call(sandbox, '/token', {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${username}:nope`).toString('base64')}`, 'x-subscription-key': subscriptionKey },
      body: '{"marketplace":"us"}',
    });
    expect(wrongPassword.status).toBe(401);
    const wrongMarket = await call(sandbox, '/token', { method: 'POST', headers: { authorization: basic, 'x-subscription-key': subscriptionKey }, body: '{"marketplace":"uk"}' });
    expect(wrongMarket.status).toBe(403);
    expect((await call(sandbox, '/customers', { headers: { 'x-subscription-key': subscriptionKey } })).status).toBe(401);
    const headers = await bearer(sandbox);
    const ok = await call(sandbox, '/customers', { headers });
    expect(ok.headers.get('x-correlation-id')).toMatch(/^a8n-[0-9a-f]{8}-/);
    expect((await call(sandbox, '/customers', { method: 'POST', headers, body: '{}' })).status).toBe(405);
    expect((await call(sandbox, '/orders', { headers })).status).toBe(404);
  });

  it('expires tokens after expiresInSeconds on its injectable clock', async () => {
    let now = Date.parse('2026-11-26T08:00:00Z');
    const sandbox = createIngramSandbox({ tokenTtlSeconds: 1500, now: () => now });
    const headers = await bearer(sandbox);
    now += 1499_000;
    expect((await call(sandbox, '/customers', { headers })).status).toBe(200);
    now += 2_000;
    expect((await call(sandbox, '/customers', { headers })).status).toBe(401);
  });

  it('enforces an optional rate limit per key with 429 + Retry-After, and reports what it saw', async () => {
    const sandbox = createIngramSandbox({ rateLimit: { limit: 3, intervalMs: 60_000 } });
    const headers = await bearer(sandbox);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sandbox, '/customers', { headers })));
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 429, 429]);
    expect(Number(statuses[2]?.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(sandbox.stats()).toMatchObject({ total: 5, rateLimited: 2, maxInWindow: 5, windowMs: 60_000, tokensIssued: 1, byKind: { token: 1, customerList: 4 } });
  });

  it('mutates like next week: seats, cancellation, cost increase, new subscription, stamped with today', () => {
    const sandbox = createIngramSandbox({ subscriptions: 50, now: () => Date.parse('2026-11-26T08:00:00Z') });
    const before = sandbox.data.subscriptions;
    const changes = sandbox.simulateWeek({ seatChanges: 2 });
    expect(changes.map((c) => c.kind)).toEqual(['seats', 'seats', 'cancel', 'cost-increase', 'new-subscription']);
    const after = sandbox.data.subscriptions;
    expect(sandbox.today()).toBe('2026-12-03');
    const cancelled = after.find((s) => s.id === (changes[2] as { subscriptionId: string }).subscriptionId);
    expect(cancelled).toMatchObject({ status: 'terminated', renewalStatus: false, lastModifiedDate: '2026-12-03' });
    const raised = (changes[3] as { subscriptionId: string }).subscriptionId;
    const oldCost = before.find((s) => s.id === raised)?.products[0]?.unitCost?.amount;
    const newCost = after.find((s) => s.id === raised)?.products[0]?.unitCost?.amount;
    expect(Number(newCost)).toBeGreaterThan(Number(oldCost));
    expect(after).toHaveLength(51);
    const unchanged = after.filter((s) => !changes.some((c) => 'subscriptionId' in c && c.subscriptionId === s.id));
    expect(unchanged.every((s) => s.lastModifiedDate < '2026-11-26')).toBe(true);
  });

  it('serves a real connector over loopback HTTP (node:http)', async () => {
    const sandbox = createIngramSandbox({ customers: 12, subscriptions: 20 });
    const server = await sandbox.listen();
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/marketplace\/na$/);
      const c = createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: false });
      expect((await c.testConnection()).message).toBe('Connected to Ingram Micro — 20 subscriptions visible');
      const { items, coverage } = await collect(c.listCustomers());
      expect(items).toHaveLength(12);
      expect(coverage).toMatchObject({ complete: true, detailRequests: 12 });
      expect(sandbox.stats().byKind).toMatchObject({ token: 1, customerList: 1, customerDetail: 12, subscriptionList: 1 });
      await c.dispose();
    } finally {
      await server.close();
    }
  });
});
