import { Pax8Company, Pax8Envelope, Pax8Subscription } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS } from '@vectis/connector-pax8/sandbox';
import { describe, expect, it } from 'vitest';

// The contract suite's newer faults, as the sandbox serves them in Pax8's shapes (docs/connectors/pax8.md,
// "The sandbox tenant"): checked on the raw responses, so a fault that stopped looking like Pax8 shows here.

const credsBody = { client_id: PAX8_SANDBOX_CREDENTIALS.clientId, client_secret: PAX8_SANDBOX_CREDENTIALS.clientSecret, grant_type: 'client_credentials', audience: 'https://api.pax8.com' };

function setup(o: { pastEnd?: 'empty' | '404' } = {}) {
  const sandbox = createPax8Sandbox({ companies: 9, subscriptions: 12, ...o });
  const raw = (path: string, init: RequestInit = {}) => sandbox.handle(new Request(`${sandbox.baseUrl}${path}`, init));
  const tokenCall = () => raw('/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(credsBody) });
  const bearer = async () => ({ authorization: `Bearer ${((await (await tokenCall()).json()) as { access_token: string }).access_token}` });
  return { sandbox, raw, tokenCall, bearer };
}

describe('sandbox faults in Pax8 shapes', () => {
  it('lying-total: every page reports ⌊factor × real⌋ with a consistent totalPages, while the pages still hold every record', async () => {
    const { sandbox, raw, bearer } = setup({ pastEnd: '404' });
    const auth = await bearer();
    sandbox.injectExtended({ kind: 'lying-total', stream: 'customers', factor: 0.5 });
    const ids: string[] = [];
    for (let page = 0; page < 3; page++) {
      const body = Pax8Envelope.parse(await (await raw(`/companies?page=${page}&size=4&sort=name,asc`, { headers: auth })).json());
      expect(body.page).toEqual({ size: 4, totalElements: 4, totalPages: 1, number: page });
      ids.push(...body.content.map((c) => Pax8Company.parse(c).id));
    }
    expect(ids.sort()).toEqual([...sandbox.ids('customers')].sort());
    // Past the real end (not the reported one) a 404 tenant answers 404; other lists are untouched.
    expect((await raw('/companies?page=3&size=4&sort=name,asc', { headers: auth })).status).toBe(404);
    const subs = Pax8Envelope.parse(await (await raw('/subscriptions?page=0&size=4', { headers: auth })).json());
    expect(subs.page.totalElements).toBe(12);
    sandbox.reset();
    expect(Pax8Envelope.parse(await (await raw('/companies?page=0&size=4', { headers: auth })).json()).page.totalElements).toBe(9);
  });

  it('bad-record: one company without its id, one subscription quantity as a string; the rest valid, consumed once', async () => {
    const { sandbox, raw, bearer } = setup();
    const auth = await bearer();
    sandbox.injectExtended({ kind: 'bad-record', stream: 'customers', times: 1 });
    sandbox.injectExtended({ kind: 'bad-record', stream: 'subscriptions', times: 1 });
    const companies = Pax8Envelope.parse(await (await raw('/companies?page=0&size=5', { headers: auth })).json()).content;
    expect(companies.map((c) => Pax8Company.safeParse(c).success)).toEqual([true, false, true, true, true]);
    expect((companies[1] as Record<string, unknown>).id).toBeUndefined();
    const subs = Pax8Envelope.parse(await (await raw('/subscriptions?page=0&size=5', { headers: auth })).json()).content as Record<string, unknown>[];
    expect(subs.map((s) => Pax8Subscription.safeParse(s).success)).toEqual([true, false, true, true, true]);
    expect(typeof subs[1]?.quantity).toBe('string');
    const again = Pax8Envelope.parse(await (await raw('/companies?page=0&size=5', { headers: auth })).json()).content;
    expect(again.every((c) => Pax8Company.safeParse(c).success)).toBe(true);
  });

  it('redirect: the 3xx comes before any credential is read, so a redirected token call issues no token', async () => {
    const { sandbox, raw, tokenCall, bearer } = setup();
    sandbox.injectExtended({ kind: 'redirect', status: 307, location: 'https://elsewhere.invalid/x', on: 'token', times: 1 });
    const res = await tokenCall();
    expect([res.status, res.headers.get('location')]).toEqual([307, 'https://elsewhere.invalid/x']);
    expect(sandbox.tokens()).toEqual([]);
    const auth = await bearer();
    sandbox.injectExtended({ kind: 'redirect', status: 302, location: 'https://elsewhere.invalid/y', on: 'data', times: 1 });
    expect((await raw('/companies?page=0', { headers: auth })).status).toBe(302);
    expect((await raw('/companies?page=0', { headers: auth })).status).toBe(200);
  });

  it('echo-credentials and truncated-json: 200s that carry the bearer token, or cannot be parsed', async () => {
    const { sandbox, raw, bearer } = setup();
    const auth = await bearer();
    const [token] = sandbox.tokens();
    sandbox.injectExtended({ kind: 'echo-credentials', body: 'not-json', times: 1 });
    const html = await raw('/companies?page=0', { headers: auth });
    expect([html.status, html.headers.get('x-request-id')]).toEqual([200, auth.authorization]);
    expect(await html.text()).toContain(token);
    sandbox.injectExtended({ kind: 'echo-credentials', body: 'wrong-shape', times: 1 });
    const drift = (await (await raw('/companies?page=0', { headers: auth })).json()) as { message: string };
    expect(Pax8Envelope.safeParse(drift).success).toBe(false);
    expect(drift.message).toBe(auth.authorization);
    sandbox.injectExtended({ kind: 'truncated-json', times: 1 });
    const cut = await raw('/companies?page=0', { headers: auth });
    expect(cut.status).toBe(200);
    await expect(cut.json()).rejects.toThrow();
  });
});
