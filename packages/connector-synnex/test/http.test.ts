import { collect, Customer, isAuthenticationError, isPermissionError, isRateLimitError, Usage } from '@vectis/connector-core';
import { useFakeApi } from '@vectis/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { createSynnexConnector, type SynnexConnectorOptions } from '@vectis/connector-synnex';
import { ACCOUNT, API, createScriptedApi, json, REFRESH } from './handlers';
import subscriptionsFixture from './fixtures/subscriptions-page-1.json' with { type: 'json' };

const api = createScriptedApi();
useFakeApi(api);
afterEach(() => api.reset());

const fast = { retry: { limit: 1, baseDelayMs: 1, maxRetryAfterMs: 1_000, defaultRetryAfterMs: 1 }, pacing: false as const };
const make = (extra: Partial<SynnexConnectorOptions> = {}) => {
  const saved: string[] = [];
  const connector = createSynnexConnector({ accountId: ACCOUNT, refreshToken: REFRESH, onRefreshTokenRotated: (t) => void saved.push(t), ...fast, ...extra });
  return { connector, saved };
};
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

describe('TD SYNNEX over HTTP (SDK-sample fixtures)', () => {
  it('refreshes with the SDK token call: form-encoded refresh_token grant with redirect_uri, no client credentials', async () => {
    const { connector, saved } = make();
    await connector.testConnection();
    const tokenCall = api.log[0];
    expect(tokenCall).toMatchObject({ method: 'POST', path: '/oauth/token' });
    expect(tokenCall?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(tokenCall?.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(new URLSearchParams(tokenCall?.body))).toEqual({ grant_type: 'refresh_token', refresh_token: REFRESH, redirect_uri: 'http://localhost/' });
    expect(saved).toEqual(['fixture-refresh-token-2']);
  });

  it('sends a client id and secret as HTTP Basic on the token call only, when configured', async () => {
    const { connector } = make({ clientId: 'ion-app', clientSecret: 'ion-secret-5b2f' });
    await connector.testConnection();
    expect(api.log[0]?.headers.authorization).toBe(`Basic ${Buffer.from('ion-app:ion-secret-5b2f').toString('base64')}`);
    expect(api.log[0]?.body).not.toContain('client_secret');
    expect(api.log[1]?.headers.authorization).toMatch(/^Bearer fixture-access-token-1/);
  });

  it('testConnection is one GET under the account path and counts the customers it sees', async () => {
    const { connector } = make();
    const result = await connector.testConnection();
    expect(api.paths()).toEqual(['POST /oauth/token', `GET ${API}/customers?pageSize=1000`]);
    expect(result).toMatchObject({ ok: true, vendor: 'td_synnex', message: 'Connected to TD SYNNEX — more than 2 customers visible', details: { accountId: ACCOUNT } });
    api.on((_r, path) => (path.includes('/customers?') ? json({ customers: [] }) : undefined));
    expect((await make().connector.testConnection()).message).toBe('Connected to TD SYNNEX — 0 customers visible');
  });

  it('pages customers by token and keeps going past an item it cannot read', async () => {
    const { connector } = make({ pageSize: 2 });
    const batches = [];
    for await (const batch of connector.listCustomers()) batches.push(batch);
    expect(api.paths().slice(1)).toEqual([`GET ${API}/customers?pageSize=2`, `GET ${API}/customers?pageSize=2&pageToken=Q2lRd01EQXdNREF4`]);
    expect(batches.flatMap((b) => b.items).map((c) => c.externalId)).toEqual(['1', '2', '3']);
    const rejected = batches.flatMap((b) => b.rejected ?? []);
    expect(rejected).toEqual([{ stream: 'customers', where: expect.stringContaining('GET /customers page'), issues: [expect.objectContaining({ path: 'name' })] }]);
    // A list with an unreadable item cannot prove that what is missing from it is gone (issue 10 item 11).
    expect(batches.at(-1)?.coverage).toMatchObject({ stream: 'customers', complete: false, fetched: 3, pages: 2, rejected: 1, truncatedReason: expect.stringContaining('could not be read') });
  });

  it('pages subscriptions by pagination.offset until an empty page, rejecting items without a usable quantity', async () => {
    const { connector } = make();
    const { items, coverage } = await collect(connector.listSubscriptions());
    expect(api.paths().slice(1)).toEqual([
      `GET ${API}/subscriptions?pagination.limit=100&pagination.offset=0`,
      `GET ${API}/subscriptions?pagination.limit=100&pagination.offset=6`,
    ]);
    expect(items.map((s) => s.externalId)).toEqual(['5555', '5556', '5557']);
    expect(coverage).toMatchObject({ complete: false, fetched: 3, pages: 2, rejected: 3, truncatedReason: expect.stringContaining('3 record(s) could not be read') });
    const rejected: unknown[] = [];
    for await (const batch of make().connector.listSubscriptions()) rejected.push(...(batch.rejected ?? []));
    expect(rejected).toEqual([
      { stream: 'subscriptions', id: '5558', where: expect.any(String), issues: [{ path: 'subscriptionTotalLicenses', message: 'is missing', code: 'invalid_type' }] },
      { stream: 'subscriptions', id: '5559', where: expect.any(String), issues: [expect.objectContaining({ path: 'subscriptionTotalLicenses', message: 'is not a non-negative number' })] },
      { stream: 'subscriptions', where: expect.stringContaining('item 6'), issues: [expect.objectContaining({ path: 'id' })] },
    ]);
    expect(JSON.stringify(rejected)).not.toContain('Teams Essentials'); // ids and paths only, no values
  });

  it('a count a tenant sends (Ion documents none) is only checked: too high or too low → incomplete, unreadable → ignored', async () => {
    const clean = (subscriptionsFixture.items as { id: string }[]).slice(0, 3); // 5555–5557, all readable
    const serve = (paginationResponse: unknown) => {
      api.reset();
      api.on((_r, path) => {
        if (!path.startsWith(`${API}/subscriptions`)) return undefined;
        const first = new URL(path, 'https://x.invalid').searchParams.get('pagination.offset') === '0';
        return json({ items: first ? clean : [], paginationResponse });
      });
    };
    const coverageWith = async (paginationResponse: unknown) => (serve(paginationResponse), (await collect(make().connector.listSubscriptions())).coverage);
    expect(await coverageWith({ totalCount: 3 })).toMatchObject({ complete: true, expected: 3, fetched: 3 });
    expect(await coverageWith({ totalCount: '7' })).toMatchObject({ complete: false, truncatedReason: 'Ion reported 7 subscriptions but 3 were received' });
    expect(await coverageWith({ totalCount: 1 })).toMatchObject({ complete: false, fetched: 3, truncatedReason: expect.stringContaining('Ion reported 1 subscriptions but sent more') });
    expect(await coverageWith({ totalCount: 'many', pageCount: 1 })).toMatchObject({ complete: true, fetched: 3 });
    expect((await coverageWith({ totalCount: 'many' }))?.expected).toBeUndefined();
  });

  it('a wrong account id: PermissionError whose remedy says where the Account ID is', async () => {
    api.on((_r, path) => (path.startsWith(API) ? json({ error: 'PERMISSION_DENIED', message: 'The caller does not have permission.', code: 403, details: [] }, 403) : undefined));
    const error = await fail(make().connector.testConnection());
    expect(isPermissionError(error)).toBe(true);
    expect((error as Error).message).toContain('Account Information (hamburger menu)');
    expect((error as Error).message).toContain('The caller does not have permission');
  });

  it('a refused refresh token: AuthenticationError telling the user to mint new OAuth credentials, no secret in it', async () => {
    api.on((_r, path) => (path === '/oauth/token' ? json({ error: 'invalid_grant', error_description: 'The refresh token has already been used.' }, 400) : undefined));
    const error = await fail(make().connector.testConnection());
    expect(isAuthenticationError(error)).toBe(true);
    const message = (error as Error).message;
    expect(message).toContain('mint new OAuth credentials for the integration user in the Ion portal');
    expect(message).toContain('already been used');
    expect(`${message} ${JSON.stringify(error)}`).not.toContain(REFRESH);
  });

  it('rate limited beyond the retries: RateLimitError with the pacing remedy', async () => {
    api.on((_r, path) => (path.startsWith(API) ? json({ error: 'RESOURCE_EXHAUSTED', message: 'Too many requests.', code: 429, details: [] }, 429, { 'retry-after': '0' }) : undefined));
    const error = await fail(collect(make().connector.listCustomers()));
    expect(isRateLimitError(error)).toBe(true);
    expect((error as Error).message).toContain('lower pacing');
  });

  it('seat snapshots: purchased quantity per line, consumed only where a usage plan reports it, rejected lines carried', async () => {
    const rows: Usage[] = [];
    const rejected: unknown[] = [];
    let coverage: unknown;
    for await (const batch of make().connector.listSeatSnapshots({ week: '2026-W49', asOf: '2026-12-01T00:00:00.000Z' })) {
      rows.push(...batch.items.map((r) => Usage.parse(r)));
      rejected.push(...(batch.rejected ?? []));
      coverage = batch.coverage ?? coverage;
    }
    expect(rows.map((r) => [r.subscriptionExternalId, r.quantity, r.consumed, r.source])).toEqual([
      ['5555', 1, undefined, 'purchased_quantity'],
      ['5556', 25, undefined, 'purchased_quantity'],
      ['5557', 1, 412, 'purchased_quantity'],
    ]);
    expect(rejected).toHaveLength(3);
    expect(rejected.every((r) => (r as { stream: string }).stream === 'seat_snapshots')).toBe(true);
    expect(coverage).toMatchObject({ stream: 'seat_snapshots', complete: false, fetched: 3, rejected: 3 });
  });

  it('writes td_synnex; a record stored under the product tag synnex reads back as td_synnex', async () => {
    const { items } = await collect(make().connector.listCustomers());
    expect(new Set(items.map((c) => c.vendor))).toEqual(new Set(['td_synnex']));
    const stored = JSON.parse(JSON.stringify({ ...items[0], vendor: 'synnex' })) as unknown;
    expect(Customer.parse(stored).vendor).toBe('td_synnex');
  });
});
