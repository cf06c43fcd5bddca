import { createStubConnector, parseConnectorOptions, type DistributorConnector } from '@vectis/connector-core';
import { SYNNEX_CROSS_CHECKS, SynnexConnectorOptions } from './options';

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
  // Nothing is kept: the stub holds no credentials, so the object is safe to log.
  parseConnectorOptions(SynnexConnectorOptions, options, { connector: ID, remedy: REMEDY, checks: SYNNEX_CROSS_CHECKS });
  return createStubConnector({ id: ID, vendor: 'td_synnex', label: LABEL, docsUrl: SYNNEX_DOCS_URL });
}
