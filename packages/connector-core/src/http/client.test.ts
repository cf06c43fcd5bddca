import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { basicTokenAuth } from '../auth/basic-token';
import { isAuthenticationError, isNetworkError, isRateLimitError, isSchemaDriftError, isServerError, isTimeoutError } from '../errors/index';
import { createHttpClient, type HttpClientOptions } from './client';

const BASE = 'https://api.example.test/marketplace/na';
const PASSWORD = 'pa55-word-SECRET';
const KEY = 'sub-key-0123456789';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const Page = z.object({ data: z.array(z.object({ id: z.string() })), pagination: z.object({ total: z.number() }) });
let tokens = 0;

function tokenHandler() {
  tokens = 0;
  return http.post(`${BASE}/token`, async ({ request }) => {
    if (request.headers.get('authorization') !== `Basic ${btoa(`api.user:${PASSWORD}`)}`) return HttpResponse.json({ message: 'bad creds' }, { status: 401 });
    if (request.headers.get('x-subscription-key') !== KEY) return HttpResponse.json({ message: 'no key' }, { status: 401 });
    tokens++;
    return HttpResponse.json({ token: `tok-${tokens}-abcdefgh`, expiresInSeconds: 1500 });
  });
}

function client(extra: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    connector: 'ingram',
    baseUrl: BASE,
    auth: basicTokenAuth({
      username: 'api.user',
      password: PASSWORD,
      path: '/token',
      body: { marketplace: 'us' },
      parse: (json) => z.object({ token: z.string(), expiresInSeconds: z.number() }).parse(json),
      remedy: 'Check the API username and password.',
    }),
    headers: { 'X-Subscription-Key': KEY },
    secrets: [KEY],
    pacing: false,
    timeoutMs: 200,
    retry: { baseDelayMs: 1, defaultRetryAfterMs: 5, maxRetryAfterMs: 1_000 },
    correlationIdHeader: 'x-correlation-id',
    ...extra,
  });
}

const okPage = () => HttpResponse.json({ data: [{ id: 'a' }], pagination: { total: 1 } }, { headers: { 'x-correlation-id': 'corr-1' } });

describe('createHttpClient', () => {
  it('gets a token with Basic auth, then sends the bearer token and static headers', async () => {
    let seen: Headers | undefined;
    let url: URL | undefined;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, ({ request }) => ((seen = request.headers), (url = new URL(request.url)), okPage())));
    const http_ = client();
    const { data, correlationId } = await http_.get('/customers', { searchParams: { offset: 0, limit: 100, status: undefined }, schema: Page });
    expect(data.data).toEqual([{ id: 'a' }]);
    expect(correlationId).toBe('corr-1');
    expect(seen?.get('authorization')).toBe('Bearer tok-1-abcdefgh');
    expect(seen?.get('x-subscription-key')).toBe(KEY);
    expect(url?.search).toBe('?offset=0&limit=100');
    expect(http_.stats).toMatchObject({ requests: 2, tokenRequests: 1, retries: 0 });
  });

  it('shares one token call between concurrent requests', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, okPage));
    const http_ = client({ concurrency: 4 });
    await Promise.all([1, 2, 3, 4].map(() => http_.get('/customers', { schema: Page })));
    expect(http_.stats.tokenRequests).toBe(1);
  });

  it('renews the token once on a 401 and retries the request once', async () => {
    let calls = 0;
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, ({ request }) =>
        ++calls === 1 || request.headers.get('authorization') === 'Bearer tok-1-abcdefgh' ? new HttpResponse(null, { status: 401 }) : okPage(),
      ),
    );
    const http_ = client();
    await http_.get('/customers', { schema: Page });
    expect(http_.stats).toMatchObject({ tokenRequests: 2, unauthorizedRetries: 1 });
  });

  it('turns a persistent 401 into AuthenticationError after one renewal', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => HttpResponse.json({ message: 'expired' }, { status: 401 })));
    const http_ = client();
    const error = await http_.get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isAuthenticationError(error)).toBe(true);
    expect(http_.stats.tokenRequests).toBe(2);
  });

  it('reports a refused token call as AuthenticationError with the strategy remedy and no secret', async () => {
    server.use(http.post(`${BASE}/token`, () => HttpResponse.json({ message: `bad password ${PASSWORD}` }, { status: 400 })));
    const error = await client().get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isAuthenticationError(error)).toBe(true);
    const text = `${String((error as Error).message)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(text).toContain('Check the API username and password.');
    expect(text).not.toContain(PASSWORD);
  });

  it('waits out a 429 Retry-After, then succeeds', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (++calls === 1 ? new HttpResponse(null, { status: 429, headers: { 'retry-after': '0' } }) : okPage())));
    const events: string[] = [];
    const http_ = client({ onProgress: (e) => events.push(e.type) });
    await http_.get('/customers', { schema: Page });
    expect(http_.stats.rateLimitWaits).toBe(1);
    expect(events).toContain('rate-limit-wait');
  });

  it('fails at once with RateLimitError when Retry-After exceeds the cap', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '3600' } })));
    const http_ = client();
    const error = await http_.get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 3_600_000 });
    expect(http_.stats.rateLimitWaits).toBe(0);
  });

  it('retries 503 with backoff and gives up with ServerError carrying the correlation id', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 503, headers: { 'x-correlation-id': 'c-9' } })));
    const http_ = client();
    const error = await http_.get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isServerError(error)).toBe(true);
    expect(error).toMatchObject({ correlationId: 'c-9', data: '<html>502 Bad Gateway</html>' });
    expect(http_.stats.retries).toBe(3);
  });

  it('times out each attempt and ends with TimeoutError', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, async () => (await new Promise((r) => setTimeout(r, 1_000)), okPage())));
    const error = await client({ retry: { limit: 1, baseDelayMs: 1 } }).get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
  });

  it('maps a network failure to NetworkError', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => HttpResponse.error()));
    const error = await client().get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isNetworkError(error)).toBe(true);
  });

  it('reports malformed JSON and schema drift as SchemaDriftError with payload paths', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => new HttpResponse('<html>oops</html>', { status: 200 })));
    const notJson = await client().get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isSchemaDriftError(notJson)).toBe(true);
    expect((notJson as Error).message).toContain('not JSON');
    server.use(http.get(`${BASE}/customers`, () => HttpResponse.json({ data: [{ id: 'a' }, { id: 7 }], pagination: { total: 2 } })));
    const drift = await client().get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(drift).toMatchObject({ where: 'GET /customers', issues: [{ path: 'data[1].id' }] });
  });
});

describe('createHttpClient — policies', () => {
  it('lets onRateLimit veto a wait, failing with RateLimitError at once', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '1' } })));
    const seen: number[] = [];
    const http_ = client({ onRateLimit: (info) => (seen.push(info.retryAfterMs), false) });
    const error = await http_.get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 1_000 });
    expect(seen).toEqual([1_000]);
    expect(http_.stats.rateLimitWaits).toBe(0);
  });

  it('uses defaultRetryAfterMs when a 429 has no Retry-After, and gives up after the retry limit', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (calls++, new HttpResponse(null, { status: 429 }))));
    const http_ = client({ retry: { limit: 2, defaultRetryAfterMs: 3 } });
    const error = await http_.get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RateLimitError', retryAfterMs: 3 });
    expect(calls).toBe(3);
  });

  it('honours Retry-After on a 503 too', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (++calls === 1 ? new HttpResponse(null, { status: 503, headers: { 'retry-after': '0' } }) : okPage())));
    const http_ = client();
    await http_.get('/customers', { schema: Page });
    expect(http_.stats).toMatchObject({ retries: 1, rateLimitWaits: 1 });
  });

  it('does not retry other 4xx/5xx statuses and keeps the vendor message and body correlation id', async () => {
    let calls = 0;
    server.use(
      tokenHandler(),
      http.get(`${BASE}/orders`, () => (calls++, HttpResponse.json({ message: 'A pending order blocks changes', correlationId: 'a8n-54bc' }, { status: 500 }))),
    );
    const http_ = client({ correlationIdHeader: 'x-correlation-id', errorBody: (b) => b as { message?: string; correlationId?: string } });
    const error = await http_.get('/orders', { schema: Page }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(error).toMatchObject({ name: 'ServerError', status: 500, correlationId: 'a8n-54bc' });
    expect((error as Error).message).toMatch(/^\[vectis:ingram\] GET \/marketplace\/na\/orders failed with 500 Internal Server Error \(A pending order blocks changes\)\./);
    expect((error as Error).message).toContain('(correlation id: a8n-54bc)');
  });

  it('keeps a short snippet of an HTML 504 page and redacts secrets from URL, body and message', async () => {
    const html = `<html><head><title>504 Gateway Time-out</title></head><body>${'x'.repeat(1_000)} ${KEY}</body></html>`;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => new HttpResponse(html, { status: 504 })));
    const error = await client({ retry: { limit: 0 } }).get('/customers', { searchParams: { key: KEY }, schema: Page }).catch((e: unknown) => e);
    const e = error as { data: string; url: string; message: string };
    expect(e.data.startsWith('<html><head><title>504 Gateway Time-out</title>')).toBe(true);
    expect(e.data.length).toBeLessThanOrEqual(301);
    expect(`${e.url} ${e.message} ${JSON.stringify(error)} ${(error as Error).stack}`).not.toContain(KEY);
  });

  it('never leaks the access token, even when the vendor echoes it', async () => {
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, ({ request }) => HttpResponse.json({ message: `bad token ${request.headers.get('authorization')}` }, { status: 403 })),
    );
    const error = await client({ errorBody: (b) => b as { message?: string } }).get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'PermissionError' });
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain('tok-1-abcdefgh');
  });

  it('paces requests per client instance (token call included), not globally', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, okPage));
    const waits: number[] = [];
    const paced = client({ pacing: { limit: 2, intervalMs: 600 }, onProgress: (e) => e.type === 'rate-limit-wait' && waits.push(e.waitMs) });
    const other = client({ pacing: { limit: 2, intervalMs: 600 } });
    await paced.get('/customers', { schema: Page }); // token + 1 request fill the first window
    await other.get('/customers', { schema: Page }); // another instance has its own budget
    await paced.get('/customers', { schema: Page }); // waits for the next window
    expect(waits).toHaveLength(1);
    expect(other.stats.requests).toBe(2);
  });

  it('aborts promptly while waiting for a Retry-After, pacing or a concurrency slot', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => new HttpResponse(null, { status: 429, headers: { 'retry-after': '60' } })));
    const controller = new AbortController();
    const http_ = client({ retry: { maxRetryAfterMs: 120_000 }, onRateLimit: () => void controller.abort() });
    await expect(http_.get('/customers', { schema: Page, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(http_.stats.requests).toBe(2);
  });

  it('sends nothing with an already aborted signal', async () => {
    const http_ = client();
    await expect(http_.get('/customers', { schema: Page, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(http_.stats.requests).toBe(0);
  });

  it('limits requests in flight to `concurrency`', async () => {
    let active = 0;
    let peak = 0;
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, async () => {
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 10));
        active--;
        return okPage();
      }),
    );
    const http_ = client({ concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => http_.get('/customers', { schema: Page })));
    expect(peak).toBe(2);
  });

  it('dispose() aborts requests in flight and refuses new ones with a typed error', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, async () => (await new Promise((r) => setTimeout(r, 100)), okPage())));
    const http_ = client({ timeoutMs: 5_000 });
    const pending = http_.get('/customers', { schema: Page });
    await new Promise((r) => setTimeout(r, 10));
    http_.dispose();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(http_.get('/customers', { schema: Page })).rejects.toMatchObject({ name: 'VectisError', message: expect.stringContaining('disposed') });
  });

  it('emits request, token and retry progress events', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (++calls === 1 ? new HttpResponse(null, { status: 502 }) : okPage())));
    const events: string[] = [];
    await client().get('/customers', { schema: Page, onProgress: (e) => events.push(e.type) });
    expect(events).toEqual(['token', 'request', 'request', 'retry', 'request']);
  });
});
