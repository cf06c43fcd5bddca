import { z } from 'zod';
import { credentialField, loopbackOptIn, crossCheckRefinement, serviceUrl, tuningFields } from '@vectis/connector-core';

/**
 * Token scopes Sherweb documents: `service-provider` (customers, subscriptions, receivables), `distributor` (payable charges).
 *
 * @example
 * createSherwebConnector({ clientId, clientSecret, subscriptionKey, scopes: [...SHERWEB_SCOPES] });
 */
export const SHERWEB_SCOPES = ['service-provider', 'distributor'] as const;
export type SherwebScope = (typeof SHERWEB_SCOPES)[number];

/** Rules spanning several options, re-checked by the factory when field errors make zod skip them. */
export const SHERWEB_CROSS_CHECK = loopbackOptIn(['apiUrl']);

const WHERE = 'Partner Portal cumulus.sherweb.com → Security → APIs → add an application';

/**
 * Options of `createSherwebConnector`: an API application's Client Id, Client Secret and APIM
 * Subscription Key (OAuth2 client credentials; the key goes on every call, the token call included).
 *
 * - `scopes` defaults to `['service-provider']`; add `'distributor'` to read what the MSP owes Sherweb.
 *   In Sherweb's model the scope is chosen per token request, not when the credential is created
 *   (the product's setup page says otherwise; Sherweb's docs win).
 * - `apiUrl` is the gateway, default `https://api.sherweb.com`; the token call goes to
 *   `<apiUrl>/auth/oidc/connect/token`, the APIs to `<apiUrl>/service-provider/v1` and `<apiUrl>/distributor/v1`.
 * - `meterUsage` (default false) adds each platform's meter readings to the seat snapshots as `consumed`
 *   (1 + 2 requests per platform per customer on top of the subscription calls).
 * - `pacing` defaults to 120 requests per minute: Sherweb publishes no limit but does send 429s.
 *
 * @example
 * const options = SherwebConnectorOptions.parse({ clientId, clientSecret, subscriptionKey, scopes: ['service-provider', 'distributor'] });
 * options.tokenUrl; // 'https://api.sherweb.com/auth/oidc/connect/token'
 */
export const SherwebConnectorOptions = z
  .strictObject({
    clientId: credentialField(WHERE),
    clientSecret: credentialField(`${WHERE}; the secret is shown once and can be regenerated without changing the other two`),
    subscriptionKey: credentialField(`${WHERE} (the "Subscription Key" shown with the application)`),
    scopes: z
      .array(z.enum(SHERWEB_SCOPES, { error: `must be one of ${SHERWEB_SCOPES.join(', ')}` }))
      .refine((scopes) => scopes.includes('service-provider'), {
        message: 'must include service-provider (customers and subscriptions need it)',
      })
      .transform((scopes) => [...new Set(scopes)])
      .default(['service-provider']),
    apiUrl: serviceUrl().default('https://api.sherweb.com'),
    meterUsage: z.boolean().default(false),
    ...tuningFields({ limit: 120, intervalMs: 60_000 }),
  })
  .superRefine(crossCheckRefinement(SHERWEB_CROSS_CHECK), { when: () => true })
  .transform((options) => ({ ...options, tokenUrl: `${options.apiUrl}/auth/oidc/connect/token` }));

/** What callers pass to `createSherwebConnector`. */
export type SherwebConnectorOptions = z.input<typeof SherwebConnectorOptions>;
/** The options after validation and defaults (with the derived `tokenUrl`). */
export type ResolvedSherwebOptions = z.output<typeof SherwebConnectorOptions>;
