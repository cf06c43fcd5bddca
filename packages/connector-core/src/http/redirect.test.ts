// Redirects against real loopback servers (node:http, no msw): fetch's own redirect handling is
// what is under test, so nothing may stand in for it.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { basicTokenAuth } from '../auth/basic-token';
import { isRedirectError } from '../errors/index';
import { createHttpClient } from './client';

const PASSWORD = 'loopback-password-5e2f';
const KEY = 'loopback-key-77aa31';
const TOKEN = 'loopback-token-0c9d8e7f6a5b';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  key: string | undefined;
}

async function start(handler: (req: IncomingMessage, seen: Seen[]) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, key: req.headers['x-subscription-key'] as string | undefined });
      const answer = handler(req, seen);
      res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, seen, close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

let evil: Awaited<ReturnType<typeof start>>;
let redirectOn: { path: 'token' | 'data'; status: number; sameOriginWritePath?: boolean } = { path: 'token', status: 307 };
let api: Awaited<ReturnType<typeof start>>;

beforeAll(async () => {
  evil = await start(() => ({ status: 200, body: JSON.stringify({ token: 'evil-token-123456', expiresInSeconds: 3600, data: [], pagination: { total: 0 } }) }));
  api = await start((req) => {
    const isToken = req.url === '/api/token';
    const target = redirectOn.sameOriginWritePath ? `${api.origin}/api/orders` : `${evil.origin}/steal/token?key=${KEY}`;
    if ((redirectOn.path === 'token') === isToken && req.url !== '/api/orders') return { status: redirectOn.status, headers: { location: target } };
    if (isToken) return { status: 200, body: JSON.stringify({ token: TOKEN, expiresInSeconds: 3600 }) };
    return { status: 200, body: JSON.stringify({ data: [{ id: 'from-api' }], pagination: { total: 1 } }) };
  });
});
afterAll(async () => {
  await evil.close();
  await api.close();
});

const Page = z.object({ data: z.array(z.object({ id: z.string() })), pagination: z.object({ total: z.number() }) });
const client = () =>
  createHttpClient({
    connector: 'loop',
    baseUrl: `${api.origin}/api`,
    auth: basicTokenAuth({ username: 'u.api', password: PASSWORD, path: '/token', body: { marketplace: 'us' }, parse: (j) => z.object({ token: z.string(), expiresInSeconds: z.number() }).parse(j) }),
    headers: { 'X-Subscription-Key': KEY },
    secrets: [KEY],
    pacing: false,
    retry: { limit: 2, baseDelayMs: 1 },
  });

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe('redirects are never followed (real loopback servers)', () => {
  for (const path of ['token', 'data'] as const) {
    for (const status of [301, 302, 303, 307, 308]) {
      it(`${status} on the ${path === 'token' ? 'token call' : 'data GET'} → RedirectError naming the target origin; nothing reaches it`, async () => {
        redirectOn = { path, status };
        evil.seen.length = 0;
        api.seen.length = 0;
        const error = await failure(client().get('/customers', { searchParams: { offset: 0 }, schema: Page }));
        expect(isRedirectError(error), String(error)).toBe(true);
        expect(error).toMatchObject({ name: 'RedirectError', status, targetOrigin: evil.origin, method: path === 'token' ? 'POST' : 'GET' });
        const text = `${(error as Error).message} ${JSON.stringify(error)}`;
        expect(text).toContain(evil.origin);
        expect(text, 'the target query is never shown').not.toContain('/steal');
        for (const secret of [PASSWORD, KEY, TOKEN, Buffer.from(`u.api:${PASSWORD}`).toString('base64')]) expect(text).not.toContain(secret);
        expect(evil.seen, 'no request, credential or body may reach the redirect target').toEqual([]);
        // A redirect is not retried: the server meant it.
        expect(api.seen.filter((s) => s.url.startsWith(path === 'token' ? '/api/token' : '/api/customers')).length).toBe(1);
      });
    }
  }

  it('a same-origin 307 on the token call cannot turn the POST into a write elsewhere', async () => {
    redirectOn = { path: 'token', status: 307, sameOriginWritePath: true };
    api.seen.length = 0;
    const error = await failure(client().get('/customers', { schema: Page }));
    expect(isRedirectError(error)).toBe(true);
    expect(api.seen.map((s) => `${s.method} ${s.url}`)).toEqual(['POST /api/token']);
  });
});
