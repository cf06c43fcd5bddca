import type { Vendor } from '@vectis/connector-core';
import { sub, ZERO } from './decimal';
import { contractFindings, type Finding } from './findings';
import { idKey } from './finding-id';
import { labelOfVendor } from './label';
import type { PreparedPolicy } from './policy';
import type { PreparedContract, PreparedLine } from './prepare';
import type { CurrencyTotals, CustomerSummary, PendingLine } from './report';
import { analyseSku, compareText, money, toRollup, type SkuAnalysis, type SkuRollup } from './rollup';
import { CurrencySums } from './sums';
import type { CustomerRef } from './types';

/**
 * The report's per-line, per-contract and per-customer work, as methods: each runs 10k–100k times
 * a report, so V8 optimizes it as a hot function (see `computeLicensingReport`).
 */
export class ReportBuilder {
  readonly refs = new Map<string, CustomerRef>();
  /** Per customer: its reference and its SKU buckets, found with one lookup per line. */
  readonly nodes = new Map<string, CustomerNode>();
  readonly unlinked = new Set<string>();
  readonly lineVendors = new Set<Vendor>();
  readonly pending: PendingLine[] = [];
  readonly unmappedByCustomer = new Map<string, number>();
  readonly items: SkuRollup[] = [];
  readonly contractFound: Finding[] = [];
  /** Sort keys of `contractFound`, taken while each id is fresh in the CPU cache. */
  readonly foundKeys: number[] = [];
  /** Findings by kind, filled while each finding is fresh (a later pass over 100k findings misses the cache on each). */
  readonly kinds = new Map<Finding['kind'], Finding[]>();
  readonly totalsAcc = new TotalsAcc();
  readonly customerSummaries: CustomerSummary[] = [];
  readonly contractsWithoutDistributorLines: string[] = [];
  /** Customers with a comparison withheld somewhere: their old findings of that kind must not resolve. */
  readonly seatsWithheld = new Set<string>();
  readonly marginWithheld = new Set<string>();

  private readonly policy: PreparedPolicy;

  constructor(policy: PreparedPolicy) {
    this.policy = policy;
  }

  refOf(key: string): CustomerRef {
    let ref = this.refs.get(key);
    if (!ref) {
      ref = { key, linked: key.startsWith('psa:'), distributorCustomers: [], ...(key.startsWith('psa:') ? { psaCompanyId: key.slice(4) } : {}) };
      this.refs.set(key, ref);
    }
    return ref;
  }

  nodeOf(key: string): CustomerNode {
    let n = this.nodes.get(key);
    if (!n) this.nodes.set(key, (n = { ref: this.refOf(key), buckets: [], index: undefined, contracts: false }));
    return n;
  }

  /** Files a line in its bucket and notes what the coverage and labels need. */
  addLine(l: PreparedLine): void {
    if (l.seatState === 'pending') this.pending.push({ lineId: l.ref, customerKey: l.customerKey, skuKey: l.skuKey, sku: l.sku, seats: l.seats });
    const node = this.nodeOf(l.customerKey);
    const ref = node.ref;
    if (!ref.distributorCustomers.includes(l.distributorCustomer)) ref.distributorCustomers.push(l.distributorCustomer);
    if (!l.linked) this.unlinked.add(l.distributorCustomer);
    this.lineVendors.add(l.vendor);
    const b = bucketOf(node, l.skuKey);
    if (b.lines === NO_LINES) b.lines = [l];
    else b.lines.push(l);
  }

  /** Files a contract line in its bucket (or counts it as unmapped). */
  addContract(c: PreparedContract): void {
    const node = this.nodeOf(c.customerKey);
    node.contracts = true;
    if (c.skuKey === undefined) {
      this.unmappedByCustomer.set(c.customerKey, (this.unmappedByCustomer.get(c.customerKey) ?? 0) + 1);
      return;
    }
    const b = bucketOf(node, c.skuKey);
    if (b.contracts === NO_CONTRACTS) b.contracts = [c];
    else b.contracts.push(c);
  }

  /** Analyses every SKU of one customer: rollups, findings, totals and the customer's summary. */
  analyseCustomer(customerKey: string, node: CustomerNode, contractData: boolean): void {
    const ref = node.ref;
    const unmapped = this.unmappedByCustomer.get(customerKey) ?? 0;
    const customerTotals = new TotalsAcc();
    // The customer's label: its one vendor's, or "Mixed" (no Set per customer).
    let vendor: Vendor | undefined;
    let mixed = false;
    const skuOrder = bucketsInOrder(node);
    for (let j = 0; j < skuOrder.length; j++) {
      const b = skuOrder[j] as Bucket;
      const a = analyseSku(customerKey, b.skuKey, b.lines, b.contracts, contractData, this.policy);
      const rollup = toRollup(a, ref);
      this.items.push(rollup);
      const found = contractFindings(a, rollup, this.policy, unmapped);
      for (let k = 0; k < found.length; k++) this.addFinding(found[k] as Finding);
      customerTotals.add(a, ref.linked);
      for (let k = 0; k < rollup.vendors.length; k++) {
        const v = rollup.vendors[k] as Vendor;
        if (vendor === undefined) vendor = v;
        else if (v !== vendor) mixed = true;
      }
      if (a.lines.length === 0) {
        for (let k = 0; k < a.contracts.length; k++) {
          const c = a.contracts[k] as PreparedContract;
          if (c.inEffect) this.contractsWithoutDistributorLines.push(c.id);
        }
      }
      if (!a.seatsKnown) this.seatsWithheld.add(customerKey);
      if (!a.margin && a.counted.length > 0 && a.effective.length > 0) this.marginWithheld.add(customerKey);
    }
    // Sums of the customers' sums: the report's totals without a second add per row.
    this.totalsAcc.merge(customerTotals);
    this.customerSummaries.push({
      customer: ref, vendorLabel: mixed ? 'Mixed' : vendor === undefined ? undefined : labelOfVendor(vendor), totals: customerTotals.result(), skus: skuOrder.length,
    });
  }

  private addFinding(f: Finding): void {
    this.contractFound.push(f);
    this.foundKeys.push(idKey(f.id));
    const list = this.kinds.get(f.kind);
    if (list) list.push(f);
    else this.kinds.set(f.kind, [f]);
  }
}

// One customer + SKU's lines and contract lines. Lists start as shared empty ones and are created
// with their first element: an array grown from `[]` reserves 16 slots, and 94k buckets × 2 lists
// of mostly one element each held ~30 MB that every garbage collection had to copy.
export interface Bucket {
  skuKey: string;
  lines: PreparedLine[];
  contracts: PreparedContract[];
}

// Empty lists of the same elements kind as a filled one (`[]` starts as a list of small integers):
// every bucket's list then has one hidden class, and the code reading them stays monomorphic.
const NO_LINES: PreparedLine[] = emptyObjectList();
const NO_CONTRACTS: PreparedContract[] = emptyObjectList();

function emptyObjectList<T>(): T[] {
  const list: unknown[] = [{}];
  list.pop();
  return list as T[];
}

// A customer's reference and buckets. A customer has a handful of SKUs: a short scan of shared
// key strings beats a Map per customer; past 8 SKUs a Map takes over.
export interface CustomerNode {
  ref: CustomerRef;
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
    for (let i = 0; i < node.buckets.length; i++) {
      const b = node.buckets[i] as Bucket;
      if (b.skuKey === skuKey) return b;
    }
  }
  const b: Bucket = { skuKey, lines: NO_LINES, contracts: NO_CONTRACTS };
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
export class TotalsAcc {
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

  /** Adds another accumulator's sums (its rows' conditions were decided when they were added). */
  merge(other: TotalsAcc): void {
    this.cost.merge(other.cost);
    this.revenue.merge(other.revenue);
    this.costOnly.merge(other.costOnly);
    this.unlinked.merge(other.unlinked);
    this.revenueOnly.merge(other.revenueOnly);
    for (let i = 0; i < other.marginCurrencies.length; i++) {
      const c = other.marginCurrencies[i] as string;
      const n = other.marginRows[i] as number;
      const j = this.marginCurrencies.indexOf(c);
      if (j < 0) {
        this.marginCurrencies.push(c);
        this.marginRows.push(n);
      } else (this.marginRows[j] as number) += n;
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
