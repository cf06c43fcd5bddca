import { clientCredentialsAuth, createHttpClient, type ErrorBodyReader, type HttpClient } from '@vectis/connector-core';
import type { ResolvedHaloOptions } from './options';
import { HaloErrorBody } from './schemas';

/**
 * What to tell the user per failure.
 *
 * @example
 * new RateLimitError({ ...details, remedy: HALO_REMEDIES.rateLimited });
 */
export const HALO_REMEDIES = {
  authentication: 'Halo refused the API application: check clientId, clientSecret, the tenant and the Authorisation Server on Configuration → Integrations → HaloPSA API.',
  permission: 'The application or its API agent lacks access: grant read:customers, read:invoices, read:items (and read:contracts) to the application and a matching role to the agent.',
  notFound: 'Halo answered 404: check the Resource Server URL (it ends in /api).',
  rateLimited: 'Halo allows 300 requests per rolling 5 minutes on hosted instances, shared by every integration; wait for the window to pass or lower `pacing`.',
  server: 'Halo failed to answer; retry later.',
  other: 'Halo refused the request.',
};

/**
 * Reads Halo's mixed error bodies (`errorMessage`, `Message`, OAuth `error_description`).
 *
 * @example
 * readErrorBody({ error: 'invalid_client', error_description: 'bad secret' }); // { message: 'invalid_client: bad secret' }
 */
export const readErrorBody: ErrorBodyReader = (body) => {
  const parsed = HaloErrorBody.safeParse(body);
  if (!parsed.success) return typeof body === 'string' && body.trim() ? { message: body.trim().slice(0, 200) } : undefined;
  const d = parsed.data;
  const message = d.errorMessage ?? d.Message ?? d.message ?? [d.error, d.error_description].filter(Boolean).join(': ');
  return message ? { message } : undefined;
};

/** The kernel client: client-credentials token (the one POST), Bearer on every GET, Halo pacing. */
export function createApiClient(o: ResolvedHaloOptions): HttpClient {
  return createHttpClient({
    connector: 'halo',
    baseUrl: o.resourceServer,
    auth: clientCredentialsAuth({ tokenUrl: o.tokenUrl, clientId: o.clientId, clientSecret: o.clientSecret, scope: o.scope, remedy: HALO_REMEDIES.authentication }),
    secrets: [o.clientSecret],
    pacing: o.pacing,
    concurrency: o.concurrency,
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.onRateLimit ? { onRateLimit: o.onRateLimit } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    remedies: HALO_REMEDIES,
    errorBody: readErrorBody,
  });
}
