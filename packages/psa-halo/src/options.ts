import {
  credentialField,
  crossCheckRefinement,
  CurrencyCode,
  loopbackOptIn,
  parseConnectorOptions,
  PsaBillingPeriod,
  serviceUrl,
  tuningFields,
} from '@vectis/connector-core';
import { z } from 'zod';

const WHERE = 'Halo → Configuration → Integrations → HaloPSA API → View Applications (Client ID and Secret (Services))';
const CHECK = loopbackOptIn(['resourceServer', 'authServer']);

// Hosted Halo allows 300 requests per rolling 5 minutes (token call included); 27 per 30 s keeps any
// 5-minute window at or under 270, leaving room for other integrations.
const DEFAULT_PACING = { limit: 27, intervalMs: 30_000 };

const Schema = z
  .strictObject({
    /** The Resource Server from the HaloPSA API page, e.g. `https://acme.halopsa.com/api`. */
    resourceServer: serviceUrl(),
    /** The Authorisation Server from the same page; default: the resource server with `/api` → `/auth`. */
    authServer: serviceUrl().optional(),
    /** The Tenant shown for Halo-hosted instances; sent as `?tenant=` on the token call. */
    tenant: z.string().trim().min(1).optional(),
    clientId: credentialField(WHERE),
    clientSecret: credentialField(`${WHERE}; the secret is shown once`),
    /** Scopes asked for; the application's own permissions cap them (restrict those to read scopes). */
    scope: z.string().trim().min(1).default('all'),
    /** Rows per page; Halo caps pages at 100 whatever is asked (HaloAPI#90). */
    pageSize: z.int().min(1).max(100).default(100),
    /** For headers without an ISO currency (and no `Currency` row): otherwise such lines are rejected. */
    defaultCurrency: CurrencyCode.optional(),
    /**
     * What the tenant's integer `billingperiod` codes mean, once checked live (e.g. `{ "1": "P1M", "4": "P1Y" }`).
     * Unmapped codes stay `unknown` (never assumed monthly).
     */
    billingPeriodCodes: z.record(z.string().regex(/^\d+$/, 'keys are Halo billingperiod codes'), PsaBillingPeriod).default({}),
    ...tuningFields(DEFAULT_PACING),
  })
  .superRefine(crossCheckRefinement(CHECK), { when: () => true });

/**
 * Options of `createHaloReader`: an API application's Client ID and Secret (client credentials), the
 * resource and authorisation servers, and the tenant (hosted only). Tuning options are core's.
 *
 * @example
 * createHaloReader({ resourceServer: 'https://acme.halopsa.com/api', tenant: 'acme', clientId, clientSecret });
 */
export type HaloReaderOptions = z.input<typeof Schema>;
export type ResolvedHaloOptions = z.output<typeof Schema> & { tokenUrl: string };

/**
 * Validates the options (every bad field at once) and derives the token URL.
 *
 * @example
 * resolveOptions({ resourceServer: 'https://acme.halopsa.com/api', tenant: 'acme', clientId: 'id', clientSecret: 's' }).tokenUrl;
 * // 'https://acme.halopsa.com/auth/token?tenant=acme'
 */
export function resolveOptions(input: HaloReaderOptions): ResolvedHaloOptions {
  const o = parseConnectorOptions(Schema, input, { connector: 'halo', remedy: `Check the HaloPSA reader options: ${WHERE}.`, checks: [CHECK] });
  const resource = o.resourceServer.replace(/\/+$/, '');
  const auth = (o.authServer ?? (/\/api$/i.test(resource) ? resource.replace(/\/api$/i, '/auth') : `${new URL(resource).origin}/auth`)).replace(/\/+$/, '');
  return { ...o, resourceServer: resource, tokenUrl: `${auth}/token${o.tenant ? `?tenant=${encodeURIComponent(o.tenant)}` : ''}` };
}
