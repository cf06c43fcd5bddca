import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isAuthenticationError, isNetworkError, isRateLimitError, isSchemaDriftError, isServerError, isTimeoutError } from '../errors/index';
import { createHttpClient } from './client';
import { BASE, client, KEY, okPage, Page, PASSWORD, server, tokenHandler, useServer } from './test-harness';

useServer();

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
    const reasons: string[] = [];
    const http_ = client({ onProgress: (e) => e.type === 'token' && reasons.push(e.reason) });
    await http_.get('/customers', { schema: Page });
    expect(http_.stats).toMatchObject({ tokenRequests: 2, unauthorizedRetries: 1 });
    expect(reasons).toEqual(['initial', 'unauthorized']);
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
