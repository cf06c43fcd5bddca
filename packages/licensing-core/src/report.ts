import type { Money, Subscription, Vendor } from '@vectis/connector-core';
import { coverageOf, comparisonReasons, rollupReasons, sourceReasons, type CoverageBase } from './coverage';
export type { DriftReport } from './drift-report';
import { compareText, type SkuRollup } from './rollup';
import { driftReport, noteLine, snapshotSet, type DriftReport } from './drift-report';
import type { Finding } from './findings';
import { sortById } from './finding-id';
import { vendorLabelOf, type QbrVendorLabel } from './label';
import { parseNow, preparePolicy } from './policy';
import { linkLookup, prepareContract, prepareLine, type PreparedContract, type PreparedLine } from './prepare';
import type { AuditedScope } from './money-found';
import { ReportBuilder, type CustomerNode } from './report-build';
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

  // The per-line, per-contract and per-customer work lives in the builder's methods: called 100k
  // times they are optimized like any hot function, where loop bodies in this once-per-report
  // function ran on-stack-replaced code that V8 compiled and threw away several times a run.
  const build = new ReportBuilder(policy);
  for (let i = 0; i < lines.length; i++) build.addLine(lines[i] as PreparedLine);
  const customerKeys = [...build.refs.keys()].sort(); // so far, exactly the customers with lines
  for (const ref of build.refs.values()) ref.distributorCustomers.sort();
  for (let i = 0; i < contracts.length; i++) build.addContract(contracts[i] as PreparedContract);
  const customersWithContracts = new Set<string>();
  for (const [key, node] of build.nodes) if (node.contracts) customersWithContracts.add(key);
  // Whose PSA data was supplied: a company listed in psaDataSuppliedFor or with any contract line;
  // without the list, everyone as soon as there is any contract line.
  const supplied = input.psaDataSuppliedFor ? new Set(input.psaDataSuppliedFor.map((id) => `psa:${id}`)) : undefined;
  const psaData = (key: string): boolean => (supplied ? supplied.has(key) || customersWithContracts.has(key) : contracts.length > 0);
  // Customer, then SKU order: sorting 10k customers and a few SKUs each beats sorting 100k pairs,
  // and everything per customer (its reference, PSA data, accumulator) is looked up once.
  const customerOrder = [...build.nodes.keys()].sort();
  for (let i = 0; i < customerOrder.length; i++) {
    const key = customerOrder[i] as string;
    const node = build.nodes.get(key) as CustomerNode;
    build.analyseCustomer(key, node, node.ref.linked && psaData(key));
  }
  const { items, contractFound, foundKeys, kinds, totalsAcc, customerSummaries, contractsWithoutDistributorLines, seatsWithheld, marginWithheld, unlinked, lineVendors, pending } = build;
  const refOf = (key: string): CustomerRef => build.refOf(key);

  const linkedCustomers = customerKeys.filter((k) => k.startsWith('psa:'));
  const base: CoverageBase = {
    customers: build.nodes.size, // customers (linked or not) with any line or contract line; rollups are per customer + SKU
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
