import { sleep } from './timing';

/** What the pacer needs from the outside world; injectable so the sliding-window promise can be tested with jitter. */
export interface PacerClock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface PacerOptions {
  /** At most this many grants… */
  limit: number;
  /** …in every sliding window of this length (half-open: `[t, t + intervalMs)`). */
  intervalMs: number;
  /** Spread grants at least `intervalMs / limit` apart instead of allowing a burst of `limit`. */
  spread?: boolean | undefined;
  clock?: PacerClock | undefined;
}

/**
 * Proactive pacing with a hard sliding-window guarantee: grant *n + limit* never comes earlier
 * than `intervalMs` after grant *n*, measured with the clock at grant time. Timers that fire
 * early or late (jitter) only ever delay a grant: after every sleep the condition is re-checked.
 * Waiters are served first come, first served; waiting is abortable.
 *
 * @example
 * const pace = createPacer({ limit: 45, intervalMs: 60_000, spread: true });
 * await pace(signal); // now send exactly one request
 */
export function createPacer(o: PacerOptions): (signal?: AbortSignal) => Promise<void> {
  const clock = o.clock ?? { now: Date.now, sleep };
  const limit = Math.max(1, Math.floor(o.limit));
  const spacing = o.spread ? o.intervalMs / limit : 0;
  const grants: number[] = []; // the last `limit` grant times, oldest first
  let queue: Promise<void> = Promise.resolve();

  async function slot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const now = clock.now();
      const oldest = grants.length >= limit ? (grants[grants.length - limit] as number) : undefined;
      const last = grants[grants.length - 1];
      let readyAt = oldest === undefined ? now : oldest + o.intervalMs;
      if (spacing && last !== undefined) readyAt = Math.max(readyAt, last + spacing);
      if (readyAt <= now) {
        grants.push(now);
        if (grants.length > limit) grants.shift();
        return;
      }
      await clock.sleep(Math.ceil(readyAt - now), signal);
    }
  }

  return (signal) => {
    const turn = queue.then(() => slot(signal));
    queue = turn.catch(() => undefined);
    return turn;
  };
}
