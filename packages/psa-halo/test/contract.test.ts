import { psaReaderContract } from '@vectis/testkit';
import { createHaloReader } from '../src/index';
import { createHaloSandbox, HALO_SANDBOX_CREDENTIALS } from '../src/sandbox/index';

// The hosted rate limit is off here: the suite injects its own 429s; the limit has its own test.
const fake = createHaloSandbox({ rateLimit: false });

psaReaderContract({
  name: 'halo',
  fake,
  secrets: [HALO_SANDBOX_CREDENTIALS.clientSecret],
  create: (env) =>
    createHaloReader({ ...HALO_SANDBOX_CREDENTIALS, resourceServer: `${env.baseUrl}/api`, defaultCurrency: 'USD', billingPeriodCodes: { 1: 'P1M' }, ...env.tuning }),
});
