import { ConfigurationError, createHttpClient, type ErrorBodyReader, type HttpClient, staticHeaderAuth } from '@vectis/connector-core';
import type { ResolvedAutotaskOptions } from './options';
import { AtErrorBody, AtZoneInformation } from './schemas';

/**
 * What to tell the user per failure.
 *
 * @example
 * new ServerError({ ...details, remedy: AUTOTASK_REMEDIES.server });
 */
export const AUTOTASK_REMEDIES = {
  authentication: 'Autotask refused the API user: check userName, secret and integrationCode (a wrong user name or tracking identifier often answers 500 instead).',
  permission: 'The API user’s security level hides this data: use a copy of "API User (system) (API-only)" that keeps Contracts view and cost visibility.',
  notFound: 'Autotask answered 404: check the zone URL; an over-long query URL also answers 404.',
  rateLimited: 'Autotask throttles this database (10,000 requests per hour shared by every integration, 3 threads per endpoint); wait, or check Admin → API Activity by Hour.',
  server: 'Autotask failed to answer. A 500 can also mean a wrong user name or integration code; the message says which.',
  other: 'Autotask refused the request.',
};

/**
 * Reads `{"errors": [...]}` and ASP.NET's `{"Message": …}`.
 *
 * @example
 * readErrorBody({ errors: ['Thread Threshold Exceeded'] }); // { message: 'Thread Threshold Exceeded' }
 */
export const readErrorBody: ErrorBodyReader = (body) => {
  const parsed = AtErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const message = parsed.data.errors?.join('; ') || parsed.data.Message;
  return message ? { message } : undefined;
};

function tuning(o: ResolvedAutotaskOptions) {
  return {
    pacing: o.pacing,
    concurrency: o.concurrency,
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.onRateLimit ? { onRateLimit: o.onRateLimit } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    remedies: AUTOTASK_REMEDIES,
    errorBody: readErrorBody,
  };
}

/**
 * `GET {zoneLookupUrl}/v1.0/zoneInformation?user=` without credentials → `{url}`. The zone URL is
 * server-supplied: credentials are only attached when its host is an Autotask host or the lookup host.
 */
export async function discoverZone(o: ResolvedAutotaskOptions, signal?: AbortSignal): Promise<{ apiUrl: string; http: HttpClient }> {
  const http = createHttpClient({ connector: 'autotask', baseUrl: o.zoneLookupUrl, auth: staticHeaderAuth({ headers: {}, secrets: [] }), ...tuning(o) });
  const { data } = await http.get('/v1.0/zoneInformation', { schema: AtZoneInformation, searchParams: { user: o.userName }, ...(signal ? { signal } : {}) });
  const zone = new URL(data.url);
  const lookupHost = new URL(o.zoneLookupUrl).host;
  if (!/\.autotask\.net$/i.test(zone.hostname) && zone.host !== lookupHost) {
    throw new ConfigurationError({ connector: 'autotask', issues: [{ field: 'zoneLookupUrl', message: `the zone lookup answered a non-Autotask host (${zone.host}); pass apiUrl explicitly` }] });
  }
  return { apiUrl: `${zone.origin}${zone.pathname.replace(/\/+$/, '').replace(/\/{2,}/g, '/')}/V1.0`, http };
}

/** The authenticated kernel client: `UserName`, `Secret`, `ApiIntegrationCode` on every GET. */
export function createApiClient(o: ResolvedAutotaskOptions, apiUrl: string): HttpClient {
  return createHttpClient({
    connector: 'autotask',
    baseUrl: apiUrl,
    auth: staticHeaderAuth({ headers: { UserName: o.userName, Secret: o.secret, ApiIntegrationCode: o.integrationCode }, secrets: [o.secret], remedy: AUTOTASK_REMEDIES.authentication }),
    secrets: [o.secret],
    ...tuning(o),
  });
}

/**
 * One Autotask filter clause.
 *
 * @example
 * const f: AtFilter = { op: 'lte', field: 'startDate', value: '2026-12-01' };
 */
export type AtFilter = { op: string; field: string; value?: string | number | boolean | readonly (string | number)[] };

// Autotask recommends POST above ~2,048 characters; a GET-only reader keeps each URL under this instead.
export const MAX_URL = 1_800;

/**
 * The `search` parameter of `GET /{Entity}/query`: filters plus the id cursor (`gt`, never `gte`), MaxRecords.
 *
 * @example
 * searchParam([{ op: 'lte', field: 'startDate', value: '2026-12-01' }], 1200, 500);
 */
export function searchParam(filters: readonly AtFilter[], afterId: number | undefined, max: number | undefined): string {
  const cursor: AtFilter = afterId === undefined ? { op: 'gte', field: 'id', value: 0 } : { op: 'gt', field: 'id', value: afterId };
  return JSON.stringify({ ...(max ? { MaxRecords: max } : {}), filter: [cursor, ...filters] });
}
