import { collect, isAuthenticationError, isNotFoundError, isPermissionError, isRateLimitError, refreshTokenAuth, type VectisError } from '@vectis/connector-core';
import { createPax8Connector, type Pax8ConnectorOptions } from '@vectis/connector-pax8';
import { errorText, useFakeApi } from '@vectis/testkit';
import { beforeEach, describe, expect, it } from 'vitest';
import companiesPage from './fixtures/companies-page.json' with { type: 'json' };
import subscription from './fixtures/subscription.json' with { type: 'json' };
import tokenError from './fixtures/token-error.json' with { type: 'json' };
import { BASE, CREDS, createScriptedApi, json, pax8Error, single } from './handlers';

const api = createScriptedApi();
useFakeApi(api);
beforeEach(() => api.reset());

const FAST = { pacing: false, retry: { limit: 1, baseDelayMs: 1, defaultRetryAfterMs: 5 }, timeoutMs: 2_000 } as const;
const connect = (extra: Partial<Pax8ConnectorOptions> = {}) => createPax8Connector({ ...CREDS, ...FAST, ...extra });

async function failure(promise: Promise<unknown>): Promise<VectisError> {
  const outcome = await promise.then(() => undefined, (e: unknown) => e as VectisError);
  if (!outcome) throw new Error('expected a failure');
  expect(errorText(outcome), 'a secret leaked into the error').not.toContain(CREDS.clientSecret);
  return outcome;
}

describe('auth per pax8-auth.openapi.json', () => {
  it('POSTs /v1/token once with the JSON TokenRequest (audience https://api.pax8.com), then Bearer on every GET', async () => {
    const c = connect();
    await c.testConnection();
    await collect(c.listCustomers());
    await collect(c.listCustomers());
    const posts = api.log.filter((r) => r.method !== 'GET');
    expect(posts).toHaveLength(1); // one token for the whole session, not one per call
    expect(posts[0]).toMatchObject({ method: 'POST', path: '/token' });
    expect(posts[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(posts[0]?.body ?? '')).toEqual({ grant_type: 'client_credentials', client_id: CREDS.clientId, client_secret: CREDS.clientSecret, audience: 'https://api.pax8.com' });
    for (const r of api.log.filter((x) => x.method === 'GET')) expect(r.headers.authorization).toBe('Bearer fixture-access-token-1');
    await c.dispose();
  });

  it('sends the legacy audience and a configured token URL when asked', async () => {
    api.on((request, path) => (path === '/auth/legacy-token' ? json({ access_token: 'legacy-token', expires_in: 86400, token_type: 'Bearer' }) : undefined));
    const c = connect({ audience: 'api://p8p.client', tokenUrl: `${BASE}/auth/legacy-token` });
    expect((await c.testConnection()).message).toBe('Connected to Pax8 — 10 companies visible');
    expect(api.paths()[0]).toBe('POST /auth/legacy-token');
    expect(JSON.parse(api.log[0]?.body ?? '{}').audience).toBe('api://p8p.client');
    expect(api.log[1]?.headers.authorization).toBe('Bearer legacy-token');
    await c.dispose();
  });

  it('reports refused client credentials as AuthenticationError saying what to check, without the secret', async () => {
    api.on((_r, path) => (path === '/token' ? json(tokenError, 401) : undefined));
    const error = await failure(connect().testConnection());
    expect(isAuthenticationError(error)).toBe(true);
    expect(error.message).toContain('client id and secret');
    expect(error.message).toContain('audience');
    expect(error.message).toContain('access_denied: Unauthorized');
  });

  it('plugs another auth strategy (Delegated OAuth: rotating refresh token, stored before use) in without touching the connector', async () => {
    const stored: string[] = [];
    api.on((_r, path) => (path === '/oauth/token' ? json({ access_token: 'delegated-access', expires_in: 86400, refresh_token: 'refresh-2' }) : undefined));
    const c = connect({
      auth: ({ clientId, clientSecret }) =>
        refreshTokenAuth({ tokenUrl: `${BASE}/oauth/token`, clientId, clientSecret, refreshToken: 'refresh-1', onRotate: (t) => void stored.push(t) }),
    });
    await c.testConnection();
    expect(stored).toEqual(['refresh-2']);
    expect(api.paths()[0]).toBe('POST /oauth/token');
    expect(api.log[1]?.headers.authorization).toBe('Bearer delegated-access');
    await c.dispose();
  });
});

describe('testConnection', () => {
  it('is one GET /companies?size=1 and reports page.totalElements', async () => {
    api.on((_r, path) => (path.startsWith('/companies?') ? json(companiesPage) : undefined)); // the spec example: totalElements 65
    const result = await connect().testConnection();
    expect(result.message).toBe('Connected to Pax8 — 65 companies visible');
    expect(api.paths()).toEqual(['POST /token', 'GET /companies?page=0&size=1']);
  });
});

describe('errors read from the {type, message, instance, status, details} body', () => {
  it('403 "Invalid companyId" → PermissionError explaining the company is not this partner\'s', async () => {
    api.on((_r, path) => (path.startsWith('/subscriptions?') ? pax8Error(403, 'FORBIDDEN', 'Invalid companyId', '/subscriptions') : undefined));
    const error = await failure(collect(connect().listSubscriptions()));
    expect(isPermissionError(error)).toBe(true);
    expect(error.message).toContain('FORBIDDEN: Invalid companyId');
    expect(error.message).toContain('not one of this partner account');
  });

  it('404 "Company Not Found" on the first page → NotFoundError naming the API URL', async () => {
    api.on((_r, path) => (path.startsWith('/companies?') ? pax8Error(404, 'NOT_FOUND', 'Company Not Found: x', '/companies') : undefined));
    const error = await failure(collect(connect().listCustomers()));
    expect(isNotFoundError(error)).toBe(true);
    expect(error.message).toContain('NOT_FOUND: Company Not Found: x');
    expect(error.message).toContain('https://api.pax8.com/v1');
  });

  it('429 without Retry-After is retried after a bounded wait; persistent 429 → RateLimitError with the pacing remedy', async () => {
    let n = 0;
    api.on((_r, path) => (path.startsWith('/companies?') && n++ === 0 ? pax8Error(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded', '/companies') : undefined));
    const { items } = await collect(connect().listCustomers());
    expect(items).toHaveLength(10);
    api.reset();
    api.on((_r, path) => (path.startsWith('/companies?') ? pax8Error(429, 'TOO_MANY_REQUESTS', 'Rate limit exceeded', '/companies') : undefined));
    const error = await failure(collect(connect().listCustomers()));
    expect(isRateLimitError(error)).toBe(true);
    expect(error.message).toContain('1000 requests per minute');
    expect(api.log.filter((r) => r.path.startsWith('/companies')).length).toBe(2); // retry.limit 1: bounded
  });
});

describe('paging per the spec', () => {
  it('asks size 200 with an explicit sort, and a page of the spec example (totalElements 65, 10 items, then empty) is an incomplete stream', async () => {
    api.on((_r, path) => {
      if (!path.startsWith('/companies?')) return undefined;
      const number = Number(new URL(path, BASE).searchParams.get('page'));
      return json(number === 0 ? companiesPage : { content: [], page: { ...companiesPage.page, number } });
    });
    const { items, coverage } = await collect(connect().listCustomers());
    expect(items).toHaveLength(10);
    expect(coverage).toMatchObject({ stream: 'customers', complete: false, expected: 65, fetched: 10 });
    expect(coverage?.truncatedReason).toContain('reported 65 records but 10 were received');
    // Page 1 came back empty, which ends the walk; the read-ahead (2 pages) had already asked for page 2.
    expect(api.paths().slice(1)).toEqual(['GET /companies?sort=name%2Casc&page=0&size=200', 'GET /companies?sort=name%2Casc&page=1&size=200', 'GET /companies?sort=name%2Casc&page=2&size=200']);
  });

  it('a 404 past the end is the end: complete when every record arrived, incomplete otherwise', async () => {
    const [a, b] = companiesPage.content;
    api.on((_r, path) => {
      if (!path.startsWith('/companies?')) return undefined;
      const number = Number(new URL(path, BASE).searchParams.get('page'));
      if (number === 0) return json({ content: [a], page: { size: 1, totalElements: 2, totalPages: 3, number: 0 } });
      if (number === 1) return json({ content: [b], page: { size: 1, totalElements: 2, totalPages: 3, number: 1 } });
      return pax8Error(404, 'NOT_FOUND', 'Not Found', '/companies');
    });
    const done = await collect(connect().listCustomers());
    expect(done.items).toHaveLength(2);
    expect(done.coverage?.complete).toBe(true);
  });

  it('a total lower than what the pages hold (says 3, holds 5): pages on to a short page and reports the stream partial', async () => {
    const five = companiesPage.content.slice(0, 5);
    api.on((_r, path) => {
      if (!path.startsWith('/companies?')) return undefined;
      const number = Number(new URL(path, BASE).searchParams.get('page'));
      return json({ content: five.slice(number * 2, number * 2 + 2), page: { size: 2, totalElements: 3, totalPages: 2, number } });
    });
    const { items, coverage } = await collect(connect({ pageSize: 2 }).listCustomers());
    expect(items.map((c) => c.externalId)).toEqual(five.map((c) => c.id));
    expect(coverage).toMatchObject({ complete: false, fetched: 5, expected: 3 });
    expect(coverage?.truncatedReason).toContain('totals are wrong');
  });
});

describe('per-record validation', () => {
  it('a subscription without a readable quantity is rejected (id and path, no value), never 0 seats; the stream goes on', async () => {
    const good = subscription;
    const bad = [
      { ...subscription, id: 'bad-missing', quantity: undefined },
      { ...subscription, id: 'bad-negative', quantity: -3 },
      { ...subscription, id: 'bad-string', quantity: '5' },
    ];
    api.on((_r, path) => (path.startsWith('/subscriptions?') ? json(single([good, ...bad])) : undefined));
    const batches = [];
    for await (const batch of connect().listSubscriptions()) batches.push(batch);
    const items = batches.flatMap((b) => b.items);
    const rejected = batches.flatMap((b) => b.rejected ?? []);
    expect(items.map((i) => i.externalId)).toEqual([good.id]);
    expect(rejected.map((r) => r.id)).toEqual(['bad-missing', 'bad-negative', 'bad-string']);
    expect(rejected[0]).toMatchObject({ stream: 'subscriptions', where: 'GET /subscriptions page 0 item 1', issues: [expect.objectContaining({ path: 'content[1].quantity' })] });
    expect(JSON.stringify(rejected)).not.toContain('"5"');
    // Rejected records were received but not read: the stream cannot be called complete (a sync must
    // not remove anything on it), and `fetched` counts only the records emitted.
    expect(batches.at(-1)?.coverage).toMatchObject({ complete: false, expected: 4, fetched: 1, rejected: 3, truncatedReason: expect.stringContaining('3 record(s) could not be read') });
  });
});

describe('products', () => {
  it('looks each distinct product up once per sync (detail + pricing) and reuses them from the checkpoint next run', async () => {
    const lines = [subscription, { ...subscription, id: 'second-e3' }, { ...subscription, id: 'third-e3' }];
    api.on((_r, path) => (path.startsWith('/subscriptions?') ? json(single(lines)) : undefined));
    const first = await collect(connect().listSubscriptions());
    expect(first.items.map((l) => l.sku)).toEqual(['MST-OFC-EE3-C100', 'MST-OFC-EE3-C100', 'MST-OFC-EE3-C100']);
    expect(api.paths().filter((p) => p.includes('/products/'))).toEqual([`GET /products/${subscription.productId}`, `GET /products/${subscription.productId}/pricing`]);
    api.reset();
    api.on((_r, path) => (path.startsWith('/subscriptions?') ? json(single(lines)) : undefined));
    const next = await collect(connect().listSubscriptions({ checkpoint: first.checkpoint }));
    expect(next.items.map((l) => l.sku)).toEqual(first.items.map((l) => l.sku));
    expect(api.paths().filter((p) => p.includes('/products/'))).toEqual([]);
    expect(next.coverage).toMatchObject({ detailRequests: 0, reused: 1 });
  });

  it('recognises a usage product by $0 rates AND a container unit, not by a $0 price alone', async () => {
    const azure = { ...subscription, id: 'azure-plan', productId: 'azure-product', price: 0, partnerCost: 0, productName: 'Microsoft Azure Plan' };
    const promo = { ...subscription, id: 'promo', productId: 'promo-product', price: 0, partnerCost: 0, productName: 'Promo seat' };
    api.on((_r, path) => {
      if (path.startsWith('/subscriptions?')) return json(single([azure, promo]));
      if (path === '/products/azure-product') return json({ id: 'azure-product', name: 'Microsoft Azure Plan', sku: 'MST-AZR-PLAN' });
      if (path === '/products/promo-product') return json({ id: 'promo-product', name: 'Promo seat', sku: 'PROMO-1' });
      const zero = [{ partnerBuyRate: 0, suggestedRetailPrice: 0, chargeType: 'Flat Rate' }];
      if (path === '/products/azure-product/pricing') return json({ content: [{ billingTerm: 'Monthly', unitOfMeasurement: 'Each', rates: zero }] });
      if (path === '/products/promo-product/pricing') return json({ content: [{ billingTerm: 'Monthly', unitOfMeasurement: 'User', rates: zero }] });
      return undefined;
    });
    const { items } = await collect(connect().listSubscriptions());
    expect(items.find((l) => l.externalId === 'azure-plan')).toMatchObject({ billingFrequency: 'usage', recurring: false, amountBasis: 'unknown' });
    expect(items.find((l) => l.externalId === 'promo')).toMatchObject({ billingFrequency: 'monthly', recurring: true, amountBasis: 'unit', unitPrice: { amount: '0', currency: 'USD' } });
  });
});
