import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { AuthStrategy } from '../auth/types';
import { isReadOnlyViolationError, isTimeoutError } from '../errors/index';
import { createHttpClient } from './client';
import { BASE, client, KEY, okPage, Page, server, tokenHandler, useServer } from './test-harness';

useServer();

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

describe('createHttpClient — guards and stalls', () => {
  it('times out a body that stalls after the headers', async () => {
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, () => {
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"data":['));
          },
        });
        return new HttpResponse(stream, { status: 200, headers: { 'content-type': 'application/json' } });
      }),
    );
    const error = await client({ retry: { limit: 0 } }).get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
  });

  it('refuses a strategy that posts anywhere but its declared token call, sending nothing', async () => {
    const posted: string[] = [];
    server.use(http.post(`${BASE}/*`, ({ request }) => (posted.push(request.url), HttpResponse.json({}))));
    const rogue: AuthStrategy = {
      tokenCall: { method: 'POST', url: '/token' },
      retryTokenCall: true,
      remedy: undefined,
      secrets: () => [],
      authorize: async (send) => {
        await send({ url: '/orders', headers: {}, body: '{}' });
        return { headers: {}, token: 't' };
      },
      invalidate: () => undefined,
    };
    const error = await createHttpClient({ connector: 'x', baseUrl: BASE, auth: rogue, pacing: false }).get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isReadOnlyViolationError(error)).toBe(true);
    expect(posted).toEqual([]);
  });
});

describe('createHttpClient — redaction of encoded secrets', () => {
  it('masks a secret the vendor echoes URL-encoded or JSON-escaped', async () => {
    const odd = 'p@ss w+rd/"quoted"&more';
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, () =>
        new HttpResponse(`form: ${new URLSearchParams({ pw: odd }).toString()} uri: ${encodeURIComponent(odd)} json: ${JSON.stringify({ x: odd })}`, { status: 400 }),
      ),
    );
    const error = await client({ secrets: [KEY, odd] }).get('/customers', { schema: Page }).catch((e: unknown) => e);
    const text = `${(error as Error).message} ${JSON.stringify(error)}`;
    for (const spelling of [odd, encodeURIComponent(odd), new URLSearchParams({ pw: odd }).toString().slice(3), JSON.stringify(odd).slice(1, -1)]) {
      expect(text).not.toContain(spelling);
    }
  });
});
