import type { Money, Vendor } from '@vectis/connector-core';
import { add, div, divInt, formatDec, mulInt, roundDec, sub, ZERO, type Dec } from './decimal';
import type { PreparedPolicy } from './policy';
import { below, HUNDRED, money, sortedUnique, unitMarginPercent, type SkuAnalysis, type SkuRollup } from './rollup';
import { findingId } from './finding-id';
import { seatValueOf } from './prepare';
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
export type ImpactBasis = 'contract_price' | 'msrp' | 'distributor_price' | 'unit_cost' | 'margin_shortfall' | 'contract_revenue' | 'none';

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

/** Findings from one customer + SKU's contract comparison. */
export function contractFindings(a: SkuAnalysis, rollup: SkuRollup, policy: PreparedPolicy, unmappedContracts: number): Finding[] {
  if (!rollup.customer.linked || !a.contractData) return [];
  const out: Finding[] = [];
  const make = base(a, rollup, unmappedContracts);
  const effective = a.effective;
  const contractPrice = contractSeatPrice(a);
  const allEnded = a.lines.length > 0 && a.counted.length === 0 && a.lines.some((l) => l.seatState === 'ended');

  if (a.currencyMismatch && effective.length > 0 && a.counted.length > 0) {
    out.push(make('currency_mismatch', 'review', {
      impactBasis: 'none',
      summary: `PSA bills in ${a.currencyMismatch.revenue.join('/')} but the distributor charges in ${a.currencyMismatch.cost.join('/')}: not compared`,
      action: 'Align the agreement currency with the distributor currency, or supply an explicit FX rate in the policy.',
    }));
  }
  if (allEnded && a.contractedSeats > 0 && a.seatsKnown) {
    const ended = a.lines.filter((l) => l.seatState === 'ended');
    const endDate = ended.map((l) => l.line.endDate).filter((d): d is string => d !== undefined).sort().at(-1);
    const single = a.revenueByCurrency.size === 1 && a.revenueComplete ? [...a.revenueByCurrency.entries()][0] : undefined;
    out.push(make('cancelled_still_billed', 'msp_overbills', {
      seats: a.contractedSeats,
      monthlyImpact: single ? money(single[1], single[0]) : undefined,
      impactBasis: single ? 'contract_revenue' : 'none',
      summary: `every distributor line is cancelled or expired${endDate ? ` (ended ${endDate})` : ''}, yet ${a.contractedSeats} seat(s) are still billed in the PSA`,
      action: `End contract line(s) ${effective.map((c) => c.contract.id).sort().join(', ')} in the PSA${endDate ? ` effective ${endDate}` : ''} and review credits for periods billed after it.`,
      endDate,
    }));
    return out;
  }
  if (!a.seatsKnown || a.counted.length === 0) return out;
  const delta = a.seats - a.contractedSeats;
  if (delta > 0) {
    const value = contractPrice ?? listSeatValue(a);
    out.push(make('uncontracted_seats', 'msp_underbills', {
      seats: delta,
      monthlyImpact: value ? money(mulInt(value.perSeat, delta), value.currency) : undefined,
      impactBasis: value?.basis ?? 'none',
      summary: `${a.seats} distributor seat(s) vs ${a.contractedSeats} contracted: ${delta} uncontracted`,
      action: `Add ${delta} seat(s) to the client's PSA agreement${value ? ` at ${roundDec(value.perSeat, 2)} ${value.currency}/seat/month` : ''}, or reduce the distributor subscription.`,
    }));
  } else if (delta < 0) {
    out.push(make('over_contracted_seats', 'msp_overbills', {
      seats: -delta,
      monthlyImpact: contractPrice ? money(mulInt(contractPrice.perSeat, -delta), contractPrice.currency) : undefined,
      impactBasis: contractPrice ? 'contract_price' : 'none',
      summary: `${a.contractedSeats} contracted seat(s) vs ${a.seats} licensed at the distributor: client billed for ${-delta} seat(s) not licensed`,
      action: `Lower the PSA agreement to ${a.seats} seat(s) (or license the missing seats) and review credits with the client.`,
    }));
  }
  const belowMargin = belowMarginFinding(a, policy, make);
  if (belowMargin) out.push(belowMargin);
  return out;
}

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

type Make = (kind: FindingKind, direction: FindingDirection, fields: FindingFields) => Finding;

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
    monthlyImpact: money(shortfall, c),
    impactBasis: 'margin_shortfall',
    summary: `unit margin ${roundDec(pct, 2)} % is below the ${formatDec(threshold)} % minimum`,
    action: `Raise the PSA price to at least ${roundDec(required, 2)} ${c}/seat/month, or renegotiate the distributor cost.`,
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

// The contract's own monthly price per seat: what the client would be billed for one more seat.
function contractSeatPrice(a: SkuAnalysis): SeatPrice | undefined {
  if (a.revenueByCurrency.size !== 1 || !a.revenueComplete || a.contractedSeats === 0) return undefined;
  for (const [currency, total] of a.revenueByCurrency) return { perSeat: divInt(total, a.contractedSeats), currency, basis: 'contract_price' };
  return undefined;
}

// No contract price: the list price (msrp) first, else the distributor's customer price; never mixed currencies.
function listSeatValue(a: SkuAnalysis): SeatPrice | undefined {
  for (const source of ['msrp', 'distributor_price'] as const) {
    const values = a.counted.map((l) => ({ l, v: seatValueOf(l) })).filter((x) => x.v?.source === source);
    const valued = values.map((x) => x.l);
    const currencies = sortedUnique(values.map((x) => x.v?.currency ?? ''));
    if (valued.length === 0 || currencies.length !== 1) continue;
    const seats = valued.reduce((n, l) => n + l.seats, 0);
    if (seats === 0) continue;
    const total = values.reduce((s, x) => add(s, mulInt(x.v?.monthly ?? ZERO, x.l.seats)), ZERO);
    return { perSeat: divInt(total, seats), currency: currencies[0] as string, basis: source };
  }
  return undefined;
}

// Findings share the rollup's (read-only) arrays, and every finding has the same shape (one
// hidden class): 100k findings must stay cheap to build.
function base(a: SkuAnalysis, rollup: SkuRollup, unmappedContracts: number): Make {
  return (kind, direction, f) => {
    const caveats = unmappedContracts > 0 ? [`${unmappedContracts} contract line(s) of this customer have no SKU mapping and may cover this SKU`] : NONE;
    return {
      id: findingId(kind, rollup.customer.key, a.skuKey),
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
