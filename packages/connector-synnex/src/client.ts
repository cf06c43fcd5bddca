import { createHttpClient, type ErrorRemedies, type HttpClient, refreshTokenAuth, isRateBudget, type RateBudget } from '@vectis/connector-core';
import type { ResolvedSynnexOptions } from './options';
import { SynnexErrorBody } from './schemas';

const PORTAL = 'the Ion portal (https://ion.tdsynnex.com)';
const MINT = `mint new OAuth credentials for the integration user in ${PORTAL}: Settings → Users → edit the user → OAuth credentials → Request New Credentials, then pass the new refresh token`;

/**
 * What each TD SYNNEX error tells the user to do (docs/connectors/synnex.md "Errors").
 *
 * @example
 * if (isNotFoundError(err)) console.error(SYNNEX_REMEDIES.notFound);
 */
export const SYNNEX_REMEDIES = {
  authentication: `Ion refused the access token even after a refresh: ${MINT}.`,
  permission:
    `Ion refused this reseller account: check accountId is the Account ID shown under Account Information (hamburger menu) in ${PORTAL} for the account this integration user belongs to, and that the user is Active with a role other than "User".`,
  notFound:
    `Ion has no such account or path: check accountId is the numeric Account ID shown under Account Information (hamburger menu) in ${PORTAL}; one connector reads one reseller account.`,
  rateLimited:
    'TD SYNNEX is rate limiting this integration user (Ion publishes no limit; it is in the partner onboarding pack): lower pacing, or check whether another tool uses the same user.',
  server: 'Ion answered with a server error; retry later, and quote the request id to TD SYNNEX support if it persists.',
} as const satisfies ErrorRemedies;

/**
 * The token call refused (400/401/403): the refresh token expired (~32 days) or was already rotated.
 *
 * @example
 * if (isAuthenticationError(err)) console.error(SYNNEX_TOKEN_REMEDY);
 */
export const SYNNEX_TOKEN_REMEDY =
  `Ion refused the refresh token: it expired, or it was already used (each refresh returns a new one and the old one stops working — ` +
  `a previous run may have been stopped between Ion's answer and saving the new token, or another process uses the same credentials). ` +
  `To reconnect, ${MINT}.`;

/**
 * Reads Ion's (undocumented) error body tolerantly: `message`, then `error_description`, then `error`.
 *
 * @example
 * readErrorBody({ error: 'invalid_grant', error_description: 'Refresh token is invalid' }) // { message: 'Refresh token is invalid' }
 */
export function readErrorBody(body: unknown): { message?: string; correlationId?: string } | undefined {
  const parsed = SynnexErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const pick = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const message = pick(b.message) ?? pick(b.error_description) ?? pick(b.error);
  const correlationId = pick(b.requestId);
  return { ...(message ? { message } : {}), ...(correlationId ? { correlationId } : {}) };
}

/** Evenly spaced pacing (one request per `intervalMs / limit`), as the Ingram connector does. */
function spread(pacing: ResolvedSynnexOptions['pacing']): { limit: number; intervalMs: number } | RateBudget | false {
  // A shared budget (e.g. @vectis/scheduler's) does its own spacing; pass it through untouched.
  if (isRateBudget(pacing)) return pacing;
  return pacing ? { limit: 1, intervalMs: pacing.intervalMs / pacing.limit } : false;
}

/**
 * The kernel client for one Ion reseller account: refresh-token grant at `<apiUrl>/oauth/token`
 * (rotating, saved through `onRefreshTokenRotated` before use), then Bearer GETs under
 * `/api/v3/accounts/{accountId}`. The token call is the only POST the guard lets through.
 */
export function createSynnexHttp(o: ResolvedSynnexOptions): HttpClient {
  return createHttpClient({
    connector: 'synnex',
    baseUrl: o.accountUrl,
    auth: refreshTokenAuth({
      connector: 'synnex',
      tokenUrl: o.tokenUrl,
      refreshToken: o.refreshToken,
      ...(o.clientId && o.clientSecret ? { clientId: o.clientId, clientSecret: o.clientSecret, clientAuth: 'basic' as const } : {}),
      // TD SYNNEX's SDK (client.py refresh_access_token) sends this with every refresh.
      extraParams: { redirect_uri: 'http://localhost/' },
      onRotate: o.onRefreshTokenRotated,
      renewBeforeMs: 60_000,
      remedy: SYNNEX_TOKEN_REMEDY,
    }),
    secrets: [o.refreshToken, ...(o.clientSecret ? [o.clientSecret] : [])],
    pacing: spread(o.pacing),
    concurrency: o.concurrency,
    timeoutMs: o.timeoutMs,
    retry: o.retry,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    remedies: SYNNEX_REMEDIES,
    // Not documented; a common gateway header, read when present (live checklist).
    correlationIdHeader: 'x-request-id',
    errorBody: readErrorBody,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.onRateLimit ? { onRateLimit: o.onRateLimit } : {}),
  });
}
