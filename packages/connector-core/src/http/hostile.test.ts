import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { basicTokenAuth } from '../auth/basic-token';
import { isAuthenticationError, isConfigurationError, isSchemaDriftError } from '../errors/index';
import { createHttpClient } from './client';
import { BASE, client, KEY, okPage, Page, PASSWORD, server, tokenHandler, useServer } from './test-harness';

useServer();

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);
const everything = (e: unknown) => `${(e as Error).message} ${JSON.stringify(e)} ${(e as Error).stack} ${String((e as Error).cause)}`;

describe('secrets on the drift paths', () => {
  it('a wrong-shape 200 whose correlation header echoes the Authorization and key headers leaks neither', async () => {
    let token = '';
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, ({ request }) => {
        token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
        const echo = `${request.headers.get('authorization')} ${request.headers.get('x-subscription-key')}`;
        return HttpResponse.json({ data: 'nope' }, { headers: { 'x-correlation-id': echo } });
      }),
    );
    const error = await failure(client({ retry: { limit: 0 } }).get('/customers', { schema: Page }));
    expect(isSchemaDriftError(error)).toBe(true);
    expect(token.length).toBeGreaterThan(8);
    for (const secret of [token, KEY, PASSWORD]) expect(everything(error)).not.toContain(secret);
    expect((error as { correlationId?: string }).correlationId).toContain('[redacted]');
  });

  it('a non-JSON 200 echoing the token across the 60-character cut: redacted before it is cut, so no prefix survives', async () => {
    let token = '';
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, ({ request }) => {
        token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
        return new HttpResponse(`<html><body>maintenance in progress, please wait ${token} </body></html>`, { status: 200 });
      }),
    );
    const error = await failure(client({ retry: { limit: 0 } }).get('/customers', { schema: Page }));
    expect(isSchemaDriftError(error)).toBe(true);
    expect(everything(error)).not.toContain(token.slice(0, 6));
  });

  it('the token response is secret from its first byte: an unreadable one shows none of it', async () => {
    const minted = 'eyJhbGciOiJIUzM4NCJ9.minted-access-token-abcdef';
    server.use(http.post(`${BASE}/token`, () => new HttpResponse(`{"jwt": "${minted}", "expires": 15`, { status: 200 })));
    const error = await failure(client({ retry: { limit: 1 } }).get('/customers', { schema: Page }));
    expect(error).toMatchObject({ name: 'SchemaDriftError', where: 'POST /marketplace/na/token' });
    expect(everything(error)).not.toContain(minted.slice(0, 8));
  });

  it('a token the server later echoes in an error body is redacted although the strategy never parsed it as the token', async () => {
    const minted = 'side-channel-token-9f8e7d6c';
    server.use(
      http.post(`${BASE}/token`, () => HttpResponse.json({ token: 'tok-abcdefgh-1', expiresInSeconds: 1500, session: minted })),
      http.get(`${BASE}/customers`, () => HttpResponse.json({ message: `session ${minted} is not allowed here` }, { status: 404 })),
    );
    const error = await failure(client().get('/customers', { schema: Page }));
    expect(everything(error)).not.toContain(minted);
  });
});

describe('unreadable 200 bodies', () => {
  it('a truncated JSON body is retried within the retry budget, then succeeds', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (++calls === 1 ? new HttpResponse('{"data":[{"id":"a"}],"pagi', { status: 200 }) : okPage())));
    const c = client();
    const { data } = await c.get('/customers', { schema: Page });
    expect(data.data).toEqual([{ id: 'a' }]);
    expect(calls).toBe(2);
    expect(c.stats.retries).toBe(1);
  });

  it('a body that stays truncated ends in SchemaDriftError after limit + 1 attempts', async () => {
    let calls = 0;
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => (calls++, new HttpResponse('{"data":[{"id":', { status: 200 }))));
    const error = await failure(client({ retry: { limit: 2, baseDelayMs: 1 } }).get('/customers', { schema: Page }));
    expect(isSchemaDriftError(error)).toBe(true);
    expect((error as Error).message).toContain('not JSON');
    expect(calls).toBe(3);
  });
});

describe('header-unsafe option values', () => {
  it('refuses a header value with CR/LF before anything is sent, without echoing it', async () => {
    const sent: string[] = [];
    server.use(http.all(`${BASE}/*`, ({ request }) => (sent.push(request.url), okPage())));
    const bad = 'app-42\r\nX-Injected: 1';
    const error = await failure(Promise.resolve().then(() => client({ headers: { 'X-Subscription-Key': KEY, 'X-Client-Id': bad } })));
    expect(isConfigurationError(error)).toBe(true);
    expect(error).toMatchObject({ issues: [{ field: 'headers.X-Client-Id' }] });
    expect(everything(error)).not.toContain('app-42');
    expect(sent).toEqual([]);
  });
});

describe('a token rejected after it had worked', () => {
  it('says the token was revoked or rotated elsewhere, not "check the password"', async () => {
    let revoked = false;
    server.use(
      tokenHandler(),
      http.get(`${BASE}/customers`, () => (revoked ? HttpResponse.json({ message: 'token revoked' }, { status: 401 }) : okPage())),
    );
    const c = client();
    await c.get('/customers', { schema: Page });
    revoked = true;
    const error = await failure(c.get('/customers', { schema: Page }));
    expect(isAuthenticationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/after it had worked/);
    expect((error as Error).message).toMatch(/revoked or rotated elsewhere/);
    expect(c.stats.unauthorizedRetries).toBe(1);
  });

  it('a first-time refusal still points at the credentials', async () => {
    server.use(tokenHandler(), http.get(`${BASE}/customers`, () => HttpResponse.json({ message: 'no' }, { status: 401 })));
    const error = await failure(client().get('/customers', { schema: Page }));
    expect((error as Error).message).not.toMatch(/after it had worked/);
  });
});

describe('authorization at send time', () => {
  it('a request queued behind a paced slot takes its token after the wait, so it is never sent expired', async () => {
    let now = 0;
    const issued: { token: string; expiresAt: number }[] = [];
    const sentWith: { token: string; at: number }[] = [];
    server.use(
      http.post(`${BASE}/token`, () => {
        const token = `tok-${issued.length + 1}-abcdefgh`;
        issued.push({ token, expiresAt: Date.now() + 300 });
        return HttpResponse.json({ token, expiresInSeconds: 0.3 });
      }),
      http.get(`${BASE}/customers`, ({ request }) => {
        const token = request.headers.get('authorization')?.replace('Bearer ', '') ?? '';
        sentWith.push({ token, at: Date.now() });
        const grant = issued.find((g) => g.token === token);
        return grant && grant.expiresAt > Date.now() ? okPage() : new HttpResponse(null, { status: 401 });
      }),
    );
    now = Date.now();
    const c = createHttpClient({
      connector: 'ingram',
      baseUrl: BASE,
      auth: basicTokenAuth({ username: 'api.user', password: PASSWORD, path: '/token', parse: (j) => z.object({ token: z.string(), expiresInSeconds: z.number() }).parse(j) }),
      headers: { 'X-Subscription-Key': KEY },
      pacing: { limit: 1, intervalMs: 40, guardMs: 0 },
      concurrency: 16,
      retry: { baseDelayMs: 1 },
    });
    // 30 requests started at once, as a page of detail calls is: the last one waits ~1.2 s, four token lifetimes.
    await Promise.all(Array.from({ length: 30 }, () => c.get('/customers', { schema: Page })));
    const elapsed = Date.now() - now;
    expect(c.stats.unauthorizedRetries, 'no request may go out with a token that expired while it queued').toBe(0);
    // About one token per lifetime (300 ms), not one per request.
    expect(c.stats.tokenRequests).toBeLessThanOrEqual(Math.ceil(elapsed / 300) + 2);
    expect(sentWith.length).toBe(30);
  });
});
