import type { AuthStrategy } from '../auth/types';

// A strategy for PSAs that send fixed credential headers on every call and have no token call
// (ConnectWise Basic + clientId; Autotask UserName/Secret/ApiIntegrationCode). The kernel's strategy
// contract names a token call, which the read-only guard lets through; this one names a URL on the
// reserved `.invalid` TLD (RFC 2606), which can never resolve, so the guard's allow-list stays GET-only.
const NO_TOKEN_CALL = 'https://no-token-call.invalid/';

/**
 * Fixed credential headers as an auth strategy: no token call, nothing to refresh; a 401 is retried once then fails.
 *
 * @example
 * const auth = staticHeaderAuth({ headers: { authorization: `Basic ${b64}`, clientId }, secrets: [privateKey, b64] });
 * const http = createHttpClient({ connector: 'connectwise', baseUrl, auth });
 */
export function staticHeaderAuth(o: { headers: Record<string, string>; secrets: readonly string[]; remedy?: string }): AuthStrategy {
  const token = 'static';
  return {
    tokenCall: { method: 'POST', url: NO_TOKEN_CALL },
    retryTokenCall: false,
    remedy: o.remedy,
    secrets: () => [...o.secrets],
    authorize: async () => ({ headers: { ...o.headers }, token }),
    invalidate: () => undefined,
  };
}
