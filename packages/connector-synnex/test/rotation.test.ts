import { collect, isAuthenticationError, isCredentialStoreError } from '@vectis/connector-core';
import { errorText, useFakeApi } from '@vectis/testkit';
import { describe, expect, it } from 'vitest';
import { createSynnexConnector } from '@vectis/connector-synnex';
import { createSynnexSandbox, SANDBOX_CREDENTIALS, type SynnexSandbox } from '@vectis/connector-synnex/sandbox';

// Refresh-token rotation against the sandbox, which rotates as NOTES §1 says: every refresh returns
// a new refresh token and the old one stops working (`immediate`), or — the alternative a live tenant
// may show — only once the new access token is used (`on-first-use`).

const immediate = createSynnexSandbox({ customers: 30, subscriptions: 50, pageSizeCap: 10 });
const onFirstUse = Object.assign(createSynnexSandbox({ customers: 5, subscriptions: 5, rotation: 'on-first-use', refreshToken: 'ion-first-use-refresh-0' }), {
  baseUrl: 'https://ion-sandbox-first-use.vectis.test',
});
useFakeApi(immediate, onFirstUse);

const tuning = { pacing: false as const, retry: { limit: 1, baseDelayMs: 1, maxRetryAfterMs: 100, defaultRetryAfterMs: 1 } };
const fail = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (e: unknown) => e);

/** A token store as a deployment keeps it (a vault entry), plus what the connector wrote to it. */
function storeFor(sandbox: SynnexSandbox) {
  const store = { token: sandbox.currentRefreshToken(), saves: [] as string[] };
  return store;
}

function connect(sandbox: SynnexSandbox, refreshToken: string, onRefreshTokenRotated: (next: string) => void | Promise<void>) {
  return createSynnexConnector({ accountId: SANDBOX_CREDENTIALS.accountId, refreshToken, onRefreshTokenRotated, apiUrl: sandbox.baseUrl, ...tuning });
}

describe('TD SYNNEX refresh-token rotation', () => {
  it('concurrent streams on one connection refresh once, and the store ends with the token Ion accepts', async () => {
    const store = storeFor(immediate);
    immediate.reset();
    const before = immediate.stats().refreshes;
    const ion = connect(immediate, store.token, async (next) => {
      await new Promise((r) => setTimeout(r, 5));
      store.token = next;
      store.saves.push(next);
    });
    const [customers, subscriptions] = await Promise.all([collect(ion.listCustomers()), collect(ion.listSubscriptions()), ion.testConnection()]);
    expect(customers.items).toHaveLength(30);
    expect(subscriptions.items).toHaveLength(50);
    expect(immediate.stats().refreshes - before).toBe(1);
    expect(store.saves).toHaveLength(1);
    expect(store.token).toBe(immediate.currentRefreshToken());
    expect(immediate.requests().filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('an access token Ion expires early is renewed once (401 → refresh → retry), rotating again', async () => {
    const store = storeFor(immediate);
    const ion = connect(immediate, store.token, (next) => void (store.token = next));
    await ion.testConnection();
    const before = immediate.stats().refreshes;
    immediate.advance(31 * 60_000); // past the 1800 s expires_in, on Ion's clock only
    await collect(ion.listCustomers());
    expect(immediate.stats().refreshes - before).toBe(1);
    expect(store.token).toBe(immediate.currentRefreshToken());
  });

  it('a failed save stops the stream with CredentialStoreError before the new access token is used', async () => {
    const store = storeFor(immediate);
    immediate.reset();
    let broken = true;
    const ion = connect(immediate, store.token, (next) => {
      if (broken) throw new Error(`vault write failed for value ${next}`);
      store.token = next;
    });
    const error = await fail(collect(ion.listSubscriptions()));
    expect(isCredentialStoreError(error)).toBe(true);
    expect((error as Error).message).toMatch(/^\[vectis:synnex\] could not save the rotated refresh token: the stored credentials are at risk/);
    expect(errorText(error)).not.toContain(immediate.currentRefreshToken());
    expect(immediate.requests().map((r) => r.method)).toEqual(['POST']); // no GET with the unsaved grant

    // Same connection, store repaired: the pending token is saved first; Ion never sees the dead one again.
    broken = false;
    const rejectedBefore = immediate.stats().reuseRejected;
    await expect(collect(ion.listSubscriptions())).resolves.toMatchObject({ coverage: { complete: true } });
    expect(immediate.stats().reuseRejected).toBe(rejectedBefore);
    expect(store.token).toBe(immediate.currentRefreshToken());
  });

  it('crash window, immediate rotation: killed after the refresh, before the save → the next run is refused and says to mint new credentials', async () => {
    const store = storeFor(immediate);
    immediate.reset();
    // The process "dies" inside the save: it never resolves and nothing else of this connection runs.
    const doomed = connect(immediate, store.token, () => new Promise<void>(() => {}));
    void doomed.testConnection().catch(() => undefined);
    await waitFor(() => !immediate.accepts(store.token));
    expect(immediate.requests().map((r) => r.method)).toEqual(['POST']); // the new access token was never used

    const restarted = connect(immediate, store.token, (next) => void (store.token = next));
    const error = await fail(restarted.testConnection());
    expect(isAuthenticationError(error)).toBe(true);
    expect((error as Error).message).toContain('already been used');
    expect((error as Error).message).toContain('mint new OAuth credentials for the integration user in the Ion portal');
    await doomed.dispose();
  });

  it('crash window, rotation on first use: the same kill loses nothing, because the new token was never used', async () => {
    const store = storeFor(onFirstUse);
    const doomed = connect(onFirstUse, store.token, () => new Promise<void>(() => {}));
    void doomed.testConnection().catch(() => undefined);
    await waitFor(() => onFirstUse.stats().refreshes === 1);
    const restarted = connect(onFirstUse, store.token, (next) => void (store.token = next));
    await expect(restarted.testConnection()).resolves.toMatchObject({ ok: true });
    expect(store.token).toBe(onFirstUse.currentRefreshToken());
    await doomed.dispose();
  });

  it('crash window, killed after the save resolved: the store holds the new token and the next run works', async () => {
    const store = storeFor(immediate);
    let saved!: () => void;
    const savedOnce = new Promise<void>((resolve) => (saved = resolve));
    const doomed = connect(immediate, store.token, (next) => {
      store.token = next;
      saved();
      return new Promise<void>(() => {}); // resolves never: the process died right after writing
    });
    void doomed.testConnection().catch(() => undefined);
    await savedOnce;
    await expect(connect(immediate, store.token, (next) => void (store.token = next)).testConnection()).resolves.toMatchObject({ ok: true });
    await doomed.dispose();
  });

  it('reusing an old refresh token fails at Ion, as the notes describe: two processes must share one store', async () => {
    const old = immediate.currentRefreshToken();
    const first = connect(immediate, old, () => undefined); // saves nowhere
    await first.testConnection();
    const rejectedBefore = immediate.stats().reuseRejected;
    const second = connect(immediate, old, () => undefined);
    const error = await fail(second.testConnection());
    expect(isAuthenticationError(error)).toBe(true);
    expect(error).toMatchObject({ status: 400 });
    expect(immediate.stats().reuseRejected - rejectedBefore).toBe(1);
    expect(errorText(error)).not.toContain(old);
  });
});

async function waitFor(predicate: () => boolean, ms = 2_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
