import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { inspect } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isCredentialStoreError } from '../errors/index';
import { createHttpClient } from '../http/client';
import { refreshTokenAuth } from './oauth';
import type { AuthStrategy } from './types';

// Rotation guarantees of refreshTokenAuth: one refresh per connection however many requests wait,
// the save before any use, a typed "credentials at risk" error when the save fails, and no replay
// of a refresh token the vendor already rotated.

const API = 'https://api.vendor.test/v1';
const TOKEN_URL = 'https://login.vendor.test/oauth/token';
const FIRST = 'rotating-refresh-0-5a1c9e';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const Ok = z.object({ ok: z.boolean() });
const clientFor = (auth: AuthStrategy) => createHttpClient({ connector: 'vendor', baseUrl: API, auth, pacing: false, concurrency: 8, retry: { baseDelayMs: 1 } });
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

/** A token endpoint that rotates like TD SYNNEX: each refresh token works once. */
function rotatingVendor(o: { delayMs?: number } = {}) {
  const valid = new Set([FIRST]);
  const used: string[] = [];
  const bearers = new Set<string>();
  let n = 0;
  server.use(
    http.post(TOKEN_URL, async ({ request }) => {
      const form = new URLSearchParams(await request.text());
      const rt = form.get('refresh_token') ?? '';
      used.push(rt);
      if (o.delayMs) await new Promise((r) => setTimeout(r, o.delayMs));
      if (!valid.delete(rt)) return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
      n++;
      valid.add(`rotating-refresh-${n}-5a1c9e`);
      bearers.add(`access-${n}-77aa11`);
      return HttpResponse.json({ access_token: `access-${n}-77aa11`, refresh_token: `rotating-refresh-${n}-5a1c9e`, expires_in: 3600 });
    }),
    http.get(`${API}/ping`, ({ request }) =>
      bearers.has(request.headers.get('authorization')?.slice(7) ?? '') ? HttpResponse.json({ ok: true }) : new HttpResponse(null, { status: 401 })),
  );
  return { used, valid };
}

describe('refreshTokenAuth rotation', () => {
  it('refreshes once for 12 concurrent requests and saves before any of them is sent', async () => {
    const vendor = rotatingVendor({ delayMs: 10 });
    const events: string[] = [];
    server.use(http.get(`${API}/ping`, () => (events.push('api'), HttpResponse.json({ ok: true }))));
    const c = clientFor(refreshTokenAuth({ tokenUrl: TOKEN_URL, refreshToken: FIRST, onRotate: async (t) => {
      await new Promise((r) => setTimeout(r, 10));
      events.push(`saved ${t}`);
    } }));
    await Promise.all(Array.from({ length: 12 }, () => c.get('/ping', { schema: Ok })));
    expect(vendor.used).toEqual([FIRST]);
    expect(events[0]).toBe('saved rotating-refresh-1-5a1c9e');
    expect(events.filter((e) => e === 'api')).toHaveLength(12);
  });

  it('a failed save stops with CredentialStoreError, never replays the dead token, and retries the save first', async () => {
    const vendor = rotatingVendor();
    let broken = true;
    const saved: string[] = [];
    const c = clientFor(refreshTokenAuth({ connector: 'vendor', tokenUrl: TOKEN_URL, refreshToken: FIRST, onRotate: (t) => {
      if (broken) throw new Error(`EACCES writing ${t} to /etc/vectis/token`);
      saved.push(t);
    } }));
    const error = await fail(c.get('/ping', { schema: Ok }));
    expect(isCredentialStoreError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^\[vectis:vendor\] could not save the rotated refresh token: the stored credentials are at risk/);
    expect((error as Error).message).toContain('mint new credentials');
    const text = `${String(error)} ${inspect(error, { depth: 8 })} ${JSON.stringify(error)}`;
    expect(text).not.toContain('rotating-refresh-1-5a1c9e');
    expect(text).toContain('EACCES'); // the store's own reason stays readable

    // Still broken: the save is retried, the token endpoint is not called again with the old token.
    expect(isCredentialStoreError(await fail(c.get('/ping', { schema: Ok })))).toBe(true);
    expect(vendor.used).toEqual([FIRST]);

    broken = false;
    await expect(c.get('/ping', { schema: Ok })).resolves.toMatchObject({ data: { ok: true } });
    expect(saved[0]).toBe('rotating-refresh-1-5a1c9e');
    expect(vendor.used).toEqual([FIRST, 'rotating-refresh-1-5a1c9e']);
  });

  it('an abort while the refresh is in flight does not drop the rotated token: it is still saved', async () => {
    rotatingVendor({ delayMs: 30 });
    const saved: string[] = [];
    const c = clientFor(refreshTokenAuth({ tokenUrl: TOKEN_URL, refreshToken: FIRST, onRotate: (t) => void saved.push(t) }));
    const controller = new AbortController();
    const pending = fail(c.get('/ping', { schema: Ok, signal: controller.signal }));
    await new Promise((r) => setTimeout(r, 10));
    controller.abort();
    expect((await pending as Error).name).toBe('AbortError');
    expect(saved).toEqual(['rotating-refresh-1-5a1c9e']);
  });

  it('sends client id and secret as HTTP Basic when asked, not in the form', async () => {
    let auth: string | null = null;
    let form = new URLSearchParams();
    server.use(
      http.post(TOKEN_URL, async ({ request }) => {
        auth = request.headers.get('authorization');
        form = new URLSearchParams(await request.text());
        return HttpResponse.json({ access_token: 'access-b-77aa11', refresh_token: 'rotating-refresh-b-5a1c9e', expires_in: 60 });
      }),
      http.get(`${API}/ping`, () => HttpResponse.json({ ok: true })),
    );
    const c = clientFor(refreshTokenAuth({
      tokenUrl: TOKEN_URL, refreshToken: FIRST, clientId: 'ion-app', clientSecret: 'ion-secret-77f1', clientAuth: 'basic',
      extraParams: { redirect_uri: 'http://localhost/' }, onRotate: () => undefined,
    }));
    await c.get('/ping', { schema: Ok });
    expect(auth).toBe(`Basic ${Buffer.from('ion-app:ion-secret-77f1').toString('base64')}`);
    expect(Object.fromEntries(form)).toEqual({ grant_type: 'refresh_token', refresh_token: FIRST, redirect_uri: 'http://localhost/' });
  });

  it('a lifetime shorter than the renewal margin is used for most of it (renewed a tenth before expiry), not refreshed (and rotated) per request', async () => {
    let grants = 0;
    server.use(
      http.post(TOKEN_URL, () => (grants++, HttpResponse.json({ access_token: `access-s${grants}-77aa11`, refresh_token: `rotating-refresh-s${grants}-5a1c9e`, expires_in: 2 }))),
      http.get(`${API}/ping`, () => HttpResponse.json({ ok: true })),
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    const c = clientFor(refreshTokenAuth({ tokenUrl: TOKEN_URL, refreshToken: FIRST, renewBeforeMs: 60_000, onRotate: () => undefined }));
    for (let i = 0; i < 5; i++) await c.get('/ping', { schema: Ok });
    vi.setSystemTime(Date.now() + 1_700); // 300 ms left of 2 s: outside the 200 ms margin
    await c.get('/ping', { schema: Ok });
    expect(grants).toBe(1);
    vi.setSystemTime(Date.now() + 150); // 150 ms left: inside it
    await c.get('/ping', { schema: Ok });
    expect(grants).toBe(2);
  });
});
