import type { FakeFault, FakeRequestLog } from '../fake-api';

// A PSA sandbox's request log, injected faults and optional sliding-window rate limit: one copy for
// every PSA sandbox (ConnectWise, Autotask, HaloPSA).

/**
 * @example
 * const traffic = createPsaSandboxTraffic({ limit: 60, intervalMs: 60_000 }, Date.now);
 */
export function createPsaSandboxTraffic(rateLimit: { limit: number; intervalMs: number } | undefined, now: () => number) {
  let log: FakeRequestLog[] = [];
  let faults: (FakeFault & { left: number })[] = [];
  let stamps: number[] = [];
  let rateLimited = 0;
  return {
    /** Milliseconds to wait when over the rate limit, else undefined (and the request is counted). */
    admit(): number | undefined {
      if (!rateLimit) return undefined;
      const at = now();
      stamps = stamps.filter((s) => s > at - rateLimit.intervalMs);
      if (stamps.length >= rateLimit.limit) {
        rateLimited++;
        return (stamps[0] as number) + rateLimit.intervalMs - at;
      }
      stamps.push(at);
      return undefined;
    },
    inject(fault: FakeFault): void {
      faults.push({ ...fault, left: 'times' in fault ? fault.times : 1 });
    },
    /** The first queued fault for this request, consumed once. */
    take(rel: string, list: boolean, namedOnly = false): FakeFault | undefined {
      const index = faults.findIndex((f) =>
        f.kind === 'insert-during-paging' ? list : 'pathIncludes' in f && f.pathIncludes !== undefined ? rel.includes(f.pathIncludes) : !namedOnly,
      );
      const fault = faults[index];
      if (!fault) return undefined;
      if (--fault.left <= 0) faults.splice(index, 1);
      return fault;
    },
    log(entry: FakeRequestLog): void {
      log.push(entry);
    },
    requests: (): readonly FakeRequestLog[] => log.slice(),
    rateLimited: () => rateLimited,
    reset(): void {
      log = [];
      faults = [];
      stamps = [];
      rateLimited = 0;
    },
  };
}

/** @example await sandboxSleep(250, request.signal); */
export function sandboxSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

/**
 * A small deterministic PRNG (mulberry32), so the same seed gives the same tenant.
 *
 * @example
 * const rnd = sandboxRandom(42); rnd.int(1, 6);
 */
export function sandboxRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}
