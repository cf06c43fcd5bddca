import { isoWeek, type Vendor } from '@vectis/connector-core';
import { coverageOf, type CoverageBase } from './coverage';
import { compareWeeks, driftContext, indexSnapshots, previousIsoWeek, vendorStatuses, type LineDrift, type SkuDrift, type SnapshotIndex, type VendorDriftStatus } from './drift';
import type { Finding } from './findings';
import { readVendor, type PreparedPolicy } from './policy';
import type { PreparedLine } from './prepare';
import { unusedSeatFindings } from './unused';
import type { CustomerRef, Flag, LicensingInput, ResultCoverage } from './types';

/**
 * One pair of consecutive ISO weeks that drift compared (or could not compare).
 *
 * @example
 * for (const p of report.drift.periods) console.log(p.previousWeek, '→', p.currentWeek, p.status);
 */
export interface DriftPeriod {
  previousWeek: string;
  currentWeek: string;
  status: 'compared' | 'partial' | 'no_baseline';
  vendors: VendorDriftStatus[];
}

/**
 * Week-over-week seat drift over every supplied week: each week is compared with the ISO week
 * before it. The top-level `status`, weeks and `vendors` describe the latest pair; `lines` and
 * `skus` hold the changes of every pair, newest pair first. `no_baseline` is not "no drift".
 *
 * @example
 * if (report.drift.status === 'no_baseline') console.warn('first week: nothing to compare yet');
 */
export interface DriftReport {
  status: 'compared' | 'partial' | 'no_baseline' | 'no_snapshots';
  currentWeek: string | undefined;
  previousWeek: string | undefined;
  vendors: VendorDriftStatus[];
  /** Every pair of consecutive weeks, newest first. */
  periods: DriftPeriod[];
  lines: LineDrift[];
  skus: SkuDrift[];
  coverage: ResultCoverage;
}

/** Drift over every supplied week, plus the unused-seat findings of the latest week. */
export function driftReport(
  input: LicensingInput,
  lines: PreparedLine[],
  links: Map<string, string>,
  policy: PreparedPolicy,
  nowMs: number,
  flags: Flag[],
  refOf: (key: string) => CustomerRef,
  base: CoverageBase,
  sources: string[],
): { report: DriftReport; unused: Finding[]; auditedCustomers: string[] } {
  const snapshots = input.snapshots ?? [];
  const index = indexSnapshots(snapshots, flags);
  const weeks = [...new Set(snapshots.map((s) => s.week))].sort();
  const currentWeek = weeks.at(-1);
  if (currentWeek === undefined) {
    const coverage = coverageOf(base, ['no seat snapshots in input'], []);
    return { report: { status: 'no_snapshots', currentWeek, previousWeek: undefined, vendors: [], periods: [], lines: [], skus: [], coverage }, unused: [], auditedCustomers: [] };
  }
  const lineIndex = indexLines(lines, index, weeks);
  const ctx = driftContext(index, { lines: lineIndex, links, policy, nowMs });
  // Every supplied week against the ISO week before it, newest first. The oldest week has no
  // baseline by definition; a week whose predecessor is missing is a gap, reported as such.
  const periods: DriftPeriod[] = [];
  const allLines: LineDrift[] = [];
  const allSkus: SkuDrift[] = [];
  for (let i = weeks.length - 1; i >= 0; i--) {
    const week = weeks[i] as string;
    if (i === 0 && weeks.length > 1) break;
    const previousWeek = previousIsoWeek(week);
    const vendors = vendorStatuses(index, week, previousWeek, flags);
    const compared = compareWeeks(index, vendors, week, previousWeek, ctx);
    for (const l of compared.lines) allLines.push(l);
    for (const s of compared.skus) allSkus.push(s);
    const ok = vendors.filter((v) => v.status === 'compared').length;
    periods.push({ previousWeek, currentWeek: week, status: ok === 0 ? 'no_baseline' : ok === vendors.length ? 'compared' : 'partial', vendors });
  }
  const latest = periods[0] as DriftPeriod;
  const comparedPairs = periods.filter((p) => p.status !== 'no_baseline').length;
  const notAudited = comparedPairs === 0 ? [`no baseline: no vendor has snapshots for both ${latest.previousWeek} and ${latest.currentWeek}`] : [];
  const partial = [...sources];
  if (comparedPairs > 0 && latest.status === 'no_baseline') partial.push(`no baseline for the latest week ${latest.currentWeek} (${latest.previousWeek} missing)`);
  if (comparedPairs > 0) partial.push(...latest.vendors.filter((v) => v.status !== 'compared' && latest.status !== 'no_baseline').map((v) => `${v.vendor}: ${v.status.replace('_', ' ')}`));
  const gaps = periods.slice(1).filter((p) => p.status !== 'compared');
  if (gaps.length > 0) {
    const shown = gaps.slice(0, 3).map((p) => `${p.previousWeek} → ${p.currentWeek} ${p.status.replace('_', ' ')}`);
    partial.push(`${gaps.length} earlier week pair(s) not fully compared (${shown.join(', ')}${gaps.length > 3 ? ', …' : ''})`);
  }
  // Stale snapshots compare two old weeks: say so rather than present them as this week's drift.
  const lastWeek = previousIsoWeek(isoWeek(new Date(nowMs)));
  if (currentWeek < lastWeek) partial.push(`latest snapshots are from ${currentWeek}, older than last week (${lastWeek})`);
  const unused = unusedSeatFindings(index, currentWeek, { lines: lineIndex, refOf, nowMs });
  const auditedCustomers = snapshots
    .filter((s) => s.week === currentWeek)
    .map((s) => lineIndex.get(`${readVendor(s.vendor)}:${s.subscriptionExternalId}`)?.customerKey ?? `${readVendor(s.vendor)}:${s.customerExternalId}`);
  return {
    report: {
      status: latest.status, currentWeek, previousWeek: latest.previousWeek, vendors: latest.vendors, periods,
      lines: allLines, skus: allSkus, coverage: coverageOf(base, notAudited, partial),
    },
    unused,
    auditedCustomers: [...new Set(auditedCustomers)],
  };
}

// `<vendor>:<externalId>` → line, only for lines the snapshots name (a few thousand), instead of
// building a key for each of 100k lines. Later lines win, as in a plain Map.
function indexLines(lines: readonly PreparedLine[], index: SnapshotIndex, weeks: readonly string[]): Map<string, PreparedLine> {
  const wanted = new Map<Vendor, Set<string>>();
  for (const [vendor, byWeek] of index) {
    const ids = new Set<string>();
    for (const week of weeks) for (const id of byWeek.get(week)?.rows.keys() ?? []) ids.add(id);
    wanted.set(vendor, ids);
  }
  const out = new Map<string, PreparedLine>();
  for (const l of lines) if (wanted.get(l.vendor)?.has(l.line.externalId)) out.set(`${l.vendor}:${l.line.externalId}`, l);
  return out;
}
