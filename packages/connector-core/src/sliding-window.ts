// A sandbox's sliding-window counter: the rate limit a fake enforces and the busiest window it saw,
// measured the way a vendor's gateway counts (every request in the last `windowMs`).

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
