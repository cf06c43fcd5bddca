import { sleep } from './timing';

// Not p-throttle: its schedule is computed ahead from the previous slot, so a timer that fires early or
// late, plus the kernel's even spreading, let limit + 1 requests into one sliding window. This pacer
// decides each grant from the clock at grant time and re-checks after every wait.

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
  /**
   * Extra gap added to the window (default 2 % of `intervalMs`, at least 25 ms, at most 1 s): a request reaches the
   * server a little after its grant, and that delay varies, so windows measured at the server can be
   * slightly shorter than at the client.
   */
  guardMs?: number | undefined;
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
  const window = o.intervalMs + Math.max(0, o.guardMs ?? Math.min(1_000, Math.max(25, o.intervalMs * 0.02)));
  const spacing = o.spread ? window / limit : 0;
  const grants: number[] = []; // the last `limit` grant times, oldest first
  // Spreading follows an ideal schedule rather than the last actual grant: a timer that fires late
  // must not push every later slot back (that cost 25 % throughput at 46/s). The window rule below
  // is measured on actual grant times, so the guarantee does not depend on the schedule.
  let nextAt = Number.NEGATIVE_INFINITY;
  let queue: Promise<void> = Promise.resolve();

  async function slot(signal?: AbortSignal): Promise<void> {
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      const now = clock.now();
      const oldest = grants.length >= limit ? (grants[grants.length - limit] as number) : undefined;
      let readyAt = oldest === undefined ? now : oldest + window;
      if (spacing) readyAt = Math.max(readyAt, nextAt);
      if (readyAt <= now) {
        grants.push(now);
        if (grants.length > limit) grants.shift();
        // Late by at most half a slot: stay on schedule. Later (or idle): restart the schedule from now.
        if (spacing) nextAt = now - nextAt <= spacing / 2 ? nextAt + spacing : now + spacing;
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

/**
 * A pluggable request budget, shared or not: the kernel awaits `acquire` before every request it
 * sends (token calls, retries and detail requests included) and reports each vendor 429 through
 * `penalize`, so a budget shared by several workers (e.g. `@vectis/scheduler`'s PostgreSQL budget)
 * can push every worker on the same credential back. The in-process {@link createPacer} stays the default.
 *
 * @example
 * const budget: RateBudget = { acquire: (signal) => pace(signal), penalize: () => undefined };
 * createHttpClient({ ...options, pacing: budget });
 */
export interface RateBudget {
  /** Resolves when one request may be sent now; rejects with the signal's reason when aborted. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** The vendor answered 429 and asked to wait `retryAfterMs`; later grants should respect that. */
  penalize?(retryAfterMs: number): void | Promise<void>;
}

/**
 * True for an object implementing {@link RateBudget} (as opposed to `{ limit, intervalMs }` pacing options).
 *
 * @example
 * isRateBudget({ acquire: async () => {} }) // true
 */
export function isRateBudget(value: unknown): value is RateBudget {
  return typeof value === 'object' && value !== null && typeof (value as { acquire?: unknown }).acquire === 'function';
}
