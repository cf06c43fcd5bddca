import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createHttpClient } from '../http/client';
import { clientCredentialsAuth } from './oauth';

// The two client-credentials options Pax8 needs: a JSON token body and renewal at a fraction of the lifetime.
const API = 'https://api.vendor.test/v1';
const TOKEN_URL = `${API}/token`;
const SECRET = 'client-secret-json-77a1';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const Ok = z.object({ ok: z.boolean() });
const okApi = () => http.get(`${API}/ping`, () => HttpResponse.json({ ok: true }));

describe('clientCredentialsAuth options', () => {
  it('bodyEncoding json posts the grant as a JSON object (Pax8 POST /v1/token)', async () => {
    let contentType: string | null = null;
    let body: unknown;
    server.use(
      okApi(),
      http.post(TOKEN_URL, async ({ request }) => {
        contentType = request.headers.get('content-type');
        body = await request.json();
        return HttpResponse.json({ access_token: 'access-json-1', expires_in: 86400, token_type: 'Bearer' });
      }),
    );
    const auth = clientCredentialsAuth({ tokenUrl: TOKEN_URL, clientId: 'id-1', clientSecret: SECRET, audience: 'https://api.pax8.com', bodyEncoding: 'json' });
    await createHttpClient({ connector: 'vendor', baseUrl: API, auth, pacing: false }).get('/ping', { schema: Ok });
    expect(contentType).toBe('application/json');
    expect(body).toEqual({ grant_type: 'client_credentials', client_id: 'id-1', client_secret: SECRET, audience: 'https://api.pax8.com' });
  });

  it('renewAtFraction renews at that share of the lifetime, also for short-lived tokens', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    let issued = 0;
    server.use(okApi(), http.post(TOKEN_URL, () => HttpResponse.json({ access_token: `access-${++issued}`, expires_in: 100 })));
    const auth = clientCredentialsAuth({ tokenUrl: TOKEN_URL, clientId: 'id', clientSecret: SECRET, bodyEncoding: 'json', renewAtFraction: 0.9 });
    const c = createHttpClient({ connector: 'vendor', baseUrl: API, auth, pacing: false });
    await c.get('/ping', { schema: Ok });
    vi.setSystemTime(Date.now() + 80_000); // 80 % of 100 s: cached (a 60 s renewBeforeMs would renew on every call)
    await c.get('/ping', { schema: Ok });
    expect(issued).toBe(1);
    vi.setSystemTime(Date.now() + 11_000); // 91 %
    await c.get('/ping', { schema: Ok });
    expect(issued).toBe(2);
  });
});
