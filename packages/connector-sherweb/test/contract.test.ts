import type { ContractFake } from '@vectis/connector-core';
import { CONTRACT_TUNING, contractCases, createContractContext, fakeHandlers, lyingTotalCase, useFakeApi } from '@vectis/testkit';
import { createSherwebConnector } from '@vectis/connector-sherweb';
import { createSherwebSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-sherweb/sandbox';
import { afterAll, afterEach, describe, expect, it } from 'vitest';

// The shared contract suite, run against the sandbox gateway through msw. Sherweb lists are whole
// (no paging parameters exist), so the suite's paging cases run in their whole-list form.
//
// Why not `connectorContract()`: it registers a case whose fault the fake lacks as `todo` ("not yet
// implemented"). `lying-total` is not missing work for Sherweb, it cannot apply: no Sherweb response
// carries a total (the spec's `Customers` and `Subscriptions` are `{items}` only, payable charges
// `{periodFrom, periodTo, charges}`), so there is no count that could lie. testkit has no way to say
// "does not apply" for a fake feature, so this file runs the suite's own cases (`contractCases`, the
// same loop `connectorContract` runs) and registers that case as a real test proving there is no total.
const fake = createSherwebSandbox() satisfies ContractFake;
const options = {
  name: 'sherweb',
  fake,
  wholeLists: true,
  secrets: [SANDBOX_CREDENTIALS.clientSecret, SANDBOX_CREDENTIALS.subscriptionKey],
  create: (env: { baseUrl: string; tuning: typeof CONTRACT_TUNING }) =>
    createSherwebConnector({ ...SANDBOX_CREDENTIALS, scopes: ['service-provider', 'distributor'], apiUrl: env.baseUrl, ...env.tuning }),
};

describe('sherweb — connector contract', () => {
  const server = useFakeApi(fake);
  const probe = options.create({ baseUrl: fake.baseUrl, tuning: CONTRACT_TUNING });
  afterAll(() => probe.dispose());
  const ctx = createContractContext(options);
  afterEach(() => ctx.cleanup());

  for (const c of contractCases) {
    if (c === lyingTotalCase) continue;
    const lacking = (c.needs ?? []).filter((feature) => !fake.supports.includes(feature as never));
    if (lacking.length) it.todo(`${c.name} — the fake does not implement ${lacking.join(', ')}`);
    else it.skipIf(c.applies !== undefined && !c.applies(probe))(c.name, () => c.run(ctx), 30_000);
  }

  it(`${lyingTotalCase.name} — does not apply to Sherweb: its lists carry no total; the count is the list itself`, async () => {
    // Capture every list body the sandbox serves during a full read of both streams.
    fake.reset();
    const bodies: Record<string, unknown>[] = [];
    const handle = async (request: Request) => {
      const response = await fake.handle(request);
      if (new URL(request.url).pathname.startsWith('/service-provider/')) bodies.push((await response.clone().json()) as Record<string, unknown>);
      return response;
    };
    server.use(...fakeHandlers({ baseUrl: fake.baseUrl, handle }));
    const connector = options.create({ baseUrl: fake.baseUrl, tuning: CONTRACT_TUNING });
    let customerCoverage: unknown;
    for await (const batch of connector.listCustomers()) customerCoverage = batch.coverage ?? customerCoverage;
    for await (const _ of connector.listSubscriptions()) void _;
    await connector.dispose();
    const lists = bodies.filter((b) => 'items' in b);
    expect(lists.length, 'customers plus the per-customer subscription lists').toBeGreaterThan(fake.ids('customers').length);
    // Field for field as the spec's `Customers`/`Subscriptions`: nothing but `items`, so nothing to disagree with.
    for (const body of lists) expect(Object.keys(body)).toEqual(['items']);
    const held = fake.ids('customers').length;
    expect(customerCoverage).toMatchObject({ stream: 'customers', expected: held, fetched: held, complete: true });
  });
});
