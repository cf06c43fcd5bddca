import type { Money } from '@vectis/connector-core';

// Value conversions for Pax8's wire formats: JSON-number money, mixed date / date-time strings,
// offsets without a colon. Pure, never throw: unreadable input gives `undefined` (unknown), never 0.

/**
 * A JSON number as the exact decimal string it was written as. `JSON.parse` keeps the shortest
 * round-trip form, so `String(n)` gives back the vendor's digits (up to 17 significant); only the
 * exponent form (`1.5e-7`) needs expanding.
 *
 * @example
 * decimalString(15.39) // '15.39'
 * decimalString(1.5e-7) // '0.00000015'
 */
export function decimalString(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, fraction = '', exp] = match as unknown as [string, string, string, string | undefined, string];
  const digits = `${lead}${fraction}`;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * A Pax8 amount (JSON number) plus the subscription's `currencyCode` → exact `Money`. A missing
 * amount or currency gives `undefined`: an amount without a currency is never emitted.
 *
 * @example
 * toMoney(11.39, 'usd') // { amount: '11.39', currency: 'USD' }
 */
export function toMoney(amount: number | null | undefined, currency: string | null | undefined): Money | undefined {
  if (typeof amount !== 'number') return undefined;
  const code = currency?.trim().toUpperCase();
  const decimal = decimalString(amount);
  if (!decimal || !code || !/^[A-Z]{3}$/.test(code)) return undefined;
  return { amount: decimal, currency: code };
}

const DATE_ONLY = /^(\d{4}-\d{2}-\d{2})$/;
// `2023-08-11T11:33:12.314-0600`, `2021-01-01T08:30:00Z`, `2000-10-31T01:30:00.000-05:00`, or no zone.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2}|[+-]\d{2})?$/i;

/**
 * A Pax8 date field → `YYYY-MM-DD` when the vendor sent a plain date (no time zone is invented),
 * else the UTC instant (`…Z`). Offsets without a colon (`-0600`) are read; a date-time without a
 * zone is taken as UTC (Pax8's examples use `Z` or an explicit offset). Unreadable → `undefined`.
 *
 * @example
 * pax8Date('2023-08-11T11:33:12.314-0600') // '2023-08-11T17:33:12.314Z'
 * pax8Date('2020-11-18') // '2020-11-18'
 */
export function pax8Date(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const day = DATE_ONLY.exec(text);
  if (day) return isRealDay(text) ? text : undefined;
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [, datePart, timePart, zone] = m as unknown as [string, string, string, string | undefined];
  let offset = 'Z';
  if (zone && zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    offset = `${digits.slice(0, 3)}:${digits.slice(3, 5) || '00'}`;
  }
  const time = timePart.length === 5 ? `${timePart}:00` : timePart;
  // Date.parse handles at most milliseconds reliably; extra fraction digits are truncated.
  const trimmed = time.replace(/(\.\d{3})\d+$/, '$1');
  const ms = Date.parse(`${datePart}T${trimmed}${offset}`);
  return Number.isNaN(ms) || !isRealDay(datePart) ? undefined : new Date(ms).toISOString();
}

function isRealDay(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}

/** Trimmed non-empty text, else `undefined`. */
export function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Drops `undefined` properties (the normalized schemas use `exactOptionalPropertyTypes`). */
export function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/** Own keys only: a vendor value such as "constructor" must not hit Object.prototype. */
export function lookup<T extends string>(table: Record<string, T>, key: string | undefined): T | 'unknown' {
  return key !== undefined && Object.hasOwn(table, key) ? (table[key] as T) : 'unknown';
}

/**
 * Exact sum of decimal strings (as `decimalString` writes them): scaled integers, never floats.
 * The result keeps the largest number of fraction digits of its inputs.
 *
 * @example
 * addDecimals(['100.56', '46.56', '0.005']) // '147.125'
 */
export function addDecimals(values: readonly string[]): string {
  const scale = Math.max(0, ...values.map((v) => v.split('.')[1]?.length ?? 0));
  let total = 0n;
  for (const v of values) {
    const negative = v.startsWith('-');
    const [whole = '0', fraction = ''] = (negative ? v.slice(1) : v).split('.');
    const scaled = BigInt(`${whole}${fraction.padEnd(scale, '0')}`);
    total += negative ? -scaled : scaled;
  }
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, '0');
  const out = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${out}` : out;
}
