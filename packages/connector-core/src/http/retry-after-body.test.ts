import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { isRateLimitError } from '../errors/index';
import { BASE, client, okPage, Page, server, tokenHandler, useServer } from './test-harness';

useServer();

// The `retryAfterFromBody` hook: a vendor that puts the wait in the 429 body (Sherweb's
// "Try again in N seconds") instead of a Retry-After header.
const fromText = (body: unknown) => {
  const m = /try again in (\d+) seconds/i.exec(String((body as { detail?: unknown }).detail ?? ''));
  return m ? Number(m[1]) * 1000 : undefined;
};
const limited = (detail: string, headers: Record<string, string> = {}) =>
  HttpResponse.json({ status: 429, detail }, { status: 429, headers });

describe('retryAfterFromBody', () => {
  it('supplies the wait when the header is absent; onRateLimit and RateLimitError see it', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => limited('Try again in 7 seconds.')));
    const seen: number[] = [];
    const retry = { baseDelayMs: 1, defaultRetryAfterMs: 5, maxRetryAfterMs: 10_000 };
    const c = client({ retry, retryAfterFromBody: fromText, onRateLimit: (info) => (seen.push(info.retryAfterMs), false) });
    const error = await c.get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 7_000 });
    expect(seen).toEqual([7_000]);
  });

  it('the Retry-After header still wins; without either the default applies; a throwing or odd reader is ignored', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (calls++ === 0 ? limited('Try again in 900 seconds.', { 'retry-after': '0' }) : okPage())));
    await expect(client({ retryAfterFromBody: fromText }).get('/customers', { schema: Page })).resolves.toMatchObject({ data: { pagination: { total: 1 } } });

    server.use(http.get(`${BASE}/customers`, () => limited('slow down')));
    const waits: number[] = [];
    const odd = client({ retryAfterFromBody: () => -5, onRateLimit: (info) => (waits.push(info.retryAfterMs), false) });
    await odd.get('/customers', { schema: Page }).catch(() => undefined);
    const throwing = client({ retryAfterFromBody: () => { throw new Error('unreadable'); }, onRateLimit: (info) => (waits.push(info.retryAfterMs), false) });
    expect(isRateLimitError(await throwing.get('/customers', { schema: Page }).catch((e: unknown) => e))).toBe(true);
    expect(waits).toEqual([5, 5]); // defaultRetryAfterMs of the harness
  });

  it('a body wait above maxRetryAfterMs fails at once instead of sleeping', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (calls++, limited('Try again in 900 seconds.'))));
    const error = await client({ retryAfterFromBody: fromText }).get('/customers', { schema: Page }).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryAfterMs: 900_000 });
    expect(calls).toBe(1);
  });
});
