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
import { SYNNEX_CROSS_CHECKS, SynnexConnectorOptions, type ResolvedSynnexOptions } from './options';

/**
 * Where the connector's status, planned capabilities and credential steps are documented; every
 * `NotImplementedError` it throws carries this as `docsUrl`.
 *
 * @example
 * if (isNotImplementedError(err)) console.log(`Not available yet, see ${SYNNEX_DOCS_URL}`);
 */
export const SYNNEX_DOCS_URL = 'https://github.com/vectis/connectors/blob/main/docs/connectors/synnex.md';

const ID = 'synnex';
const LABEL = 'TD SYNNEX';
const REMEDY = `Fix the options listed and create the connector again. The refresh token comes from ion.tdsynnex.com → Settings → Users → edit the integration user → OAuth credentials, the Account ID from Account Information; see ${SYNNEX_DOCS_URL}.`;

// Declared honestly: a stub syncs nothing yet. The planned capabilities are in the docs page.
const CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: false,
  subscriptions: false,
  seatSnapshots: false,
  incremental: false,
  stub: true,
});

/**
 * Creates the TD SYNNEX StreamOne Ion connector. **Status: typed stub.** Options are validated for real (a bad option
 * throws `ConfigurationError` listing every bad field); every data method and `testConnection()`
 * reject with `NotImplementedError` pointing to the docs page.
 *
 * @example
 * const ion = createSynnexConnector({
 *   accountId: '123456',
 *   refreshToken: await vault.read('ion-refresh-token'),
 *   onRefreshTokenRotated: (next) => vault.write('ion-refresh-token', next),
 * });
 * ion.capabilities.stub; // true
 * await ion.testConnection(); // rejects with NotImplementedError (see docs/connectors/synnex.md)
 */
export function createSynnexConnector(options: SynnexConnectorOptions): DistributorConnector {
  // Validated now so a misconfiguration surfaces at setup time, not at the first sync.
  // The resolved options stay in this closure only (never on the object), so they can't be logged by accident.
  const resolved: ResolvedSynnexOptions = parseConnectorOptions(SynnexConnectorOptions, options, { connector: ID, remedy: REMEDY, checks: SYNNEX_CROSS_CHECKS });
  void resolved;

  const notImplemented = (method: string) =>
    new NotImplementedError({ connector: ID, vendor: LABEL, method, docsUrl: SYNNEX_DOCS_URL });

  async function* failingStream(method: string): AsyncGenerator<never> {
    throw notImplemented(method);
  }

  return Object.freeze({
    id: ID,
    vendor: 'td_synnex',
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
