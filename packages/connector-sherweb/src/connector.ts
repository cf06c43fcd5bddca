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
import { SHERWEB_CROSS_CHECK, SherwebConnectorOptions, type ResolvedSherwebOptions } from './options';

/**
 * Where the connector's status, planned capabilities and credential steps are documented; every
 * `NotImplementedError` it throws carries this as `docsUrl`.
 *
 * @example
 * if (isNotImplementedError(err)) console.log(`Not available yet, see ${SHERWEB_DOCS_URL}`);
 */
export const SHERWEB_DOCS_URL = 'https://github.com/vectis/connectors/blob/main/docs/connectors/sherweb.md';

const ID = 'sherweb';
const LABEL = 'Sherweb';
const REMEDY = `Fix the options listed and create the connector again. Client Id, Client Secret and Subscription Key come from cumulus.sherweb.com → Security → APIs; see ${SHERWEB_DOCS_URL}.`;

// Declared honestly: a stub syncs nothing yet. The planned capabilities are in the docs page.
const CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: false,
  subscriptions: false,
  seatSnapshots: false,
  incremental: false,
  stub: true,
});

/**
 * Creates the Sherweb connector. **Status: typed stub.** Options are validated for real (a bad option
 * throws `ConfigurationError` listing every bad field); every data method and `testConnection()`
 * reject with `NotImplementedError` pointing to the docs page.
 *
 * @example
 * const sherweb = createSherwebConnector({ clientId, clientSecret, subscriptionKey });
 * sherweb.capabilities.stub; // true
 * await sherweb.testConnection(); // rejects with NotImplementedError (see docs/connectors/sherweb.md)
 */
export function createSherwebConnector(options: SherwebConnectorOptions): DistributorConnector {
  // Validated now so a misconfiguration surfaces at setup time, not at the first sync.
  // The resolved options stay in this closure only (never on the object), so they can't be logged by accident.
  const resolved: ResolvedSherwebOptions = parseConnectorOptions(SherwebConnectorOptions, options, { connector: ID, remedy: REMEDY, checks: [SHERWEB_CROSS_CHECK] });
  void resolved;

  const notImplemented = (method: string) =>
    new NotImplementedError({ connector: ID, vendor: LABEL, method, docsUrl: SHERWEB_DOCS_URL });

  async function* failingStream(method: string): AsyncGenerator<never> {
    throw notImplemented(method);
  }

  return Object.freeze({
    id: ID,
    vendor: 'sherweb',
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
