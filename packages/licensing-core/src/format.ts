import type { Money } from '@vectis/connector-core';
import { add, cmp, parseDec, roundDecimalString, ZERO, type Dec } from './decimal';
import type { LineDrift } from './drift';
import type { Finding, FindingDirection, ImpactBasis } from './findings';
import { addTo, moneyList, type SkuRollup } from './rollup';
import { weeklyDigest, type WeeklyDigest } from './money-found';
import type { LicensingReport } from './report';
import type { ResultCoverage } from './types';

/**
 * Options for {@link formatLicensingReport}.
 *
 * @example
 * formatLicensingReport(report, { locale: 'de-DE', maxRows: 50, digest,
 *   customerNames: new Map([['psa:19000', 'Contoso Ltd']]) });
 */
export interface FormatOptions {
  /** BCP 47 locale for numbers; default `en-US`. */
  locale?: string | undefined;
  /** Rows per table before "… N more"; default 20. */
  maxRows?: number | undefined;
  /** A digest from {@link weeklyDigest} (with new/resolved counts); without it the digest shows totals only. */
  digest?: WeeklyDigest | undefined;
  /**
   * Display names by customer key (`psa:19000`, `pax8:c-1`), e.g. PSA company names. Used in every
   * table and the top-customer list; a key without a name is printed as is.
   */
  customerNames?: ReadonlyMap<string, string> | Readonly<Record<string, string>> | undefined;
}

/**
 * Renders a report as plain text: per-SKU rollup, totals per currency, uncontracted seats,
 * below-margin SKUs, drift and the Money Found digest. Every amount is formatted with
 * `Intl.NumberFormat` in its own currency; nothing is ever converted or summed across currencies.
 *
 * @example
 * console.log(formatLicensingReport(report, { locale: 'en-GB', customerNames: { 'psa:19000': 'Contoso Ltd' } }));
 */
export function formatLicensingReport(report: LicensingReport, options: FormatOptions = {}): string {
  const fmt = moneyFormatter(options.locale ?? 'en-US');
  const max = options.maxRows ?? 20;
  const name = customerNamer(options.customerNames);
  const out: string[] = [];
  out.push(`Licensing report as of ${report.now}${report.qbrVendorLabel ? ` (vendor: ${report.qbrVendorLabel})` : ''}`);

  section(out, 'Per-SKU rollup (monthly)', report.rollups.coverage);
  // Compared rows first; rows that could not be compared are summed up in one line each below
  // instead of a table full of "n/a".
  const compared = report.rollups.items.filter((r) => r.customer.linked && r.contractedSeats !== undefined);
  table(out, ['Customer', 'SKU', 'Vendor', 'Seats', 'Contracted', 'Cost', 'Revenue', 'Margin', 'Margin %'],
    compared.map((r) => [
      name(r.customer.key), r.skus.join(', ') || r.skuKey, r.vendorLabel ?? '-', String(r.seats), String(r.contractedSeats),
      list(r.monthlyCost, fmt), list(r.monthlyRevenue, fmt),
      r.margin ? fmt(r.margin.margin) : r.monthlyRevenue.length === 0 ? 'not billed' : 'unknown',
      r.margin?.marginPercent ? `${roundDecimalString(r.margin.marginPercent, 1)} %` : '-',
    ]), max);
  notCompared(out, 'Unlinked distributor customers (not compared with the PSA)', report.rollups.items.filter((r) => !r.customer.linked), fmt, name);
  notCompared(out, 'Linked customers whose PSA data was not supplied (not audited)',
    report.rollups.items.filter((r) => r.customer.linked && r.contractedSeats === undefined && r.lineIds.length > 0), fmt, name);
  if (report.rollups.totals.length > 0) {
    out.push('Totals per currency (never added across currencies; margin = revenue − cost over the same rows):');
    for (const t of report.rollups.totals) {
      out.push(`  ${t.currency}: cost ${fmt(t.monthlyCost)}, revenue ${fmt(t.monthlyRevenue)}, margin ${fmt(t.margin)}`);
      out.push(`    cost with no revenue against it: ${fmt(t.costWithoutRevenue)} (unlinked customers ${fmt(t.unlinkedCost)}); revenue with no distributor cost: ${fmt(t.revenueWithoutCost)}`);
    }
  }

  section(out, 'Uncontracted seats', report.seats.coverage);
  findingTable(out, report.seats.uncontracted, fmt, max, name);
  if (report.seats.overContracted.length > 0) {
    out.push('Over-contracted (client billed for seats not licensed):');
    findingTable(out, report.seats.overContracted, fmt, max, name);
  }
  if (report.seats.pending.length > 0) {
    const seats = report.seats.pending.reduce((n, p) => n + p.seats, 0);
    out.push(`Pending at the distributor (ordered, not live yet, not compared): ${report.seats.pending.length} line(s), ${seats} seat(s)`);
  }

  section(out, 'Client billed without a live licence (cancelled, lapsed, or no distributor line)', report.margins.coverage);
  findingTable(out, [...report.margins.cancelledStillBilled, ...report.margins.billedWithoutLicense], fmt, max, name);

  section(out, 'Below-margin SKUs and currency mismatches', report.margins.coverage);
  findingTable(out, [...report.margins.belowMargin, ...report.margins.currencyMismatches], fmt, max, name);

  const pairs = report.drift.periods.length;
  section(out, `Drift ${report.drift.previousWeek ?? '?'} → ${report.drift.currentWeek ?? '?'} (${report.drift.status.replace('_', ' ')}${pairs > 1 ? `; ${pairs} week pairs compared, newest first` : ''})`, report.drift.coverage);
  table(out, ['Customer', 'SKU', 'Weeks', 'Change', 'Before', 'After', 'Reduction'],
    report.drift.lines.map((d) => [
      name(d.customerKey), d.sku, `${d.previousWeek} → ${d.currentWeek}`, d.change, String(d.previousSeats), String(d.currentSeats), reductionText(d),
    ]), max);

  const digest = options.digest ?? weeklyDigest({
    findings: report.moneyFound.findings, states: [], changes: { opened: [], reopened: [], resolved: [], notAudited: [] }, coverage: report.moneyFound.coverage,
  });
  section(out, 'Money Found digest', report.moneyFound.coverage);
  out.push(`  Opportunity per month: ${digest.opportunity.length > 0 ? list(digest.opportunity, fmt) : 'none valued'}`);
  for (const d of digest.byDirection) out.push(`    ${DIRECTION_TEXT[d.direction]}: ${list(d.totals, fmt)}`);
  out.push(`  Open findings: ${digest.openFindings} (${digest.unvaluedFindings} without a money figure), muted: ${digest.mutedFindings}`);
  if (options.digest) {
    out.push(`  Since last week: ${digest.newSinceLastWeek} new, ${digest.reopenedSinceLastWeek} re-opened, ${digest.resolvedSinceLastWeek} resolved`);
  }
  for (const top of digest.topCustomers) {
    out.push(`  Top customers (${top.currency}): ${top.customers.map((c) => `${name(c.customerKey)} ${fmt(c.impact)}`).join('; ')}`);
  }
  if (report.unmappedContracts.length > 0) out.push(`Unmapped contract lines: ${report.unmappedContracts.map((c) => c.id).join(', ')}`);
  if (report.flags.length > 0) out.push(`Data-quality flags: ${report.flags.length} (see report.flags)`);
  return out.join('\n');
}

const DIRECTION_TEXT: Record<FindingDirection, string> = {
  msp_underbills: 'MSP under-bills client',
  msp_overbills: 'client over-billed',
  pays_for_unused: 'MSP pays for unused seats',
  review: 'needs review',
};

const BASIS_TEXT: Record<ImpactBasis, string> = {
  contract_price: 'contract price',
  msrp: 'list price',
  unit_cost_markup: 'cost + markup',
  mixed: 'list price / cost + markup',
  unit_cost: 'unit cost',
  margin_shortfall: 'margin shortfall',
  contract_revenue: 'contract revenue',
  none: 'not valued',
};

// Whether seats that were added can be given back now or only at renewal (commitment term).
function reductionText(d: LineDrift): string {
  if (d.delta <= 0) return 'no seats added';
  if (!d.reduction) return 'added seats reducible: unknown (line not in input)';
  return `added seats reducible: ${d.reduction.when === 'now' ? 'now' : `at renewal${d.reduction.renewalDate ? ` ${d.reduction.renewalDate}` : ''}`}`;
}

// One line for rows that were not compared: how many customers and rows, seats, and their cost.
function notCompared(out: string[], title: string, rows: readonly SkuRollup[], fmt: (m: Money) => string, name: (key: string) => string): void {
  if (rows.length === 0) return;
  const customers = new Set(rows.map((r) => r.customer.key));
  const cost = new Map<string, Dec>();
  const byCustomer = new Map<string, Dec>();
  for (const r of rows) {
    for (const m of r.monthlyCost) {
      const v = parseDec(m.amount) ?? ZERO;
      addTo(cost, m.currency, v);
      if (r.monthlyCost.length === 1) addTo(byCustomer, r.customer.key, v);
    }
  }
  const seats = rows.reduce((n, r) => n + r.seats, 0);
  const largest = [...byCustomer].sort(([ka, a], [kb, b]) => cmp(b, a) || (ka < kb ? -1 : 1)).slice(0, 3).map(([k]) => name(k));
  out.push(`${title}: ${customers.size} customer(s), ${rows.length} SKU row(s), ${seats} seat(s), cost ${list(moneyList(cost), fmt)}/month${largest.length > 0 ? `; largest: ${largest.join(', ')}` : ''}`);
}

function moneyFormatter(locale: string): (m: Money) => string {
  const cache = new Map<string, Intl.NumberFormat>();
  return (m) => {
    let nf = cache.get(m.currency);
    if (!nf) cache.set(m.currency, (nf = new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency })));
    // Round the exact decimal ourselves (half away from zero) and hand Intl a string: no float on the way.
    const digits = nf.resolvedOptions().maximumFractionDigits ?? 2;
    return nf.format(roundDecimalString(m.amount, digits) as `${number}`);
  };
}

// Key → display name; a Map or a plain record (own keys only: "constructor" is not a name).
function customerNamer(names: FormatOptions['customerNames']): (key: string) => string {
  if (names === undefined) return (key) => key;
  if (typeof names.get === 'function') return (key) => (names as ReadonlyMap<string, string>).get(key) || key;
  const record = names as Readonly<Record<string, string>>;
  return (key) => (Object.hasOwn(record, key) && record[key]) || key;
}

function list(items: readonly Money[], fmt: (m: Money) => string): string {
  return items.length === 0 ? '-' : items.map(fmt).join(' + ');
}

function section(out: string[], title: string, coverage: ResultCoverage): void {
  out.push('', `== ${title} ==`);
  const counts = `${coverage.customers} customers, ${coverage.lines} lines, ${coverage.contracts} contracts, ${coverage.weeks} weeks`;
  if (coverage.status === 'complete') out.push(`Coverage: complete (${counts})`);
  else out.push(`Coverage: ${coverage.status.toUpperCase().replace('_', ' ')} (${counts}): ${coverage.reasons.join('; ')}`);
}

function findingTable(out: string[], findings: readonly Finding[], fmt: (m: Money) => string, max: number, name: (key: string) => string): void {
  table(out, ['Customer', 'SKU', 'Vendor', 'Seats', 'Monthly impact', 'Direction', 'Action'],
    findings.map((f) => [
      name(f.customer.key), f.skus.join(', ') || f.skuKey, f.vendorLabel ?? '-', f.seats === undefined ? '-' : String(f.seats),
      f.monthlyImpact ? `${fmt(f.monthlyImpact)} (${BASIS_TEXT[f.impactBasis]})` : 'not valued', DIRECTION_TEXT[f.direction], f.action,
    ]), max);
}

function table(out: string[], head: string[], rows: string[][], max: number): void {
  if (rows.length === 0) {
    out.push('(none)');
    return;
  }
  const shown = rows.slice(0, max);
  const widths = head.map((h, i) => Math.min(48, Math.max(h.length, ...shown.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  out.push(line(head), line(widths.map((w) => '-'.repeat(w))), ...shown.map(line));
  if (rows.length > max) out.push(`… ${rows.length - max} more`);
}
