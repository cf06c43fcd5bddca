import { collect } from '@vectis/connector-core';
import { useFakeApi } from '@vectis/testkit';
import { describe, expect, it } from 'vitest';
import { createSynnexConnector } from '@vectis/connector-synnex';
import { createSynnexSandbox, SANDBOX_CREDENTIALS, type SynnexSandbox } from '@vectis/connector-synnex/sandbox';

// Subscription paging styles Ion is reported to use (NOTES §5), each served by its own sandbox tenant.
const host = (sandbox: SynnexSandbox, name: string) => Object.assign(sandbox, { baseUrl: `https://${name}.vectis.test` });
const offset = host(createSynnexSandbox({ customers: 12, subscriptions: 47, pageSizeCap: 7 }), 'ion-offset');
const token = host(createSynnexSandbox({ customers: 12, subscriptions: 47, pageSizeCap: 7, subscriptionPaging: 'token' }), 'ion-token');
const broken = host(createSynnexSandbox({ customers: 12, subscriptions: 47, subscriptionPaging: 'ignores-offset' }), 'ion-broken');
useFakeApi(offset, token, broken);

function connect(sandbox: SynnexSandbox, extra: { pageSize?: number } = {}) {
  const store = { token: sandbox.currentRefreshToken() };
  return createSynnexConnector({
    accountId: SANDBOX_CREDENTIALS.accountId, refreshToken: store.token, onRefreshTokenRotated: (t) => void (store.token = t),
    apiUrl: sandbox.baseUrl, pacing: false, ...extra,
  });
}
const listPaths = (sandbox: SynnexSandbox) => sandbox.requests().filter((r) => r.path.includes('/subscriptions')).map((r) => r.path.slice(r.path.indexOf('?')));

describe('TD SYNNEX subscription paging', () => {
  it('offset style: advances by the items received (the server caps pages at 7 of 25 asked) and stops only at an empty page', async () => {
    offset.reset();
    const { items, coverage } = await collect(connect(offset, { pageSize: 25 }).listSubscriptions());
    expect(items.map((s) => s.externalId).sort()).toEqual([...offset.ids('subscriptions')].sort());
    expect(listPaths(offset)).toEqual([0, 7, 14, 21, 28, 35, 42, 47].map((n) => `?pagination.limit=25&pagination.offset=${n}`));
    expect(coverage).toMatchObject({ complete: true, fetched: 47, pages: 8 });
  });

  it('token style: follows nextPageToken when the tenant sends one, and stops where none comes back', async () => {
    token.reset();
    const { items, coverage } = await collect(connect(token, { pageSize: 25 }).listSubscriptions());
    expect(items).toHaveLength(47);
    const paths = listPaths(token);
    expect(paths).toHaveLength(7);
    expect(paths[0]).toBe('?pagination.limit=25&pagination.offset=0');
    expect(paths.slice(1).every((p) => p.includes('pageToken='))).toBe(true);
    expect(coverage).toMatchObject({ complete: true, fetched: 47 });
  });

  it('a tenant that ignores the offset: detected on the second page, reported as incomplete, no loop', async () => {
    broken.reset();
    const { items, coverage } = await collect(connect(broken, { pageSize: 10 }).listSubscriptions());
    expect(listPaths(broken)).toHaveLength(2);
    expect(items).toHaveLength(10);
    expect(coverage).toMatchObject({ complete: false, truncatedReason: expect.stringContaining('same page twice') });
  });
});

describe('TD SYNNEX sandbox tenant', () => {
  it('serves the SDK-shaped payloads: customer resource names, string quantities, JSON-number prices', () => {
    const { customers, subscriptions } = offset.data;
    expect(customers[0]?.name).toBe(`accounts/${SANDBOX_CREDENTIALS.accountId}/customers/1`);
    expect(subscriptions.every((s) => typeof s.subscriptionTotalLicenses === 'string')).toBe(true);
    expect(subscriptions.some((s) => typeof s.price === 'number') && subscriptions.some((s) => typeof s.price === 'string')).toBe(true);
  });

  it('refuses writes and other accounts, and rate limits with Retry-After', async () => {
    const limited = host(createSynnexSandbox({ customers: 3, subscriptions: 3, rateLimit: { limit: 2, intervalMs: 60_000 } }), 'ion-limited');
    const post = await limited.handle(new Request(`${limited.baseUrl}/api/v3/accounts/100200/customers`, { method: 'POST', body: '{}' }));
    expect(post.status).toBe(405);
    const anonymous = await limited.handle(new Request(`${limited.baseUrl}/api/v3/accounts/100200/customers`));
    expect(anonymous.status).toBe(401);
    const third = await limited.handle(new Request(`${limited.baseUrl}/api/v3/accounts/100200/customers`));
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(limited.stats().rateLimited).toBe(1);

    const store = { token: offset.currentRefreshToken() };
    const wrong = createSynnexConnector({ accountId: '999999', refreshToken: store.token, onRefreshTokenRotated: (t) => void (store.token = t), apiUrl: offset.baseUrl, pacing: false });
    await expect(wrong.testConnection()).rejects.toMatchObject({ name: 'PermissionError', status: 403, message: expect.stringContaining('Account Information') });
  });
});
