import { connectorContract } from '@vectis/testkit';
import { createSherwebConnector } from '@vectis/connector-sherweb';

const CLIENT_SECRET = 'sherweb-contract-secret-a4c2';
const SUBSCRIPTION_KEY = 'fedcba9876543210fedcba9876543210';

// A stub: the suite runs its one real stub test and lists every contract case as todo.
connectorContract({
  name: 'sherweb',
  create: (env) =>
    createSherwebConnector({
      clientId: 'contract-client',
      clientSecret: CLIENT_SECRET,
      subscriptionKey: SUBSCRIPTION_KEY,
      apiUrl: env.baseUrl,
      allowInsecureLoopback: true,
      ...env.tuning,
    }),
  secrets: [CLIENT_SECRET, SUBSCRIPTION_KEY],
  docsUrlIncludes: 'docs/connectors/sherweb.md',
});
