import type { Money, Vendor } from '@vectis/connector-core';
import { add, decFromInt, div, divInt, formatDec, mulInt, roundDec, sub, ZERO, type Dec } from './decimal';
import type { PreparedPolicy } from './policy';
import { below, HUNDRED, money, sortedUnique, uniqueMoney, unitMarginPercent, type SkuAnalysis, type SkuRollup } from './rollup';
import { findingId } from './finding-id';
import { TextMemo } from './memo';
import { flat } from './text';
import { lineListValue } from './prepare';
import type { CustomerRef } from './types';

/**
 * What a finding is about.
 *
 * @example
 * const seatKinds: FindingKind[] = ['uncontracted_seats', 'over_contracted_seats'];
 */
export type FindingKind =
  | 'uncontracted_seats'
  | 'over_contracted_seats'
  | 'below_margin'
  | 'cancelled_still_billed'
  | 'billed_without_license'
  | 'unused_seats'
  | 'currency_mismatch';

/**
 * Which way the money goes. `msp_underbills`: the client is billed less than the MSP pays for or
 * than policy allows. `msp_overbills`: the client is billed for seats or services not delivered.
 * `pays_for_unused`: the MSP pays the distributor for seats nobody uses. `review`: not a number
 * (e.g. the two sides are in different currencies).
 *
 * @example
 * const credits = findings.filter((f) => f.direction === 'msp_overbills');
 */
export type FindingDirection = 'msp_underbills' | 'msp_overbills' | 'pays_for_unused' | 'review';

/**
 * How a finding's money was valued.
 *
 * @example
 * if (finding.impactBasis === 'msrp') note('valued at list price: no contract price');
 */
export type ImpactBasis =
  | 'contract_price'
  | 'msrp'
  | 'unit_cost_markup'
  | 'mixed'
  | 'unit_cost'
  | 'margin_shortfall'
  | 'contract_revenue'
  | 'none';

/**
 * When seats can be reduced at the distributor.
 *
 * @example
 * const r: Reduction = { when: 'at_renewal', renewalDate: '2027-03-01', reason: 'P1Y commitment' };
 */
export interface Reduction {
  when: 'now' | 'at_renewal';
  /** Renewal (or term end) date, when the distributor gave one. */
  renewalDate?: string | undefined;
  reason: string;
}

/**
 * One Money Found row, keyed by customer + SKU. `monthlyImpact` is absent when it can't be known
 * without guessing (never a zero).
 *
 * @example
 * for (const f of report.moneyFound.findings) console.log(f.id, f.direction, f.monthlyImpact, f.action);
 */
export interface Finding {
  /** Stable across runs: a hash of kind + customer + SKU key (not amounts, not input order). */
  id: string;
  kind: FindingKind;
  direction: FindingDirection;
  customer: CustomerRef;
  skuKey: string;
  skus: readonly string[];
  vendors: readonly Vendor[];
  vendorLabel: string | undefined;
  /** Seats the finding is about (uncontracted, over-contracted, unused), when it is about seats. */
  seats?: number | undefined;
  monthlyImpact?: Money | undefined;
  impactBasis: ImpactBasis;
  summary: string;
  action: string;
  /** Read-only: findings share these arrays with the rollups (and with each other). */
  evidence: { lineIds: readonly string[]; contractIds: readonly string[]; snapshotAsOf: readonly string[]; endDate?: string | undefined };
  reduction?: Reduction | undefined;
  /** `low` when something the finding depends on is uncertain; `caveats` says what. */
  confidence: 'high' | 'low';
  caveats: readonly string[];
}

/** Findings from one customer + SKU's contract comparison (linked customers whose PSA data was supplied). */
export function contractFindings(a: SkuAnalysis, rollup: SkuRollup, policy: PreparedPolicy, unmappedContracts: number): Finding[] {
  if (!rollup.customer.linked || !a.contractData) return [];
  const out: Finding[] = [];
  const make = base(a, rollup, unmappedContracts);
  const effective = a.effective;
  const contractPrice = contractSeatPrice(a);
  // Lapsed lines (active, term end passed) end the licence just like cancelled or expired ones.
  const endedLines = a.counted.length === 0 ? a.lines.filter((l) => l.seatState === 'ended' || l.seatState === 'lapsed') : NO_LINES;
  const allEnded = a.lines.length > 0 && a.counted.length === 0 && endedLines.length > 0;

  if (a.currencyMismatch && effective.length > 0 && a.counted.length > 0) {
    out.push(make('currency_mismatch', 'review', {
      impactBasis: 'none',
      summary: flat`PSA bills in ${a.currencyMismatch.revenue.join('/') || 'an unreadable currency'} but the distributor charges in ${a.currencyMismatch.cost.join('/')}: not compared`,
      action: 'Align the agreement currency with the distributor currency, or supply an explicit FX rate in the policy.',
    }));
  }
  if (a.lines.length === 0 && a.contractedSeats > 0) {
    out.push(make('billed_without_license', 'msp_overbills', {
      seats: a.contractedSeats,
      ...revenueImpact(a),
      summary: BILLED_SUMMARY.get(a.contractedSeats, 0, 0, '') ?? BILLED_SUMMARY.put(a.contractedSeats, 0, 0, '',
        flat`${a.contractedSeats} seat(s) billed in the PSA, but no distributor line licenses this SKU for the client`),
      action: flat`Check whether the licence sits under a distributor customer or tenant that is not linked to this client (link it), else end contract line(s) ${ids(effective)} in the PSA and review credits.`,
    }));
    return out;
  }
  if (allEnded && a.contractedSeats > 0 && a.seatsKnown) {
    const endDate = endedLines.map((l) => l.line.endDate).filter((d): d is string => d !== undefined).sort().at(-1);
    const lapsed = endedLines.some((l) => l.seatState === 'lapsed');
    out.push(make('cancelled_still_billed', 'msp_overbills', {
      seats: a.contractedSeats,
      ...revenueImpact(a),
      summary: flat`every distributor line is cancelled, expired or past its term end${endDate ? ` (ended ${endDate})` : ''}, yet ${a.contractedSeats} seat(s) are still billed in the PSA`,
      action: flat`End contract line(s) ${ids(effective)} in the PSA${endDate ? ` effective ${endDate}` : ''} and review credits for periods billed after it${lapsed ? ' (or renew the lapsed distributor line)' : ''}.`,
      endDate,
    }));
    return out;
  }
  if (!a.seatsKnown || a.counted.length === 0) return out;
  if (a.lineCurrencies.length > 1) {
    // Seats in two currencies are two different purchases: never summed into one count.
    if (a.contractedSeats === 0) {
      for (const c of a.lineCurrencies) pushUncontracted(out, a, make, policy, c);
      if (a.counted.some((l) => l.currency === undefined)) pushUncontracted(out, a, make, policy, NO_COST);
    }
    else if (!a.currencyMismatch) {
      out.push(make('currency_mismatch', 'review', {
        impactBasis: 'none',
        summary: flat`distributor seats in ${a.lineCurrencies.join(' and ')} for one SKU: not added together, so not compared with the ${a.contractedSeats} contracted seat(s)`,
        action: 'Compare the seats per currency by hand, or move the lines onto one distributor account and currency.',
      }));
    }
    return out;
  }
  const delta = a.seats - a.contractedSeats;
  if (delta > 0) {
    if (contractPrice) {
      out.push(make('uncontracted_seats', 'msp_underbills', {
        seats: delta,
        monthlyImpact: money(mulInt(contractPrice.perSeat, delta), contractPrice.currency),
        impactBasis: 'contract_price',
        summary: UNCONTRACTED_SUMMARY.get(a.seats, a.contractedSeats, 0, '') ?? UNCONTRACTED_SUMMARY.put(a.seats, a.contractedSeats, 0, '',
          flat`${a.seats} distributor seat(s) vs ${a.contractedSeats} contracted: ${delta} uncontracted`),
        action: UNCONTRACTED_ACTION.get(delta, contractPrice.perSeat, 0, contractPrice.currency) ?? UNCONTRACTED_ACTION.put(delta, contractPrice.perSeat, 0, contractPrice.currency,
          flat`Add ${delta} seat(s) to the client's PSA agreement at ${roundDec(contractPrice.perSeat, 2)} ${contractPrice.currency}/seat/month, or reduce the distributor subscription.`),
      }));
    } else pushUncontracted(out, a, make, policy, undefined);
  } else if (delta < 0) {
    out.push(make('over_contracted_seats', 'msp_overbills', {
      seats: -delta,
      monthlyImpact: contractPrice ? money(mulInt(contractPrice.perSeat, -delta), contractPrice.currency) : undefined,
      impactBasis: contractPrice ? 'contract_price' : 'none',
      summary: OVER_SUMMARY.get(a.contractedSeats, a.seats, 0, '') ?? OVER_SUMMARY.put(a.contractedSeats, a.seats, 0, '',
        flat`${a.contractedSeats} contracted seat(s) vs ${a.seats} licensed at the distributor: client billed for ${-delta} seat(s) not licensed`),
      action: OVER_ACTION.get(a.seats, 0, 0, '') ?? OVER_ACTION.put(a.seats, 0, 0, '',
        flat`Lower the PSA agreement to ${a.seats} seat(s) (or license the missing seats) and review credits with the client.`),
    }));
  }
  const belowMargin = belowMarginFinding(a, policy, make);
  if (belowMargin) out.push(belowMargin);
  return out;
}

function ids(contracts: SkuAnalysis['effective']): string {
  if (contracts.length === 1) return (contracts[0] as SkuAnalysis['effective'][number]).id;
  return contracts.map((c) => c.id).sort().join(', ');
}

function revenueImpact(a: SkuAnalysis): { monthlyImpact: Money | undefined; impactBasis: ImpactBasis } {
  const r = a.revenueByCurrency;
  const single = r.size === 1 && a.revenueComplete;
  return { monthlyImpact: single ? money(r.amountAt(0), r.currencyAt(0)) : undefined, impactBasis: single ? 'contract_revenue' : 'none' };
}

// No contract price for these seats: every line valued on its own (msrp, else cost + markup).
// `currency` restricts to the lines of one cost currency (a SKU bought in two currencies).
function pushUncontracted(out: Finding[], a: SkuAnalysis, make: Make, policy: PreparedPolicy, currency: string | undefined): void {
  const lines = currency === undefined ? a.counted : a.counted.filter((l) => (l.currency ?? NO_COST) === currency);
  const seats = lines.reduce((n, l) => n + l.seats, 0);
  const delta = currency === undefined ? a.seats - a.contractedSeats : seats;
  if (delta <= 0) return;
  const value = listValue(lines, seats, delta, policy);
  const noContract = a.contractedSeats === 0;
  out.push(make('uncontracted_seats', 'msp_underbills', {
    seats: delta,
    monthlyImpact: value ? money(value.total, value.currency) : undefined,
    impactBasis: value?.basis ?? 'none',
    summary: noContract
      ? flat`${seats} live distributor seat(s)${currency && currency !== NO_COST ? ` billed in ${currency}` : ''} and no contract line for this SKU: all uncontracted${value ? ` (valued at ${BASIS_TEXT[value.basis]})` : ''}`
      : flat`${a.seats} distributor seat(s) vs ${a.contractedSeats} contracted: ${delta} uncontracted${value ? ` (valued at ${BASIS_TEXT[value.basis]})` : ''}`,
    action: flat`Add ${delta} seat(s) to the client's PSA agreement${value ? ` (about ${roundDec(value.total, 2)} ${value.currency}/month)` : ''}, or reduce the distributor subscription.`,
  }, currency));
}

/** The part of a two-currency SKU whose lines have no readable cost. */
const NO_COST = 'no-cost';

const BASIS_TEXT: Record<'msrp' | 'unit_cost_markup' | 'mixed', string> = {
  msrp: 'the list price (msrp)',
  unit_cost_markup: 'unit cost plus the default markup',
  mixed: 'the list price where known, else unit cost plus the default markup',
};

// Sum of the lines' own values; for only part of the seats (contract seats exist but have no
// usable price), the same share of it. Unvalued when a line has no value or currencies differ.
function listValue(lines: readonly SkuAnalysis['counted'][number][], seats: number, delta: number, policy: PreparedPolicy):
  { total: Dec; currency: string; basis: 'msrp' | 'unit_cost_markup' | 'mixed' } | undefined {
  let total: Dec = ZERO;
  let currency: string | undefined;
  let basis: 'msrp' | 'unit_cost_markup' | 'mixed' | undefined;
  for (const l of lines) {
    if (l.seats === 0) continue;
    const v = lineListValue(l, policy.markup);
    if (v === undefined || (currency !== undefined && v.currency !== currency)) return undefined;
    currency = v.currency;
    basis = basis === undefined || basis === v.basis ? v.basis : 'mixed';
    total = add(total, v.monthly);
  }
  if (currency === undefined || basis === undefined || seats === 0) return undefined;
  return { total: delta === seats ? total : (div(mulInt(total, delta), decFromInt(seats)) as Dec), currency, basis };
}

const NO_LINES: SkuAnalysis['lines'] = [];

// The common texts, memoized by what they are built from (see TextMemo): rows share equal texts.
const BILLED_SUMMARY = new TextMemo();
const UNCONTRACTED_SUMMARY = new TextMemo();
const UNCONTRACTED_ACTION = new TextMemo();
const OVER_SUMMARY = new TextMemo();
const OVER_ACTION = new TextMemo();
const MARGIN_SUMMARY = new TextMemo();
const MARGIN_ACTION = new TextMemo();

// One frozen empty list shared by every finding without caveats or snapshots (100k findings).
const NONE: readonly string[] = Object.freeze([]);

interface FindingFields {
  seats?: number | undefined;
  monthlyImpact?: Money | undefined;
  impactBasis: ImpactBasis;
  summary: string;
  action: string;
  endDate?: string | undefined;
}

/** `part` (a currency) keeps two findings of one kind, customer and SKU apart in their ids. */
type Make = (kind: FindingKind, direction: FindingDirection, fields: FindingFields, part?: string) => Finding;

function belowMarginFinding(a: SkuAnalysis, policy: PreparedPolicy, make: Make): Finding | undefined {
  const pct = unitMarginPercent(a);
  if (pct === undefined || !a.margin) return undefined;
  const threshold = thresholdFor(a, policy);
  if (!below(pct, threshold)) return undefined;
  const unitRevenue = divInt(a.margin.revenue, a.contractedSeats);
  const unitCost = divInt(a.margin.cost, a.seats);
  // The smallest unit price meeting policy: cost ÷ (1 − min%) = cost × 100 ÷ (100 − min%).
  const required = div(mulInt(unitCost, 100), sub(HUNDRED, threshold)) as Dec;
  const shortfall = mulInt(sub(required, unitRevenue), a.contractedSeats);
  const c = a.margin.currency;
  return make('below_margin', 'msp_underbills', {
    monthlyImpact: uniqueMoney(shortfall, c), // shortfalls repeat less: kept out of the main memo
    impactBasis: 'margin_shortfall',
    summary: MARGIN_SUMMARY.get(pct, threshold, 0, '') ?? MARGIN_SUMMARY.put(pct, threshold, 0, '',
      flat`unit margin ${roundDec(pct, 2)} % is below the ${formatDec(threshold)} % minimum`),
    action: MARGIN_ACTION.get(required, 0, 0, c) ?? MARGIN_ACTION.put(required, 0, 0, c,
      flat`Raise the PSA price to at least ${roundDec(required, 2)} ${c}/seat/month, or renegotiate the distributor cost.`),
  });
}

function thresholdFor(a: SkuAnalysis, policy: PreparedPolicy): Dec {
  if (a.skuKey.startsWith('psa:')) {
    const byProduct = policy.minMarginBySku.get(a.skuKey.slice(4));
    if (byProduct !== undefined) return byProduct;
  }
  if (policy.minMarginBySku.size === 0) return policy.minMargin;
  for (const sku of sortedUnique(a.lines.map((l) => l.sku))) {
    const bySku = policy.minMarginBySku.get(sku);
    if (bySku !== undefined) return bySku;
  }
  return policy.minMargin;
}

interface SeatPrice {
  perSeat: Dec;
  currency: string;
  basis: ImpactBasis;
}

// A contract line in effect with 0 seats still states the client's price for the SKU: used when
// every such line agrees on one monthly unit price in one currency.
function zeroSeatPrice(a: SkuAnalysis): SeatPrice | undefined {
  let found: SeatPrice | undefined;
  for (const c of a.effective) {
    if (c.unitMonthly === undefined) return undefined;
    if (found && (found.currency !== c.currency || found.perSeat !== c.unitMonthly)) return undefined;
    found = { perSeat: c.unitMonthly, currency: c.currency, basis: 'contract_price' };
  }
  return found;
}

// The contract's own monthly price per seat: what the client would be billed for one more seat.
function contractSeatPrice(a: SkuAnalysis): SeatPrice | undefined {
  if (a.contractedSeats === 0) return zeroSeatPrice(a);
  if (a.revenueByCurrency.size !== 1 || !a.revenueComplete) return undefined;
  // Seats the client is not charged for (billable: false) bill nothing, so they never set the price of one more seat.
  let billed = 0;
  for (const c of a.effective) if (c.billed) billed += c.seats;
  if (billed === 0) return undefined;
  return { perSeat: divInt(a.revenueByCurrency.amountAt(0), billed), currency: a.revenueByCurrency.currencyAt(0), basis: 'contract_price' };
}

// Findings share the rollup's (read-only) arrays, and every finding has the same shape (one
// hidden class): 100k findings must stay cheap to build.
function base(a: SkuAnalysis, rollup: SkuRollup, unmappedContracts: number): Make {
  return (kind, direction, f, part) => {
    const caveats = unmappedContracts > 0 ? [`${unmappedContracts} contract line(s) of this customer have no SKU mapping and may cover this SKU`] : NONE;
    return {
      id: findingId(kind, rollup.customer.key, part === undefined ? a.skuKey : `${a.skuKey}|${part}`),
      kind, direction, customer: rollup.customer, skuKey: a.skuKey,
      skus: rollup.skus, vendors: rollup.vendors, vendorLabel: rollup.vendorLabel,
      seats: f.seats, monthlyImpact: f.monthlyImpact, impactBasis: f.impactBasis, summary: f.summary, action: f.action,
      evidence: { lineIds: rollup.lineIds, contractIds: rollup.contractIds, snapshotAsOf: NONE, endDate: f.endDate },
      reduction: undefined,
      confidence: caveats.length > 0 ? 'low' : 'high',
      caveats,
    };
  };
}
