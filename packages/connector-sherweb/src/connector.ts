import { createStubConnector, parseConnectorOptions, type DistributorConnector } from '@vectis/connector-core';
import { SHERWEB_CROSS_CHECK, SherwebConnectorOptions } from './options';

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
  // Nothing is kept: the stub holds no credentials, so the object is safe to log.
  parseConnectorOptions(SherwebConnectorOptions, options, { connector: ID, remedy: REMEDY, checks: [SHERWEB_CROSS_CHECK] });
  return createStubConnector({ id: ID, vendor: 'sherweb', label: LABEL, docsUrl: SHERWEB_DOCS_URL });
}
