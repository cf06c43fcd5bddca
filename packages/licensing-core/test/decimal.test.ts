import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { add, decFromInt, div, divInt, formatDec, mulInt, roundDec, sub, type Dec } from '../src/decimal';

// The arithmetic keeps safe integers as plain numbers and switches to BigInt beyond 2^53. These
// properties check every operation against a BigInt-only reference, around that boundary too.
const SCALE = 10n ** 10n;
const MAX = 2n ** 53n - 1n;
const canonical = (v: bigint): Dec => (v <= MAX && v >= -MAX ? Number(v) : v);

function halfEven(n: bigint, d: bigint): bigint {
  let q = n / d;
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const ad = d < 0n ? -d : d;
  if (twice > ad || (twice === ad && (q & 1n) === 1n)) q += (n < 0n) !== (d < 0n) ? -1n : 1n;
  return q;
}

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
