import { collect, isAuthenticationError, isPermissionError } from '@vectis/connector-core';
import { createSherwebConnector, type SherwebConnectorOptions } from '@vectis/connector-sherweb';
import { createSherwebSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-sherweb/sandbox';
import { useFakeApi } from '@vectis/testkit';
import { beforeEach, describe, expect, it } from 'vitest';

// The sandbox behaves like the published gateway (so the example, bench and contract suite test
// something real), and the connector's Sherweb-only features work against it end to end.
const sandbox = createSherwebSandbox({ customers: 12, subscriptions: 48 });
useFakeApi(sandbox);
beforeEach(() => sandbox.reset());

const FAST = { pacing: false, retry: { limit: 1, baseDelayMs: 1, defaultRetryAfterMs: 5 }, timeoutMs: 2_000 } as const;
const connect = (extra: Partial<SherwebConnectorOptions> = {}) =>
  createSherwebConnector({ ...SANDBOX_CREDENTIALS, apiUrl: sandbox.baseUrl, ...FAST, ...extra });
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${sandbox.baseUrl}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers } });

describe('sandbox gateway, per the specs', () => {
  it('the token call needs the subscription key (APIM 401), valid client credentials and allowed scopes', async () => {
    const form = `grant_type=client_credentials&client_id=${SANDBOX_CREDENTIALS.clientId}&client_secret=${SANDBOX_CREDENTIALS.clientSecret}&scope=service-provider`;
    const noKey = await post('/auth/oidc/connect/token', form);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toEqual({ statusCode: 401, message: expect.stringContaining('missing subscription key') });
    const key = { 'ocp-apim-subscription-key': SANDBOX_CREDENTIALS.subscriptionKey };
    expect(await (await post('/auth/oidc/connect/token', form.replace('sandbox-client-secret', 'nope'), key)).json()).toMatchObject({ error: 'invalid_client' });
    expect(await (await post('/auth/oidc/connect/token', form.replace('service-provider', 'admin'), key)).json()).toMatchObject({ error: 'invalid_scope' });
    expect(await (await post('/auth/oidc/connect/token', form, key)).json()).toMatchObject({ expires_in: 3600, token_type: 'Bearer' });
  });

  it('details and pricing information split the deprecated list item, field for field', async () => {
    const c = connect();
    await c.testConnection();
    const customerId = sandbox.data.customers[0]?.id ?? '';
    const auth = sandbox.requests().length; // token + customers
    expect(auth).toBe(2);
    const { items } = await collect(c.listSubscriptions());
    const line = items.find((l) => l.customerExternalId === customerId);
    const raw = line?.raw as { subscription: Record<string, unknown>; pricing: Record<string, unknown> };
    expect(Object.keys(raw.subscription).sort()).toEqual(['commitmentTerm', 'description', 'id', 'productName', 'purchaseDate', 'quantity', 'sku']);
    expect(Object.keys(raw.pricing).sort()).toEqual(['billingCycle', 'commitmentTerm', 'fees', 'id']);
    expect(String(raw.subscription.purchaseDate)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
  });

  it('a wrong subscription key is an APIM 401 → AuthenticationError naming the key', async () => {
    const error = await connect({ subscriptionKey: 'wrongkey0000000000000000000000000' }).testConnection().then(() => undefined, (e: unknown) => e as Error & { remedy: string });
    expect(isAuthenticationError(error)).toBe(true);
    expect(error?.message).toContain('invalid subscription key');
  });

  it('the rate limit answers 429 with "Try again in N seconds" and no Retry-After header', async () => {
    const limited = createSherwebSandbox({ rateLimit: { limit: 1, intervalMs: 60_000 } });
    const headers = { 'ocp-apim-subscription-key': SANDBOX_CREDENTIALS.subscriptionKey };
    await limited.handle(new Request(`${limited.baseUrl}/service-provider/v1/customers`, { headers }));
    const second = await limited.handle(new Request(`${limited.baseUrl}/service-provider/v1/customers`, { headers }));
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBeNull();
    expect(await second.json()).toMatchObject({ status: 429, detail: expect.stringMatching(/^Rate limit is exceeded\. Try again in \d+ seconds\.$/), traceId: expect.any(String) });
  });
});

describe('seat snapshots with meter usage (opt-in)', () => {
  it('adds consumed units where a platform meters the subscription, never sums two meters', async () => {
    const week = { week: '2026-W49', asOf: '2026-12-01T00:00:00.000Z' } as const;
    const plain = await collect(connect().listSeatSnapshots(week));
    expect(plain.items.every((r) => r.consumed === undefined && r.source === 'purchased_quantity')).toBe(true);
    sandbox.reset();
    const metered = await collect(connect({ meterUsage: true }).listSeatSnapshots(week));
    const subs = new Map(sandbox.data.subscriptions.map((s) => [s.id, s]));
    const backup = metered.items.filter((r) => /^SW-(ACRONIS|DROPSUITE)/.test(r.sku ?? ''));
    expect(backup.length).toBeGreaterThan(0);
    for (const row of backup) {
      const quantity = subs.get(row.subscriptionExternalId)?.quantity ?? 0;
      if (quantity % 5 === 0) expect(row.consumed, 'two meters: no single consumed figure').toBeUndefined();
      else expect(row.consumed).toBeLessThanOrEqual(row.quantity);
    }
    expect(metered.items.filter((r) => !/^SW-(ACRONIS|DROPSUITE)/.test(r.sku ?? '')).every((r) => r.consumed === undefined)).toBe(true);
    const configs = sandbox.requests().filter((r) => r.path.endsWith('/platforms-configurations'));
    // One platforms call per customer that has subscriptions (nothing to meter otherwise).
    expect(configs).toHaveLength(new Set(sandbox.data.subscriptions.map((s) => s.customerId)).size);
    expect(metered.coverage).toMatchObject({ stream: 'seat_snapshots', complete: true });
  });
});

describe('permission errors from the sandbox', () => {
  it('payable charges without the distributor scope → PermissionError naming the scope', async () => {
    // The token grants only the scopes asked for; the fetch below asks for service-provider only.
    const error = await collect(
      createSherwebConnector({ ...SANDBOX_CREDENTIALS, apiUrl: sandbox.baseUrl, ...FAST, scopes: ['service-provider', 'distributor'], fetch: scopeStripping }).listSubscriptions(),
    ).then(() => undefined, (e: unknown) => e as Error & { remedy: string });
    expect(isPermissionError(error)).toBe(true);
    expect(error?.remedy).toContain('"distributor"');
  });
});

/** Asks the token endpoint for service-provider only, as an application without Distributor API access gets. */
const scopeStripping: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  if (!request.url.endsWith('/auth/oidc/connect/token')) return fetch(request);
  const body = (await request.text()).replace(/scope=[^&]*/, 'scope=service-provider');
  return fetch(new Request(request.url, { method: 'POST', headers: request.headers, body }));
};
