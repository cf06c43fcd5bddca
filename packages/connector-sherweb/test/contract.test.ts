import type { ContractFake } from '@vectis/connector-core';
import { connectorContract } from '@vectis/testkit';
import { createSherwebConnector } from '@vectis/connector-sherweb';
import { createSherwebSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-sherweb/sandbox';

// The shared contract suite, run against the sandbox gateway through msw. Sherweb lists are whole
// (no paging parameters exist), so the suite's paging cases run in their whole-list form.
const fake = createSherwebSandbox() satisfies ContractFake;

connectorContract({
  name: 'sherweb',
  fake,
  wholeLists: true,
  secrets: [SANDBOX_CREDENTIALS.clientSecret, SANDBOX_CREDENTIALS.subscriptionKey],
  create: (env) =>
    createSherwebConnector({ ...SANDBOX_CREDENTIALS, scopes: ['service-provider', 'distributor'], apiUrl: env.baseUrl, ...env.tuning }),
});
