import { psaReaderContract } from '@vectis/testkit';
import { createAutotaskReader } from '../src/index';
import { AUTOTASK_SANDBOX_CREDENTIALS, createAutotaskSandbox } from '../src/sandbox/index';

const fake = createAutotaskSandbox();

psaReaderContract({
  name: 'autotask',
  fake,
  secrets: [AUTOTASK_SANDBOX_CREDENTIALS.secret],
  // Zone discovery runs in every case: the lookup host is the sandbox.
  create: (env) => createAutotaskReader({ ...AUTOTASK_SANDBOX_CREDENTIALS, zoneLookupUrl: `${env.baseUrl}/atservicesrest`, ...env.tuning }),
});
