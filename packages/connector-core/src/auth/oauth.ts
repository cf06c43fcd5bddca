import { z } from 'zod';
import { CredentialStoreError, redact } from '../errors/index';
import { createTokenCache } from './token-cache';
import type { AuthStrategy, TokenSender } from './types';

// RFC 6749 §5.1: `expires_in` is RECOMMENDED, not required; an hour is the common default.
const OAuthToken = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
});

const JSON_BODY = { 'content-type': 'application/json', accept: 'application/json' };
const FORM = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };

function form(fields: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) params.set(key, value);
  return params.toString();
}

async function requestToken(send: TokenSender, url: string, body: string) {
  const json = await send({ url, headers: { ...FORM }, body });
  return OAuthToken.parse(json);
}

export interface ClientCredentialsAuthOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  audience?: string;
  scope?: string;
  renewBeforeMs?: number;
  /** Renew after this fraction of the token's lifetime instead of `renewBeforeMs` before expiry (e.g. 0.9). */
  renewAtFraction?: number;
  /** `form` (RFC 6749, default) or `json`: Pax8's `POST /v1/token` takes a JSON body. */
  bodyEncoding?: 'form' | 'json';
  remedy?: string;
}

/**
 * OAuth2 client credentials, form-encoded or JSON (Pax8 with `audience`, Sherweb with `scope`).
 *
 * @example
 * const auth = clientCredentialsAuth({ tokenUrl: 'https://token-manager.pax8.com/auth/token', clientId, clientSecret, audience: 'https://api.pax8.com' });
 */
export function clientCredentialsAuth(o: ClientCredentialsAuthOptions): AuthStrategy {
  const cache = createTokenCache({
    renewBeforeMs: o.renewBeforeMs ?? 60_000,
    renewAtFraction: o.renewAtFraction,
    header: (token) => ({ authorization: `Bearer ${token}` }),
    fetchGrant: async (send) => {
      const fields = { grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.clientSecret, audience: o.audience, scope: o.scope };
      const t =
        o.bodyEncoding === 'json'
          ? OAuthToken.parse(await send({ url: o.tokenUrl, headers: { ...JSON_BODY }, body: JSON.stringify(fields) }))
          : await requestToken(send, o.tokenUrl, form(fields));
      return { token: t.access_token, expiresInSeconds: t.expires_in ?? 3600 };
    },
  });
  return {
    tokenCall: { method: 'POST', url: o.tokenUrl },
    retryTokenCall: true,
    remedy: o.remedy,
    secrets: () => [o.clientSecret, ...cache.tokens()],
    authorize: cache.authorize,
    invalidate: cache.invalidate,
  };
}

export interface RefreshTokenAuthOptions {
  tokenUrl: string;
  refreshToken: string;
  clientId?: string;
  clientSecret?: string;
  /**
   * How `clientId`/`clientSecret` travel: form fields (`body`, the default) or HTTP Basic on the
   * token call (`basic`, RFC 6749 §2.3.1's preferred form).
   */
  clientAuth?: 'body' | 'basic';
  /** Extra form fields on every refresh (TD SYNNEX's SDK sends `redirect_uri`). */
  extraParams?: Record<string, string>;
  /** Persist the rotated refresh token; awaited before the new access token is used. */
  onRotate: (newRefreshToken: string) => void | Promise<void>;
  renewBeforeMs?: number;
  remedy?: string;
  /** Connector id for the `CredentialStoreError` prefix. */
  connector?: string;
}

/**
 * OAuth2 refresh-token grant with rotation (TD SYNNEX): each token call may return a new
 * refresh token, which `onRotate` must store before anything else happens — the old one is dead.
 *
 * - Single-flight per strategy instance (one per connection): concurrent requests share one refresh.
 * - The new access token is handed out only after `onRotate` resolved.
 * - If `onRotate` fails, the call fails with `CredentialStoreError`; the new refresh token is kept in
 *   memory and the next refresh retries the save first, never replaying the (now dead) old token.
 *
 * @example
 * const auth = refreshTokenAuth({ tokenUrl, refreshToken: await store.get(), onRotate: (t) => store.set(t) });
 */
export function refreshTokenAuth(o: RefreshTokenAuthOptions): AuthStrategy {
  let refreshToken = o.refreshToken;
  // A rotated token the store has not accepted yet: the vendor already invalidated `refreshToken`.
  let unsaved: string | undefined;
  const known = new Set<string>([o.refreshToken]);
  const basic =
    o.clientAuth === 'basic' && o.clientId && o.clientSecret
      ? `Basic ${Buffer.from(`${encodeURIComponent(o.clientId)}:${encodeURIComponent(o.clientSecret)}`, 'utf8').toString('base64')}`
      : undefined;

  async function save(next: string): Promise<void> {
    try {
      await o.onRotate(next);
    } catch (cause) {
      unsaved = next;
      throw new CredentialStoreError({ connector: o.connector, cause: sanitized(cause, [...known, o.clientSecret]) });
    }
    unsaved = undefined;
    refreshToken = next;
  }

  const cache = createTokenCache({
    renewBeforeMs: o.renewBeforeMs ?? 60_000,
    header: (token) => ({ authorization: `Bearer ${token}` }),
    fetchGrant: async (send) => {
      if (unsaved !== undefined) await save(unsaved);
      const body = form({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
        ...o.extraParams,
        ...(basic ? {} : { client_id: o.clientId, client_secret: o.clientSecret }),
      });
      const headers = basic ? { ...FORM, authorization: basic } : { ...FORM };
      const t = OAuthToken.parse(await send({ url: o.tokenUrl, headers, body }));
      if (t.refresh_token && t.refresh_token !== refreshToken) {
        known.add(t.refresh_token);
        // Saved before first use: nothing runs between the vendor's answer and the save.
        await save(t.refresh_token);
      }
      return { token: t.access_token, expiresInSeconds: t.expires_in ?? 3600 };
    },
  });
  return {
    tokenCall: { method: 'POST', url: o.tokenUrl },
    // A retried refresh after a lost response could replay a token the server already rotated.
    retryTokenCall: false,
    remedy: o.remedy,
    secrets: () => [...known, ...(o.clientSecret ? [o.clientSecret] : []), ...(basic ? [basic.slice(6)] : []), ...cache.tokens()],
    authorize: cache.authorize,
    invalidate: cache.invalidate,
  };
}

// A store's error may quote what it failed to write; keep its name and a redacted message only.
function sanitized(cause: unknown, secrets: readonly (string | undefined)[]): Error {
  const message = cause instanceof Error ? cause.message : String(cause);
  const safe = new Error(redact(message, secrets));
  safe.name = cause instanceof Error ? cause.name : 'Error';
  safe.stack = `${safe.name}: ${safe.message}`;
  return safe;
}
