import { clientCredentialsAuth, createHttpClient, type ErrorRemedies, type HttpClient, isRateBudget, type RateBudget } from '@vectis/connector-core';
import type { ResolvedSherwebOptions } from './options';
import { SherwebErrorBody } from './schemas';

const PORTAL = 'Partner Portal cumulus.sherweb.com → Security → APIs';

/**
 * What each Sherweb failure tells the user to do, in Sherweb's vocabulary (Client Id, Client Secret,
 * Subscription Key, scope). A 401 can be the APIM gateway (subscription key) or the API (token), so
 * the remedy names both; the vendor's own message is in the error text next to it.
 *
 * @example
 * if (isPermissionError(err)) console.error(SHERWEB_REMEDIES.permission);
 */
export const SHERWEB_REMEDIES = {
  authentication: `Sherweb refused the request. If the message mentions the subscription key, copy the Subscription Key again from ${PORTAL} (it is sent as Ocp-Apim-Subscription-Key on every call); otherwise check the Client Id and Client Secret of the same API application.`,
  permission: `The token lacks the scope for this call: customers and subscriptions need the "service-provider" scope; payable charges (/distributor/v1) need "distributor" — add it to the scopes option, or remove it if your application has no Distributor API access (${PORTAL}).`,
  notFound:
    'Sherweb does not know this customer (deleted, or moved to another service provider) or this path: check apiUrl is the gateway https://api.sherweb.com. Sherweb has no GET /customers/{id}; customers are only listed.',
  rateLimited:
    'Sherweb is rate limiting this API application: lower the pacing option, and check no other tool shares the same Client Id and Subscription Key.',
  server: 'Sherweb failed to answer; retry later, and quote the trace id (correlation id) to Sherweb support if it persists.',
} as const satisfies ErrorRemedies;

const TOKEN_REMEDY = `Sherweb refused the token request (POST /auth/oidc/connect/token): "invalid_client" means a wrong Client Id or Client Secret (the secret can be regenerated in ${PORTAL} without changing the other two); "invalid_scope" means the application may not request the configured scopes (try scopes: ['service-provider']); a message about the subscription key means the Subscription Key is wrong or missing.`;

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * Reads a Sherweb error body: ProblemDetails `detail`/`title` and `traceId` (top level, or in
 * `extensions` as the official client models it), APIM's `{statusCode, message}`, OAuth's
 * `{error, error_description}`.
 *
 * @example
 * readErrorBody({ title: 'Not Found', detail: 'Customer not found', traceId: '00-ab-cd-00' })
 * // { message: 'Customer not found', correlationId: '00-ab-cd-00' }
 */
export function readErrorBody(body: unknown): { message?: string; correlationId?: string } | undefined {
  const parsed = SherwebErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const ext = typeof b.extensions === 'object' && b.extensions !== null ? (b.extensions as Record<string, unknown>) : {};
  const oauth = text(b.error) ? [text(b.error), text(b.error_description)].filter(Boolean).join(': ') : undefined;
  const message = text(b.detail) ?? text(b.message) ?? oauth ?? text(b.title);
  const correlationId = text(b.traceId) ?? text(ext.traceId);
  return { ...(message ? { message } : {}), ...(correlationId ? { correlationId } : {}) };
}

const TRY_AGAIN = /try again in (\d+(?:\.\d+)?) second/i;

/**
 * The wait a Sherweb 429 asks for in its text ("Rate limit is exceeded. Try again in 12 seconds.",
 * in ProblemDetails `detail` or APIM's `message`), for when no `Retry-After` header came.
 *
 * @example
 * retryAfterFromBody({ status: 429, detail: 'Try again in 12 seconds.' }) // 12_000
 */
export function retryAfterFromBody(body: unknown): number | undefined {
  const parsed = SherwebErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  for (const value of [parsed.data.detail, parsed.data.message, parsed.data.title]) {
    const match = typeof value === 'string' ? TRY_AGAIN.exec(value) : null;
    if (match) return Math.round(Number(match[1]) * 1000);
  }
  return undefined;
}

/**
 * Pacing handed to the kernel as one request per `intervalMs / limit`: evenly spaced, so a gateway
 * counting in fixed windows never sees a burst.
 */
export function spreadPacing(pacing: ResolvedSherwebOptions['pacing']): { limit: number; intervalMs: number } | RateBudget | false {
  // A shared budget (e.g. @vectis/scheduler's) does its own spacing; pass it through untouched.
  if (isRateBudget(pacing)) return pacing;
  return pacing ? { limit: 1, intervalMs: pacing.intervalMs / pacing.limit } : false;
}

/**
 * The kernel client for one Sherweb connection: client credentials with `scope` at the token URL,
 * `Ocp-Apim-Subscription-Key` on every call (the token call too, as the Authorization API's
 * top-level security requires), paths relative to the gateway (`/service-provider/v1/…`, `/distributor/v1/…`).
 */
export function createSherwebHttp(o: ResolvedSherwebOptions): HttpClient {
  return createHttpClient({
    connector: 'sherweb',
    baseUrl: o.apiUrl,
    auth: clientCredentialsAuth({
      tokenUrl: o.tokenUrl,
      clientId: o.clientId,
      clientSecret: o.clientSecret,
      scope: o.scopes.join(' '),
      renewBeforeMs: 60_000,
      remedy: TOKEN_REMEDY,
    }),
    headers: { 'Ocp-Apim-Subscription-Key': o.subscriptionKey },
    secrets: [o.clientSecret, o.subscriptionKey],
    pacing: spreadPacing(o.pacing),
    concurrency: o.concurrency,
    timeoutMs: o.timeoutMs,
    retry: o.retry,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    remedies: SHERWEB_REMEDIES,
    errorBody: readErrorBody,
    retryAfterFromBody,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    ...(o.onRateLimit ? { onRateLimit: o.onRateLimit } : {}),
  });
}
