import { connectorContract } from '@vectis/testkit';
import { createPax8Connector } from '@vectis/connector-pax8';

const CLIENT_SECRET = 'pax8-contract-secret-5e81c0';

// A stub: the suite runs its one real stub test and lists every contract case as todo.
connectorContract({
  name: 'pax8',
  create: (env) =>
    createPax8Connector({ clientId: 'ContractClient0123456789', clientSecret: CLIENT_SECRET, apiUrl: env.baseUrl, allowInsecureLoopback: true, ...env.tuning }),
  secrets: [CLIENT_SECRET],
  docsUrlIncludes: 'docs/connectors/pax8.md',
});
