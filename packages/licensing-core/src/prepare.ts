import { termMonths, type Money, type Subscription, type Vendor } from '@vectis/connector-core';
import { add, decFromInt, div, divInt, mul, mulInt, type Dec } from './decimal';
import { readCurrency } from './currency';
import { readAmount } from './money';
import { parseWhen, readVendor, type PreparedPolicy } from './policy';
import { compareText } from './rollup';
import type { CustomerLink, Flag, PsaContractLine } from './types';

/**
 * Why a line's seats do or do not count at `now`. `pending` (not provisioned yet) and `lapsed`
 * (active or suspended, but its term end has passed) are not live; `lapsed` lines can make a
 * contract "cancelled still billed" like `ended` ones.
 */
export type SeatState = 'counted' | 'ended' | 'lapsed' | 'pending' | 'not_recurring' | 'usage' | 'unknown_status' | 'invalid_quantity';

/** A subscription line, resolved against links, mappings and `now`. */
export interface PreparedLine {
  ref: string;
  line: Subscription;
  /** `line.productName`, copied while the input row is in the CPU cache (names the rollup). */
  productName: string;
  /** `line.commitmentTerm` and `line.billingFrequency`, copied likewise (they group the lines). */
  commitmentTerm: Subscription['commitmentTerm'];
  billingFrequency: Subscription['billingFrequency'];
  vendor: Vendor;
  distributorCustomer: string;
  customerKey: string;
  linked: boolean;
  skuKey: string;
  sku: string;
  seats: number;
  seatState: SeatState;
  /** Currency of the cost (ISO 4217, upper-cased), when the line has a readable unit cost. */
  currency: string | undefined;
  /** The line's list price (msrp), when readable and not negative. */
  msrp: Dec | undefined;
  /** Currency of `msrp` (two fields, not an object per line). */
  msrpCurrency: string | undefined;
  /** Monthly cost for all the line's seats; `undefined` when it can't be known without guessing. */
  monthlyCost: Dec | undefined;
  /** Amount basis and months of `pricePeriod`, when a run-rate can be computed (seat value is derived lazily). */
  basis: 'unit' | 'extended' | undefined;
  months: number | undefined;
}

/** A contract line, resolved against mappings and `now`. */
export interface PreparedContract {
  contract: PsaContractLine;
  /** `contract.id`, copied while the input row is in the CPU cache (every rollup lists it). */
  id: string;
  /** False when the PSA does not charge for the line (`billable: false`). */
  billed: boolean;
  customerKey: string;
  skuKey: string | undefined;
  inEffect: boolean;
  /** Seats that count as contracted (recurring, valid, in effect). */
  seats: number;
  currency: string;
  monthlyRevenue: Dec | undefined;
  /** Monthly price of one seat, when the price and period are readable (also for 0-seat lines). */
  unitMonthly: Dec | undefined;
}

/** Builds the link lookup (`<vendor>:<customer>` → `psa:<id>`): only `auto` and `confirmed` links count; `confirmed` wins a conflict. */
export function linkLookup(links: readonly CustomerLink[], policy: PreparedPolicy): Map<string, string> {
  // Per customer the winning link: confirmed before auto, then the smallest PSA id (so input order
  // never decides). One pass keeping the best so far; no sort of every link.
  const best = new Map<CustomerEntry, { rank: number; psaId: string }>();
  for (let i = 0; i < links.length; i++) {
    const link = links[i] as CustomerLink;
    if (link.status !== 'auto' && link.status !== 'confirmed') continue;
    const entry = internCustomer(readVendor(link.vendor) ?? link.vendor, link.customerExternalId, policy);
    const candidate = { rank: rank(link), psaId: String(link.psaCompanyId) };
    const held = best.get(entry);
    if (!held || candidate.rank < held.rank || (candidate.rank === held.rank && compareText(candidate.psaId, held.psaId) < 0)) best.set(entry, candidate);
  }
  const map = new Map<string, string>();
  for (const [entry, link] of best) map.set(entry.key, (entry.psa = internPsaKey(link.psaId, policy)));
  return map;
}

function rank(link: CustomerLink): number {
  return link.status === 'confirmed' ? 0 : 1;
}

/** The comparison key of a distributor SKU: its mapped PSA product, else the SKU itself. */
export function skuKeyFor(vendor: string, sku: string, policy: PreparedPolicy): string {
  return skuEntryFor(vendor, sku, policy).key;
}

/**
 * The SKU's comparison key and one canonical string for the SKU itself: rows of 100k lines carry
 * equal SKU texts as separate strings (one per JSON value), and every later lookup by a canonical
 * string finds its hash already computed and compares by identity.
 */
export function skuEntryFor(vendor: string, sku: string, policy: PreparedPolicy): { key: string; sku: string } {
  let perVendor = policy.skuKeys.get(vendor);
  if (!perVendor) policy.skuKeys.set(vendor, (perVendor = new Map()));
  let entry = perVendor.get(sku);
  if (entry === undefined) {
    const product = policy.skuToProduct.get(`${vendor}|${sku}`) ?? policy.skuToProduct.get(`*|${sku}`);
    entry = { key: internKey(product === undefined ? `sku:${sku}` : `psa:${product}`, policy), sku };
    perVendor.set(sku, entry);
  }
  return entry;
}

/** A distributor customer's shared key (`<vendor>:<id>`) and, once `linkLookup` ran, its PSA key. */
export interface CustomerEntry {
  key: string;
  psa: string | undefined;
}

// One string per SKU key across vendors and contract lines: equal keys are then the same string
// (compared by identity), and each has its hash computed, so unequal keys compare by hash.
function internKey(key: string, policy: PreparedPolicy): string {
  const known = policy.keyTexts.get(key);
  if (known !== undefined) return known;
  policy.keyTexts.set(key, key);
  return key;
}

// One shared string per distributor customer and per PSA company: fewer allocations on 100k lines,
// and each key is hashed once for every Map lookup that follows. The entry carries the link too, so
// a line finds its customer and its link with one lookup.
function internCustomer(vendor: string, id: string, policy: PreparedPolicy): CustomerEntry {
  let perVendor = policy.customerKeys.get(vendor);
  if (!perVendor) policy.customerKeys.set(vendor, (perVendor = new Map()));
  let entry = perVendor.get(id);
  if (entry === undefined) perVendor.set(id, (entry = { key: `${vendor}:${id}`, psa: undefined }));
  return entry;
}

function internPsaKey(id: string, policy: PreparedPolicy): string {
  let key = policy.psaKeys.get(id);
  if (key === undefined) policy.psaKeys.set(id, (key = `psa:${id}`));
  return key;
}

/**
 * Resolves one line; returns `undefined` (with a flag) when its vendor tag is unreadable. Run
 * {@link linkLookup} with the same prepared policy first: it records each link on the customer entry.
 */
export function prepareLine(
  line: Subscription,
  policy: PreparedPolicy,
  nowMs: number,
  flags: Flag[],
): PreparedLine | undefined {
  const vendor = readVendor(line.vendor);
  const ref = `line:${vendor ?? line.vendor}:${line.externalId}`;
  if (vendor === undefined) {
    flags.push({ code: 'unknown_vendor', ref, message: `vendor tag "${String(line.vendor)}" is not a known distributor; line skipped` });
    return undefined;
  }
  const customer = internCustomer(vendor, line.customerExternalId, policy);
  const distributorCustomer = customer.key;
  const psa = customer.psa;
  let sku = line.sku?.trim() ?? '';
  let skuKey: string;
  if (sku === '') {
    sku = line.productExternalId ?? line.productName;
    skuKey = line.productExternalId ? `product:${vendor}:${line.productExternalId}` : `name:${line.productName}`;
    flags.push({ code: 'missing_sku', ref, message: `no SKU; grouped by ${skuKey}` });
  } else {
    const entry = skuEntryFor(vendor, sku, policy);
    skuKey = entry.key;
    sku = entry.sku;
  }

  const endMs = parseWhen(line.endDate);
  const seatState = seatStateOf(line, ref, endMs, nowMs, flags);
  const seats = seatState === 'invalid_quantity' ? 0 : line.quantity;
  const cost = readAmount(line.unitCost, 'unitCost', ref, flags);
  const msrp = line.msrp === undefined ? undefined : readAmount(line.msrp, 'msrp', ref, flags);
  // unitPrice is not a valuation basis (see docs), but a negative or unreadable one is still flagged.
  if (line.unitPrice !== undefined) readAmount(line.unitPrice, 'unitPrice', ref, flags);
  const prepared: PreparedLine = {
    ref, line, productName: line.productName, commitmentTerm: line.commitmentTerm, billingFrequency: line.billingFrequency,
    vendor, distributorCustomer, customerKey: psa ?? distributorCustomer, linked: psa !== undefined, skuKey, sku, seats, seatState,
    currency: cost?.currency, msrp: msrp?.amount, msrpCurrency: msrp?.currency, monthlyCost: undefined, basis: undefined, months: undefined,
  };
  if (seatState !== 'counted') return prepared;
  if (cost === undefined && line.unitCost === undefined) {
    flags.push({ code: 'missing_unit_cost', ref, message: 'no unit cost: seats count, cost and margin are unknown' });
  }
  const basis = basisOf(line, ref, policy, flags);
  const months = termMonths(line.pricePeriod);
  if (months === undefined) {
    flags.push({ code: 'unknown_price_period', ref, message: `price period "${line.pricePeriod}" has no length: no run-rate computed` });
  } else if (basis !== undefined) {
    if (cost !== undefined) prepared.monthlyCost = monthly(cost.amount, basis, seats, months);
    prepared.basis = basis;
    prepared.months = months;
  }
  return prepared;
}

function seatStateOf(line: Subscription, ref: string, endMs: number | undefined, nowMs: number, flags: Flag[]): SeatState {
  const q = line.quantity;
  if (typeof q !== 'number' || !Number.isFinite(q) || q < 0) {
    flags.push({ code: 'negative_quantity', ref, message: `quantity ${String(q)} is not a non-negative number; line excluded` });
    return 'invalid_quantity';
  }
  if (!Number.isInteger(q)) {
    flags.push({ code: 'fractional_quantity', ref, message: `quantity ${q} is not a whole seat count; line excluded, not rounded` });
    return 'invalid_quantity';
  }
  if (line.billingFrequency === 'usage') {
    flags.push({ code: 'usage_not_in_run_rate', ref, message: 'usage-billed line: tracked separately, not in seats or run-rate' });
    return 'usage';
  }
  if (!line.recurring || line.billingFrequency === 'one_time' || line.status === 'trial') {
    flags.push({ code: 'non_recurring', ref, message: 'one-time, trial or activation line: excluded from seats and run-rate' });
    return 'not_recurring';
  }
  if (line.status === 'cancelled' || line.status === 'expired') {
    if (endMs === undefined) {
      flags.push({ code: 'cancelled_without_end_date', ref, message: `${line.status} with no end date: treated as ended` });
      return 'ended';
    }
    return endMs > nowMs ? 'counted' : 'ended';
  }
  if (line.status === 'unknown') {
    flags.push({ code: 'unknown_status', ref, message: `status "${line.rawStatus}" is unknown: seats not counted, comparisons for this SKU withheld` });
    return 'unknown_status';
  }
  // Not provisioned yet: the MSP is not charged for it, so it is listed apart, not as uncontracted seats.
  if (line.status === 'pending') return 'pending';
  if (endMs !== undefined && endMs <= nowMs) {
    flags.push({ code: 'lapsed_term', ref, message: `${line.status} but its term ended ${line.endDate}: not counted as live; check the line at the distributor` });
    return 'lapsed';
  }
  if (line.status === 'suspended') {
    // Microsoft NCE: a suspended subscription keeps billing until its term end, so it keeps counting.
    flags.push({ code: 'suspended_counted', ref, message: 'suspended: seats and cost still count until the term end (NCE keeps billing)' });
  }
  return 'counted';
}

function basisOf(line: Subscription, ref: string, policy: PreparedPolicy, flags: Flag[]): 'unit' | 'extended' | undefined {
  if (line.amountBasis !== 'unknown') return line.amountBasis;
  if (policy.assumeUnit) {
    flags.push({ code: 'assumed_unit_basis', ref, message: 'amount basis unknown: treated as per seat by policy' });
    return 'unit';
  }
  flags.push({ code: 'unknown_amount_basis', ref, message: 'amount basis unknown (unit or extended?): no run-rate computed' });
  return undefined;
}

// Monthly run-rate = amount ÷ months of the period the amount covers (pax8-cli#439 counted 3-year amounts as monthly).
function monthly(amount: Dec, basis: 'unit' | 'extended', seats: number, months: number): Dec {
  return divInt(basis === 'unit' ? mulInt(amount, seats) : amount, months);
}

/**
 * What the client would pay for every seat of one line when no contract price exists: the line's
 * list price (msrp) first, else its unit cost plus the policy's default markup. Computed only when
 * a finding needs it (most SKUs are valued at the contract price).
 */
export function lineListValue(l: PreparedLine, markupPercent: Dec): { basis: 'msrp' | 'unit_cost_markup'; currency: string; monthly: Dec } | undefined {
  const { line, basis, months } = l;
  if (basis === undefined || months === undefined) return undefined;
  if (l.msrp !== undefined && l.msrpCurrency !== undefined) {
    const perSeat = basis === 'unit' ? l.msrp : div(l.msrp, decFromInt(line.quantity));
    if (perSeat !== undefined) return { basis: 'msrp', currency: l.msrpCurrency, monthly: mulInt(divInt(perSeat, months), l.seats) };
  }
  if (l.monthlyCost !== undefined && l.currency !== undefined) {
    const marked = div(mul(l.monthlyCost, add(HUNDRED, markupPercent)), HUNDRED);
    if (marked !== undefined) return { basis: 'unit_cost_markup', currency: l.currency, monthly: marked };
  }
  return undefined;
}

const HUNDRED = decFromInt(100);
const ZERO = decFromInt(0);

const CONTRACT_MONTHS: Record<PsaContractLine['billingPeriod'], number | undefined> = {
  P1M: 1, P1Y: 12, P2Y: 24, P3Y: 36, one_time: undefined, unknown: undefined,
};

/** Resolves one contract line: its SKU key, whether it is in effect at `now`, and its monthly revenue. */
export function prepareContract(contract: PsaContractLine, policy: PreparedPolicy, nowMs: number, flags: Flag[]): PreparedContract {
  const ref = (): string => `contract:${contract.id}`; // built only when flagged (most lines never are)
  let skuKey: string | undefined;
  if (contract.sku) skuKey = skuKeyFor('*', contract.sku, policy);
  else if (contract.productId && policy.mappedProducts.has(contract.productId)) skuKey = internKey(`psa:${contract.productId}`, policy);
  else flags.push({ code: 'contract_unmapped', ref: ref(), message: `product "${contract.productId ?? ''}" has no SKU mapping: add one to compare it` });

  const q = contract.quantity;
  const validQuantity = Number.isInteger(q) && q >= 0;
  if (!validQuantity) {
    flags.push({ code: 'contract_invalid', ref: ref(), message: `quantity ${String(q)} is not a whole seat count; contract excluded` });
  }
  // A bad price (malformed, negative, unknown currency) is flagged; the seats still count as
  // contracted (dropping them would invent uncontracted seats), only the revenue is unknown.
  const price = flagPrice(contract, ref, flags);
  const start = parseWhen(contract.startDate);
  const end = parseWhen(contract.endDate);
  const inEffect =
    validQuantity && contract.status !== 'inactive' &&
    (start === undefined || start <= nowMs) && (end === undefined || nowMs < end) &&
    !(contract.status === 'cancelled' && end === undefined);
  const months = CONTRACT_MONTHS[contract.billingPeriod];
  if (contract.billingPeriod === 'unknown') {
    flags.push({ code: 'contract_unknown_period', ref: ref(), message: 'billing period unknown: seats count, revenue is not computed' });
  }
  const recurring = contract.billingPeriod !== 'one_time';
  return {
    contract, id: contract.id, billed: contract.billable !== false, customerKey: internPsaKey(String(contract.psaCompanyId), policy), skuKey, inEffect: inEffect && recurring,
    seats: inEffect && recurring ? q : 0,
    currency: price?.currency ?? readCurrency(contract.unitPrice?.currency)?.code ?? String(contract.unitPrice?.currency),
    // A line the client is not charged for bills nothing, whatever price the PSA shows on it.
    monthlyRevenue: contract.billable === false ? (inEffect ? ZERO : undefined)
      : inEffect && price !== undefined && months !== undefined ? divInt(mulInt(price.amount, q), months) : undefined,
    unitMonthly: contract.billable !== false && price !== undefined && months !== undefined ? divInt(price.amount, months) : undefined,
  };
}

function flagPrice(contract: PsaContractLine, ref: () => string, flags: Flag[]): { amount: Dec; currency: string } | undefined {
  const price = contract.unitPrice as Money | undefined;
  if (price === undefined) {
    flags.push({ code: 'contract_invalid', ref: ref(), message: 'no unit price: seats count, revenue is not computed' });
    return undefined;
  }
  const before = flags.length;
  const read = readAmount(price, 'unitPrice', ref, flags);
  for (let i = before; i < flags.length; i++) {
    const f = flags[i] as Flag;
    if (f.code === 'invalid_amount') flags[i] = { ...f, code: 'contract_invalid', message: `${f.message}; seats count, revenue is not computed` };
  }
  return read;
}
