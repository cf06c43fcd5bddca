import { describe, expect, it } from 'vitest';
import { createSynnexSandbox } from '@vectis/connector-synnex/sandbox';

// The contract suite's newer faults as the sandbox serves them, in Ion's payload shapes (the suite
// itself checks the connector's reaction; this checks the fake says what its docs say it says).
const API = 'https://ion-sandbox.vectis.test/api/v3/accounts/100200';

async function bearer(sandbox: ReturnType<typeof createSynnexSandbox>): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sandbox.currentRefreshToken() });
  const response = await sandbox.handle(new Request('https://ion-sandbox.vectis.test/oauth/token', { method: 'POST', body }));
  return ((await response.json()) as { access_token: string }).access_token;
}

async function get(sandbox: ReturnType<typeof createSynnexSandbox>, path: string, token: string): Promise<Response> {
  return sandbox.handle(new Request(`${API}${path}`, { headers: { authorization: `Bearer ${token}` } }));
}

describe('TD SYNNEX sandbox: hostile-server faults', () => {
  it('lying-total: a count appears only under the fault (customers totalCount, subscriptions paginationResponse.totalCount), ⌊factor × real⌋', async () => {
    const sandbox = createSynnexSandbox({ customers: 9, subscriptions: 13 });
    const token = await bearer(sandbox);
    const plain = (await (await get(sandbox, '/customers?pageSize=4', token)).json()) as Record<string, unknown>;
    expect(Object.keys(plain).sort()).toEqual(['customers', 'nextPageToken']);
    sandbox.injectExtended({ kind: 'lying-total', stream: 'customers', factor: 0.5 });
    sandbox.injectExtended({ kind: 'lying-total', stream: 'subscriptions', factor: 0.5 });
    for (let i = 0; i < 2; i++) {
      expect(await (await get(sandbox, '/customers?pageSize=4', token)).json()).toMatchObject({ totalCount: 4 });
      expect(await (await get(sandbox, '/subscriptions?pagination.limit=4&pagination.offset=0', token)).json()).toMatchObject({ paginationResponse: { totalCount: 6 } });
    }
    sandbox.reset();
    expect(await (await get(sandbox, '/subscriptions?pagination.limit=4&pagination.offset=0', token)).json()).not.toHaveProperty('paginationResponse');
  });

  it('bad-record: one item of the next page of that stream only (a customer without name, a quantity that is not a number)', async () => {
    const sandbox = createSynnexSandbox({ customers: 5, subscriptions: 5 });
    const token = await bearer(sandbox);
    sandbox.injectExtended({ kind: 'bad-record', stream: 'subscriptions', times: 1 });
    const customers = (await (await get(sandbox, '/customers?pageSize=10', token)).json()) as { customers: Record<string, unknown>[] };
    expect(customers.customers.every((c) => typeof c.name === 'string')).toBe(true);
    const subs = (await (await get(sandbox, '/subscriptions?pagination.limit=10&pagination.offset=0', token)).json()) as { items: Record<string, unknown>[] };
    expect(subs.items.map((s) => s.subscriptionTotalLicenses).filter((q) => !/^\d+$/.test(String(q)))).toEqual(['unlimited']);
    sandbox.injectExtended({ kind: 'bad-record', stream: 'customers', times: 1 });
    const spoiled = (await (await get(sandbox, '/customers?pageSize=10', token)).json()) as { customers: Record<string, unknown>[] };
    expect(spoiled.customers.filter((c) => c.name === undefined)).toHaveLength(1);
  });

  it('echo-credentials, redirect and truncated-json answer as a broken gateway would; tokens() lists every issued token', async () => {
    const sandbox = createSynnexSandbox();
    const token = await bearer(sandbox);
    sandbox.injectExtended({ kind: 'echo-credentials', body: 'not-json', times: 1 });
    const echoed = await get(sandbox, '/customers', token);
    expect(echoed.status).toBe(200);
    expect(echoed.headers.get('x-request-id')).toBe(`Bearer ${token}`);
    expect(await echoed.text()).toContain(token);
    sandbox.injectExtended({ kind: 'redirect', status: 307, location: 'https://elsewhere.invalid/x', on: 'data', times: 1 });
    const moved = await get(sandbox, '/customers', token);
    expect([moved.status, moved.headers.get('location')]).toEqual([307, 'https://elsewhere.invalid/x']);
    sandbox.injectExtended({ kind: 'truncated-json', times: 1 });
    const cut = await get(sandbox, '/customers', token);
    expect(cut.status).toBe(200);
    await expect(cut.clone().json()).rejects.toThrow();
    expect(sandbox.tokens()).toContain(token);
    expect(sandbox.tokens()).toContain(sandbox.currentRefreshToken());
  });
});
