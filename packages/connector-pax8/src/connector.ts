import {
  parseConnectorOptions,
  NotImplementedError,
  type Batch,
  type ConnectionTestResult,
  type ConnectorCapabilities,
  type Customer,
  type DistributorConnector,
  type Subscription,
  type Usage,
} from '@vectis/connector-core';
import { PAX8_CROSS_CHECK, Pax8ConnectorOptions, type ResolvedPax8Options } from './options';

/**
 * Where the connector's status, planned capabilities and credential steps are documented; every
 * `NotImplementedError` it throws carries this as `docsUrl`.
 *
 * @example
 * if (isNotImplementedError(err)) console.log(`Not available yet, see ${PAX8_DOCS_URL}`);
 */
export const PAX8_DOCS_URL = 'https://github.com/vectis/connectors/blob/main/docs/connectors/pax8.md';

const ID = 'pax8';
const LABEL = 'Pax8';
const REMEDY = `Fix the options listed and create the connector again. API credentials are minted under app.pax8.com → Settings → Integrations → Credentials; see ${PAX8_DOCS_URL}.`;

// Declared honestly: a stub syncs nothing yet. The planned capabilities are in the docs page.
const CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: false,
  subscriptions: false,
  seatSnapshots: false,
  incremental: false,
  stub: true,
});

/**
 * Creates the Pax8 connector. **Status: typed stub.** Options are validated for real (a bad option
 * throws `ConfigurationError` listing every bad field); every data method and `testConnection()`
 * reject with `NotImplementedError` pointing to the docs page.
 *
 * @example
 * const pax8 = createPax8Connector({ clientId: process.env.PAX8_CLIENT_ID!, clientSecret: process.env.PAX8_CLIENT_SECRET! });
 * pax8.capabilities.stub; // true
 * await pax8.testConnection(); // rejects with NotImplementedError (see docs/connectors/pax8.md)
 */
export function createPax8Connector(options: Pax8ConnectorOptions): DistributorConnector {
  // Validated now so a misconfiguration surfaces at setup time, not at the first sync.
  // The resolved options stay in this closure only (never on the object), so they can't be logged by accident.
  const resolved: ResolvedPax8Options = parseConnectorOptions(Pax8ConnectorOptions, options, {
    connector: ID,
    remedy: REMEDY,
    checks: [PAX8_CROSS_CHECK],
  });
  void resolved;

  const notImplemented = (method: string) =>
    new NotImplementedError({ connector: ID, vendor: LABEL, method, docsUrl: PAX8_DOCS_URL });

  async function* failingStream(method: string): AsyncGenerator<never> {
    throw notImplemented(method);
  }

  return Object.freeze({
    id: ID,
    vendor: 'pax8',
    label: LABEL,
    capabilities: CAPABILITIES,
    async testConnection(): Promise<ConnectionTestResult> {
      throw notImplemented('testConnection');
    },
    listCustomers: (): AsyncIterable<Batch<Customer>> => failingStream('listCustomers'),
    listSubscriptions: (): AsyncIterable<Batch<Subscription>> => failingStream('listSubscriptions'),
    listSeatSnapshots: (): AsyncIterable<Batch<Usage>> => failingStream('listSeatSnapshots'),
    async dispose(): Promise<void> {},
  });
}
