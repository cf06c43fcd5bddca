import { connectorContract } from '@vectis/testkit';
import { createSynnexConnector } from '@vectis/connector-synnex';

const REFRESH_TOKEN = 'ion-contract-refresh-token-77d1';

// A stub: the suite runs its one real stub test and lists every contract case as todo.
connectorContract({
  name: 'synnex',
  create: (env) =>
    createSynnexConnector({
      accountId: '100200',
      refreshToken: REFRESH_TOKEN,
      onRefreshTokenRotated: () => {},
      apiUrl: env.baseUrl,
      allowInsecureLoopback: true,
      ...env.tuning,
    }),
  secrets: [REFRESH_TOKEN],
  docsUrlIncludes: 'docs/connectors/synnex.md',
});
