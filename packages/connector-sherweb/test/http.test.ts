import {
  collect,
  isAuthenticationError,
  isNotFoundError,
  isPermissionError,
  isRateLimitError,
  type VectisError,
} from '@vectis/connector-core';
import { createSherwebConnector, type SherwebConnectorOptions } from '@vectis/connector-sherweb';
import { errorText, useFakeApi } from '@vectis/testkit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import apim401 from './fixtures/apim-401-missing-key.json' with { type: 'json' };
import invalidClient from './fixtures/oauth-invalid-client.json' with { type: 'json' };
import problem404 from './fixtures/problem-404.json' with { type: 'json' };
import problem429 from './fixtures/problem-429.json' with { type: 'json' };
import { BASE, CREDS, createScriptedApi, json } from './handlers';

const api = createScriptedApi();
useFakeApi(api);
beforeEach(() => api.reset());
afterEach(() => vi.useRealTimers());

const FAST = { pacing: false, retry: { limit: 2, baseDelayMs: 1, defaultRetryAfterMs: 5 }, timeoutMs: 2_000 } as const;
const connect = (extra: Partial<SherwebConnectorOptions> = {}) => createSherwebConnector({ ...CREDS, apiUrl: BASE, ...FAST, ...extra });
const TOKEN = '/auth/oidc/connect/token';

async function failure(promise: Promise<unknown>): Promise<VectisError> {
  const outcome = await promise.then(() => undefined, (e: unknown) => e as VectisError);
  if (!outcome) throw new Error('expected a failure');
  const text = errorText(outcome);
  for (const secret of [CREDS.clientSecret, CREDS.subscriptionKey, 'eyJhbGciOiJSUzI1NiIsImtpZCI6IkZpeHR1cmUifQ']) expect(text, 'a secret leaked').not.toContain(secret);
  return outcome;
}

describe('auth per the Authorization API', () => {
  it('POSTs client credentials with scope, and sends the subscription key on the token call and every GET', async () => {
    const c = connect();
    const result = await c.testConnection();
    expect(result.message).toBe('Connected to Sherweb — 3 customers visible');
    const [tokenCall, dataCall, ...rest] = api.log;
    expect(rest, 'testConnection costs one data request').toEqual([]);
    expect(tokenCall).toMatchObject({ method: 'POST', path: TOKEN });
    expect(Object.fromEntries(new URLSearchParams(tokenCall?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: CREDS.clientId,
      client_secret: CREDS.clientSecret,
      scope: 'service-provider',
    });
    expect(tokenCall?.headers).toMatchObject({ 'ocp-apim-subscription-key': CREDS.subscriptionKey, 'content-type': 'application/x-www-form-urlencoded' });
    expect(dataCall).toMatchObject({ method: 'GET', path: '/service-provider/v1/customers' });
    expect(dataCall?.headers).toMatchObject({ 'ocp-apim-subscription-key': CREDS.subscriptionKey, authorization: expect.stringMatching(/^Bearer .+-1$/) });
    await c.dispose();
  });

  it('asks for both scopes space-separated when distributor is configured', async () => {
    const c = connect({ scopes: ['service-provider', 'distributor'] });
    await c.testConnection();
    expect(new URLSearchParams(api.log[0]?.body).get('scope')).toBe('service-provider distributor');
    await c.dispose();
  });

  it('keeps the token for expires_in (less a minute), then renews it', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T08:00:00Z') });
    const c = connect();
    await c.testConnection();
    await c.testConnection();
    vi.setSystemTime(new Date('2026-12-01T08:58:00Z'));
    await c.testConnection();
    vi.setSystemTime(new Date('2026-12-01T08:59:30Z'));
    await c.testConnection();
    expect(api.paths().filter((p) => p === `POST ${TOKEN}`)).toHaveLength(2);
    await c.dispose();
  });
});

describe('errors a user can hit', () => {
  it('a missing or wrong subscription key (APIM 401) → AuthenticationError quoting the gateway, with the key remedy', async () => {
    api.on((_r, path) => (path.startsWith('/service-provider') ? json(apim401, 401) : undefined));
    const error = await failure(connect().testConnection());
    expect(isAuthenticationError(error)).toBe(true);
    expect(error.message).toContain('missing subscription key');
    expect(error.remedy).toContain('Subscription Key');
  });

  it('a wrong client id or secret (token 400 invalid_client) → AuthenticationError naming the Client Id and Secret', async () => {
    api.on((_r, path) => (path === TOKEN ? json(invalidClient, 400) : undefined));
    const error = await failure(connect().testConnection());
    expect(isAuthenticationError(error)).toBe(true);
    expect(error.message).toMatch(/POST \/auth\/oidc\/connect\/token failed with 400.*invalid_client/);
    expect(error.remedy).toMatch(/Client Id or Client Secret/);
  });

  it('a token without the distributor scope (403 on payable charges) → PermissionError whose remedy names the scope', async () => {
    api.on((_r, path) =>
      path.startsWith('/distributor')
        ? json({ type: 'https://tools.ietf.org/html/rfc9110#section-15.5.4', title: 'Forbidden', status: 403, traceId: '00-aa-bb-00' }, 403)
        : undefined,
    );
    const error = await failure(collect(connect({ scopes: ['service-provider', 'distributor'] }).listSubscriptions()));
    expect(isPermissionError(error)).toBe(true);
    expect(error.remedy).toContain('"distributor"');
    expect(error.correlationId).toBe('00-aa-bb-00');
  });

  it('ProblemDetails: the detail is the message and the traceId the correlation id', async () => {
    api.on((_r, path) => (path.startsWith('/service-provider/v1/customers') ? json(problem404, 404) : undefined));
    const error = await failure(connect().testConnection());
    expect(isNotFoundError(error)).toBe(true);
    expect(error.message).toContain("Customer '8c6e1f20-7b3d-4e9a-b1c4-2d5e6f7a8b92' was not found.");
    expect(error.correlationId).toBe('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00');
    expect(error.remedy).toMatch(/no GET \/customers\/\{id\}/);
  });
});

describe('429 "Try again in N seconds" without Retry-After', () => {
  it('reads the wait from the ProblemDetails text and offers it to onRateLimit', async () => {
    api.on((_r, path) => (path.startsWith('/service-provider') ? json(problem429, 429) : undefined));
    const seen: number[] = [];
    const onRateLimit = (info: { retryAfterMs: number }) => {
      seen.push(info.retryAfterMs);
      return false;
    };
    const error = await failure(connect({ onRateLimit }).testConnection());
    expect(seen).toEqual([2_000]);
    expect(isRateLimitError(error)).toBe(true);
    expect(error).toMatchObject({ retryAfterMs: 2_000, correlationId: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00' });
  });

  it('waits the parsed time, then succeeds; retries stay bounded', async () => {
    let left = 1;
    api.on((_r, path) => (path.startsWith('/service-provider') && left-- > 0 ? json({ ...problem429, detail: 'Rate limit is exceeded. Try again in 0 seconds.' }, 429) : undefined));
    const events: string[] = [];
    const c = connect({ onProgress: (e) => void (e.type === 'rate-limit-wait' && events.push(`${e.reason}:${e.waitMs}`)) });
    await expect(c.testConnection()).resolves.toMatchObject({ ok: true });
    expect(events).toEqual(['retry-after:0']);

    api.reset();
    api.on((_r, path) => (path.startsWith('/service-provider') ? json({ statusCode: 429, message: 'Rate limit is exceeded. Try again in 0 seconds.' }, 429) : undefined));
    expect(isRateLimitError(await failure(connect().testConnection()))).toBe(true);
    expect(api.paths().filter((p) => p.startsWith('GET'))).toHaveLength(3); // 1 + retry.limit
  });

  it('a wait above maxRetryAfterMs fails at once with RateLimitError instead of sleeping', async () => {
    api.on((_r, path) => (path.startsWith('/service-provider') ? json({ ...problem429, detail: 'Try again in 900 seconds.' }, 429) : undefined));
    const error = await failure(connect({ retry: { maxRetryAfterMs: 60_000 } }).testConnection());
    expect(error).toMatchObject({ retryAfterMs: 900_000 });
    expect(api.paths().filter((p) => p.startsWith('GET'))).toHaveLength(1);
  });
});
