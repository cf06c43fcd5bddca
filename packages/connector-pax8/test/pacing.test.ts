import { createPacer, type PacerClock } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { Pax8ConnectorOptions } from '@vectis/connector-pax8';
import { spreadPacing } from '../src/client';

// A virtual clock: sleeping advances time, so these are counts on a clock, not timings of this machine.
function virtualClock(): PacerClock & { t: number } {
  const clock = {
    t: 0,
    now: () => clock.t,
    sleep: async (ms: number) => void (clock.t += ms),
  };
  return clock;
}

describe('Pax8 pacing as handed to the kernel', () => {
  it('grants the default 900 requests a minute at the pace it promises (the guard band is per minute, not per request)', async () => {
    const budget = spreadPacing(Pax8ConnectorOptions.parse({ clientId: 'id', clientSecret: 'secret' }).pacing);
    if (!budget || 'acquire' in budget) throw new Error('expected in-process pacing options');
    const clock = virtualClock();
    const pace = createPacer({ ...budget, clock });
    const grants: number[] = [];
    for (let i = 0; i < 1801; i++) {
      await pace();
      grants.push(clock.t);
    }
    // 1800 intervals at 900/min is 120 s; the kernel's guard band (1 s per 60 s window) allows 2 % more.
    // Handing the kernel one request per 66.7 ms added its 25 ms minimum guard to each: 165 s (1.375×).
    expect(grants.at(-1)).toBeLessThanOrEqual(120_000 * 1.02);
    // Never more than 900 in any 60 s window (Pax8 allows 1000), nor a burst: evenly spread.
    for (let i = 900; i < grants.length; i++) expect((grants[i] as number) - (grants[i - 900] as number)).toBeGreaterThanOrEqual(60_000);
    const gaps = grants.slice(1).map((t, i) => t - (grants[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(60_000 / 900);
  });

  it('passes a shared rate budget through untouched and turns pacing off when asked', () => {
    const shared = { acquire: async () => undefined };
    expect(spreadPacing(shared)).toBe(shared);
    expect(spreadPacing(false)).toBe(false);
  });
});
