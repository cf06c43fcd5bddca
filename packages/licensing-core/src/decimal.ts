import { NumberMemo } from './memo';

// Exact decimal arithmetic on scaled integers (value × 10^10). Money never touches a fractional JS
// float: a float cannot hold 2.21 exactly, and summing thousands of lines would drift by cents.
//
// Representation: a scaled integer is a plain `number` while it is a safe integer (|v| ≤ 2^53 − 1,
// i.e. amounts up to about 900,719.9254740991), else a `bigint`. Integer arithmetic on safe
// integers is exact, and every operation below checks that its result is still safe before
// trusting it, falling back to BigInt otherwise. The form is canonical (a value that fits is always
// a number), so `===` and Map lookups still compare values. Why: BigInt arithmetic allocates a heap
// object per operation, and on 100k-line reports that was most of the run time and GC.

/** Decimal places kept internally. Division rounds half-even at this scale; display rounds separately. */
export const SCALE_DIGITS = 10;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const SCALE_NUM = 1e10;
const MAX = Number.MAX_SAFE_INTEGER;
const MAX_BIG = BigInt(MAX);
const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A scaled integer: `value / 10^10`, a safe-integer number or else a bigint. Opaque outside this module. */
export type Dec = number | bigint;

export const ZERO: Dec = 0;

/** True when `text` is a plain decimal string such as `"12.50"` or `"-3"`. */
export function isDecimalString(text: unknown): text is string {
  return typeof text === 'string' && DECIMAL_RE.test(text);
}

/**
 * Parses a decimal string exactly; `undefined` when it is not one. Digits beyond the 10th
 * decimal place are rounded half-even (no distributor sends that many).
 */
export function parseDec(text: string): Dec | undefined {
  const hit = parsed.get(text);
  if (hit !== undefined) return hit;
  const value = parseUncached(text);
  if (value !== undefined) {
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    parsed.set(text, value);
  }
  return value;
}

// Prices repeat across thousands of lines: memoize parsing (a pure cache of a pure function,
// bounded so memory stays flat).
const CACHE_LIMIT = 50_000;
const parsed = new Map<string, Dec>();

function parseUncached(text: string): Dec | undefined {
  const m = DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const [, sign, whole, frac = ''] = m;
  const kept = frac.slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  let value = BigInt(whole ?? '0') * SCALE + BigInt(kept);
  const rest = frac.slice(SCALE_DIGITS);
  if (rest.length > 0) value = roundHalfEven(value * 10n ** BigInt(rest.length) + BigInt(rest), 10n ** BigInt(rest.length));
  return norm(sign === '-' ? -value : value);
}

// Canonical form: a number whenever the value is a safe integer.
function norm(v: bigint): Dec {
  return v <= MAX_BIG && v >= -MAX_BIG ? Number(v) : v;
}

function big(v: Dec): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

// A float result of exact integer operands is exact when it lands in the safe range: any true
// result beyond ±(2^53 − 1) rounds to a float beyond it too. `+ 0` turns −0 into 0.
function safe(v: number): boolean {
  return v <= MAX && v >= -MAX;
}

/** An integer (seat count, months) as a decimal. */
export function decFromInt(n: number): Dec {
  const v = n * SCALE_NUM;
  return safe(v) ? v + 0 : norm(BigInt(n) * SCALE);
}

export function add(a: Dec, b: Dec): Dec {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a + b;
    if (safe(s)) return s;
  }
  return norm(big(a) + big(b));
}

export function sub(a: Dec, b: Dec): Dec {
  if (typeof a === 'number' && typeof b === 'number') {
    const s = a - b;
    if (safe(s)) return s;
  }
  return norm(big(a) - big(b));
}

export function mul(a: Dec, b: Dec): Dec {
  return norm(roundHalfEven(big(a) * big(b), SCALE));
}

/** Multiplies by an integer (exact). */
export function mulInt(a: Dec, n: number): Dec {
  if (typeof a === 'number') {
    const p = a * n;
    if (safe(p)) return p + 0;
  }
  return norm(big(a) * BigInt(n));
}

/** Divides, rounding half-even at 10 places; `undefined` for division by zero. */
export function div(a: Dec, b: Dec): Dec | undefined {
  if (b === 0 || b === 0n) return undefined;
  if (typeof a === 'number' && typeof b === 'number' && b < DIV_LIMIT && b > -DIV_LIMIT) {
    const q = divSafe(a < 0 ? -a : a, b < 0 ? -b : b);
    if (q !== undefined) return (a < 0) !== (b < 0) ? -q + 0 : q;
  }
  return norm(roundHalfEven(big(a) * SCALE, big(b)));
}

// |a| × 10^10 ÷ |b| rounded half-even, by long division several decimal digits at a time: each
// step takes as many digits k as keep remainder × 10^k (< b × 10^k) a safe integer, so no BigInt
// is needed (for a divisor like 36.00, four digits a step: three steps, not ten). `undefined` when
// the integer part is too large for the result to be a safe integer.
const DIV_LIMIT = 2 ** 49; // 10 × b must stay safe
const POW10 = Array.from({ length: SCALE_DIGITS + 1 }, (_, i) => 10 ** i);
function divSafe(a: number, b: number): number | undefined {
  let q = Math.floor(a / b);
  let r = a - q * b;
  if (r < 0) {
    q--; // the float quotient rounded up
    r += b;
  }
  if (q >= 900_000) return undefined;
  let step = SCALE_DIGITS;
  while (step > 1 && b * (POW10[step] as number) > MAX) step--;
  for (let left = SCALE_DIGITS; left > 0; ) {
    const k = step < left ? step : left;
    const p = POW10[k] as number;
    const n = r * p;
    let d = Math.floor(n / b);
    r = n - d * b;
    if (r < 0) {
      d--; // the float quotient rounded up to the next integer
      r += b;
    }
    q = q * p + d;
    left -= k;
  }
  if (r * 2 > b || (r * 2 === b && q % 2 === 1)) q++;
  return q;
}

/** Divides by a positive integer (months, seats), rounding half-even at 10 places. */
export function divInt(a: Dec, n: number): Dec {
  if (n === 1) return a;
  if (typeof a === 'number') {
    const r = a % n; // exact on safe integers; sign of `a`
    let q = (a - r) / n; // exact: a − r is a multiple of n
    if (r !== 0) {
      const twice = (r < 0 ? -r : r) * 2;
      if (twice > n || (twice === n && q % 2 !== 0)) q += a < 0 ? -1 : 1;
    }
    return q + 0;
  }
  return norm(roundHalfEven(a, BigInt(n)));
}

export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0; // number and bigint compare by value
}

/**
 * Canonical text: at least two decimals, trailing zeros beyond them trimmed (`"22.10"`, `"3.1571428571"`).
 */
export function formatDec(value: Dec): string {
  if (typeof value === 'number') return formatSafe(value);
  return formatBig(value);
}

/**
 * {@link formatDec} for a value that repeats less (a row's margin or margin percent): kept in a memo
 * of its own, so these values never push out the amounts that repeat most (about half still hit).
 */
export function formatUnique(value: Dec): string {
  if (typeof value !== 'number') return formatBig(value);
  let text = lessFrequent.get(value);
  if (text === undefined) lessFrequent.set(value, (text = formatSafeUncached(value)));
  return text;
}

const lessFrequent = new NumberMemo<string>(12);

function formatBig(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(SCALE_DIGITS + 1, '0');
  const cut = digits.length - SCALE_DIGITS;
  let end = digits.length;
  while (end > cut + 2 && digits.charCodeAt(end - 1) === 48) end--; // trim zeros beyond two decimals
  return `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
}

// Amounts repeat (a price list has few distinct prices; 100k rollups print a few thousand values):
// one shared flat string per value instead of a fresh rope per call, through a small fixed cache.
const formatted = new NumberMemo<string>();

function formatSafe(value: number): string {
  const hit = formatted.get(value);
  if (hit !== undefined) return hit;
  const text = formatSafeUncached(value);
  formatted.set(value, text);
  return text;
}

function formatSafeUncached(value: number): string {
  // Split into small integers (V8 Smis): float `%` and double-to-string are slow.
  const negative = value < 0;
  const abs = negative ? -value : value;
  let whole = Math.floor(abs / SCALE_NUM);
  let frac = abs - whole * SCALE_NUM; // exact: both sides are safe integers
  if (frac < 0) {
    // the float quotient rounded up to the next integer (abs just below a multiple of 10^10)
    whole--;
    frac += SCALE_NUM;
  }
  const hi = Math.floor(frac / 1e5); // first five decimals
  const lo = frac - hi * 1e5; // last five
  const sign = negative ? '-' : '';
  // Most amounts have two decimals ("42.00"): one table lookup.
  if (lo === 0 && hi % 1000 === 0) return `${sign}${whole}.${CENTS[hi / 1000] as string}`;
  return `${sign}${whole}.${fraction(hi, lo)}`;
}

const CENTS = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** Decimal digits of the fraction, written right to left (a reused buffer of ten). */
const DIGITS: number[] = new Array<number>(SCALE_DIGITS).fill(48);

// The ten decimals `hi` (first five) and `lo` (last five) as text without trailing zeros beyond
// two: one string from character codes instead of pad/trim pieces (margins and percents, which
// rarely repeat, are formatted ~300k times a report).
function fraction(hi: number, lo: number): string {
  for (let i = 9, v = lo; i >= 5; i--) {
    const d = v % 10;
    DIGITS[i] = 48 + d;
    v = (v - d) / 10;
  }
  for (let i = 4, v = hi; i >= 0; i--) {
    const d = v % 10;
    DIGITS[i] = 48 + d;
    v = (v - d) / 10;
  }
  let end = SCALE_DIGITS;
  while (end > 2 && DIGITS[end - 1] === 48) end--;
  const c = DIGITS as [number, number, number, number, number, number, number, number, number, number];
  switch (end) {
    case 2: return String.fromCharCode(c[0], c[1]);
    case 3: return String.fromCharCode(c[0], c[1], c[2]);
    case 4: return String.fromCharCode(c[0], c[1], c[2], c[3]);
    case 5: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4]);
    case 6: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5]);
    case 7: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
    case 8: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]);
    case 9: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]);
    default: return String.fromCharCode(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9]);
  }
}

/**
 * Rounds a decimal string to `places` decimals, half away from zero, for display only.
 *
 * @example
 * roundDecimalString('3.1571428571', 2) // '3.16'
 */
export function roundDecimalString(text: string, places: number): string {
  const value = parseDec(text);
  return value === undefined ? text : roundDec(value, places);
}

const STEPS = Array.from({ length: SCALE_DIGITS + 1 }, (_, i) => 10 ** (SCALE_DIGITS - i));

/** {@link roundDecimalString} for an exact value: display text with `places` decimals. */
export function roundDec(value: Dec, places: number): string {
  // Finding texts print a few distinct prices 100k times: memoized per number of places.
  if (typeof value === 'number' && places >= 0 && places <= SCALE_DIGITS) {
    const memo = (ROUNDED[places] ??= new NumberMemo<string>());
    let text = memo.get(value);
    if (text === undefined) memo.set(value, (text = roundUncached(value, places)));
    return text;
  }
  return roundUncached(value, places);
}

const ROUNDED: (NumberMemo<string> | undefined)[] = [];

function roundUncached(value: Dec, places: number): string {
  let q: number | bigint;
  const step = STEPS[places];
  if (typeof value === 'number' && step !== undefined) {
    const abs = value < 0 ? -value : value;
    const r = abs % step;
    q = (abs - r) / step + (r * 2 >= step ? 1 : 0); // half away from zero
  } else {
    const bigStep = 10n ** BigInt(SCALE_DIGITS - places);
    const v = big(value);
    q = ((v < 0n ? -v : v) + bigStep / 2n) / bigStep;
  }
  const digits = q.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  const sign = value < 0 && q > 0 ? '-' : '';
  return places === 0 ? `${sign}${whole}` : `${sign}${whole}.${frac}`;
}

// Integer division n / d rounded half to even (banker's rounding), so long sums carry no bias.
// One BigInt division only: the remainder comes from a multiplication.
function roundHalfEven(n: bigint, d: bigint): bigint {
  let q = n / d; // truncates toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  const ad = d < 0n ? -d : d;
  if (twice > ad || (twice === ad && (q & 1n) === 1n)) q += (n < 0n) !== (d < 0n) ? -1n : 1n;
  return q;
}
