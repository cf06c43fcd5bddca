// A sandbox's sliding-window counter: the rate limit a fake enforces and the busiest window it saw,
// measured the way a vendor's gateway counts (every request in the last `windowMs`).
import { performance } from 'node:perf_hooks';

/**
 * A ring of timestamps within `windowMs`, reporting how many are inside.
 *
 * @example
 * const w = slidingWindow(60_000);
 * if (w.count(now) >= limit) return tooMany(w.waitMs(now));
 * w.add(now);
 */
export function slidingWindow(windowMs: number) {
  let stamps: number[] = [];
  let head = 0;
  const trim = (at: number) => {
    while (head < stamps.length && (stamps[head] as number) <= at - windowMs) head++;
    if (head > 4096) {
      stamps = stamps.slice(head);
      head = 0;
    }
  };
  return {
    count(at: number): number {
      trim(at);
      return stamps.length - head;
    },
    add(at: number): void {
      stamps.push(at);
    },
    /** Milliseconds until the oldest stamp leaves the window. */
    waitMs(at: number): number {
      return (stamps[head] ?? at) + windowMs - at;
    },
    clear(): void {
      stamps = [];
      head = 0;
    },
  };
}

/**
 * A sandbox's rate limit as a vendor gateway enforces it: one sliding window per key (subscription
 * key, partner, account), plus the busiest window seen over all keys. Every sandbox uses this one
 * gate, so they count 429s and `maxInWindow` the same way.
 *
 * @example
 * const gate = sandboxRateGate({ limit: 45, intervalMs: 60_000 });
 * gate.received();
 * const waitMs = gate.admit(subscriptionKey);
 * if (waitMs !== undefined) return tooMany(Math.ceil(waitMs / 1000));
 */
export function sandboxRateGate(rateLimit: { limit: number; intervalMs: number } | undefined, windowMs = rateLimit?.intervalMs ?? 60_000) {
  const seen = slidingWindow(windowMs);
  const admitted = new Map<string, ReturnType<typeof slidingWindow>>();
  let rateLimited = 0;
  let maxInWindow = 0;
  return {
    windowMs,
    /** Counts a request towards the busiest window, admitted or not. */
    received(at = performance.now()): void {
      seen.add(at);
      maxInWindow = Math.max(maxInWindow, seen.count(at));
    },
    /** `undefined` when the request may proceed (and takes a slot), else milliseconds until it could. */
    admit(key = '', at = performance.now()): number | undefined {
      if (!rateLimit) return undefined;
      let window = admitted.get(key);
      if (!window) admitted.set(key, (window = slidingWindow(rateLimit.intervalMs)));
      if (window.count(at) >= rateLimit.limit) {
        rateLimited++;
        return window.waitMs(at);
      }
      window.add(at);
      return undefined;
    },
    counts: () => ({ rateLimited, maxInWindow }),
    reset(): void {
      seen.clear();
      admitted.clear();
      rateLimited = 0;
      maxInWindow = 0;
    },
  };
}
