import {
  credentialField,
  crossCheckRefinement,
  CurrencyCode,
  loopbackOptIn,
  parseConnectorOptions,
  serviceUrl,
  tuningFields,
} from '@vectis/connector-core';
import { z } from 'zod';

const WHERE = 'ConnectWise → System → Members → API Members → the member → API Keys';
const CHECK = loopbackOptIn(['site', 'apiUrl']);

// No rate limit is published (docs/psa/connectwise.md §Rate limits); 180/min is a conservative default.
const DEFAULT_PACING = { limit: 180, intervalMs: 60_000 };

const Schema = z
  .strictObject({
    /** The site the MSP logs into, e.g. `na.myconnectwise.net` (or a URL); the API host and codebase are discovered from it. */
    site: z.string().trim().min(1).optional(),
    /** The full API base, e.g. `https://api-na.myconnectwise.net/v4_6_release/apis/3.0`; skips discovery. */
    apiUrl: serviceUrl().optional(),
    /** The login company id typed on the ConnectWise login screen (text, not a number). */
    companyId: credentialField('the company id typed on the ConnectWise login screen'),
    publicKey: credentialField(WHERE),
    privateKey: credentialField(`${WHERE} (the private key is shown once)`),
    /** The integration's clientId GUID from developer.connectwise.com/ClientID, sent on every call. */
    clientId: credentialField('developer.connectwise.com → ClientID'),
    /** Pinned API version sent in `Accept` (ConnectWise's breaking-change policy). */
    apiVersion: z.string().regex(/^\d{4}\.\d{1,2}$/, 'must look like 2025.1').default('2025.1'),
    /** Rows per page; ConnectWise's hard maximum is 1,000 (default 25 is the classic truncation trap). */
    pageSize: z.int().min(1).max(1000).default(1000),
    /** Used when neither the agreement nor the company names an ISO currency; otherwise such lines are rejected. */
    defaultCurrency: CurrencyCode.optional(),
    ...tuningFields(DEFAULT_PACING),
  })
  .superRefine(crossCheckRefinement(CHECK), { when: () => true })
  .superRefine((o, ctx) => {
    if (!o.site && !o.apiUrl) ctx.addIssue({ code: 'custom', path: ['site'], message: 'is required (or pass apiUrl): the ConnectWise site you log into, e.g. na.myconnectwise.net' });
  }, { when: () => true });

/**
 * Options of `createConnectWiseReader`: an API member's public/private key pair, the login company id,
 * the integration's `clientId`, and the site (or the API URL). Tuning options are core's.
 *
 * @example
 * createConnectWiseReader({ site: 'na.myconnectwise.net', companyId: 'acme', publicKey, privateKey, clientId });
 */
export type ConnectWiseReaderOptions = z.input<typeof Schema>;
export type ResolvedConnectWiseOptions = z.output<typeof Schema>;

/**
 * Validates the options, listing every bad field at once in one `ConfigurationError`.
 *
 * @example
 * resolveOptions({ site: 'na.myconnectwise.net', companyId: 'acme', publicKey: 'p', privateKey: 'k', clientId: 'guid' }).pageSize; // 1000
 */
export function resolveOptions(input: ConnectWiseReaderOptions): ResolvedConnectWiseOptions {
  return parseConnectorOptions(Schema, input, {
    connector: 'connectwise',
    remedy: `Check the ConnectWise reader options: the API member keys are under ${WHERE}.`,
    checks: [CHECK, (i) => (i && typeof i === 'object' && !('site' in i) && !('apiUrl' in i) ? [{ field: 'site', message: 'is required (or pass apiUrl)' }] : [])],
  });
}
