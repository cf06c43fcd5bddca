// Exact decimal arithmetic on BigInt scaled integers. Money never touches a JS float: a float
// cannot hold 2.21 exactly, and summing thousands of lines would drift by cents.

/** Decimal places kept internally. Division rounds half-even at this scale; display rounds separately. */
export const SCALE_DIGITS = 10;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const DECIMAL_RE = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A scaled integer: `value / 10^10`. Opaque outside this module. */
export type Dec = bigint;

export const ZERO: Dec = 0n;

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
  if (value !== undefined) remember(parsed, text, value);
  return value;
}

// Prices repeat across thousands of lines and BigInt parsing dominates a 100k-line run: memoize it
// (a pure cache of a pure function, bounded so memory stays flat). Formatting keeps only the last
// value: a Map keyed by BigInt costs more than the conversion it saves.
const CACHE_LIMIT = 50_000;
const parsed = new Map<string, Dec>();
const last = { value: -1n, text: '-0.0000000001' };

function remember<K, V>(cache: Map<K, V>, key: K, value: V): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function parseUncached(text: string): Dec | undefined {
  const m = DECIMAL_RE.exec(text);
  if (!m) return undefined;
  const [, sign, whole, frac = ''] = m;
  const kept = frac.slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  let value = BigInt(whole ?? '0') * SCALE + BigInt(kept);
  const rest = frac.slice(SCALE_DIGITS);
  if (rest.length > 0) value = roundHalfEven(value * 10n ** BigInt(rest.length) + BigInt(rest), 10n ** BigInt(rest.length));
  return sign === '-' ? -value : value;
}

/** An integer (seat count, months) as a decimal. */
export function decFromInt(n: number): Dec {
  return BigInt(n) * SCALE;
}

export function add(a: Dec, b: Dec): Dec {
  return a + b;
}

export function sub(a: Dec, b: Dec): Dec {
  return a - b;
}

export function mul(a: Dec, b: Dec): Dec {
  return roundHalfEven(a * b, SCALE);
}

/** Multiplies by an integer (exact). */
export function mulInt(a: Dec, n: number): Dec {
  return a * BigInt(n);
}

/** Divides, rounding half-even at 10 places; `undefined` for division by zero. */
export function div(a: Dec, b: Dec): Dec | undefined {
  if (b === 0n) return undefined;
  return roundHalfEven(a * SCALE, b);
}

/** Divides by a positive integer (months, seats), rounding half-even at 10 places. */
export function divInt(a: Dec, n: number): Dec {
  return n === 1 ? a : roundHalfEven(a, BigInt(n));
}

export function cmp(a: Dec, b: Dec): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Canonical text: at least two decimals, trailing zeros beyond them trimmed (`"22.10"`, `"3.1571428571"`).
 */
export function formatDec(value: Dec): string {
  if (value === last.value) return last.text;
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(SCALE_DIGITS + 1, '0');
  const cut = digits.length - SCALE_DIGITS;
  let end = digits.length;
  while (end > cut + 2 && digits.charCodeAt(end - 1) === 48) end--; // trim zeros beyond two decimals
  const text = `${negative ? '-' : ''}${digits.slice(0, cut)}.${digits.slice(cut, end)}`;
  last.value = value;
  last.text = text;
  return text;
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

/** {@link roundDecimalString} for an exact value: display text with `places` decimals. */
export function roundDec(value: Dec, places: number): string {
  const step = 10n ** BigInt(SCALE_DIGITS - places);
  const abs = value < 0n ? -value : value;
  const q = (abs + step / 2n) / step;
  const digits = q.toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  const sign = value < 0n && q !== 0n ? '-' : '';
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
