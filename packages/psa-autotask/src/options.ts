import { credentialField, crossCheckRefinement, CurrencyCode, loopbackOptIn, parseConnectorOptions, serviceUrl, tuningFields } from '@vectis/connector-core';
import { z } from 'zod';

const WHERE = 'Autotask → Admin → Resources/Users → New API User (API-only security level; Secret and API Tracking Identifier on the user)';
const CHECK = loopbackOptIn(['apiUrl', 'zoneLookupUrl']);

// 10,000 requests per hour per database, shared by every integration on the tenant. 50 per minute is
// 3,000 per hour: a full read stays within ~30% of the budget even if it ran for an hour.
const DEFAULT_PACING = { limit: 50, intervalMs: 60_000 };

const Schema = z
  .strictObject({
    /** The API user's user name (an e-mail-like string). */
    userName: credentialField(WHERE),
    secret: credentialField(`${WHERE}; the secret is shown once`),
    /** The API Tracking Identifier, sent as `ApiIntegrationCode`. */
    integrationCode: credentialField(`${WHERE} → API Tracking Identifier`),
    /** The zone base, e.g. `https://webservices15.autotask.net/ATServicesRest`; skips zone discovery. */
    apiUrl: serviceUrl().optional(),
    /** Where zones are looked up (unauthenticated). */
    zoneLookupUrl: serviceUrl().default('https://webservices.autotask.net/atservicesrest'),
    /** Rows per query; Autotask's `MaxRecords` maximum is 500. */
    pageSize: z.int().min(1).max(500).default(500),
    /** For companies whose currency has no ISO-looking name; otherwise such lines are rejected. */
    defaultCurrency: CurrencyCode.optional(),
    /**
     * Refuse to start when ThresholdInformation says this share of the database's hourly budget is
     * already used (default 0.8): at 100% Autotask throttles, then disables the API for every integration.
     */
    maxBudgetShare: z.number().gt(0).max(1).default(0.8),
    ...tuningFields(DEFAULT_PACING),
  })
  .superRefine(crossCheckRefinement(CHECK), { when: () => true });

/**
 * Options of `createAutotaskReader`: an API-only user's user name, secret and tracking identifier.
 * Tuning is core's; `concurrency` stays at 2 by default (Autotask allows 3 threads per endpoint).
 *
 * @example
 * createAutotaskReader({ userName: 'api@acme.com', secret, integrationCode });
 */
export type AutotaskReaderOptions = z.input<typeof Schema>;
export type ResolvedAutotaskOptions = z.output<typeof Schema>;

/**
 * Validates the options, every bad field at once.
 *
 * @example
 * resolveOptions({ userName: 'api@acme.com', secret: 's', integrationCode: 'c' }).pageSize; // 500
 */
export function resolveOptions(input: AutotaskReaderOptions): ResolvedAutotaskOptions {
  return parseConnectorOptions(Schema, input, { connector: 'autotask', remedy: `Check the Autotask reader options: ${WHERE}.`, checks: [CHECK] });
}
