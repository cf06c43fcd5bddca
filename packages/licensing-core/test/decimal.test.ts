import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, decFromInt, div, divInt, formatDec, mulInt, roundDec, sub, type Dec } from '../src/decimal';

// The arithmetic keeps safe integers as plain numbers and switches to BigInt beyond 2^53. These
// properties check every operation against a BigInt-only reference, around that boundary too.
const SCALE = 10n ** 10n;
const MAX = 2n ** 53n - 1n;
const canonical = (v: bigint): Dec => (v <= MAX && v >= -MAX ? Number(v) : v);

// An independent formulation of half-to-even (floor plus doubled remainder), not a copy of the
// implementation, so a rounding bug in src cannot hide behind an identical reference.
function halfEven(n: bigint, d: bigint): bigint {
  if (d < 0n) [n, d] = [-n, -d];
  let floor = n / d;
  if (n % d !== 0n && n < 0n) floor -= 1n;
  const rem2 = (n - floor * d) * 2n; // in [0, 2d)
  if (rem2 !== d) return rem2 < d ? floor : floor + 1n;
  return floor % 2n === 0n ? floor : floor + 1n;
}

it('the reference rounds half to even', () => {
  // 5/2 = 2.5 → 2; 7/2 = 3.5 → 4; -5/2 → -2; -7/2 → -4; 7/3 = 2.33 → 2; -8/3 = -2.67 → -3
  expect([halfEven(5n, 2n), halfEven(7n, 2n), halfEven(-5n, 2n), halfEven(-7n, 2n), halfEven(7n, 3n), halfEven(-8n, 3n)]).toEqual([2n, 4n, -2n, -4n, 2n, -3n]);
});

function text(v: bigint): string {
  const digits = (v < 0n ? -v : v).toString().padStart(11, '0');
  const cut = digits.length - 10;
  let end = digits.length;
  while (end > cut + 2 && digits[end - 1] === '0') end--;
  return `${v < 0n ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
}

// Values near zero, near 2^53 and beyond it, with a sign.
const value = fc.oneof(
  fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }),
  fc.bigInt({ min: MAX - 10n ** 6n, max: MAX + 10n ** 6n }).map((v) => v * (v % 2n === 0n ? 1n : -1n)),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);
const divisor = fc.oneof(fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 2n ** 52n }), fc.bigInt({ min: 1n, max: 10n ** 18n }));

describe('decimal fast path', () => {
  it('adds, subtracts and multiplies exactly across the 2^53 boundary, in canonical form', () => {
    fc.assert(fc.property(value, value, fc.integer({ min: -1000, max: 1000 }), (a, b, n) => {
      expect(add(canonical(a), canonical(b))).toStrictEqual(canonical(a + b));
      expect(sub(canonical(a), canonical(b))).toStrictEqual(canonical(a - b));
      expect(mulInt(canonical(a), n)).toStrictEqual(canonical(a * BigInt(n)));
    }), { numRuns: 2000 });
    expect(decFromInt(900_720)).toBe(9_007_200_000_000_000n); // just over 2^53: a bigint
    expect(decFromInt(900_719)).toBe(9_007_190_000_000_000);
  });

  it('divides half-even exactly like BigInt division, ties included', () => {
    fc.assert(fc.property(value, divisor, fc.boolean(), (a, b, negative) => {
      const d = negative ? -b : b;
      expect(div(canonical(a), canonical(d))).toStrictEqual(canonical(halfEven(a * SCALE, d)));
      const n = Number(b % 1000n) + 1;
      expect(divInt(canonical(a), n)).toStrictEqual(canonical(halfEven(a, BigInt(n))));
    }), { numRuns: 2000 });
    // exact ties: 1 ÷ 2e10 and 3 ÷ 2e10 (scaled) round to the even neighbour
    expect(div(1, 2 * 10 ** 10)).toBe(0);
    expect(div(3, 2 * 10 ** 10)).toBe(2);
    expect(div(-3, 2 * 10 ** 10)).toBe(-2);
  });

  it('formats and rounds for display the same from either representation', () => {
    fc.assert(fc.property(value, fc.integer({ min: 0, max: 10 }), (a, places) => {
      expect(formatDec(canonical(a))).toBe(text(a));
      expect(roundDec(canonical(a), places)).toBe(roundDec(a, places));
    }), { numRuns: 2000 });
    expect(formatDec(9_007_199_254_740_991)).toBe('900719.9254740991');
    expect(formatDec(-29_999_999_999)).toBe('-2.9999999999');
  });
});
