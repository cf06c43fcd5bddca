import { ConfigurationError, createHttpClient, type ErrorBodyReader, type HttpClient, staticHeaderAuth } from '@vectis/connector-core';
import type { ResolvedConnectWiseOptions } from './options';
import { CwCompanyInfo, CwErrorBody } from './schemas';

/**
 * What to tell the user per failure (the kernel's defaults speak of distributors).
 *
 * @example
 * new PermissionError({ ...details, remedy: CONNECTWISE_REMEDIES.permission });
 */
export const CONNECTWISE_REMEDIES = {
  authentication: 'ConnectWise refused the API member keys: check companyId, publicKey and privateKey (System → Members → API Members → API Keys) and that the clientId is valid.',
  permission: 'The API member’s security role lacks Inquire rights here: grant Inquire (All) on Companies → Company Maintenance, Finance → Agreements and Procurement → Product Catalog.',
  notFound: 'ConnectWise answered 404: check the site/apiUrl and codebase; a role without a module sometimes answers 404 instead of 403.',
  rateLimited: 'ConnectWise is rate limiting these keys (no published limit); lower `pacing`, or check other tools sharing this API member.',
  server: 'ConnectWise failed to answer; retry later. Unscoped reads on large tenants can time out.',
  other: 'ConnectWise refused the request; the message says which condition or field it rejected.',
};

/**
 * Reads ConnectWise's `{ code, message, errors[] }` error body.
 *
 * @example
 * readErrorBody({ code: 'InvalidObject', message: 'conditions is invalid', errors: [{ message: 'x is not a recognized name' }] });
 * // { message: 'InvalidObject: conditions is invalid: x is not a recognized name' }
 */
export const readErrorBody: ErrorBodyReader = (body) => {
  const parsed = CwErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const detail = parsed.data.errors?.map((e) => e.message).filter(Boolean).join('; ');
  const message = [parsed.data.code, parsed.data.message, detail].filter(Boolean).join(': ');
  return message ? { message } : undefined;
};

function tuning(o: ResolvedConnectWiseOptions) {
  return {
    pacing: o.pacing,
    concurrency: o.concurrency,
    retry: o.retry,
    timeoutMs: o.timeoutMs,
    ...(o.fetch ? { fetch: o.fetch } : {}),
    ...(o.onRateLimit ? { onRateLimit: o.onRateLimit } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    remedies: CONNECTWISE_REMEDIES,
    errorBody: readErrorBody,
  };
}

/** `https://` + host, or the URL as given (validated: https, or http on loopback with the opt-in). */
export function siteOrigin(site: string, allowInsecureLoopback: boolean): string {
  const url = new URL(/^https?:\/\//i.test(site) ? site : `https://${site}`);
  const loopback = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i.test(url.hostname);
  if (url.protocol !== 'https:' && !(loopback && allowInsecureLoopback)) {
    throw new ConfigurationError({ connector: 'connectwise', issues: [{ field: 'site', message: 'must use https' }] });
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/**
 * Cloud sites answer the API on `api-<site>` (e.g. `api-na.myconnectwise.net`); on-premise hosts on themselves.
 *
 * @example
 * apiOrigin('https://na.myconnectwise.net'); // 'https://api-na.myconnectwise.net'
 */
export function apiOrigin(origin: string): string {
  const url = new URL(origin);
  if (/\.myconnectwise\.net$/i.test(url.hostname) && !/^api-/i.test(url.hostname)) url.hostname = `api-${url.hostname}`;
  return url.origin;
}

/**
 * Finds the tenant's API base: `GET {site}/login/companyinfo/{companyId}` (unauthenticated: no key is sent) →
 * `https://{apiHost}/{Codebase}apis/3.0`.
 */
export async function discoverApiUrl(o: ResolvedConnectWiseOptions, signal?: AbortSignal): Promise<{ apiUrl: string; http: HttpClient; version?: string | undefined }> {
  const origin = siteOrigin(o.site as string, o.allowInsecureLoopback);
  const http = createHttpClient({ connector: 'connectwise', baseUrl: origin, auth: staticHeaderAuth({ headers: {}, secrets: [] }), ...tuning(o) });
  const { data } = await http.get(`/login/companyinfo/${encodeURIComponent(o.companyId)}`, { schema: CwCompanyInfo, ...(signal ? { signal } : {}) });
  const codebase = data.Codebase.replace(/^\/+|\/+$/g, '');
  return { apiUrl: `${apiOrigin(origin)}/${codebase}/apis/3.0`, http, version: data.VersionCode };
}

/** The authenticated kernel client: Basic `companyId+publicKey:privateKey`, `clientId`, pinned version. */
export function createApiClient(o: ResolvedConnectWiseOptions, apiUrl: string): HttpClient {
  const basic = Buffer.from(`${o.companyId}+${o.publicKey}:${o.privateKey}`, 'utf8').toString('base64');
  return createHttpClient({
    connector: 'connectwise',
    baseUrl: apiUrl,
    auth: staticHeaderAuth({
      headers: { authorization: `Basic ${basic}`, clientId: o.clientId, accept: `application/vnd.connectwise.com+json; version=${o.apiVersion}` },
      secrets: [o.privateKey, basic],
      remedy: CONNECTWISE_REMEDIES.authentication,
    }),
    secrets: [o.privateKey, basic],
    ...tuning(o),
  });
}
