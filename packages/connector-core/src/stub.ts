import type { Batch, ConnectionTestResult, ConnectorCapabilities, DistributorConnector } from './connector';
import { NotImplementedError } from './errors/not-implemented-error';
import type { Customer } from './schemas/customer';
import type { Subscription } from './schemas/subscription';
import type { Usage } from './schemas/usage';
import type { Vendor } from './schemas/vendor';

// Declared honestly: a stub syncs nothing yet. Its planned capabilities belong in its docs page.
const STUB_CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: false,
  subscriptions: false,
  seatSnapshots: false,
  incremental: false,
  stub: true,
});

/**
 * The connector object of a typed stub: right id, vendor and label, `capabilities.stub === true`,
 * and every data method rejecting with `NotImplementedError` pointing to `docsUrl`. Streams fail on
 * their first iteration (creating one does not throw), as a real stream would fail on its first page.
 * Holds no credentials, so it is safe to log.
 *
 * @example
 * export function createPax8Connector(options: Pax8ConnectorOptions): DistributorConnector {
 *   parseConnectorOptions(Pax8ConnectorOptions, options, { connector: 'pax8', remedy, checks: [] }); // validated for real
 *   return createStubConnector({ id: 'pax8', vendor: 'pax8', label: 'Pax8', docsUrl: PAX8_DOCS_URL });
 * }
 */
export function createStubConnector(o: { id: string; vendor: Vendor; label: string; docsUrl: string }): DistributorConnector {
  const notImplemented = (method: string) =>
    new NotImplementedError({ connector: o.id, vendor: o.label, method, docsUrl: o.docsUrl });

  async function* failingStream(method: string): AsyncGenerator<never> {
    throw notImplemented(method);
  }

  return Object.freeze({
    id: o.id,
    vendor: o.vendor,
    label: o.label,
    capabilities: STUB_CAPABILITIES,
    async testConnection(): Promise<ConnectionTestResult> {
      throw notImplemented('testConnection');
    },
    listCustomers: (): AsyncIterable<Batch<Customer>> => failingStream('listCustomers'),
    listSubscriptions: (): AsyncIterable<Batch<Subscription>> => failingStream('listSubscriptions'),
    listSeatSnapshots: (): AsyncIterable<Batch<Usage>> => failingStream('listSeatSnapshots'),
    async dispose(): Promise<void> {},
  });
}
