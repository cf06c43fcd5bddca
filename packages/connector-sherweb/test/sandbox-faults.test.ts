import type { Coverage, RejectedRecord } from '@vectis/connector-core';
import { createSherwebConnector } from '@vectis/connector-sherweb';
import { createSherwebSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-sherweb/sandbox';
import { useFakeApi } from '@vectis/testkit';
import { beforeEach, describe, expect, it } from 'vitest';

// The contract suite's newer faults, as the Sherweb sandbox serves them: in Sherweb's shapes, and only
// where Sherweb's responses could carry them.
const sandbox = createSherwebSandbox({ customers: 5, subscriptions: 2 });
useFakeApi(sandbox);
beforeEach(() => (sandbox.reset(), sandbox.seed({ customers: 5, subscriptions: 2 })));

const KEY = { 'ocp-apim-subscription-key': SANDBOX_CREDENTIALS.subscriptionKey };
const FAST = { pacing: false, retry: { limit: 1, baseDelayMs: 1, defaultRetryAfterMs: 5 }, timeoutMs: 2_000 } as const;

async function bearer(): Promise<Record<string, string>> {
  const form = `grant_type=client_credentials&client_id=${SANDBOX_CREDENTIALS.clientId}&client_secret=${SANDBOX_CREDENTIALS.clientSecret}&scope=service-provider`;
  const res = await fetch(`${sandbox.baseUrl}/auth/oidc/connect/token`, { method: 'POST', body: form, headers: { ...KEY, 'content-type': 'application/x-www-form-urlencoded' } });
  const { access_token } = (await res.json()) as { access_token: string };
  return { ...KEY, authorization: `Bearer ${access_token}` };
}
const details = async (customerId: string, headers: Record<string, string>) =>
  (await (await fetch(`${sandbox.baseUrl}/service-provider/v1/billing/subscriptions/details?customerId=${customerId}`, { headers })).json()) as { items: Record<string, unknown>[] };

describe('sandbox: hostile-server faults', () => {
  it('declares every newer fault but lying-total, which no Sherweb response has a field for', () => {
    expect([...sandbox.supports].sort()).toEqual(['bad-record', 'echo-credentials', 'redirect', 'truncated-json']);
  });

  it('a redirect comes from the gateway before any credential is checked', async () => {
    sandbox.injectExtended({ kind: 'redirect', status: 307, location: 'https://elsewhere.invalid/x', on: 'data', times: 1 });
    const res = await fetch(`${sandbox.baseUrl}/service-provider/v1/customers`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe('https://elsewhere.invalid/x');
  });

  it('bad-record spoils one subscription quantity (a string) in a details list, skipping empty lists and pricing', async () => {
    const headers = await bearer();
    const [withSubs, empty] = [sandbox.data.customers[0]?.id ?? '', sandbox.data.customers[4]?.id ?? ''];
    sandbox.injectExtended({ kind: 'bad-record', stream: 'subscriptions', times: 1 });
    const pricing = await fetch(`${sandbox.baseUrl}/service-provider/v1/billing/subscriptions/pricing-information?customerId=${withSubs}`, { headers });
    expect(((await pricing.json()) as { items: unknown[] }).items.length).toBe(1);
    expect((await details(empty, headers)).items).toEqual([]);
    const spoiled = (await details(withSubs, headers)).items[0];
    expect(typeof spoiled?.quantity).toBe('string');
    expect(typeof (await details(withSubs, headers)).items[0]?.quantity, 'consumed once').toBe('number');
  });

  it('echo-credentials copies the bearer and subscription key into request-id and the body; tokens() keeps revoked ones', async () => {
    const headers = await bearer();
    sandbox.injectExtended({ kind: 'echo-credentials', body: 'wrong-shape', times: 1 });
    const res = await fetch(`${sandbox.baseUrl}/service-provider/v1/customers`, { headers });
    expect(res.headers.get('request-id')).toContain(SANDBOX_CREDENTIALS.subscriptionKey);
    expect(JSON.stringify(await res.json())).toContain(headers.authorization);
    sandbox.inject({ kind: 'expire-token' });
    await fetch(`${sandbox.baseUrl}/service-provider/v1/customers`, { headers });
    expect(sandbox.tokens()).toContain(headers.authorization?.slice('Bearer '.length));
  });

  it('a subscription the connector rejects leaves the subscription stream incomplete, with the reason', async () => {
    const connector = createSherwebConnector({ ...SANDBOX_CREDENTIALS, apiUrl: sandbox.baseUrl, ...FAST });
    sandbox.injectExtended({ kind: 'bad-record', stream: 'subscriptions', times: 1 });
    const items: unknown[] = [];
    const rejected: RejectedRecord[] = [];
    let coverage: Coverage | undefined;
    for await (const batch of connector.listSubscriptions()) {
      items.push(...batch.items);
      rejected.push(...(batch.rejected ?? []));
      coverage = batch.coverage ?? coverage;
    }
    expect(items.length).toBe(1);
    expect(rejected).toEqual([expect.objectContaining({ stream: 'subscriptions', issues: [expect.objectContaining({ path: 'quantity' })] })]);
    expect(coverage).toMatchObject({ complete: false, truncatedReason: expect.stringContaining('1 subscription record(s) could not be read') });
    await connector.dispose();
  });
});
