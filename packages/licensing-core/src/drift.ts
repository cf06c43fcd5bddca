import { isoWeek, type Usage, type Vendor } from '@vectis/connector-core';
import { parseWhen, readVendor, type PreparedPolicy } from './policy';
import { skuKeyFor, type PreparedLine } from './prepare';
import { compareText } from './rollup';
import type { Reduction } from './findings';
import type { Flag } from './types';

const DAY = 86_400_000;
/** NCE: seats added within 72 hours can still be cancelled. */
export const NCE_WINDOW_MS = 72 * 3_600_000;

/**
 * Per vendor: whether this week could be compared with the previous one.
 *
 * @example
 * for (const v of report.drift.vendors) if (v.status !== 'compared') console.warn(v.vendor, v.status);
 */
export interface VendorDriftStatus {
  vendor: Vendor;
  status: 'compared' | 'no_baseline' | 'missing_current' | 'cadence_mismatch';
  currentAsOf?: string | undefined;
  previousAsOf?: string | undefined;
}

/**
 * One line's week-over-week change. Unchanged lines are omitted.
 *
 * @example
 * for (const d of report.drift.lines) console.log(d.sku, d.change, d.delta, d.reduction?.when);
 */
export interface LineDrift {
  vendor: Vendor;
  subscriptionExternalId: string;
  customerKey: string;
  skuKey: string;
  sku: string;
  change: 'added' | 'removed' | 'grew' | 'shrank';
  previousSeats: number;
  currentSeats: number;
  delta: number;
  /**
   * For added or grown seats: when those added seats can be given back (decided by the commitment
   * term, not the billing frequency); `undefined` for shrinks and for lines not in the input.
   */
  reduction: Reduction | undefined;
  /** The two ISO weeks compared. */
  previousWeek: string;
  currentWeek: string;
  currentAsOf: string | undefined;
  previousAsOf: string | undefined;
}

/**
 * One customer + SKU's week-over-week change across vendors.
 *
 * @example
 * const gone = report.drift.skus.filter((d) => d.change === 'sku_gone');
 */
export interface SkuDrift {
  customerKey: string;
  skuKey: string;
  change: 'new_sku' | 'sku_gone' | 'grew' | 'shrank';
  previousSeats: number;
  currentSeats: number;
  delta: number;
  /** Read-only: shared by every row with the same vendors. */
  vendors: readonly Vendor[];
  previousWeek: string;
  currentWeek: string;
}

/** Snapshot rows of one vendor in one week, deduplicated per line (latest `asOf` wins). */
export interface WeekRows {
  asOf: string;
  rows: Map<string, Usage>;
  /** `rows` by position in the vendor's sorted id list (built by the first pair that needs it). */
  byPosition?: (Usage | undefined)[] | undefined;
}

/** Snapshots indexed by vendor and ISO week. */
export type SnapshotIndex = Map<Vendor, Map<string, WeekRows>>;

/** Indexes snapshots; flags unknown vendors and duplicate rows for one line in one week. */
export function indexSnapshots(snapshots: readonly Usage[], flags: Flag[]): SnapshotIndex {
  const index: SnapshotIndex = new Map();
  // Rows come week by week: the last vendor's and week's maps are kept at hand.
  let lastVendor: Vendor | undefined;
  let lastWeeks: Map<string, WeekRows> | undefined;
  let lastWeek: WeekRows | undefined;
  let lastWeekKey: string | undefined;
  for (let i = 0; i < snapshots.length; i++) {
    const row = snapshots[i] as Usage;
    const vendor = readVendor(row.vendor);
    if (vendor === undefined) {
      flags.push({ code: 'unknown_vendor', ref: snapshotRef(row), message: `vendor tag "${String(row.vendor)}" is not a known distributor; row skipped` });
      continue;
    }
    if (vendor !== lastVendor) {
      lastVendor = vendor;
      lastWeeks = index.get(vendor);
      if (!lastWeeks) index.set(vendor, (lastWeeks = new Map<string, WeekRows>()));
      lastWeekKey = undefined;
    }
    const weeks = lastWeeks as Map<string, WeekRows>;
    if (row.week !== lastWeekKey) {
      lastWeekKey = row.week;
      lastWeek = weeks.get(row.week);
      if (!lastWeek) weeks.set(row.week, (lastWeek = { asOf: row.asOf, rows: new Map<string, Usage>(), byPosition: undefined }));
    }
    const week = lastWeek as WeekRows;
    const seen = week.rows.get(row.subscriptionExternalId);
    if (seen) {
      const [early, late] = [seen.asOf, row.asOf].sort();
      flags.push({ code: 'duplicate_snapshot', ref: snapshotRef(row), message: `two rows for one line in ${row.week} (asOf ${early} and ${late}); the later is used` });
      // Input order must not decide: the later cut-off wins, then the larger count.
      if (row.asOf < seen.asOf || (row.asOf === seen.asOf && row.quantity <= seen.quantity)) continue;
    }
    week.rows.set(row.subscriptionExternalId, row);
    if (row.asOf > week.asOf) week.asOf = row.asOf;
  }
  return index;
}

// A row's flag reference, built only when the row is flagged (100k rows, almost none are).
function snapshotRef(row: Usage): string {
  return `snapshot:${String(row.vendor)}:${row.week}:${row.subscriptionExternalId}`;
}

/** The ISO week before `week` (`2026-W01` → `2025-W52` or `-W53`). */
export function previousIsoWeek(week: string): string {
  const [y, w] = week.split('-W').map(Number) as [number, number];
  const jan4 = Date.UTC(y, 0, 4);
  const monday = jan4 - (((new Date(jan4).getUTCDay() + 6) % 7) * DAY) + (w - 1) * 7 * DAY;
  return isoWeek(new Date(monday - 7 * DAY));
}

/**
 * When seats on a line can be reduced. Committed terms (P1Y/P2Y/P3Y) only at renewal, unless the
 * seats were added within the 72-hour NCE window (line started, or last changed, within 72 h).
 */
export function reductionFor(line: PreparedLine | undefined, nowMs: number, added: boolean): Reduction | undefined {
  if (!line) return undefined;
  const term = line.line.commitmentTerm;
  if (term !== 'P1Y' && term !== 'P2Y' && term !== 'P3Y') {
    return { when: 'now', reason: term === 'P1M' ? 'monthly commitment: reducible at the next monthly renewal' : 'no commitment term' };
  }
  const changed = parseWhen(added ? line.line.startDate : line.line.updatedAt) ?? parseWhen(line.line.updatedAt);
  if (changed !== undefined && nowMs - changed >= 0 && nowMs - changed <= NCE_WINDOW_MS) {
    return { when: 'now', reason: `${term} seats added within the 72-hour NCE window` };
  }
  const renewalDate = line.line.renewalDate ?? line.line.endDate;
  return {
    when: 'at_renewal',
    reason: `${term} commitment: seats can only be reduced at renewal`,
    ...(renewalDate === undefined ? {} : { renewalDate }),
  };
}

/** Vendor-level comparability of the latest week with the ISO week before it. */
export function vendorStatuses(index: SnapshotIndex, currentWeek: string, previousWeek: string, flags: Flag[]): VendorDriftStatus[] {
  const out: VendorDriftStatus[] = [];
  for (const vendor of [...index.keys()].sort()) {
    const weeks = index.get(vendor) as Map<string, WeekRows>;
    const cur = weeks.get(currentWeek);
    const prev = weeks.get(previousWeek);
    const s: VendorDriftStatus = { vendor, status: 'compared', currentAsOf: cur?.asOf, previousAsOf: prev?.asOf };
    if (!cur) s.status = 'missing_current';
    else if (!prev) s.status = 'no_baseline';
    else {
      // Same cut-off cadence: the two asOf instants must be a week apart (± 1 day).
      const gap = Date.parse(cur.asOf) - Date.parse(prev.asOf);
      if (!(gap >= 6 * DAY && gap <= 8 * DAY)) {
        s.status = 'cadence_mismatch';
        flags.push({ code: 'cadence_mismatch', ref: `snapshot:${vendor}:${currentWeek}`, message: `asOf ${prev.asOf} → ${cur.asOf} is not one week apart: not compared` });
      }
    }
    out.push(s);
  }
  return out;
}

/** What every pair of weeks needs from the run, built once for all of them. */
export interface DriftContext {
  lines: Map<string, PreparedLine>;
  links: Map<string, string>;
  policy: PreparedPolicy;
  nowMs: number;
  /** Per vendor: every line id seen in any week, sorted once (not once per pair). */
  ids: Map<Vendor, string[]>;
  /** Memo: vendor → customer id → customer key (`psa:<id>` or `<vendor>:<id>`). */
  customers: Map<Vendor, Map<string, string>>;
  /** Memo: vendor → position in `ids` → what that line's rows resolve to. */
  rows: Map<Vendor, (RowInfo | undefined)[]>;
  totals: SkuTotals;
}

/** Builds the shared context from every line id each vendor's weeks name: sorted once, and empty memos. */
export function driftContext(idsByVendor: Map<Vendor, Set<string>>, base: Pick<DriftContext, 'lines' | 'links' | 'policy' | 'nowMs'>): DriftContext {
  const ids = new Map<Vendor, string[]>();
  for (const [vendor, all] of idsByVendor) ids.set(vendor, [...all].sort());
  const totals: SkuTotals = { index: new Map(), keys: [], sorted: [], prev: [], cur: [], prevLines: [], curLines: [], vendors: [], pair: [], pairs: 0 };
  return { ...base, ids, customers: new Map(), rows: new Map(), totals };
}

/**
 * Customer + SKU totals of the pair being compared, in flat arrays indexed by a customer + SKU
 * number that stays the same for all 51 pairs: no totals object, map or key string per pair.
 */
interface SkuTotals {
  index: Map<string, number>;
  keys: SkuKey[];
  /** Entry numbers in customer, then SKU order (as many as `keys` once sorted). */
  sorted: number[];
  prev: number[];
  cur: number[];
  prevLines: number[];
  curLines: number[];
  /** Bit per vendor (see VENDOR_BITS). */
  vendors: number[];
  /** The pair that last touched the entry; entries of older pairs count as zero. */
  pair: number[];
  pairs: number;
}

const VENDOR_BITS: readonly Vendor[] = ['ingram_micro', 'pax8', 'sherweb', 'td_synnex'];

interface SkuKey {
  customerKey: string;
  skuKey: string;
}

/** What one snapshot line id resolves to; the same for every pair while the row says the same. */
interface RowInfo {
  customerExternalId: string;
  sku: string | undefined;
  line: PreparedLine | undefined;
  customerKey: string;
  skuText: string;
  skuKey: string;
  /** The customer + SKU number in {@link SkuTotals}. */
  agg: number;
  /** Memo of {@link reductionFor} for added and for grown seats (`null` until computed). */
  added: Reduction | undefined | null;
  grew: Reduction | undefined | null;
}

/** Appends the line and customer + SKU changes of vendors whose two weeks are comparable. */
export function compareWeeks(
  index: SnapshotIndex,
  statuses: VendorDriftStatus[],
  currentWeek: string,
  previousWeek: string,
  ctx: DriftContext,
  lines: LineDrift[],
  skus: SkuDrift[],
): void {
  const t = ctx.totals;
  const pair = ++t.pairs;
  for (const s of statuses) {
    if (s.status !== 'compared') continue;
    const weeks = index.get(s.vendor) as Map<string, WeekRows>;
    const ids = ctx.ids.get(s.vendor) ?? [];
    // Rows by position in `ids`, built once per week (each week is in two pairs): no lookups here.
    const cur = rowsByPosition(weeks.get(currentWeek) as WeekRows, ids);
    const prev = rowsByPosition(weeks.get(previousWeek) as WeekRows, ids);
    let infos = ctx.rows.get(s.vendor);
    if (!infos) ctx.rows.set(s.vendor, (infos = new Array<RowInfo | undefined>(ids.length).fill(undefined)));
    for (let pos = 0; pos < ids.length; pos++) {
      const c = cur[pos];
      const p = prev[pos];
      if (!c && !p) continue;
      const id = ids[pos] as string;
      const row = (c ?? p) as Usage;
      let info = infos[pos];
      if (!info || info.customerExternalId !== row.customerExternalId || info.sku !== row.sku) infos[pos] = info = rowInfo(ctx, s.vendor, id, row);
      const { line, customerKey, skuKey, skuText } = info;
      const before = p?.quantity ?? 0;
      const after = c?.quantity ?? 0;
      const g = info.agg;
      if (t.pair[g] !== pair) {
        t.pair[g] = pair;
        t.prev[g] = t.cur[g] = t.prevLines[g] = t.curLines[g] = t.vendors[g] = 0;
      }
      (t.prev[g] as number) += before;
      (t.cur[g] as number) += after;
      (t.prevLines[g] as number) += p ? 1 : 0;
      (t.curLines[g] as number) += c ? 1 : 0;
      (t.vendors[g] as number) |= 1 << VENDOR_BITS.indexOf(s.vendor);
      if (p && c && before === after) continue;
      const change = !p ? 'added' : !c ? 'removed' : after > before ? 'grew' : 'shrank';
      lines.push({
        vendor: s.vendor, subscriptionExternalId: id, customerKey, skuKey, sku: skuText, change,
        previousSeats: before, currentSeats: after, delta: after - before,
        reduction: after > before ? reductionOf(ctx, info, change === 'added') : undefined,
        previousWeek, currentWeek, currentAsOf: c?.asOf, previousAsOf: p?.asOf,
      });
    }
  }
  // Customer, then SKU order, from an order of all entries sorted once (again only when a pair
  // added entries): no string comparisons per pair.
  if (t.sorted.length !== t.keys.length) {
    const k = t.keys;
    t.sorted = k.map((_, i) => i).sort((x, y) => compareText((k[x] as SkuKey).customerKey, (k[y] as SkuKey).customerKey) || compareText((k[x] as SkuKey).skuKey, (k[y] as SkuKey).skuKey));
  }
  for (let i = 0; i < t.sorted.length; i++) {
    const g = t.sorted[i] as number;
    if (t.pair[g] !== pair) continue;
    const prev = t.prev[g] as number;
    const cur = t.cur[g] as number;
    const change = t.prevLines[g] === 0 ? 'new_sku' : t.curLines[g] === 0 ? 'sku_gone' : cur > prev ? 'grew' : cur < prev ? 'shrank' : undefined;
    if (change === undefined) continue;
    const { customerKey, skuKey } = t.keys[g] as SkuKey;
    skus.push({ customerKey, skuKey, change, previousSeats: prev, currentSeats: cur, delta: cur - prev, vendors: vendorsOf(t.vendors[g] as number), previousWeek, currentWeek });
  }
}

// One frozen vendor list per combination (4 vendors: 16 lists), shared by every SKU drift row.
const VENDOR_SETS: readonly (readonly Vendor[])[] = Array.from({ length: 1 << VENDOR_BITS.length }, (_, bits) => Object.freeze(VENDOR_BITS.filter((_, i) => bits & (1 << i))));
function vendorsOf(bits: number): readonly Vendor[] {
  return VENDOR_SETS[bits] as readonly Vendor[];
}

function rowsByPosition(week: WeekRows, ids: readonly string[]): (Usage | undefined)[] {
  if (week.byPosition) return week.byPosition;
  const out = new Array<Usage | undefined>(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = week.rows.get(ids[i] as string);
  return (week.byPosition = out);
}

function rowInfo(ctx: DriftContext, vendor: Vendor, id: string, row: Usage): RowInfo {
  const line = ctx.lines.get(`${vendor}:${id}`);
  const customerKey = customerKeyOf(ctx, vendor, row.customerExternalId);
  const skuText = row.sku ?? line?.sku ?? id;
  const skuKey = line?.skuKey ?? skuKeyFor(vendor, skuText, ctx.policy);
  const t = ctx.totals;
  const aggKey = `${customerKey}\u0000${skuKey}`;
  let agg = t.index.get(aggKey);
  if (agg === undefined) {
    t.index.set(aggKey, (agg = t.keys.length));
    t.keys.push({ customerKey, skuKey });
    // Grown together, so every array stays packed (no holes).
    t.pair.push(0);
    t.prev.push(0);
    t.cur.push(0);
    t.prevLines.push(0);
    t.curLines.push(0);
    t.vendors.push(0);
  }
  return { customerExternalId: row.customerExternalId, sku: row.sku, line, customerKey, skuText, skuKey, agg, added: null, grew: null };
}

function customerKeyOf(ctx: DriftContext, vendor: Vendor, customerId: string): string {
  let perVendor = ctx.customers.get(vendor);
  if (!perVendor) ctx.customers.set(vendor, (perVendor = new Map()));
  let key = perVendor.get(customerId);
  if (key === undefined) {
    const own = `${vendor}:${customerId}`;
    perVendor.set(customerId, (key = ctx.links.get(own) ?? own));
  }
  return key;
}

// The answer depends only on the line and `now`, and a line grows in many of 52 weekly pairs: kept
// on the row's info (no Map lookup per changed row).
function reductionOf(ctx: DriftContext, info: RowInfo, added: boolean): Reduction | undefined {
  if (added) {
    if (info.added === null) info.added = reductionFor(info.line, ctx.nowMs, true);
    return info.added;
  }
  if (info.grew === null) info.grew = reductionFor(info.line, ctx.nowMs, false);
  return info.grew;
}
