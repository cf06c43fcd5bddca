import type { Random } from './seed';

// Ion's token endpoint as NOTES §1 describes it: the refresh_token grant returns a new refresh token
// every time and the old one stops working. `immediate` (the notes' reading, the default) retires it
// at once; `on-first-use` keeps it until the new access token is first used, the alternative a live
// tenant may show (open question 2), under which saving before use keeps a crashed refresh recoverable.

export type RotationMode = 'immediate' | 'on-first-use';

export interface TokenGrant {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

export function createAuthority(o: { initialRefreshToken: string; ttlSeconds: number; rotation: RotationMode; now: () => number; rnd: Random }) {
  const live = new Set<string>([o.initialRefreshToken]);
  const retired = new Set<string>();
  // Under on-first-use: new access token → the refresh token to retire when it is first used.
  const pendingRetire = new Map<string, string>();
  const access = new Map<string, number>(); // access token → expiresAt
  let refreshes = 0;
  let reuseRejected = 0;
  let current = o.initialRefreshToken;
  const issued: string[] = []; // every access and refresh token handed out, for the contract suite's secret scan

  return {
    /** `undefined` = the token is unknown or retired (`reused` says which). */
    refresh(token: string): { grant: TokenGrant } | { reused: boolean } {
      if (!live.has(token)) {
        const reused = retired.has(token);
        if (reused) reuseRejected++;
        return { reused };
      }
      refreshes++;
      const next = `ion-rt-${refreshes}-${o.rnd.hex(24)}`;
      const bearer = `ion-at-${refreshes}-${o.rnd.hex(32)}`;
      live.add(next);
      issued.push(bearer, next);
      current = next;
      if (o.rotation === 'immediate') {
        live.delete(token);
        retired.add(token);
      } else pendingRetire.set(bearer, token);
      access.set(bearer, o.now() + o.ttlSeconds * 1000);
      return { grant: { access_token: bearer, refresh_token: next, token_type: 'Bearer', expires_in: o.ttlSeconds, scope: '' } };
    },
    /** True when `bearer` is a live access token; its first use retires the refresh token it replaced. */
    use(bearer: string): boolean {
      const expiresAt = access.get(bearer);
      if (expiresAt === undefined || expiresAt <= o.now()) return false;
      const old = pendingRetire.get(bearer);
      if (old !== undefined) {
        pendingRetire.delete(bearer);
        // Every older refresh token dies with the first use of a newer grant.
        for (const token of [...live]) if (token !== current) (live.delete(token), retired.add(token));
        retired.add(old);
      }
      return true;
    },
    revoke(bearer: string): void {
      access.delete(bearer);
    },
    /** The refresh token Ion would accept now (the newest). */
    current: () => current,
    isLive: (token: string) => live.has(token),
    /** Every access and refresh token issued so far (all secrets). */
    issued: (): readonly string[] => issued.slice(),
    stats: () => ({ refreshes, reuseRejected }),
  };
}
