import type { Money } from '@vectis/connector-core';
import type { SynnexSubscription } from './schemas';

// The one place that decides what Ion's amounts mean (docs/connectors/synnex.md "Pricing", and the
// live checklist). NOTES §4: "per unit vs extended is not stated" [U]; the sample has price 49.99,
// cost 39.99, total 49.99.
//
// 1. `price` → unitPrice (reseller sell), `cost` → unitCost (reseller cost), `msrp` → msrp, in
//    `currency` (else `billingCurrency`). Ion sends JSON numbers; they are read as the decimal they
//    were written as (shortest round-trip form), never used in float arithmetic.
// 2. Basis: with 1 seat, unit and extended are the same amount → `unit`. With more seats, `total`
//    decides: total = price × seats → `unit`; total = price → `extended`; otherwise `unknown`.
// 3. Period: the billing cycle (`subscriptionBillingCycle`), see mappers.
// 4. Fallback when neither `price` nor `cost` is sent: the last `billingData[]` entry in the same
//    currency (customerCost → unitPrice, sellerCost → unitCost) as an **extended** amount for the
//    billed period. Product pricing (`/products/{id}` recurringPrice) is list price, one request per
//    product, and is not used.

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * An Ion amount (JSON number or string) as an exact decimal string; `undefined` when absent or unreadable.
 *
 * @example
 * decimal(49.99) // '49.99'
 * decimal('1e3') // undefined
 */
export function decimal(value: number | string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = (typeof value === 'number' ? String(value) : value).trim();
  return DECIMAL.test(text) ? text.replace(/^(-?)0+(?=\d)/, '$1') : undefined;
}

function currencyOf(value: string | null | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

function money(value: number | string | null | undefined, currency: string | undefined): Money | undefined {
  const amount = decimal(value);
  return amount !== undefined && currency ? { amount, currency } : undefined;
}

/** Decimal string → scaled BigInt pair, for exact comparisons. */
function scaled(a: string): { n: bigint; scale: number } {
  const [whole = '0', fraction = ''] = a.replace('-', '').split('.');
  const n = BigInt(`${whole}${fraction}`) * (a.startsWith('-') ? -1n : 1n);
  return { n, scale: fraction.length };
}

function equalDecimals(a: { n: bigint; scale: number }, b: { n: bigint; scale: number }): boolean {
  const scale = Math.max(a.scale, b.scale);
  return a.n * 10n ** BigInt(scale - a.scale) === b.n * 10n ** BigInt(scale - b.scale);
}

export interface LinePricing {
  unitPrice?: Money | undefined;
  unitCost?: Money | undefined;
  msrp?: Money | undefined;
  amountBasis: 'unit' | 'extended' | 'unknown';
  /** Where the amounts came from, kept in `raw` for the live checklist. */
  source: 'subscription' | 'billingData' | 'none';
}

/**
 * Prices of one subscription line, per the rules above.
 *
 * @example
 * linePricing({ price: 49.99, cost: 39.99, total: 499.9, currency: 'USD' } as SynnexSubscription, 10).amountBasis // 'unit'
 */
export function linePricing(raw: SynnexSubscription, quantity: number): LinePricing {
  const currency = currencyOf(raw.currency) ?? currencyOf(raw.billingCurrency);
  const unitPrice = money(raw.price, currency);
  const unitCost = money(raw.cost, currency);
  if (unitPrice || unitCost) {
    return { unitPrice, unitCost, msrp: money(raw.msrp, currency), amountBasis: basis(raw, quantity), source: 'subscription' };
  }
  const entries = (raw.billingData ?? []).filter((b) => currencyOf(b.currency) && (!currency || currencyOf(b.currency) === currency));
  const last = entries.at(-1);
  if (last) {
    const c = currencyOf(last.currency);
    const price = money(last.customerCost, c);
    const cost = money(last.sellerCost, c);
    if (price || cost) return { unitPrice: price, unitCost: cost, amountBasis: 'extended', source: 'billingData' };
  }
  return { amountBasis: 'unknown', source: 'none' };
}

function basis(raw: SynnexSubscription, quantity: number): LinePricing['amountBasis'] {
  if (quantity === 1) return 'unit';
  const price = decimal(raw.price);
  const total = decimal(raw.total);
  if (price === undefined || total === undefined || !Number.isInteger(quantity) || quantity < 1) return 'unknown';
  const p = scaled(price);
  const t = scaled(total);
  if (equalDecimals({ n: p.n * BigInt(quantity), scale: p.scale }, t)) return 'unit';
  if (equalDecimals(p, t)) return 'extended';
  return 'unknown';
}
