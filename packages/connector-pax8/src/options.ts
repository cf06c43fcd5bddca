import { z } from 'zod';
import { type AuthStrategy, credentialField, loopbackOptIn, crossCheckRefinement, serviceUrl, tuningFields } from '@vectis/connector-core';

/**
 * Builds the auth strategy from the resolved credentials and endpoint. The default is Pax8 client
 * credentials (`pax8ClientCredentials`); a Delegated OAuth strategy (authorization code + rotating
 * refresh token, e.g. core's `refreshTokenAuth` with a store) plugs in here without touching the connector.
 *
 * @example
 * const auth: Pax8AuthFactory = ({ clientId, clientSecret }) =>
 *   refreshTokenAuth({ tokenUrl: 'https://login.pax8.com/oauth/token', clientId, clientSecret, refreshToken: await store.get(), onRotate: (t) => store.set(t) });
 */
export type Pax8AuthFactory = (endpoint: { clientId: string; clientSecret: string; audience: string; tokenUrl: string }) => AuthStrategy;

/**
 * The audience partner endpoints need (Pax8 auth spec); the product's setup page says "leave blank", Pax8 wins.
 *
 * @example
 * Pax8ConnectorOptions.parse({ clientId, clientSecret, audience: '' }).audience === PAX8_PARTNER_AUDIENCE; // true
 */
export const PAX8_PARTNER_AUDIENCE = 'https://api.pax8.com';
const LEGACY_AUDIENCE = 'api://p8p.client';
const VENDOR_ONLY_AUDIENCES = new Set(['api://provisioning', 'api://usage']);

/** Rules spanning several options, re-checked by the factory when field errors make zod skip them. */
export const PAX8_CROSS_CHECK = loopbackOptIn(['apiUrl', 'tokenUrl']);

const WHERE = 'app.pax8.com → Settings → Integrations → Credentials → "+ Create API credential" (Partner Admin)';

/**
 * Options of `createPax8Connector`: a partner API credential (OAuth2 client credentials) plus tuning.
 *
 * - `audience` defaults to `https://api.pax8.com`; a blank value also means the default, because the
 *   product's setup page tells partners to leave it blank while Pax8 says partner endpoints need it.
 *   `api://p8p.client` is accepted as the legacy audience.
 * - `apiUrl` defaults to `https://api.pax8.com/v1`; `tokenUrl` defaults to `<apiUrl>/token`.
 * - `pacing` defaults to 900 requests per minute, under Pax8's published 1000, evenly spaced.
 * - `auth` swaps the strategy (Delegated OAuth); `pageSize` defaults to Pax8's maximum, 200.
 * - `usageSummaries` (default true) reads usage lines' month-to-date charges, 1 request per usage line.
 *
 * @example
 * const options = Pax8ConnectorOptions.parse({ clientId: process.env.PAX8_CLIENT_ID, clientSecret: process.env.PAX8_CLIENT_SECRET });
 * options.audience; // 'https://api.pax8.com'
 */
export const Pax8ConnectorOptions = z
  .strictObject({
    clientId: credentialField(WHERE),
    clientSecret: credentialField(`${WHERE}; the secret is shown once, create a new credential if it is lost`),
    audience: z
      .string()
      .trim()
      .superRefine((audience, ctx) => {
        if (VENDOR_ONLY_AUDIENCES.has(audience)) {
          ctx.addIssue({ code: 'custom', message: `is a Marketplace-vendor audience; partner endpoints need ${PAX8_PARTNER_AUDIENCE} (or leave it out)` });
        }
      })
      .pipe(z.enum(['', PAX8_PARTNER_AUDIENCE, LEGACY_AUDIENCE]))
      .default(PAX8_PARTNER_AUDIENCE)
      .transform((audience) => audience || PAX8_PARTNER_AUDIENCE),
    apiUrl: serviceUrl().default('https://api.pax8.com/v1'),
    /** Token endpoint override: Pax8 has published three over time (devx.pax8.com/docs/authentication). */
    tokenUrl: serviceUrl().optional(),
    /** Another auth strategy (e.g. Delegated OAuth); default: client credentials with `audience`. */
    auth: z.custom<Pax8AuthFactory>((v) => typeof v === 'function', { message: 'must be a function returning an auth strategy' }).optional(),
    /**
     * Read usage-rated lines' month-to-date charges (`GET /subscriptions/{id}/usage-summaries`, 1
     * request per usage line per sync). `false` saves those requests; the lines are still flagged usage.
     */
    usageSummaries: z.boolean().default(true),
    /** Records asked per list page; Pax8 caps `size` at 200. */
    pageSize: z.int().min(1).max(200).default(200),
    // 900/min: Pax8's published 1000/min per partner, with headroom for the token call and other tools.
    ...tuningFields({ limit: 900, intervalMs: 60_000 }),
  })
  .superRefine(crossCheckRefinement(PAX8_CROSS_CHECK), { when: () => true })
  .transform(({ tokenUrl, ...rest }) => ({ ...rest, tokenUrl: tokenUrl ?? `${rest.apiUrl}/token` }));

/** What callers pass to `createPax8Connector`. */
export type Pax8ConnectorOptions = z.input<typeof Pax8ConnectorOptions>;
/** The options after validation and defaults. */
export type ResolvedPax8Options = z.output<typeof Pax8ConnectorOptions>;
