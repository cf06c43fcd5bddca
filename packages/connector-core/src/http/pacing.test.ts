import { describe, expect, it } from 'vitest';
import { createPacer, type PacerClock } from './pacing';

// A virtual clock whose timers fire early or late by a random amount, like real timers under load.
function jitteryClock(seed: number, early: number, late: number): PacerClock & { t: number } {
  let s = seed >>> 0;
  const random = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.t += Math.max(0, ms - early + random() * (early + late));
    },
  };
  return clock;
}

/** The most grants inside any half-open window `[t, t + windowMs)`. */
function maxInWindow(stamps: readonly number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < stamps.length; i++) {
    while ((stamps[i] as number) - (stamps[j] as number) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe('createPacer', () => {
  it('never grants more than `limit` in any sliding window, with timers firing early or late (property test)', async () => {
    for (let seed = 1; seed <= 60; seed++) {
      const limit = 1 + (seed % 7) * 3;
      const intervalMs = 200 + (seed % 5) * 700;
      const spread = seed % 2 === 0;
      const clock = jitteryClock(seed, 5, 40);
      const pace = createPacer({ limit, intervalMs, spread, guardMs: 0, clock });
      const stamps: number[] = [];
      // Many callers at once, like a page of detail requests started together.
      await Promise.all(Array.from({ length: limit * 4 + 3 }, () => pace().then(() => stamps.push(clock.now()))));
      expect(maxInWindow(stamps, intervalMs), `seed ${seed}: limit ${limit} per ${intervalMs} ms, spread ${spread}`).toBeLessThanOrEqual(limit);
      // …and it is not slower than needed: the whole run fits in about (n / limit) windows plus jitter.
      expect(stamps.at(-1)).toBeLessThan(Math.ceil(stamps.length / limit) * intervalMs + stamps.length * 45);
    }
  });

  it('spreads grants evenly when asked, instead of a burst of `limit`', async () => {
    const clock = jitteryClock(7, 0, 0);
    const pace = createPacer({ limit: 4, intervalMs: 400, spread: true, guardMs: 0, clock });
    const stamps: number[] = [];
    for (let i = 0; i < 5; i++) await pace().then(() => stamps.push(clock.now()));
    expect(stamps).toEqual([0, 100, 200, 300, 400]);
  });

  it('a timer that fires late does not push every later slot back (spreading keeps its schedule)', async () => {
    const clock = jitteryClock(5, -5, 5); // every timer fires exactly 5 ms late
    const pace = createPacer({ limit: 10, intervalMs: 1_000, spread: true, guardMs: 0, clock });
    const stamps: number[] = [];
    for (let i = 0; i < 20; i++) await pace().then(() => stamps.push(clock.now()));
    // Accumulating the lateness would end at 19 × 105 = 1995 ms; on schedule it is about 1910 ms.
    expect(stamps.at(-1)).toBeLessThanOrEqual(1_930);
    expect(maxInWindow(stamps, 1_000)).toBeLessThanOrEqual(10);
  });

  it('keeps a guard band so arrival jitter at the server cannot squeeze limit + 1 into its window', async () => {
    const clock = jitteryClock(3, 0, 0);
    const pace = createPacer({ limit: 2, intervalMs: 2_000, clock });
    const stamps: number[] = [];
    for (let i = 0; i < 3; i++) await pace().then(() => stamps.push(clock.now()));
    expect(stamps).toEqual([0, 0, 2_040]); // 2 % of the interval
  });

  it('rejects a waiter whose signal aborts, and the next waiter still gets its slot', async () => {
    const pace = createPacer({ limit: 1, intervalMs: 60_000 });
    await pace();
    const controller = new AbortController();
    const waiting = pace(controller.signal);
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
  });
});
