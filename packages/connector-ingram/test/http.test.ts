import {
  collect,
  isAuthenticationError,
  isNotFoundError,
  isPermissionError,
  isRateLimitError,
  isServerError,
  type VectisError,
} from '@vectis/connector-core';
import { createIngramConnector, type IngramConnectorOptions } from '@vectis/connector-ingram';
import { errorText, useFakeApi } from '@vectis/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import error401 from './fixtures/error-401.json' with { type: 'json' };
import error500 from './fixtures/error-500.json' with { type: 'json' };
import errorSpring from './fixtures/error-spring.json' with { type: 'json' };
import { BASE, CREDS, createScriptedApi, json, NGINX_504 } from './handlers';

const api = createScriptedApi();
useFakeApi(api);
beforeEach(() => api.reset());
afterEach(() => vi.useRealTimers());

const FAST = { pacing: false, retry: { limit: 1, baseDelayMs: 1, defaultRetryAfterMs: 5 }, timeoutMs: 2_000 } as const;
const connect = (extra: Partial<IngramConnectorOptions> = {}) => createIngramConnector({ ...CREDS, apiUrl: BASE, ...FAST, ...extra });

async function failure(promise: Promise<unknown>): Promise<VectisError> {
  const outcome = await promise.then(() => undefined, (e: unknown) => e as VectisError);
  if (!outcome) throw new Error('expected a failure');
  const text = errorText(outcome);
  for (const secret of [CREDS.password, CREDS.subscriptionKey, Buffer.from(`${CREDS.username}:${CREDS.password}`).toString('base64')]) {
    expect(text, 'a secret leaked into the error').not.toContain(secret);
  }
  return outcome;
}

describe('auth per spec', () => {
  it('POSTs /token with Basic auth, {marketplace} and the subscription key; then Bearer + key on every GET', async () => {
    const c = connect({ clientId: 'app-42' });
    await c.testConnection();
    const [tokenCall, dataCall] = api.log;
    expect(tokenCall).toMatchObject({ method: 'POST', path: '/token', body: '{"marketplace":"us"}' });
    expect(tokenCall?.headers).toMatchObject({
      authorization: `Basic ${Buffer.from('fixture.api:Fixture-Pass-9f3').toString('base64')}`,
      'x-subscription-key': CREDS.subscriptionKey,
      'x-client-id': 'app-42',
      'content-type': 'application/json',
    });
    expect(dataCall).toMatchObject({ method: 'GET', path: '/subscriptions?offset=0&limit=1' });
    expect(dataCall?.headers).toMatchObject({
      authorization: 'Bearer eyJwcmluY2lwYWwiOiJmaXh0dXJlLmFwaSJ9.fixture-signature-1',
      'x-subscription-key': CREDS.subscriptionKey,
      'x-client-id': 'app-42',
    });
    await c.dispose();
  });

  it('renews the bearer before expiresInSeconds runs out (injected clock), not on every call', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-26T08:00:00Z') });
    const c = connect();
    await c.testConnection();
    vi.setSystemTime(new Date('2026-11-26T08:20:00Z')); // 1200 s of 1500: still valid
    await c.testConnection();
    expect(api.paths().filter((p) => p === 'POST /token')).toHaveLength(1);
    vi.setSystemTime(new Date('2026-11-26T08:24:10Z')); // 1450 s: within the 60 s renewal margin
    await c.testConnection();
    expect(api.paths().filter((p) => p === 'POST /token')).toHaveLength(2);
    expect(api.log.at(-1)?.headers.authorization).toMatch(/-2$/);
    await c.dispose();
  });

  it('re-authenticates once on a 401 from a data call and retries once', async () => {
    let refused = false;
    api.on((_, path) => (path.startsWith('/subscriptions?') && !refused ? ((refused = true), json(error401, 401)) : undefined));
    const result = await connect().testConnection();
    expect(result.message).toBe('Connected to Ingram Micro — 1 subscriptions visible');
    expect(api.paths()).toEqual(['POST /token', 'GET /subscriptions?offset=0&limit=1', 'POST /token', 'GET /subscriptions?offset=0&limit=1']);
  });
});

describe('testConnection()', () => {
  it('is one data request after the token, with the product’s message and the derivation in details', async () => {
    api.on((_, path) => (path.startsWith('/subscriptions?') ? json({ data: [], pagination: { offset: 0, limit: 1, total: 42 } }, 200, { 'X-Correlation-ID': 'a8n-ok' }) : undefined));
    const c = createIngramConnector({ ...CREDS, marketplace: undefined as never, region: 'cp.us.na.cloud.im', ...FAST });
    const result = await c.testConnection();
    expect(result).toMatchObject({
      ok: true,
      vendor: 'ingram_micro',
      message: 'Connected to Ingram Micro — 42 subscriptions visible',
      details: {
        subscriptions: 42,
        apiUrl: 'https://api.cloud.im/marketplace/na',
        apiUrlSource: 'derived from region "us.na" (gateway "na")',
        marketplace: 'us',
        marketplaceSource: 'derived from region "us.na"',
        correlationId: 'a8n-ok',
      },
    });
    expect(api.paths()).toEqual(['POST /token', 'GET /subscriptions?offset=0&limit=1']);
  });
});

describe('errors: typed, with Ingram remedies and correlation ids, never a secret', () => {
  it('401 on /token → AuthenticationError naming the .api user and the subscription key', async () => {
    api.on((_, path) => (path === '/token' ? json(error401, 401, { 'X-Correlation-ID': 'a8n-header-401' }) : undefined));
    const error = await failure(connect().testConnection());
    expect(isAuthenticationError(error)).toBe(true);
    expect(error.message).toContain('".api"');
    expect(error.message).toContain('subscription key');
    expect(error.correlationId).toBe('a8n-header-401');
  });

  it('403 (Spring-style body, no header) → PermissionError; correlation id from the body; X-Client-Id mentioned', async () => {
    api.on((_, path) => (path.startsWith('/subscriptions') ? json(errorSpring, 403) : undefined));
    const error = await failure(connect().testConnection());
    expect(isPermissionError(error)).toBe(true);
    expect(error.message).toContain('Forbidden');
    expect(error.message).toContain('Marketplace API page');
    expect(error.message).toContain('X-Client-Id');
    expect(error.correlationId).toBe('a8n-0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0');
  });

  it('404 → NotFoundError pointing at the API URL instead of cp.*.cloud.im', async () => {
    api.on((_, path) => (path.startsWith('/subscriptions') ? json({ message: 'no route' }, 404, { 'X-Correlation-ID': 'a8n-404x' }) : undefined));
    const error = await failure(connect().testConnection());
    expect(isNotFoundError(error)).toBe(true);
    expect(error.message).toContain('API URL shown on the Marketplace API page');
    expect(error.message).toContain('cp.*.cloud.im');
    expect(error.correlationId).toBe('a8n-404x');
  });

  it('429 beyond the retries → RateLimitError suggesting a dedicated key', async () => {
    api.on((_, path) => (path.startsWith('/subscriptions') ? json({ message: 'Rate limit is exceeded' }, 429, { 'Retry-After': '0' }) : undefined));
    const error = await failure(connect().testConnection());
    expect(isRateLimitError(error)).toBe(true);
    expect(error.message).toContain('dedicated');
    expect(api.paths().filter((p) => p.startsWith('GET'))).toHaveLength(2); // 1 try + 1 retry
  });

  it('500 business conflict → ServerError with Ingram’s message and correlation id, not retried', async () => {
    api.on((_, path) => (path === '/subscriptions/1000177' ? json(error500, 500) : undefined));
    const error = await failure(collect(connect().listSubscriptions()));
    expect(isServerError(error)).toBe(true);
    expect(error.message).toContain('pending order SO0000123');
    expect(error.message).toContain('a8n-313df136-3c2a-a5e4-854f-64d900a3a13f');
    expect(api.paths().filter((p) => p === 'GET /subscriptions/1000177')).toHaveLength(1);
  });

  it('504 nginx HTML → retried, then ServerError carrying the page snippet', async () => {
    api.on((_, path) => (path.startsWith('/subscriptions?') ? new Response(NGINX_504, { status: 504, headers: { 'content-type': 'text/html', 'X-Correlation-ID': 'a8n-504' } }) : undefined));
    const error = await failure(connect().testConnection());
    expect(isServerError(error)).toBe(true);
    expect(api.paths().filter((p) => p.startsWith('GET'))).toHaveLength(2);
    expect(String((error as unknown as { data: unknown }).data)).toContain('504 Gateway Time-out');
    expect(error.correlationId).toBe('a8n-504');
  });
});

describe('customers', () => {
  it('fetches /customers/{id} only for list items without address/contacts, and counts the cost', async () => {
    const { items, coverage } = await collect(connect().listCustomers());
    expect(items.map((c) => [c.externalId, c.externalRef, c.address?.city])).toEqual([
      ['1000002', 'CW-20007', 'Irvine'],
      ['1000001', 'externalId1', 'Leeds'],
    ]);
    expect(items[1]?.address?.country).toBe('GB');
    expect(coverage).toMatchObject({ stream: 'customers', expected: 2, fetched: 2, complete: true, detailRequests: 2 });
    expect(api.paths()).toEqual(['POST /token', 'GET /customers?offset=0&limit=100', 'GET /customers/1000002', 'GET /customers/1000001']);

    api.reset();
    api.on((_, path) => (path.startsWith('/customers?') ? json({ data: [{ id: '1000002', name: 'Northwind', status: 'active', address: { city: 'Irvine' }, contactPersons: [] }], pagination: { offset: 0, limit: 100, total: 1 } }) : undefined));
    const full = await collect(connect().listCustomers());
    expect(full.coverage?.detailRequests).toBe(0);
    expect(api.paths()).toEqual(['POST /token', 'GET /customers?offset=0&limit=100']);
  });
});
