import { createStubConnector, parseConnectorOptions, type DistributorConnector } from '@vectis/connector-core';
import { PAX8_CROSS_CHECK, Pax8ConnectorOptions } from './options';

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
  // Nothing is kept: the stub holds no credentials, so the object is safe to log.
  parseConnectorOptions(Pax8ConnectorOptions, options, {
    connector: ID,
    remedy: REMEDY,
    checks: [PAX8_CROSS_CHECK],
  });
  return createStubConnector({ id: ID, vendor: 'pax8', label: LABEL, docsUrl: PAX8_DOCS_URL });
}
