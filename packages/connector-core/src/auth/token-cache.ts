import type { Authorization, TokenReason, TokenSender } from './types';

/** A token as the vendor granted it. */
export interface Grant {
  token: string;
  expiresInSeconds: number;
}

interface Cached {
  token: string;
  expiresAt: number;
  /**
   * When to fetch the next token: at `renewAtFraction` of the lifetime when set, else `renewBeforeMs`
   * ahead of expiry but never earlier than half-way through the lifetime.
   */
  renewAt: number;
}

/**
 * Caches one access token, renews it `renewBeforeMs` before expiry (at most half its lifetime early), and shares a single
 * in-flight token call between concurrent callers (a burst of requests costs one token call).
 */
export function createTokenCache(o: {
  fetchGrant: (send: TokenSender) => Promise<Grant>;
  renewBeforeMs: number;
  /**
   * Renew once this fraction of the token's lifetime has passed (e.g. 0.9 for Pax8's "refresh at
   * about 90%"), instead of `renewBeforeMs` before expiry. Scales with the lifetime, so a short-lived
   * token is never renewed on every call.
   */
  renewAtFraction?: number | undefined;
  header: (token: string) => Record<string, string>;
  now?: () => number;
}) {
  const now = o.now ?? Date.now;
  let cached: Cached | undefined;
  let inflight: Promise<Cached> | undefined;
  let invalidated = false;
  const seen = new Set<string>();

  async function authorize(send: TokenSender, onToken?: (reason: TokenReason) => void): Promise<Authorization> {
    if (cached && cached.renewAt > now()) return { headers: o.header(cached.token), token: cached.token };
    if (!inflight) {
      const reason: TokenReason = invalidated ? 'unauthorized' : cached ? 'expiring' : 'initial';
      onToken?.(reason);
      inflight = o
        .fetchGrant(send)
        .then((grant) => {
          seen.add(grant.token);
          // A lifetime shorter than the margin would otherwise renew on every request (with a
          // rotating refresh token, a rotation per request).
          const lifetimeMs = grant.expiresInSeconds * 1000;
          const at = now();
          const renewAt = o.renewAtFraction === undefined ? at + lifetimeMs - Math.min(o.renewBeforeMs, lifetimeMs / 2) : at + lifetimeMs * o.renewAtFraction;
          cached = { token: grant.token, expiresAt: at + lifetimeMs, renewAt };
          invalidated = false;
          return cached;
        })
        .finally(() => {
          inflight = undefined;
        });
    }
    const fresh = await inflight;
    return { headers: o.header(fresh.token), token: fresh.token };
  }

  function invalidate(token: string): void {
    // Only the token that was refused is dropped: a concurrent request may already have renewed it.
    if (cached?.token === token) {
      cached = undefined;
      invalidated = true;
    }
  }

  return { authorize, invalidate, tokens: (): string[] => [...seen] };
}
