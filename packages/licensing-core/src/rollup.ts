import type { BillingFrequency, Money, Term, Vendor } from '@vectis/connector-core';
import { add, cmp, decFromInt, div, divInt, formatDec, formatUnique, mulInt, sub, ZERO, type Dec } from './decimal';
import { convert, type PreparedPolicy } from './policy';
import type { PreparedContract, PreparedLine } from './prepare';
import { vendorLabelOf } from './label';
import type { CustomerRef } from './types';
import { CurrencySums, singleCurrency } from './sums';
import { NumberMemo } from './memo';

/**
 * Lines of one customer + SKU with the same term, billing frequency and currency, summed.
 *
 * @example
 * for (const g of rollup.groups) console.log(g.commitmentTerm, g.seats, g.unitCostMonthly);
 */
export interface LineGroup {
  commitmentTerm: Term;
  billingFrequency: BillingFrequency;
  /** Cost currency; `undefined` when no line of the group has a readable unit cost. */
  currency: string | undefined;
  seats: number;
  /** Sum of the lines' monthly run-rates; `undefined` unless every counted line has one. */
  monthlyCost: Money | undefined;
  /** `monthlyCost ÷ seats`, rounded half-even at 10 places. */
  unitCostMonthly: Money | undefined;
  vendors: readonly Vendor[];
  lineIds: readonly string[];
}

/**
 * Margin of one customer + SKU, computed only when revenue and cost are complete and comparable.
 *
 * @example
 * if (rollup.margin) console.log(rollup.margin.margin, rollup.margin.marginPercent);
 */
export interface MarginFigure {
  currency: string;
  monthlyRevenue: Money;
  monthlyCost: Money;
  /** Revenue − cost. */
  margin: Money;
  /** margin ÷ revenue × 100; `undefined` when revenue is zero. */
  marginPercent: string | undefined;
  /** (unit revenue − unit cost) ÷ unit revenue × 100: what the below-margin rule checks. */
  unitMarginPercent: string | undefined;
  /** Present when the cost was converted with a supplied FX rate. */
  fxRate?: { from: string; to: string; rate: string } | undefined;
}

/**
 * One customer + SKU across every vendor: the `/licensing` row.
 *
 * @example
 * for (const r of report.rollups) console.log(r.customer.key, r.skus.join('/'), r.seats, r.contractedSeats, r.vendorLabel);
 */
export interface SkuRollup {
  customer: CustomerRef;
  skuKey: string;
  skus: readonly string[];
  productName: string;
  vendors: readonly Vendor[];
  /** "Ingram Micro", "Pax8", "Sherweb", "TD SYNNEX" or "Mixed". */
  vendorLabel: string | undefined;
  /** Distributor seats that count at `now` (recurring, live: not pending, ended or lapsed, known status). */
  seats: number;
  /** Seats on `pending` lines: ordered but not live yet, so not compared. */
  pendingSeats: number;
  /** Contract seats in effect at `now`; `undefined` when the customer is unlinked or has no contract data. */
  contractedSeats: number | undefined;
  /** Read-only (a row without counted lines shares one empty list). */
  groups: readonly LineGroup[];
  /** Read-only: one-currency lists are shared by every row with the same amount. */
  monthlyCost: readonly Money[];
  monthlyRevenue: readonly Money[];
  margin: MarginFigure | undefined;
  /** Why `margin` is missing, when it is. */
  marginUnavailable: string | undefined;
  /** Read-only: shared with this row's groups and findings. */
  lineIds: readonly string[];
  contractIds: readonly string[];
}

/** Internal numbers behind a rollup, kept exact for the findings. */
export interface SkuAnalysis {
  customerKey: string;
  skuKey: string;
  lines: PreparedLine[];
  contracts: PreparedContract[];
  counted: PreparedLine[];
  /** Contract lines in effect at `now`. */
  effective: PreparedContract[];
  seats: number;
  pendingSeats: number;
  /** Distinct cost currencies of the counted lines (seats are never compared across them). */
  lineCurrencies: readonly string[];
  /** False when a line's status is unknown: seat comparisons are withheld. */
  seatsKnown: boolean;
  contractData: boolean;
  contractedSeats: number;
  costByCurrency: CurrencySums;
  costComplete: boolean;
  revenueByCurrency: CurrencySums;
  revenueComplete: boolean;
  margin: { currency: string; revenue: Dec; cost: Dec; fx?: { from: string; rate: Dec } } | undefined;
  marginUnavailable: string | undefined;
  currencyMismatch: { revenue: readonly string[]; cost: readonly string[] } | undefined;
  /** Memo of {@link unitMarginPercent}; `null` until computed. */
  unitMarginPercent: Dec | undefined | null;
}

const NO_CURRENCIES: readonly string[] = Object.freeze([]);

/** Computes the exact figures of one customer + SKU bucket. */
export function analyseSku(
  customerKey: string,
  skuKey: string,
  lines: PreparedLine[],
  contracts: PreparedContract[],
  contractData: boolean,
  policy: PreparedPolicy,
): SkuAnalysis {
  // Plain loops: these run once per customer + SKU (≈100k times), where filter/reduce chains cost.
  // Most buckets count every line and have every contract in effect: then the input arrays are
  // reused (read-only) instead of copied, 2 × 94k fewer arrays per report.
  const counted: PreparedLine[] = allCounted(lines) ? lines : [];
  const copyCounted = counted !== lines;
  const costByCurrency = new CurrencySums();
  let costComplete = true;
  let seats = 0;
  let pendingSeats = 0;
  let seatsKnown = true;
  let lineCurrencies: readonly string[] = NO_CURRENCIES;
  for (const l of lines) {
    if (l.seatState === 'unknown_status') seatsKnown = false;
    if (l.seatState === 'pending') pendingSeats += l.seats;
    if (l.seatState !== 'counted') continue;
    if (copyCounted) counted.push(l);
    seats += l.seats;
    const c = l.currency;
    if (c !== undefined && !lineCurrencies.includes(c)) lineCurrencies = lineCurrencies.length === 0 ? singleCurrency(c) : [...lineCurrencies, c].sort();
    if (l.monthlyCost === undefined || l.currency === undefined) costComplete = false;
    else costByCurrency.add(l.currency, l.monthlyCost);
  }
  const effective: PreparedContract[] = allInEffect(contracts) ? contracts : [];
  const copyEffective = effective !== contracts;
  const revenueByCurrency = new CurrencySums();
  let revenueComplete = true;
  let contractedSeats = 0;
  for (const c of contracts) {
    if (!c.inEffect) continue;
    if (copyEffective) effective.push(c);
    contractedSeats += c.seats;
    if (c.monthlyRevenue === undefined) revenueComplete = false;
    else revenueByCurrency.add(c.currency, c.monthlyRevenue);
  }
  const a: SkuAnalysis = {
    customerKey, skuKey, lines, contracts, counted, effective, seats, pendingSeats, lineCurrencies, seatsKnown, contractData, contractedSeats,
    costByCurrency, costComplete, revenueByCurrency, revenueComplete,
    margin: undefined, marginUnavailable: undefined, currencyMismatch: undefined, unitMarginPercent: null,
  };
  decideMargin(a, policy);
  return a;
}

// Plain loops rather than `every` with a callback (94k rows, two calls each).
function allCounted(lines: readonly PreparedLine[]): boolean {
  for (let i = 0; i < lines.length; i++) if ((lines[i] as PreparedLine).seatState !== 'counted') return false;
  return true;
}

function allInEffect(contracts: readonly PreparedContract[]): boolean {
  for (let i = 0; i < contracts.length; i++) if (!(contracts[i] as PreparedContract).inEffect) return false;
  return true;
}

function decideMargin(a: SkuAnalysis, policy: PreparedPolicy): void {
  const revenueCurrencies = a.revenueByCurrency.currencies();
  const costCurrencies = a.costByCurrency.currencies();
  if (!a.customerKey.startsWith('psa:')) a.marginUnavailable = 'customer not linked to a PSA company';
  else if (a.effective.length === 0) a.marginUnavailable = 'no contract line in effect for this SKU';
  else if (!a.revenueComplete) a.marginUnavailable = 'a contract line has no readable monthly revenue';
  else if (a.counted.length === 0) a.marginUnavailable = 'no distributor seats count at this time';
  else if (!a.costComplete) a.marginUnavailable = 'a distributor line has no monthly run-rate (see flags)';
  else if (revenueCurrencies.length !== 1 || costCurrencies.length !== 1) {
    a.marginUnavailable = 'several currencies on one side: not added together';
    a.currencyMismatch = { revenue: revenueCurrencies, cost: costCurrencies };
  } else {
    const to = revenueCurrencies[0] as string;
    const from = costCurrencies[0] as string;
    const rawCost = a.costByCurrency.get(from) as Dec;
    const cost = convert(rawCost, from, to, policy);
    if (cost === undefined) {
      a.marginUnavailable = `contract in ${to}, distributor cost in ${from}, and no FX rate supplied`;
      a.currencyMismatch = { revenue: revenueCurrencies, cost: costCurrencies };
    } else {
      a.margin = { currency: to, revenue: a.revenueByCurrency.get(to) as Dec, cost };
      if (from !== to) a.margin.fx = { from, rate: policy.fx.get(`${from}|${to}`) as Dec };
    }
  }
}

/** Unit margin percent: (revenue/contracted − cost/seats) ÷ (revenue/contracted) × 100. */
export function unitMarginPercent(a: SkuAnalysis): Dec | undefined {
  if (a.unitMarginPercent !== null) return a.unitMarginPercent;
  a.unitMarginPercent = computeUnitMargin(a);
  return a.unitMarginPercent;
}

function computeUnitMargin(a: SkuAnalysis): Dec | undefined {
  if (!a.margin || a.contractedSeats === 0 || a.seats === 0) return undefined;
  const unitRevenue = divInt(a.margin.revenue, a.contractedSeats);
  const unitCost = divInt(a.margin.cost, a.seats);
  const pct = div(mulInt(sub(unitRevenue, unitCost), 100), unitRevenue);
  return pct;
}

/** Builds the public rollup row from the exact analysis. */
export function toRollup(a: SkuAnalysis, customer: CustomerRef): SkuRollup {
  // Most rows have one line and one contract line: those take no callbacks (the shared helpers'
  // callback calls are megamorphic, so never inlined, and they ran twice per row).
  const one = a.lines.length === 1 ? (a.lines[0] as PreparedLine) : undefined;
  const vendors = one ? sharedSingle(one.vendor) : sharedUniqueOf(a.lines, (l) => l.vendor);
  const lineIds = one ? [one.ref] : uniqueOf(a.lines, (l) => l.ref);
  const monthlyCost = moneyListOf(a.costByCurrency);
  const monthlyRevenue = moneyListOf(a.revenueByCurrency);
  let margin: MarginFigure | undefined;
  if (a.margin) {
    const m = sub(a.margin.revenue, a.margin.cost);
    const pct = div(mulInt(m, 100), a.margin.revenue);
    const unit = unitMarginPercent(a);
    margin = {
      currency: a.margin.currency,
      // Single-currency margins reuse the rollup's Money objects (100k rollups: fewer allocations).
      monthlyRevenue: monthlyRevenue[0] ?? money(a.margin.revenue, a.margin.currency),
      monthlyCost: a.margin.fx ? money(a.margin.cost, a.margin.currency) : (monthlyCost[0] ?? money(a.margin.cost, a.margin.currency)),
      // Margins and their percents repeat less across rows: formatted through a memo of their own.
      margin: uniqueMoney(m, a.margin.currency),
      marginPercent: pct === undefined ? undefined : formatUnique(pct),
      unitMarginPercent: unit === undefined ? undefined : formatUnique(unit),
    };
    if (a.margin.fx) margin.fxRate = { from: a.margin.fx.from, to: a.margin.currency, rate: formatDec(a.margin.fx.rate) };
  }
  // Named by the line with the smallest id (input order must not decide); one line needs no compare.
  let named = a.lines[0];
  for (let i = 1; i < a.lines.length; i++) {
    const l = a.lines[i] as PreparedLine;
    if (l.ref < (named as PreparedLine).ref) named = l;
  }
  return {
    customer, skuKey: a.skuKey,
    // A SKU only the PSA bills (no distributor line) is named by its contract lines.
    skus: one ? sharedSingle(one.sku) : a.lines.length > 0 ? sharedUniqueOf(a.lines, (l) => l.sku)
      : sharedUniqueOf(a.contracts, (c) => c.contract.sku ?? c.contract.productId ?? a.skuKey),
    productName: named?.productName ?? a.contracts[0]?.contract.description ?? a.skuKey,
    vendors, vendorLabel: vendorLabelOf(vendors),
    seats: a.seats,
    pendingSeats: a.pendingSeats,
    contractedSeats: a.contractData ? a.contractedSeats : undefined,
    // A single group holding every line shares the row's arrays.
    groups: lineGroups(a.counted, monthlyCost, a.counted.length === a.lines.length ? { vendors, lineIds } : undefined),
    monthlyCost,
    monthlyRevenue,
    margin, marginUnavailable: a.marginUnavailable,
    lineIds,
    contractIds: a.contracts.length === 1 ? [(a.contracts[0] as PreparedContract).id] : uniqueOf(a.contracts, (c) => c.id),
  };
}

// Group by (term, billing frequency, currency): two subscriptions for one product are normal (pax8-cli#63).
type Shared = { vendors: readonly Vendor[]; lineIds: readonly string[] };

function lineGroups(counted: PreparedLine[], totals: readonly Money[], shared: Shared | undefined): readonly LineGroup[] {
  if (counted.length === 0) return NO_GROUPS;
  if (counted.length === 1) return [toGroup(counted, totals, shared)];
  // A customer + SKU has a handful of lines: a linear scan beats a Map keyed by concatenated text.
  const groups: PreparedLine[][] = [];
  for (const l of counted) {
    const list = groups.find((g) => sameGroup(g[0] as PreparedLine, l));
    if (list) list.push(l);
    else groups.push([l]);
  }
  if (groups.length === 1) return [toGroup(counted, totals, shared)];
  return groups
    .map((ls) => ({ key: groupKey(ls[0] as PreparedLine), ls }))
    .sort((x, y) => compareText(x.key, y.key))
    .map(({ ls }) => toGroup(ls, totals, undefined));
}

function sameGroup(a: PreparedLine, b: PreparedLine): boolean {
  return a.commitmentTerm === b.commitmentTerm && a.billingFrequency === b.billingFrequency && a.currency === b.currency;
}

function groupKey(l: PreparedLine): string {
  return `${l.commitmentTerm}|${l.billingFrequency}|${l.currency ?? ''}`;
}

function toGroup(ls: PreparedLine[], totals: readonly Money[], shared: Shared | undefined): LineGroup {
  const first = ls[0] as PreparedLine;
  let seats = 0;
  let complete = true;
  let total: Dec = ZERO;
  for (let i = 0; i < ls.length; i++) {
    const l = ls[i] as PreparedLine;
    seats += l.seats;
    if (l.monthlyCost === undefined) complete = false;
    else total = add(total, l.monthlyCost);
  }
  const currency = first.currency;
  return {
    commitmentTerm: first.commitmentTerm,
    billingFrequency: first.billingFrequency,
    currency,
    seats,
    monthlyCost: complete && currency ? sameMoney(totals, total, currency, shared !== undefined) : undefined,
    unitCostMonthly: complete && currency && seats > 0 ? money(divInt(total, seats), currency) : undefined,
    vendors: shared?.vendors ?? sortedUnique(ls.map((l) => l.vendor)),
    lineIds: shared?.lineIds ?? sortedUnique(ls.map((l) => l.ref)),
  };
}

// The rollup total in this currency when it is the same amount, else the group's own Money. A group
// holding every line of a one-currency row (`whole`) has exactly the row's total: no formatting.
function sameMoney(totals: readonly Money[], amount: Dec, currency: string, whole: boolean): Money {
  if (whole && totals.length === 1 && (totals[0] as Money).currency === currency) return totals[0] as Money;
  const m = money(amount, currency);
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i] as Money;
    if (t.currency === currency && t.amount === m.amount) return t;
  }
  return m;
}

/** Adds `amount` to the sum kept under `key` (a currency, or a customer within one currency). */
export function addTo(map: Map<string, Dec>, key: string, amount: Dec): void {
  map.set(key, add(map.get(key) ?? ZERO, amount));
}

/**
 * The report's Money for an exact amount. Amounts repeat across 100k rows (seats × a few prices),
 * so a frozen object per currency and value is shared by the rows that show it, through a small
 * fixed cache: fewer objects for the GC to copy, and a consumer cannot change one row's figure
 * through another. Memory stays flat.
 */
export function money(amount: Dec, currency: string): Money {
  return moneyOne(amount, currency)[0];
}

/** A frozen Money for an amount that repeats less (see {@link formatUnique}); not shared. */
export function uniqueMoney(amount: Dec, currency: string): Money {
  return Object.freeze({ amount: formatUnique(amount), currency });
}

/**
 * The frozen one-element list holding {@link money}'s Money: the memo keeps the list, so a row's
 * one-currency cost or revenue list costs the same single lookup as its Money.
 */
function moneyOne(amount: Dec, currency: string): readonly [Money] {
  if (typeof amount !== 'number') return Object.freeze([Object.freeze({ amount: formatDec(amount), currency })] as const);
  const memo = moniesOf(currency);
  let one = memo.get(amount);
  if (one === undefined) memo.set(amount, (one = Object.freeze([Object.freeze({ amount: formatDec(amount), currency })] as const)));
  return one;
}

// One memo per currency (a handful exist); the last one used is kept at hand (most rows share it).
const MONIES = new Map<string, NumberMemo<readonly [Money]>>();
let lastCurrency: string | undefined;
let lastMonies: NumberMemo<readonly [Money]> | undefined;
function moniesOf(currency: string): NumberMemo<readonly [Money]> {
  if (currency === lastCurrency) return lastMonies as NumberMemo<readonly [Money]>;
  let memo = MONIES.get(currency);
  if (!memo) {
    if (MONIES.size >= 16) MONIES.clear(); // bounded: any text may arrive as a currency
    MONIES.set(currency, (memo = new NumberMemo<readonly [Money]>(13)));
  }
  lastCurrency = currency;
  lastMonies = memo;
  return memo;
}

/**
 * {@link moneyList} of per-currency sums. Read-only: a one-currency list is a frozen array shared by
 * every row showing that amount (two lists per row, 94k rows), like the Money in it.
 */
export function moneyListOf(sums: CurrencySums): readonly Money[] {
  const n = sums.size;
  if (n === 0) return NO_MONEY;
  if (n === 1) return moneyOne(sums.amountAt(0), sums.currencyAt(0));
  return sums.currencies().map((c) => money(sums.get(c) as Dec, c));
}

const NO_MONEY: readonly Money[] = Object.freeze([]);

/** Per-currency amounts, sorted by currency code (never summed across). */
export function moneyList(map: Map<string, Dec>): Money[] {
  if (map.size <= 1) {
    for (const [c, v] of map) return [money(v, c)];
    return [];
  }
  return [...map.entries()].sort(([a], [b]) => compareText(a, b)).map(([c, v]) => money(v, c));
}

export function sortedUnique<T extends string>(items: T[]): T[] {
  if (items.length <= 1) return items;
  if (items.length === 2) {
    const [x, y] = items as [T, T];
    return x === y ? [x] : x < y ? items : [y, x];
  }
  return [...new Set(items)].sort();
}

/** Sorted distinct `pick(item)`; one- and zero-item lists (most rows) skip `map` and the Set. */
export function uniqueOf<I, T extends string>(items: readonly I[], pick: (item: I) => T): readonly T[] {
  if (items.length === 0) return NO_TEXT as readonly T[];
  if (items.length === 1) return [pick(items[0] as I)];
  return sortedUnique(items.map(pick));
}

/**
 * Like {@link uniqueOf}, but a one-value result is a frozen array shared by every row with that
 * value (vendors and SKUs: a few hundred distinct values over 100k rows). Bounded.
 */
export function sharedUniqueOf<I, T extends string>(items: readonly I[], pick: (item: I) => T): readonly T[] {
  let value: T;
  if (items.length === 1) value = pick(items[0] as I);
  else {
    const list = uniqueOf(items, pick);
    if (list.length !== 1) return list;
    value = list[0] as T;
  }
  return sharedSingle(value);
}

/** The frozen one-value list shared by every row with that value. Bounded. */
export function sharedSingle<T extends string>(value: T): readonly T[] {
  let shared = SHARED_SINGLES.get(value);
  if (!shared) {
    if (SHARED_SINGLES.size >= 20_000) SHARED_SINGLES.clear();
    SHARED_SINGLES.set(value, (shared = Object.freeze([value])));
  }
  return shared as readonly T[];
}

const SHARED_SINGLES = new Map<string, readonly string[]>();
// Shared empty lists: most rows have no contract, or no counted line, or no line at all.
const NO_TEXT: readonly string[] = Object.freeze([]);
const NO_GROUPS: readonly LineGroup[] = Object.freeze([]);


/** Code-unit order: deterministic and locale-independent (and far faster than `localeCompare`). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `a` is below `b`. */
export function below(a: Dec, b: Dec): boolean {
  return cmp(a, b) < 0;
}

export const HUNDRED = decFromInt(100);
