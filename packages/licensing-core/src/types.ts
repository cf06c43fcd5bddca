import type { Money, Subscription, Term, Usage, Vendor } from '@vectis/connector-core';

/**
 * A vendor tag as it may arrive from storage: the product's pages write `synnex` for TD SYNNEX.
 *
 * @example
 * const tag: VendorTag = 'synnex'; // read as td_synnex
 */
export type VendorTag = Vendor | 'synnex';

/**
 * The period a PSA unit price covers. `one_time` lines are never recurring revenue.
 *
 * @example
 * const annual: ContractPeriod = 'P1Y'; // 120.00 → 10.00 a month
 */
export type ContractPeriod = 'P1M' | 'P1Y' | 'P2Y' | 'P3Y' | 'one_time' | 'unknown';

/**
 * One PSA contract (agreement/addition) line: what the MSP bills the client.
 *
 * - Identify the product with `sku` (a distributor SKU) or `productId` (a PSA product named in a
 *   {@link SkuMapping}); a line with neither mapping is listed in `unmappedContracts`.
 * - `unitPrice` covers `billingPeriod` (an annual price of 120.00 is 10.00 a month).
 * - `startDate`/`endDate` are the effective dates (`YYYY-MM-DD` or ISO instants; the end is exclusive).
 *   A `cancelled` line keeps billing until its `endDate`; without one it is out of effect.
 *
 * @example
 * const c: PsaContractLine = { id: 'ag-1', psaCompanyId: '441793', productId: 'M365-BP', quantity: 8,
 *   unitPrice: { amount: '3.00', currency: 'USD' }, billingPeriod: 'P1M', status: 'active' };
 */
export interface PsaContractLine {
  id: string;
  psaCompanyId: string | number;
  productId?: string | undefined;
  sku?: string | undefined;
  description?: string | undefined;
  quantity: number;
  unitPrice: Money;
  billingPeriod: ContractPeriod;
  status: 'active' | 'cancelled' | 'inactive';
  startDate?: string | undefined;
  endDate?: string | undefined;
  /**
   * `false` when the PSA does not charge the client for this line (ConnectWise `DoNotBill` / `NoCharge`,
   * a courtesy seat): its seats count as contracted, its revenue is zero, and its price is never used
   * to value other seats. Omitted means billed.
   */
  billable?: boolean | undefined;
}

/**
 * A distributor customer linked to a PSA company by matching. Only `auto` and `confirmed` links count;
 * `review` and `rejected` leave the customer unlinked (its lines are rolled up but never compared).
 *
 * @example
 * const link: CustomerLink = { vendor: 'pax8', customerExternalId: 'c-1', psaCompanyId: 441793, status: 'confirmed' };
 */
export interface CustomerLink {
  vendor: VendorTag;
  customerExternalId: string;
  psaCompanyId: string | number;
  status: 'auto' | 'confirmed' | 'review' | 'rejected';
}

/**
 * Maps a distributor SKU (optionally for one vendor only) onto a PSA product id, so contract lines
 * naming the PSA product compare with every distributor line of that SKU.
 *
 * @example
 * const m: SkuMapping = { psaProductId: 'M365-BP', sku: 'CFQ7TTC0LCHC:0002' };
 */
export interface SkuMapping {
  psaProductId: string;
  sku: string;
  vendor?: VendorTag | undefined;
}

/**
 * An explicit exchange rate: 1 `from` = `rate` `to` (decimal string). Never looked up, only supplied.
 *
 * @example
 * const fx: FxRate = { from: 'USD', to: 'EUR', rate: '0.92' };
 */
export interface FxRate {
  from: string;
  to: string;
  rate: string;
}

/**
 * The MSP's policy.
 *
 * @example
 * const policy: LicensingPolicy = { minMarginPercent: '20', minMarginBySku: { 'M365-BP': '15' } };
 */
export interface LicensingPolicy {
  /** Minimum margin in percent, as a decimal string (`"20"` = 20 %). */
  minMarginPercent: string;
  /** Per-SKU overrides, keyed by PSA product id or distributor SKU (the PSA product id wins). */
  minMarginBySku?: Readonly<Record<string, string>> | undefined;
  skuMappings?: readonly SkuMapping[] | undefined;
  /** Used only to compare a PSA price with a distributor cost in another currency; totals never convert. */
  fx?: readonly FxRate[] | undefined;
  /**
   * Lines whose `amountBasis` is `unknown` get no run-rate by default (never a guess). `assume_unit`
   * treats them as per-seat amounts and flags every such line.
   */
  unknownAmountBasis?: 'no_run_rate' | 'assume_unit' | undefined;
  /**
   * Markup in percent (decimal string, default `"20"`) used to value uncontracted seats of a line
   * that has neither a contract price nor a list price (msrp): unit cost × (1 + markup ÷ 100).
   */
  defaultMarkupPercent?: string | undefined;
}

/**
 * Completeness of one upstream stream, as connectors report it (`Coverage.complete`).
 *
 * @example
 * const s: SourceCoverage = { vendor: 'pax8', stream: 'subscriptions', complete: false, reason: 'rate limited' };
 */
export interface SourceCoverage {
  vendor: VendorTag;
  stream: 'customers' | 'subscriptions' | 'seat_snapshots' | 'contracts';
  complete: boolean;
  reason?: string | undefined;
}

/**
 * Everything {@link computeLicensingReport} reads. No clock: pass `now`.
 *
 * @example
 * computeLicensingReport({ subscriptions, contracts, links, snapshots, policy: { minMarginPercent: '20' }, now: new Date() })
 */
export interface LicensingInput {
  subscriptions: readonly Subscription[];
  contracts: readonly PsaContractLine[];
  links: readonly CustomerLink[];
  snapshots?: readonly Usage[] | undefined;
  policy: LicensingPolicy;
  now: Date | string;
  /** Connector stream coverage; an incomplete stream makes every result `partial`. */
  sources?: readonly SourceCoverage[] | undefined;
  /**
   * PSA companies whose contract data was exported into `contracts` (a company listed here with no
   * contract line bills nothing). A linked customer outside this list was not audited. When omitted,
   * every linked customer counts as supplied as soon as `contracts` has any line; with no contract
   * line at all nothing is audited.
   */
  psaDataSuppliedFor?: readonly (string | number)[] | undefined;
}

/**
 * `not_audited` means nothing could be compared: never read it as "no leakage".
 *
 * @example
 * const clean = coverage.status === 'complete' && findings.length === 0;
 */
export type CoverageStatus = 'complete' | 'partial' | 'not_audited';

/**
 * What a result was computed from. `status` is the only safe reading of "no findings".
 *
 * @example
 * if (report.moneyFound.coverage.status !== 'complete') warn(report.moneyFound.coverage.reasons);
 */
export interface ResultCoverage {
  status: CoverageStatus;
  reasons: string[];
  /** Customers (linked PSA companies and unlinked distributor customers) with any line or contract line. */
  customers: number;
  lines: number;
  contracts: number;
  weeks: number;
  /** Linked PSA companies (`psa:<id>`) with lines. */
  linkedCustomers: string[];
  /** Distributor customers without an auto/confirmed link (`<vendor>:<externalId>`). */
  unlinkedCustomers: string[];
  /** Linked PSA companies with distributor lines but no contract line at all (audited: every live seat is uncontracted). */
  customersWithoutContracts: string[];
  /** Linked PSA companies whose PSA data was not supplied (`psaDataSuppliedFor`): not audited. */
  customersWithoutPsaData: string[];
}

/**
 * Data-quality flag codes (see `docs/licensing.md`).
 *
 * @example
 * const dropped = report.flags.filter((f) => f.code === 'negative_quantity');
 */
export type FlagCode =
  | 'unknown_vendor'
  | 'negative_quantity'
  | 'fractional_quantity'
  | 'invalid_amount'
  | 'negative_amount'
  | 'unknown_currency'
  | 'currency_upper_cased'
  | 'lapsed_term'
  | 'suspended_counted'
  | 'missing_unit_cost'
  | 'unknown_price_period'
  | 'unknown_amount_basis'
  | 'assumed_unit_basis'
  | 'unknown_status'
  | 'usage_not_in_run_rate'
  | 'non_recurring'
  | 'missing_sku'
  | 'cancelled_without_end_date'
  | 'contract_unmapped'
  | 'contract_unknown_period'
  | 'contract_invalid'
  | 'mixed_currency'
  | 'duplicate_snapshot'
  | 'cadence_mismatch';

/**
 * A data-quality note on one input row. Flagged rows are listed, never silently zeroed.
 *
 * @example
 * for (const f of report.flags) console.warn(f.code, f.ref, f.message);
 */
export interface Flag {
  code: FlagCode;
  /** `line:<vendor>:<externalId>`, `contract:<id>`, `snapshot:<…>` or `customer:<key>`. */
  ref: string;
  message: string;
}

/**
 * A customer as results name it: a linked PSA company, or an unlinked distributor customer.
 *
 * @example
 * const ref: CustomerRef = { key: 'psa:100', linked: true, psaCompanyId: '100', distributorCustomers: ['pax8:c-1'] };
 */
export interface CustomerRef {
  /** `psa:<id>` when linked, else `<vendor>:<externalId>`. */
  key: string;
  linked: boolean;
  psaCompanyId?: string | undefined;
  distributorCustomers: string[];
}

/** Re-exported for convenience: the normalized term type. */
export type { Term };
