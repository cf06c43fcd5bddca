import { z } from 'zod';
import { credentialField, loopbackOptIn, optionalCredentialField, crossCheckRefinement, serviceUrl, tuningFields, type CrossCheck } from '@vectis/connector-core';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const WHERE = 'ion.tdsynnex.com → Settings → Users → edit the integration user → OAuth credentials → Request New Credentials';

/** Saves the refresh token Ion just issued; must resolve (persisted) before the new access token is used. */
export type RefreshTokenRotatedHandler = (newRefreshToken: string) => void | Promise<void>;

const hasText = (value: unknown) => typeof value === 'string' && value.trim() !== '';

// Ion's SDK sends only the refresh token; the product's setup page also asks for a client id and
// secret. Accept them (sent as HTTP Basic on the token call) but only as a pair.
const clientPair: CrossCheck = (input) => {
  if (!isRecord(input)) return [];
  const [id, secret] = [hasText(input.clientId), hasText(input.clientSecret)];
  if (id === secret) return [];
  const missing = id ? 'clientSecret' : 'clientId';
  const other = id ? 'clientId' : 'clientSecret';
  return [{ field: missing, message: `is required together with ${other}; leave both out if Ion gave you only a refresh token` }];
};

/** Rules spanning several options, re-checked by the factory when field errors make zod skip them. */
export const SYNNEX_CROSS_CHECKS: readonly CrossCheck[] = [loopbackOptIn(['apiUrl']), clientPair];

/**
 * Options of `createSynnexConnector` for TD SYNNEX **StreamOne Ion** (v3): the reseller account id
 * and an OAuth refresh token, plus `onRefreshTokenRotated`, which is required because Ion issues a
 * new refresh token on every refresh and the old one stops working.
 *
 * - `accountId` is numeric: it is spliced into `/api/v3/accounts/{accountId}/…`.
 * - `clientId`/`clientSecret` are optional, as a pair (Ion's own SDK doesn't send them).
 * - `apiUrl` defaults to `https://ion.tdsynnex.com` (Ion has one host; Stellr's regional hosts are a
 *   different product). The token call goes to `<apiUrl>/oauth/token`.
 * - `pacing` defaults to 60 requests per minute: TD SYNNEX publishes no limit.
 * - `pageSize` defaults to 100 records per list page.
 *
 * @example
 * const options = SynnexConnectorOptions.parse({
 *   accountId: '123456',
 *   refreshToken: await vault.read('ion-refresh-token'),
 *   onRefreshTokenRotated: (next) => vault.write('ion-refresh-token', next),
 * });
 * options.accountUrl; // 'https://ion.tdsynnex.com/api/v3/accounts/123456'
 */
export const SynnexConnectorOptions = z
  .strictObject({
    accountId: z
      .string()
      .trim()
      // A custom issue: core's parseOptions rewrites regex failures to a generic "must be a valid regex".
      .refine((id) => /^\d{1,20}$/.test(id), 'must be the numeric Account ID shown under Account Information in Ion (hamburger menu)'),
    refreshToken: credentialField(`${WHERE}; it is shown once`),
    onRefreshTokenRotated: z.custom<RefreshTokenRotatedHandler>((v) => typeof v === 'function', {
      message:
        'is required: a function that saves the new refresh token (Ion rotates it on every refresh and the old one stops working)',
    }),
    clientId: optionalCredentialField(),
    clientSecret: optionalCredentialField(),
    apiUrl: serviceUrl().default('https://ion.tdsynnex.com'),
    /** Records asked per list page (`pageSize`, `pagination.limit`); Ion documents no maximum, its sample uses 1000. */
    pageSize: z.int().min(1).max(1000).default(100),
    ...tuningFields({ limit: 60, intervalMs: 60_000 }),
  })
  .superRefine(
    (value, ctx) => {
      for (const check of SYNNEX_CROSS_CHECKS) crossCheckRefinement(check)(value, ctx);
    },
    { when: () => true },
  )
  .transform((options) => ({
    ...options,
    tokenUrl: `${options.apiUrl}/oauth/token`,
    accountUrl: `${options.apiUrl}/api/v3/accounts/${options.accountId}`,
  }));

/** What callers pass to `createSynnexConnector`. */
export type SynnexConnectorOptions = z.input<typeof SynnexConnectorOptions>;
/** The options after validation and defaults (with the derived `tokenUrl` and `accountUrl`). */
export type ResolvedSynnexOptions = z.output<typeof SynnexConnectorOptions>;
