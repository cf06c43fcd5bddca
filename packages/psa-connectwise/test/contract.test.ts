import { psaReaderContract } from '@vectis/testkit';
import { createConnectWiseReader } from '../src/index';
import { CONNECTWISE_SANDBOX_CREDENTIALS, createConnectWiseSandbox } from '../src/sandbox/index';

const fake = createConnectWiseSandbox();

psaReaderContract({
  name: 'connectwise',
  fake,
  secrets: [CONNECTWISE_SANDBOX_CREDENTIALS.privateKey],
  // The site is the sandbox itself: every case also exercises codebase discovery.
  create: (env) => createConnectWiseReader({ ...CONNECTWISE_SANDBOX_CREDENTIALS, site: env.baseUrl, defaultCurrency: 'USD', ...env.tuning }),
});
