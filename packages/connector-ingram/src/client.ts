import { basicTokenAuth, createHttpClient, type ErrorRemedies, type HttpClient, isRateBudget, type RateBudget } from '@vectis/connector-core';
import type { ResolvedOptions } from './options';
import { IngramErrorBody, IngramTokenInfo } from './schemas';

// Remedies in Ingram's own vocabulary (API user, subscription key, Marketplace API page), per
// NOTES §12 and PRODUCT §9: the product's setup page describes a different credential model.
/**
 * What each Ingram error tells the user to do.
 *
 * @example
 * if (isNotFoundError(err)) console.error(INGRAM_REMEDIES.notFound);
 */
export const INGRAM_REMEDIES = {
  authentication:
    'Ingram refused the credentials: check the API username and password (the dedicated user whose login ends in ".api"; reset its password under Users in Cloud Marketplace) and the subscription key (X-Subscription-Key) from the Marketplace API page.',
  permission:
    'The subscription key or API user is not entitled to this call: re-copy the subscription key from the Marketplace API page and check the Marketplace API subscription is active; if Ingram gave you an application id, set clientId (sent as X-Client-Id).',
  notFound:
    'Wrong API URL or region: use the API URL shown on the Marketplace API page (e.g. https://api.cloud.im/marketplace/na), not the control-panel address cp.*.cloud.im; for region, check the gateway (na vs eu).',
  rateLimited:
    'Ingram is rate limiting this subscription key: another tool may share the key, so mint a dedicated one for Vectis; this connector paces at 45 requests/min by default (option pacing).',
  server:
    'Ingram answered with a server error (500 usually means a business-rule conflict such as a pending order; 504 is a gateway timeout, already retried). Retry later, and quote the correlation id to Ingram support if it persists.',
} as const satisfies ErrorRemedies;

const TOKEN_REMEDY =
  'Ingram refused the token request: check the API username and password (the dedicated ".api" user; reset its password under Users), the subscription key from the Marketplace API page, and the marketplace code (e.g. "us").';

/**
 * Reads Ingram's error body tolerantly: the 1.1 `{timeStamp, status, message, path, correlationId}`
 * and the Spring-style `{timestamp, status, error, path, correlationId}` variant.
 *
 * @example
 * readErrorBody({ message: 'pending order', correlationId: 'a8n-1' }) // { message: 'pending order', correlationId: 'a8n-1' }
 */
export function readErrorBody(body: unknown): { message?: string; correlationId?: string } | undefined {
  const parsed = IngramErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const message = typeof b.message === 'string' && b.message ? b.message : typeof b.error === 'string' && b.error ? b.error : undefined;
  const correlationId = typeof b.correlationId === 'string' && b.correlationId ? b.correlationId : undefined;
  return { ...(message ? { message } : {}), ...(correlationId ? { correlationId } : {}) };
}

/**
 * The budget is handed to the kernel spread out (`intervalMs / limit` apart) rather than as a burst
 * of `limit` followed by a pause, so a gateway counting in fixed windows, or another tool sharing
 * the key, never sees a spike; the kernel's sliding window keeps it at most `limit` in every
 * `intervalMs`, jitter included.
 *
 * @example
 * spreadPacing({ limit: 45, intervalMs: 60_000 }) // { limit: 45, intervalMs: 60_000, spread: true }
 */
export function spreadPacing(pacing: ResolvedOptions['pacing']): { limit: number; intervalMs: number; spread: true } | RateBudget | false {
  // A shared budget (e.g. @vectis/scheduler's) does its own spacing; pass it through untouched.
  if (isRateBudget(pacing)) return pacing;
  return pacing ? { limit: pacing.limit, intervalMs: pacing.intervalMs, spread: true } : false;
}

/** The kernel client for one Ingram connection: Basic → `POST /token`, then Bearer + `X-Subscription-Key`. */
export function createIngramHttp(o: ResolvedOptions): HttpClient {
  const headers: Record<string, string> = { 'X-Subscription-Key': o.subscriptionKey };
  if (o.clientId) headers['X-Client-Id'] = o.clientId;
  return createHttpClient({
    connector: 'ingram',
    baseUrl: o.endpoint.apiUrl,
    auth: basicTokenAuth({
      username: o.username,
      password: o.password,
      path: '/token',
      body: { marketplace: o.endpoint.marketplace },
      parse: (json) => IngramTokenInfo.parse(json),
      renewBeforeMs: 60_000,
      remedy: TOKEN_REMEDY,
    }),
    headers,
    secrets: [o.password, o.subscriptionKey],
    pacing: spreadPacing(o.pacing),
    concurrency: o.concurrency,
    timeoutMs: o.timeoutMs,
    retry: o.retry,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    remedies: INGRAM_REMEDIES,
    correlationIdHeader: 'x-correlation-id',
    errorBody: readErrorBody,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.onRateLimit ? { onRateLimit: o.onRateLimit } : {}),
  });
}
