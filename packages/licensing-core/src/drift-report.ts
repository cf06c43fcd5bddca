import { isoWeek, type Usage, type Vendor } from '@vectis/connector-core';
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

/**
 * The snapshots, indexed before the lines are prepared so that each line is matched to its
 * snapshot rows while it is being prepared (a later pass over 100k lines misses the CPU cache on
 * each). `lines`: `<vendor>:<externalId>` → line, for the lines the snapshots name.
 */
export interface SnapshotSet {
  index: SnapshotIndex;
  /** Distinct ISO weeks of all supplied rows, sorted. */
  weeks: string[];
  /** Per vendor: every line id any week names (matched to lines, then sorted for drift). */
  wanted: Map<Vendor, Set<string>>;
  lines: Map<string, PreparedLine>;
}

/** Indexes the snapshots (flagging unknown vendors and duplicates); lines are added with {@link noteLine}. */
export function snapshotSet(snapshots: readonly Usage[], flags: Flag[]): SnapshotSet {
  const index = indexSnapshots(snapshots, flags);
  const weeks = new Set<string>();
  for (let i = 0; i < snapshots.length; i++) weeks.add((snapshots[i] as Usage).week);
  const wanted = new Map<Vendor, Set<string>>();
  for (const [vendor, byWeek] of index) {
    const ids = new Set<string>();
    for (const w of byWeek.values()) for (const id of w.rows.keys()) ids.add(id);
    wanted.set(vendor, ids);
  }
  return { index, weeks: [...weeks].sort(), wanted, lines: new Map() };
}

/** Records `line` when a snapshot names it. Later lines win, as in a plain Map. */
export function noteLine(set: SnapshotSet, line: PreparedLine, externalId: string): void {
  if (set.wanted.get(line.vendor)?.has(externalId)) set.lines.set(`${line.vendor}:${externalId}`, line);
}

/** Drift over every supplied week, plus the unused-seat findings of the latest week. */
export function driftReport(
  input: LicensingInput,
  set: SnapshotSet,
  links: Map<string, string>,
  policy: PreparedPolicy,
  nowMs: number,
  flags: Flag[],
  refOf: (key: string) => CustomerRef,
  base: CoverageBase,
  sources: string[],
): { report: DriftReport; unused: Finding[]; auditedCustomers: string[] } {
  const snapshots = input.snapshots ?? [];
  const { index, weeks, lines: lineIndex } = set;
  const currentWeek = weeks.at(-1);
  if (currentWeek === undefined) {
    const coverage = coverageOf(base, ['no seat snapshots in input'], []);
    return { report: { status: 'no_snapshots', currentWeek, previousWeek: undefined, vendors: [], periods: [], lines: [], skus: [], coverage }, unused: [], auditedCustomers: [] };
  }
  const ctx = driftContext(set.wanted, { lines: lineIndex, links, policy, nowMs });
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
    compareWeeks(index, vendors, week, previousWeek, ctx, allLines, allSkus);
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
