// Shared msw setup for the kernel's tests (not part of the package build: only src/index.ts is an entry).
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { z } from 'zod';
import { basicTokenAuth } from '../auth/basic-token';
import { createHttpClient, type HttpClientOptions } from './client';

export const BASE = 'https://api.example.test/marketplace/na';
export const PASSWORD = 'pa55-word-SECRET';
export const KEY = 'sub-key-0123456789';
export const server = setupServer();
/** Registers the msw lifecycle for the calling test file. */
export function useServer(): void {
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export const Page = z.object({ data: z.array(z.object({ id: z.string() })), pagination: z.object({ total: z.number() }) });
let tokens = 0;

export function tokenHandler() {
  tokens = 0;
  return http.post(`${BASE}/token`, async ({ request }) => {
    if (request.headers.get('authorization') !== `Basic ${btoa(`api.user:${PASSWORD}`)}`) return HttpResponse.json({ message: 'bad creds' }, { status: 401 });
    if (request.headers.get('x-subscription-key') !== KEY) return HttpResponse.json({ message: 'no key' }, { status: 401 });
    tokens++;
    return HttpResponse.json({ token: `tok-${tokens}-abcdefgh`, expiresInSeconds: 1500 });
  });
}

export function client(extra: Partial<HttpClientOptions> = {}) {
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

export const okPage = () => HttpResponse.json({ data: [{ id: 'a' }], pagination: { total: 1 } }, { headers: { 'x-correlation-id': 'corr-1' } });
