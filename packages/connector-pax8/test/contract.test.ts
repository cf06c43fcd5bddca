import { type ContractFake, connectorContract } from '@vectis/testkit';
import { createPax8Connector } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS } from '@vectis/connector-pax8/sandbox';

// The shared contract suite, run against the sandbox tenant through msw: no case left as todo.
const fake = createPax8Sandbox() satisfies ContractFake;

connectorContract({
  name: 'pax8',
  fake,
  secrets: [PAX8_SANDBOX_CREDENTIALS.clientSecret],
  create: (env) => createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: env.baseUrl, ...env.tuning }),
});
