import type { JsonValue } from 'type-fest';
import { createTokenCache } from './token-cache';
import type { AuthStrategy } from './types';

export interface BasicTokenAuthOptions {
  username: string;
  password: string;
  /** Token path relative to the client's `baseUrl`, e.g. `/token`. */
  path: string;
  /** JSON body of the token call (Ingram: `{ marketplace: 'us' }`). */
  body?: JsonValue;
  /** Reads the token response; throw (e.g. a zod parse) when it is not the documented shape. */
  parse: (json: unknown) => { token: string; expiresInSeconds: number };
  /** Renew this long before expiry (default 60 000 ms), capped at a tenth of the token's lifetime. */
  renewBeforeMs?: number;
  /** What to tell the user when the token call is refused. */
  remedy?: string;
}

/**
 * HTTP Basic credentials exchanged for a short-lived bearer token with a `POST` (Ingram Micro).
 *
 * @example
 * const auth = basicTokenAuth({
 *   username, password, path: '/token', body: { marketplace: 'us' },
 *   parse: (json) => TokenInfo.parse(json),
 *   remedy: 'Check the API username and password on the Marketplace API page.',
 * });
 */
export function basicTokenAuth(o: BasicTokenAuthOptions): AuthStrategy {
  const basic = Buffer.from(`${o.username}:${o.password}`, 'utf8').toString('base64');
  const cache = createTokenCache({
    renewBeforeMs: o.renewBeforeMs ?? 60_000,
    header: (token) => ({ authorization: `Bearer ${token}` }),
    fetchGrant: async (send) =>
      o.parse(
        await send({
          url: o.path,
          headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(o.body ?? {}),
        }),
      ),
  });
  return {
    tokenCall: { method: 'POST', url: o.path },
    retryTokenCall: true,
    remedy: o.remedy,
    secrets: () => [o.password, basic, ...cache.tokens()],
    authorize: cache.authorize,
    invalidate: cache.invalidate,
  };
}
