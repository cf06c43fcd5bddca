import { describe, expect, it } from 'vitest';
import { NumberMemo, TextMemo } from '../src/memo';
import { flat } from '../src/text';

describe('fixed-size memos (pure caches: a miss is always safe, a hit must be the same key)', () => {
  it('NumberMemo gives back only what was stored under that exact number', () => {
    const m = new NumberMemo<string>(4); // 16 slots: keys collide often
    for (let i = 0; i < 1_000; i++) m.set(i * 100_000_000, String(i));
    let hits = 0;
    for (let i = 0; i < 1_000; i++) {
      const got = m.get(i * 100_000_000);
      if (got !== undefined) {
        hits++;
        expect(got).toBe(String(i)); // a collision overwrote or kept, never answered for another key
      }
    }
    expect(hits).toBeGreaterThan(0);
    expect(hits).toBeLessThanOrEqual(16);
    expect(m.get(0.5)).toBeUndefined();
  });

  it('TextMemo matches all three numbers and the tag, and never memoizes bigint keys', () => {
    const t = new TextMemo();
    expect(t.put(3, 5, 0, 'USD', 'three-five-USD')).toBe('three-five-USD');
    expect(t.get(3, 5, 0, 'USD')).toBe('three-five-USD');
    expect(t.get(3, 5, 0, 'EUR')).toBeUndefined();
    expect(t.get(5, 3, 0, 'USD')).toBeUndefined();
    expect(t.get(3, 5, 1, 'USD')).toBeUndefined();
    expect(t.put(10n ** 20n, 0, 0, '', 'big')).toBe('big');
    expect(t.get(10n ** 20n, 0, 0, '')).toBeUndefined();
  });

  it('flat builds the same text as a template literal, undefined included', () => {
    const v: string | undefined = undefined;
    const n = 42;
    expect(flat`a${n}b${v}c${'x'}`).toBe(`a${n}b${v}c${'x'}`);
    expect(flat`no values`).toBe('no values');
  });
});
