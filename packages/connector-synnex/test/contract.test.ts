import { type ContractFake, connectorContract } from '@vectis/testkit';
import { createSynnexConnector } from '@vectis/connector-synnex';
import { createSynnexSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-synnex/sandbox';

// The shared contract suite against the sandbox tenant. Ion rotates the refresh token on every
// refresh, so every connector the suite creates reads and writes one shared store, as a real
// deployment must: a connector built with a stale token would be refused.
const fake = createSynnexSandbox() satisfies ContractFake;
const store: { token: string } = { token: SANDBOX_CREDENTIALS.refreshToken };

connectorContract({
  name: 'synnex',
  fake,
  secrets: [SANDBOX_CREDENTIALS.refreshToken],
  create: (env) =>
    createSynnexConnector({
      accountId: SANDBOX_CREDENTIALS.accountId,
      refreshToken: store.token,
      onRefreshTokenRotated: (next) => void (store.token = next),
      apiUrl: env.baseUrl,
      allowInsecureLoopback: true,
      ...env.tuning,
    }),
});
