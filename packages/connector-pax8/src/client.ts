import { type AuthStrategy, clientCredentialsAuth, createHttpClient, type ErrorRemedies, type HttpClient, isRateBudget, type RateBudget } from '@vectis/connector-core';
import type { ResolvedPax8Options } from './options';

/**
 * What each Pax8 error tells the user to do, in Pax8's vocabulary (NOTES §1, §7).
 *
 * @example
 * if (isPermissionError(err)) console.error(PAX8_REMEDIES.permission);
 */
export const PAX8_REMEDIES = {
  authentication:
    'Pax8 refused the access token: check the API credential (app.pax8.com → Settings → Integrations → Credentials) and the audience; partner endpoints need audience https://api.pax8.com (try api://p8p.client only for older keys). A deleted credential stops working at once: create a new one.',
  permission:
    'Pax8 refused access (403): an "Invalid companyId" means the company is not one of this partner account\'s companies (deleted, or another partner\'s); otherwise the credential was minted without partner access (a Marketplace-vendor key or audience). Create the credential as a Partner Admin.',
  notFound:
    'Pax8 does not know this object (a company, subscription or product deleted since it was listed, "Company Not Found") or the API URL is wrong: it is https://api.pax8.com/v1.',
  rateLimited:
    'Pax8 allows 1000 requests per minute per partner and this connector paces at 900; another tool sharing the credential is the usual cause: give Vectis its own credential, or lower pacing.',
  server: 'Pax8 failed to answer (already retried). Retry later; if it persists, quote the request time and path to Pax8 support.',
  other: 'Pax8 refused the request (400/408/422): the message says which parameter; if it persists after an update of this connector, report it.',
} as const satisfies ErrorRemedies;

/** What to do when the token call itself is refused (401 `access_denied`, 400, 403). */
export const PAX8_TOKEN_REMEDY =
  'Pax8 refused the token request: check the client id and secret (the secret is shown once when the credential is created; create a new credential if it was lost) and the audience (https://api.pax8.com for partner endpoints, api://p8p.client for older keys), and the token URL (default https://api.pax8.com/v1/token).';

/**
 * Reads Pax8's error body `{type, message, instance, status, details: [{message}]}` and the token
 * endpoint's `{error, error_description}` into one message. Pax8 documents no correlation id.
 *
 * @example
 * readErrorBody({ type: 'NOT_FOUND', message: 'Company Not Found: 1', instance: '/public/v1/companies/1', status: 404, details: [] })
 * // { message: 'NOT_FOUND: Company Not Found: 1' }
 */
export function readErrorBody(body: unknown): { message?: string } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
  const details = Array.isArray(b.details)
    ? b.details.map((d) => (typeof d === 'object' && d !== null ? str((d as Record<string, unknown>).message) : undefined)).filter((m): m is string => !!m)
    : [];
  const main = str(b.message) ?? str(b.error_description);
  const kind = str(b.type) ?? str(b.error);
  const parts = [kind && main ? `${kind}: ${main}` : (main ?? kind), ...details].filter(Boolean);
  return parts.length ? { message: parts.join('; ') } : undefined;
}

/**
 * The budget handed to the kernel as `limit` per sliding `intervalMs`, spread `intervalMs / limit`
 * apart (`spread: true`), so a gateway counting fixed windows never sees a burst.
 *
 * It used to be handed over as `{ limit: 1, intervalMs: intervalMs / limit }`, which spaces grants the
 * same way on paper, but the kernel adds its guard band (2 % of the window, at least 25 ms) to every
 * window: with a 66.7 ms window that was 25 ms per request, 1.375× the pacing floor. With the real
 * window the guard is 1 s per minute (1.7 %), the headroom it was meant to be.
 *
 * @example
 * spreadPacing({ limit: 900, intervalMs: 60_000 }) // { limit: 900, intervalMs: 60_000, spread: true }
 */
export function spreadPacing(pacing: ResolvedPax8Options['pacing']): { limit: number; intervalMs: number; spread: true } | RateBudget | false {
  // A shared budget (e.g. @vectis/scheduler's) does its own spacing; pass it through untouched.
  if (isRateBudget(pacing)) return pacing;
  return pacing ? { limit: pacing.limit, intervalMs: pacing.intervalMs, spread: true } : false;
}

/**
 * The default auth: client credentials, JSON body with `audience` (the auth spec's `TokenRequest`),
 * token cached and renewed at 90 % of its lifetime (Pax8 asks for no token per call; it lives 24 h).
 *
 * @example
 * const auth = pax8ClientCredentials({ clientId, clientSecret, audience: 'https://api.pax8.com', tokenUrl: 'https://api.pax8.com/v1/token' });
 */
export function pax8ClientCredentials(o: { clientId: string; clientSecret: string; audience: string; tokenUrl: string }): AuthStrategy {
  return clientCredentialsAuth({
    tokenUrl: o.tokenUrl,
    clientId: o.clientId,
    clientSecret: o.clientSecret,
    audience: o.audience,
    bodyEncoding: 'json',
    renewAtFraction: 0.9,
    remedy: PAX8_TOKEN_REMEDY,
  });
}

/** The kernel client for one Pax8 connection. */
export function createPax8Http(o: ResolvedPax8Options): HttpClient {
  const endpoint = { clientId: o.clientId, clientSecret: o.clientSecret, audience: o.audience, tokenUrl: o.tokenUrl };
  return createHttpClient({
    connector: 'pax8',
    baseUrl: o.apiUrl,
    auth: o.auth ? o.auth(endpoint) : pax8ClientCredentials(endpoint),
    secrets: [o.clientSecret],
    pacing: spreadPacing(o.pacing),
    concurrency: o.concurrency,
    timeoutMs: o.timeoutMs,
    retry: o.retry,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    remedies: PAX8_REMEDIES,
    errorBody: readErrorBody,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.onRateLimit ? { onRateLimit: o.onRateLimit } : {}),
  });
}
