import { collect } from '@vectis/connector-core';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { useFakeApi } from '@vectis/testkit';
import { describe, expect, it } from 'vitest';

// Real-time syncs against sandboxes that enforce a sliding-window rate limit and short-lived tokens.
// Each sandbox answers on its own gateway path, so both can be routed at once.
const limited = createIngramSandbox({ gateway: 'na', customers: 4, subscriptions: 26, rateLimit: { limit: 8, intervalMs: 400 } });
const shortLived = createIngramSandbox({ gateway: 'eu', customers: 4, subscriptions: 60, tokenTtlSeconds: 2 });
useFakeApi(limited, shortLived);

const base = { ...SANDBOX_CREDENTIALS, retry: { limit: 2, baseDelayMs: 1, maxRetryAfterMs: 60_000 }, timeoutMs: 5_000, pageSize: 100 } as const;

describe('pacing at the vendor’s limit', () => {
  it('never puts more than `limit` requests in any sliding window the server measures (token call included)', async () => {
    const c = createIngramConnector({ ...base, apiUrl: limited.baseUrl, pacing: { limit: 8, intervalMs: 400 } });
    // The pacer guarantees the window at send time, with a guard band (25 ms here) for the delay
    // until the server sees a request. The first requests of a process (module loading, the token
    // call's first connection) can take longer than that in-process, so the measured run starts warm.
    await c.testConnection();
    await new Promise((r) => setTimeout(r, 450));
    limited.reset();
    const { items } = await collect(c.listSubscriptions());
    await c.dispose();
    expect(items.length).toBeGreaterThan(0);
    const stats = limited.stats();
    expect(stats.total).toBeGreaterThanOrEqual(27); // 1 list page + 26 details (+ a token call if renewed)
    expect(stats.rateLimited, 'the server had to refuse requests').toBe(0);
    expect(stats.maxInWindow).toBeLessThanOrEqual(8);
  }, 20_000);
});

describe('short-lived tokens on a paced sync', () => {
  it('sends no request with an expired token and renews about once per token lifetime', async () => {
    shortLived.reset();
    const started = Date.now();
    const c = createIngramConnector({ ...base, apiUrl: shortLived.baseUrl, pacing: { limit: 20, intervalMs: 1_000 }, concurrency: 4 });
    const { items } = await collect(c.listSubscriptions());
    await c.dispose();
    const elapsed = Date.now() - started;
    expect(items.length).toBeGreaterThan(0);
    const log = shortLived.requests();
    expect(log.filter((r) => r.status === 401), 'a request went out with an expired token').toEqual([]);
    // One token per lifetime (2 s, renewed 200 ms early) plus the first: not one per request.
    expect(shortLived.stats().tokensIssued).toBeLessThanOrEqual(Math.ceil(elapsed / 1_800) + 2);
    expect(shortLived.stats().tokensIssued, 'the sync outlived a token, so it must have renewed').toBeGreaterThanOrEqual(2);
    expect(log.length).toBeGreaterThanOrEqual(61);
  }, 30_000);
});
