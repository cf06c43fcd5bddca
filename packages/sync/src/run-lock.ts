// One run per vendor at a time: a run takes each vendor's lease before writing anything, keeps
// it alive with a heartbeat, and gives it back at the end. A crashed run stops renewing, so its
// lease lapses after `ttlMs` and the next run proceeds.
import { hostname } from 'node:os';
import type { Vendor } from '@vectis/connector-core';
import { StoreLockedError, SyncAbortedError } from './errors';
import type { Store } from './store/types';

/** How a run waits for, and holds, its vendors' leases. */
export interface RunLockOptions {
  /**
   * How long to wait for another run's lease to be released (or lapse) before the vendor fails
   * with `StoreLockedError`. Default 0: fail fast.
   */
  waitMs?: number | undefined;
  /**
   * Lease lifetime after each renewal (default 60000 ms). The heartbeat renews every `ttlMs / 3`,
   * so a crashed run blocks its vendors for at most this long.
   */
  ttlMs?: number | undefined;
}

export interface HeldLeases {
  /** Vendors this run holds; the others map to the `StoreLockedError` that refused them. */
  refused: Map<Vendor, StoreLockedError>;
  release(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal | undefined) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new SyncAbortedError({ cause: signal.reason }));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SyncAbortedError({ cause: signal?.reason }));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/** Takes the leases of `vendors` for `runId`, waiting with backoff up to `waitMs`; never throws for a refused vendor. */
export async function takeLeases(
  store: Store,
  vendors: readonly Vendor[],
  runId: string,
  options: RunLockOptions = {},
  signal?: AbortSignal,
): Promise<HeldLeases> {
  const ttlMs = Math.max(1000, options.ttlMs ?? 60_000);
  const waitMs = Math.max(0, options.waitMs ?? 0);
  const request = { runId, holder: `${hostname()}:${process.pid}`, ttlMs };
  const started = Date.now();
  const held: Vendor[] = [];
  const refused = new Map<Vendor, StoreLockedError>();
  const releaseAll = async () => {
    for (const vendor of held) await store.releaseLease(vendor, runId).catch(() => undefined);
  };
  try {
    for (const vendor of vendors) {
      for (let delay = 50; ; delay = Math.min(delay * 2, 1000)) {
        const holder = await store.acquireLease(vendor, request);
        if (!holder) {
          held.push(vendor);
          break;
        }
        const waited = Date.now() - started;
        if (waited + delay > waitMs) {
          refused.set(vendor, new StoreLockedError({ path: store.target, lease: holder, waitedMs: waited }));
          break;
        }
        await sleep(delay, signal);
      }
    }
  } catch (err) {
    await releaseAll();
    throw err;
  }
  // The heartbeat must not keep a finished process alive; a lost renewal shows up on the next
  // write as StoreLockedError, so errors here are left to that write.
  const timer = setInterval(() => {
    for (const vendor of held) store.renewLease(vendor, runId, ttlMs).catch(() => undefined);
  }, Math.floor(ttlMs / 3));
  timer.unref();
  return {
    refused,
    async release() {
      clearInterval(timer);
      await releaseAll();
    },
  };
}
