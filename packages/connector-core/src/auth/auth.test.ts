import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { isAuthenticationError, isPermissionError, isSchemaDriftError, isVectisError } from '../errors/index';
import { createHttpClient } from '../http/client';
import { basicTokenAuth } from './basic-token';
import { clientCredentialsAuth, refreshTokenAuth } from './oauth';
import type { AuthStrategy } from './types';

const API = 'https://api.vendor.test/v1';
const TOKEN_URL = 'https://login.vendor.test/oauth/token';
const SECRET = 'client-secret-4c8e1f0a';
const REFRESH = 'refresh-token-0-9b7d3c';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const Ok = z.object({ ok: z.boolean() });
const okApi = () => http.get(`${API}/ping`, ({ request }) => (request.headers.get('authorization')?.startsWith('Bearer ') ? HttpResponse.json({ ok: true }) : new HttpResponse(null, { status: 401 })));
const clientFor = (auth: AuthStrategy) => createHttpClient({ connector: 'vendor', baseUrl: API, auth, pacing: false, retry: { baseDelayMs: 1 } });
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe('clientCredentialsAuth', () => {
  it('posts a form-encoded client-credentials grant with audience and scope to an absolute token URL', async () => {
    let form: URLSearchParams | undefined;
    let contentType: string | null = null;
    server.use(
      okApi(),
      http.post(TOKEN_URL, async ({ request }) => {
        contentType = request.headers.get('content-type');
        form = new URLSearchParams(await request.text());
        return HttpResponse.json({ access_token: 'access-1-abcdef', expires_in: 86400, token_type: 'Bearer' });
      }),
    );
    const c = clientFor(clientCredentialsAuth({ tokenUrl: TOKEN_URL, clientId: 'id-1', clientSecret: SECRET, audience: 'https://api.vendor.test', scope: 'read' }));
    await c.get('/ping', { schema: Ok });
    expect(contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(form ?? [])).toEqual({ grant_type: 'client_credentials', client_id: 'id-1', client_secret: SECRET, audience: 'https://api.vendor.test', scope: 'read' });
  });

  it('renews the token renewBeforeMs before it expires, announcing why', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let issued = 0;
    server.use(okApi(), http.post(TOKEN_URL, () => HttpResponse.json({ access_token: `access-${++issued}-abcdef`, expires_in: 3600 })));
    const reasons: string[] = [];
    const c = createHttpClient({
      connector: 'vendor', baseUrl: API, pacing: false,
      auth: clientCredentialsAuth({ tokenUrl: TOKEN_URL, clientId: 'id', clientSecret: SECRET, renewBeforeMs: 300_000 }),
      onProgress: (e) => e.type === 'token' && reasons.push(e.reason),
    });
    await c.get('/ping', { schema: Ok });
    vi.setSystemTime(Date.now() + 3_000_000); // 50 min: still 10 min left, more than the 5 min margin
    await c.get('/ping', { schema: Ok });
    expect(issued).toBe(1);
    vi.setSystemTime(Date.now() + 400_000); // inside the margin
    await c.get('/ping', { schema: Ok });
    expect(issued).toBe(2);
    expect(reasons).toEqual(['initial', 'expiring']);
  });

  it('reports a refused client secret as AuthenticationError with the remedy, and a 403 as PermissionError', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ error: 'invalid_client', error_description: `bad secret ${SECRET}` }, { status: 401 })));
    const auth = clientCredentialsAuth({ tokenUrl: TOKEN_URL, clientId: 'id', clientSecret: SECRET, remedy: 'Create a new API key pair in the portal.' });
    const error = await fail(clientFor(auth).get('/ping', { schema: Ok }));
    expect(isAuthenticationError(error)).toBe(true);
    expect((error as Error).message).toContain('Create a new API key pair in the portal.');
    expect(JSON.stringify(error) + (error as Error).message).not.toContain(SECRET);

    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ error: 'unauthorized_client' }, { status: 403 })));
    expect(isPermissionError(await fail(clientFor(auth).get('/ping', { schema: Ok })))).toBe(true);
  });

  it('reports a token response without access_token as drift', async () => {
    server.use(http.post(TOKEN_URL, () => HttpResponse.json({ token: 'x' })));
    const error = await fail(clientFor(clientCredentialsAuth({ tokenUrl: TOKEN_URL, clientId: 'id', clientSecret: SECRET })).get('/ping', { schema: Ok }));
    expect(error).toMatchObject({ name: 'SchemaDriftError', where: 'POST /oauth/token', issues: [{ path: 'access_token' }] });
  });
});

describe('refreshTokenAuth', () => {
  it('stores the rotated refresh token before the new access token is used, and uses it next time', async () => {
    const order: string[] = [];
    const grants: string[] = [];
    let n = 0;
    server.use(
      http.get(`${API}/ping`, () => (order.push('api'), HttpResponse.json({ ok: true }))),
      http.post(TOKEN_URL, async ({ request }) => {
        const form = new URLSearchParams(await request.text());
        grants.push(`${form.get('grant_type')}:${form.get('refresh_token')}`);
        n++;
        return HttpResponse.json({ access_token: `access-${n}-abcdef`, refresh_token: `refresh-token-${n}-9b7d3c`, expires_in: 1 });
      }),
    );
    const stored: string[] = [];
    const c = clientFor(
      refreshTokenAuth({
        tokenUrl: TOKEN_URL, refreshToken: REFRESH, clientId: 'app',
        onRotate: async (t) => {
          await new Promise((r) => setTimeout(r, 5));
          order.push('stored');
          stored.push(t);
        },
      }),
    );
    vi.useFakeTimers({ toFake: ['Date'] });
    await c.get('/ping', { schema: Ok });
    vi.setSystemTime(Date.now() + 950); // 50 ms left of a 1 s token: inside its margin (a tenth of the lifetime)
    await c.get('/ping', { schema: Ok });
    expect(order).toEqual(['stored', 'api', 'stored', 'api']);
    expect(grants).toEqual([`refresh_token:${REFRESH}`, 'refresh_token:refresh-token-1-9b7d3c']);
    expect(stored).toEqual(['refresh-token-1-9b7d3c', 'refresh-token-2-9b7d3c']);
  });

  it('fails with a typed error, and never calls the API, when the rotated token cannot be stored', async () => {
    let apiCalls = 0;
    server.use(
      http.get(`${API}/ping`, () => (apiCalls++, HttpResponse.json({ ok: true }))),
      http.post(TOKEN_URL, () => HttpResponse.json({ access_token: 'access-x-abcdef', refresh_token: 'refresh-token-new-123456' })),
    );
    const c = clientFor(refreshTokenAuth({ tokenUrl: TOKEN_URL, refreshToken: REFRESH, onRotate: () => Promise.reject(new Error('disk full')) }));
    const error = await fail(c.get('/ping', { schema: Ok }));
    expect(isVectisError(error)).toBe(true);
    expect((error as Error).message).toContain('could not save the rotated refresh token');
    expect(apiCalls).toBe(0);
  });

  it('does not retry the refresh call on a 5xx (a replay could use a token already rotated)', async () => {
    let calls = 0;
    server.use(http.post(TOKEN_URL, () => (calls++, new HttpResponse(null, { status: 503 }))));
    const error = await fail(clientFor(refreshTokenAuth({ tokenUrl: TOKEN_URL, refreshToken: REFRESH, onRotate: () => undefined })).get('/ping', { schema: Ok }));
    expect(error).toMatchObject({ name: 'ServerError', status: 503 });
    expect(calls).toBe(1);
  });

  it('keeps every refresh token and the client secret out of errors', async () => {
    server.use(http.post(TOKEN_URL, async ({ request }) => HttpResponse.json({ echo: await request.text() }, { status: 400 })));
    const error = await fail(clientFor(refreshTokenAuth({ tokenUrl: TOKEN_URL, refreshToken: REFRESH, clientSecret: SECRET, onRotate: () => undefined })).get('/ping', { schema: Ok }));
    const text = `${(error as Error).message} ${JSON.stringify(error)}`;
    expect(isAuthenticationError(error)).toBe(true);
    expect(text).not.toContain(REFRESH);
    expect(text).not.toContain(SECRET);
  });
});

describe('basicTokenAuth', () => {
  it('sends the JSON body and reports an unreadable token response as drift', async () => {
    let body: unknown;
    server.use(http.post(`${API}/token`, async ({ request }) => ((body = await request.json()), HttpResponse.json({ jwt: 'x' }))));
    const auth = basicTokenAuth({
      username: 'u', password: 'password-123456', path: '/token', body: { marketplace: 'us' },
      parse: (json) => {
        const t = (json as { token?: unknown }).token;
        if (typeof t !== 'string') throw new TypeError('no token');
        return { token: t, expiresInSeconds: 60 };
      },
    });
    const error = await fail(clientFor(auth).get('/ping', { schema: Ok }));
    expect(body).toEqual({ marketplace: 'us' });
    expect(isSchemaDriftError(error)).toBe(true);
    expect(error).toMatchObject({ where: 'POST /v1/token' });
  });

  it('reports a token endpoint answering HTML as not JSON', async () => {
    server.use(http.post(`${API}/token`, () => new HttpResponse('<html>maintenance</html>', { status: 200 })));
    const auth = basicTokenAuth({ username: 'u', password: 'password-123456', path: 'token', parse: (j) => j as { token: string; expiresInSeconds: number } });
    const error = await fail(clientFor(auth).get('/ping', { schema: Ok }));
    expect((error as Error).message).toContain('not JSON');
  });
});
