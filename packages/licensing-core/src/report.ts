import type { Money, Subscription, Vendor } from '@vectis/connector-core';
import { sub, ZERO } from './decimal';
import { coverageOf, comparisonReasons, rollupReasons, sourceReasons, type CoverageBase } from './coverage';
export type { DriftReport } from './drift-report';
import { analyseSku, compareText, money, toRollup, type SkuAnalysis, type SkuRollup } from './rollup';
import { driftReport, noteLine, snapshotSet, type DriftReport } from './drift-report';
import { contractFindings, type Finding } from './findings';
import { idKey, sortById } from './finding-id';
import { CurrencySums } from './sums';
import { labelOfVendor, vendorLabelOf, type QbrVendorLabel } from './label';
import { parseNow, preparePolicy } from './policy';
import { linkLookup, prepareContract, prepareLine, type PreparedContract, type PreparedLine } from './prepare';
import type { AuditedScope } from './money-found';
import type { CustomerRef, Flag, LicensingInput, ResultCoverage } from './types';

/**
 * Per-currency totals over the same rows: `margin` = `monthlyRevenue` − `monthlyCost` exactly.
 * `costWithoutRevenue` is the part of the cost on rows with no revenue in this currency (unlinked
 * customers, SKUs nobody bills); `revenueWithoutCost` the reverse.
 *
 * @example
 * for (const t of report.rollups.totals) console.log(t.currency, t.monthlyCost.amount, t.margin.amount, t.costWithoutRevenue.amount);
 */
export interface CurrencyTotals {
  currency: string;
  monthlyCost: Money;
  monthlyRevenue: Money;
  /** Revenue − cost over every row of this currency. */
  margin: Money;
  /** Cost of rows with no revenue in this currency against it. */
  costWithoutRevenue: Money;
  /** The part of `costWithoutRevenue` on unlinked distributor customers (never compared). */
  unlinkedCost: Money;
  /** Revenue of rows with no cost in this currency against it (e.g. billed without a licence). */
  revenueWithoutCost: Money;
  /** Rows whose own margin could be computed (same currency or an FX rate). */
  skusWithMargin: number;
}

/**
 * A distributor line that is ordered but not live yet (`pending`): listed, never counted or compared.
 *
 * @example
 * for (const p of report.seats.pending) console.log(p.lineId, p.seats);
 */
export interface PendingLine {
  lineId: string;
  customerKey: string;
  skuKey: string;
  sku: string;
  seats: number;
}

/**
 * One customer's rollup summary.
 *
 * @example
 * for (const c of report.customers) console.log(c.customer.key, c.vendorLabel, c.totals);
 */
export interface CustomerSummary {
  customer: CustomerRef;
  vendorLabel: QbrVendorLabel | undefined;
  totals: CurrencyTotals[];
  skus: number;
}

/**
 * Everything the licensing tab, Money Found and the digest need, each section with its coverage.
 *
 * @example
 * const report = computeLicensingReport(input);
 * if (report.moneyFound.coverage.status === 'not_audited') console.warn('Not audited:', report.moneyFound.coverage.reasons);
 */
export interface LicensingReport {
  now: string;
  qbrVendorLabel: QbrVendorLabel | undefined;
  customers: CustomerSummary[];
  rollups: { items: SkuRollup[]; totals: CurrencyTotals[]; coverage: ResultCoverage };
  seats: { uncontracted: Finding[]; overContracted: Finding[]; pending: PendingLine[]; coverage: ResultCoverage };
  margins: {
    belowMargin: Finding[];
    cancelledStillBilled: Finding[];
    /** Contract seats billed for a SKU the client has no distributor line for (`billed_without_license`). */
    billedWithoutLicense: Finding[];
    currencyMismatches: Finding[];
    coverage: ResultCoverage;
  };
  drift: DriftReport;
  /** `audited`: per finding kind, the customers fully compared this run (pass it to `trackFindings`). */
  moneyFound: { findings: Finding[]; audited: AuditedScope; coverage: ResultCoverage };
  /** Contract lines that could not be compared because their product has no SKU mapping. */
  unmappedContracts: { id: string; psaCompanyId: string; productId: string | undefined }[];
  /** Contract lines in effect for a SKU the customer has no distributor line for (sourced elsewhere?). */
  contractsWithoutDistributorLines: string[];
  flags: Flag[];
}

/**
 * Computes margins, uncontracted and over-contracted seats, below-margin and cancelled-still-billed
 * SKUs, week-over-week drift, unused seats and the Money Found rows. Pure: no I/O, no clock.
 * Throws `ConfigurationError` for a bad `now` or policy; bad rows become `flags`, never zeros.
 *
 * @example
 * const report = computeLicensingReport({ subscriptions, contracts, links, snapshots,
 *   policy: { minMarginPercent: '20' }, now: '2026-11-26T06:00:00Z' });
 * console.log(formatLicensingReport(report));
 */
export function computeLicensingReport(input: LicensingInput): LicensingReport {
  const nowMs = parseNow(input.now);
  const policy = preparePolicy(input.policy);
  const flags: Flag[] = [];
  const links = linkLookup(input.links, policy);
  const snapshots = snapshotSet(input.snapshots ?? [], flags);
  const lines: PreparedLine[] = [];
  for (let i = 0; i < input.subscriptions.length; i++) {
    const s = input.subscriptions[i] as Subscription;
    const l = prepareLine(s, policy, nowMs, flags);
    if (l === undefined) continue;
    lines.push(l);
    noteLine(snapshots, l, s.externalId);
  }
  const contracts = input.contracts.map((c) => prepareContract(c, policy, nowMs, flags));

  const refs = new Map<string, CustomerRef>();
  const refOf = (key: string): CustomerRef => {
    let ref = refs.get(key);
    if (!ref) {
      ref = { key, linked: key.startsWith('psa:'), distributorCustomers: [], ...(key.startsWith('psa:') ? { psaCompanyId: key.slice(4) } : {}) };
      refs.set(key, ref);
    }
    return ref;
  };
  // Per customer: its reference and its SKU buckets, found with one lookup per line.
  const nodes = new Map<string, CustomerNode>();
  const nodeOf = (key: string): CustomerNode => {
    let n = nodes.get(key);
    if (!n) nodes.set(key, (n = { ref: refOf(key), skuKeys: [], buckets: [], index: undefined, contracts: false }));
    return n;
  };
  // One pass over the lines for the buckets and everything the coverage and labels need later.
  const unlinked = new Set<string>();
  const lineVendors = new Set<Vendor>();
  const pending: PendingLine[] = [];
  // Index loops throughout: this function runs once per report, mostly before V8 optimizes it, and an
  // unoptimized for-of allocates an iterator result per element (a million per report).
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] as PreparedLine;
    if (l.seatState === 'pending') pending.push({ lineId: l.ref, customerKey: l.customerKey, skuKey: l.skuKey, sku: l.sku, seats: l.seats });
    const node = nodeOf(l.customerKey);
    const ref = node.ref;
    if (!ref.distributorCustomers.includes(l.distributorCustomer)) ref.distributorCustomers.push(l.distributorCustomer);
    if (!l.linked) unlinked.add(l.distributorCustomer);
    lineVendors.add(l.vendor);
    const b = bucketOf(node, l.skuKey);
    if (b.lines === NO_LINES) b.lines = [l];
    else b.lines.push(l);
  }
  const customerKeys = [...refs.keys()].sort(); // so far, exactly the customers with lines
  for (const ref of refs.values()) ref.distributorCustomers.sort();

  const unmappedByCustomer = new Map<string, number>();
  for (let i = 0; i < contracts.length; i++) {
    const c = contracts[i] as PreparedContract;
    const node = nodeOf(c.customerKey);
    node.contracts = true;
    if (c.skuKey === undefined) unmappedByCustomer.set(c.customerKey, (unmappedByCustomer.get(c.customerKey) ?? 0) + 1);
    else {
      const b = bucketOf(node, c.skuKey);
      if (b.contracts === NO_CONTRACTS) b.contracts = [c];
      else b.contracts.push(c);
    }
  }
  const customersWithContracts = new Set<string>();
  for (const [key, node] of nodes) if (node.contracts) customersWithContracts.add(key);
  // Whose PSA data was supplied: a company listed in psaDataSuppliedFor or with any contract line;
  // without the list, everyone as soon as there is any contract line.
  const supplied = input.psaDataSuppliedFor ? new Set(input.psaDataSuppliedFor.map((id) => `psa:${id}`)) : undefined;
  const psaData = (key: string): boolean => (supplied ? supplied.has(key) || customersWithContracts.has(key) : contracts.length > 0);

  // One pass per customer + SKU; the exact analysis dies young (cheap for the GC on 100k lines).
  const items: SkuRollup[] = [];
  const contractFound: Finding[] = [];
  const foundKeys: number[] = []; // sort keys of `contractFound`, taken while each id is fresh
  // Findings by kind, filled while each finding is fresh in the CPU cache (a later pass over 100k
  // findings scattered in the heap costs a cache miss per finding).
  const kinds = new Map<Finding['kind'], Finding[]>();
  const totalsAcc = new TotalsAcc();
  const customerSummaries: CustomerSummary[] = [];
  const contractsWithoutDistributorLines: string[] = [];
  // Customers with a comparison withheld somewhere: their old findings of that kind must not resolve.
  const seatsWithheld = new Set<string>();
  const marginWithheld = new Set<string>();
  // Customer, then SKU order: sorting 10k customers and a few SKUs each beats sorting 100k pairs,
  // and everything per customer (its reference, PSA data, accumulator) is looked up once.
  const customerOrder = [...nodes.keys()].sort();
  for (let i = 0; i < customerOrder.length; i++) {
    const customerKey = customerOrder[i] as string;
    const node = nodes.get(customerKey) as CustomerNode;
    const ref = node.ref;
    const contractData = ref.linked && psaData(customerKey);
    const unmapped = unmappedByCustomer.get(customerKey) ?? 0;
    const customerTotals = new TotalsAcc();
    // The customer's label: its one vendor's, or "Mixed" (no Set per customer).
    let vendor: Vendor | undefined;
    let mixed = false;
    const skuOrder = bucketsInOrder(node);
    for (let j = 0; j < skuOrder.length; j++) {
      const b = skuOrder[j] as Bucket;
      const a = analyseSku(customerKey, b.skuKey, b.lines, b.contracts, contractData, policy);
      const rollup = toRollup(a, ref);
      items.push(rollup);
      const found = contractFindings(a, rollup, policy, unmapped);
      for (let k = 0; k < found.length; k++) {
        const f = found[k] as Finding;
        contractFound.push(f);
        foundKeys.push(idKey(f.id));
        const list = kinds.get(f.kind);
        if (list) list.push(f);
        else kinds.set(f.kind, [f]);
      }
      totalsAcc.add(a, ref.linked);
      customerTotals.add(a, ref.linked);
      for (let k = 0; k < rollup.vendors.length; k++) {
        const v = rollup.vendors[k] as Vendor;
        if (vendor === undefined) vendor = v;
        else if (v !== vendor) mixed = true;
      }
      if (a.lines.length === 0) {
        for (let k = 0; k < a.contracts.length; k++) {
          const c = a.contracts[k] as PreparedContract;
          if (c.inEffect) contractsWithoutDistributorLines.push(c.id);
        }
      }
      if (!a.seatsKnown) seatsWithheld.add(customerKey);
      if (!a.margin && a.counted.length > 0 && a.effective.length > 0) marginWithheld.add(customerKey);
    }
    customerSummaries.push({ customer: ref, vendorLabel: mixed ? 'Mixed' : vendor === undefined ? undefined : labelOfVendor(vendor), totals: customerTotals.result(), skus: skuOrder.length });
  }

  const linkedCustomers = customerKeys.filter((k) => k.startsWith('psa:'));
  const base: CoverageBase = {
    customers: nodes.size, // customers (linked or not) with any line or contract line; rollups are per customer + SKU
    lines: lines.length,
    contracts: contracts.length,
    weeks: snapshots.weeks.length,
    linkedCustomers,
    unlinkedCustomers: [...unlinked].sort(),
    customersWithoutContracts: linkedCustomers.filter((k) => !customersWithContracts.has(k)),
    customersWithoutPsaData: linkedCustomers.filter((k) => !psaData(k)),
  };
  const sources = sourceReasons(input.sources ?? []);
  const audited = linkedCustomers.filter(psaData);
  const r1 = rollupReasons(base, flags, sources);
  const r2 = comparisonReasons(base, flags, sources, audited.length);
  const comparisonCoverage = coverageOf(base, r2.notAudited, r2.partial);

  const drift = driftReport(input, snapshots, links, policy, nowMs, flags, refOf, base, sources);
  // An incomplete upstream stream may hide lines or contracts: nothing resolves on such a run.
  const incomplete = (input.sources ?? []).some((s) => !s.complete);
  const seatScope = incomplete ? [] : audited.filter((k) => !seatsWithheld.has(k));
  const psaScope = incomplete ? [] : [...customersWithContracts].filter((k) => psaData(k) && !seatsWithheld.has(k)).sort();
  const auditedScope: AuditedScope = {
    uncontracted_seats: seatScope,
    over_contracted_seats: seatScope,
    cancelled_still_billed: seatScope,
    billed_without_license: psaScope,
    currency_mismatch: seatScope,
    below_margin: seatScope.filter((k) => !marginWithheld.has(k)),
    unused_seats: incomplete ? [] : drift.auditedCustomers.sort(),
  };
  const findings = sortById([...contractFound, ...drift.unused], foundKeys);
  const moneyReasons = { notAudited: [...r2.notAudited], partial: [...r2.partial] };
  if (drift.report.status !== 'compared') moneyReasons.partial.push('unused seats: no current snapshot week audited for every vendor');
  // Unused-seat findings stand on their own, so Money Found is audited when either side is.
  if (moneyReasons.notAudited.length > 0 && drift.auditedCustomers.length > 0) {
    moneyReasons.partial.push(...moneyReasons.notAudited.map((r) => `contract comparison not audited: ${r}`));
    moneyReasons.notAudited = [];
  }
  const byKind = (kind: Finding['kind']): Finding[] => kinds.get(kind) ?? [];
  const totals = totalsAcc.result();
  const rollupCoverage = coverageOf(base, r1.notAudited, r1.partial);
  return {
    now: new Date(nowMs).toISOString(),
    qbrVendorLabel: vendorLabelOf([...lineVendors]),
    customers: customerSummaries,
    rollups: { items, totals, coverage: rollupCoverage },
    seats: { uncontracted: byKind('uncontracted_seats'), overContracted: byKind('over_contracted_seats'), pending, coverage: comparisonCoverage },
    margins: {
      belowMargin: byKind('below_margin'),
      cancelledStillBilled: byKind('cancelled_still_billed'),
      billedWithoutLicense: byKind('billed_without_license'),
      currencyMismatches: byKind('currency_mismatch'),
      coverage: comparisonCoverage,
    },
    drift: drift.report,
    moneyFound: { findings, audited: auditedScope, coverage: coverageOf(base, moneyReasons.notAudited, moneyReasons.partial) },
    unmappedContracts: contracts
      .filter((c) => c.skuKey === undefined)
      .map((c) => ({ id: c.contract.id, psaCompanyId: String(c.contract.psaCompanyId), productId: c.contract.productId }))
      .sort((a, b) => compareText(a.id, b.id)),
    contractsWithoutDistributorLines: contractsWithoutDistributorLines.sort(),
    flags: flags.sort((a, b) => compareText(a.ref, b.ref) || compareText(a.code, b.code) || compareText(a.message, b.message)),
  };
}

// One customer + SKU's lines and contract lines. Lists start as shared empty ones and are created
// with their first element: an array grown from `[]` reserves 16 slots, and 94k buckets × 2 lists
// of mostly one element each held ~30 MB that every garbage collection had to copy.
interface Bucket {
  skuKey: string;
  lines: PreparedLine[];
  contracts: PreparedContract[];
}

const NO_LINES: PreparedLine[] = [];
const NO_CONTRACTS: PreparedContract[] = [];

// A customer's reference and buckets. A customer has a handful of SKUs: a short scan of shared
// key strings beats a Map per customer; past 8 SKUs a Map takes over.
interface CustomerNode {
  ref: CustomerRef;
  skuKeys: string[];
  buckets: Bucket[];
  index: Map<string, Bucket> | undefined;
  /** Whether any contract line (mapped or not) names this customer. */
  contracts: boolean;
}

function bucketOf(node: CustomerNode, skuKey: string): Bucket {
  if (node.index) {
    const hit = node.index.get(skuKey);
    if (hit) return hit;
  } else {
    const i = node.skuKeys.indexOf(skuKey);
    if (i >= 0) return node.buckets[i] as Bucket;
  }
  const b: Bucket = { skuKey, lines: NO_LINES, contracts: NO_CONTRACTS };
  node.skuKeys.push(skuKey);
  node.buckets.push(b);
  if (node.index) node.index.set(skuKey, b);
  else if (node.buckets.length > 8) node.index = new Map(node.buckets.map((x) => [x.skuKey, x]));
  return b;
}

// The customer's buckets in SKU key order (code units).
function bucketsInOrder(node: CustomerNode): Bucket[] {
  return node.buckets.length === 1 ? node.buckets : [...node.buckets].sort((x, y) => compareText(x.skuKey, y.skuKey));
}

// Running per-currency totals over the same rows, so margin = revenue − cost reconciles exactly.
class TotalsAcc {
  readonly cost = new CurrencySums();
  readonly revenue = new CurrencySums();
  readonly costOnly = new CurrencySums();
  readonly unlinked = new CurrencySums();
  readonly revenueOnly = new CurrencySums();
  // Rows with a margin, per currency: parallel lists (one or two currencies; one per customer).
  private readonly marginCurrencies: string[] = [];
  private readonly marginRows: number[] = [];

  add(a: SkuAnalysis, linked: boolean): void {
    // Index loops over the sums: no iterator entry allocated per row (twice per customer + SKU).
    const cost = a.costByCurrency;
    const revenue = a.revenueByCurrency;
    for (let i = 0; i < cost.size; i++) {
      const c = cost.currencyAt(i);
      const v = cost.amountAt(i);
      this.cost.add(c, v);
      if (!revenue.has(c)) this.costOnly.add(c, v);
      if (!linked) this.unlinked.add(c, v);
    }
    for (let i = 0; i < revenue.size; i++) {
      const c = revenue.currencyAt(i);
      const v = revenue.amountAt(i);
      this.revenue.add(c, v);
      if (!cost.has(c)) this.revenueOnly.add(c, v);
    }
    if (a.margin) {
      const i = this.marginCurrencies.indexOf(a.margin.currency);
      if (i < 0) {
        this.marginCurrencies.push(a.margin.currency);
        this.marginRows.push(1);
      } else (this.marginRows[i] as number)++;
    }
  }

  result(): CurrencyTotals[] {
    const costs = this.cost.currencies();
    const revenues = this.revenue.currencies();
    // Most customers have one currency on both sides (10k calls per report): no Set or copies then.
    const currencies = revenues.length === 0 || (revenues.length === 1 && costs.length === 1 && costs[0] === revenues[0]) ? costs
      : costs.length === 0 ? revenues
        : [...new Set([...costs, ...revenues])].sort();
    return currencies.map((c) => {
      const cost = this.cost.get(c) ?? ZERO;
      const revenue = this.revenue.get(c) ?? ZERO;
      return {
        currency: c,
        monthlyCost: money(cost, c),
        monthlyRevenue: money(revenue, c),
        margin: money(sub(revenue, cost), c),
        costWithoutRevenue: money(this.costOnly.get(c) ?? ZERO, c),
        unlinkedCost: money(this.unlinked.get(c) ?? ZERO, c),
        revenueWithoutCost: money(this.revenueOnly.get(c) ?? ZERO, c),
        skusWithMargin: this.marginRows[this.marginCurrencies.indexOf(c)] ?? 0,
      };
    });
  }
}
