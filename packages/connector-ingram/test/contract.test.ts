import { type ContractFake, connectorContract } from '@vectis/testkit';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';

// The shared contract suite, run against the sandbox tenant through msw.
const fake = createIngramSandbox() satisfies ContractFake;

connectorContract({
  name: 'ingram',
  fake,
  secrets: [SANDBOX_CREDENTIALS.password, SANDBOX_CREDENTIALS.subscriptionKey],
  create: (env) => createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: env.baseUrl, ...env.tuning }),
});
