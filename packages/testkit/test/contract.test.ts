import { NotImplementedError, type DistributorConnector } from '@vectis/connector-core';
import { connectorContract } from '../src/index';
import { createAcmeConnector } from './reference-connector';
import { ACME_PASSWORD, createAcmeVendor } from './reference-vendor';

// The correct reference connector passes every case, through the real kernel and msw.
connectorContract({
  name: 'acme (reference)',
  fake: createAcmeVendor(),
  secrets: [ACME_PASSWORD],
  create: (env) => createAcmeConnector(env),
});

const DOCS = 'https://example.test/docs/connectors/acme-stub.md';
function stubConnector(): DistributorConnector {
  const fail = (method: string) => new NotImplementedError({ connector: 'acme-stub', vendor: 'Acme Stub', method, docsUrl: DOCS });
  return {
    id: 'acme-stub',
    vendor: 'pax8',
    label: 'Acme Stub',
    capabilities: { customers: false, subscriptions: false, seatSnapshots: false, incremental: false, stub: true },
    testConnection: async () => {
      throw fail('testConnection');
    },
    async *listCustomers() {
      throw fail('listCustomers');
    },
    async *listSubscriptions() {
      throw fail('listSubscriptions');
    },
    async *listSeatSnapshots() {
      throw fail('listSeatSnapshots');
    },
    dispose: async () => undefined,
  };
}

// A stub gets one real test and every case as a todo, so reports show it as a stub, not a pass.
connectorContract({ name: 'acme (stub)', secrets: [], create: stubConnector, docsUrlIncludes: 'docs/connectors/acme-stub.md' });
