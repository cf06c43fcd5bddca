import { describe, expect, it } from 'vitest';
import { sandboxRateGate } from './sliding-window';

describe('sandboxRateGate (the rate limit every sandbox enforces)', () => {
  it('admits `limit` requests per key in any window, says how long until the next, and counts the refusals', () => {
    const gate = sandboxRateGate({ limit: 2, intervalMs: 1_000 });
    expect(gate.admit('a', 0)).toBeUndefined();
    expect(gate.admit('a', 100)).toBeUndefined();
    expect(gate.admit('a', 200)).toBe(800); // the stamp at 0 leaves the window at 1000
    expect(gate.admit('b', 200)).toBeUndefined(); // another key has its own window
    expect(gate.admit('a', 1_000)).toBeUndefined();
    expect(gate.counts().rateLimited).toBe(1);
  });

  it('records the busiest window over all keys, admitted or not, and starts over on reset', () => {
    const gate = sandboxRateGate({ limit: 1, intervalMs: 1_000 });
    for (const at of [0, 10, 20, 1_500]) gate.received(at);
    expect(gate.counts().maxInWindow).toBe(3);
    gate.reset();
    expect(gate.counts()).toEqual({ rateLimited: 0, maxInWindow: 0 });
  });

  it('admits everything without a rate limit', () => {
    const gate = sandboxRateGate(undefined);
    for (let i = 0; i < 100; i++) expect(gate.admit('a', i)).toBeUndefined();
    expect(gate.windowMs).toBe(60_000);
  });
});
