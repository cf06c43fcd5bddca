import type { Usage, Vendor } from '@vectis/connector-core';
import { add, divInt, mulInt, roundDecimalString, ZERO, type Dec } from './decimal';
import { reductionFor, type SnapshotIndex } from './drift';
import { findingId } from './finding-id';
import { flat } from './text';
import type { Finding, Reduction } from './findings';
import { vendorLabelOf } from './label';
import type { PreparedLine } from './prepare';
import { compareText, money, sortedUnique } from './rollup';
import type { CustomerRef } from './types';

interface UnusedAgg {
  customerKey: string;
  skuKey: string;
  unused: number;
  rows: { row: Usage; line: PreparedLine | undefined; unused: number }[];
}

/**
 * `pays_for_unused` findings from the latest week: seats licensed but not assigned (or consumed),
 * where the vendor reports assignment. Valued at the line's monthly unit cost.
 */
export function unusedSeatFindings(
  index: SnapshotIndex,
  currentWeek: string,
  ctx: { lines: Map<string, PreparedLine>; refOf: (key: string) => CustomerRef; nowMs: number },
): Finding[] {
  const groups = new Map<string, UnusedAgg>();
  for (const [vendor, weeks] of index) {
    const week = weeks.get(currentWeek);
    if (!week) continue;
    for (const row of week.rows.values()) {
      const used = row.assigned ?? row.consumed;
      if (used === undefined || used >= row.quantity) continue;
      const line = ctx.lines.get(`${vendor}:${row.subscriptionExternalId}`);
      // Only lines that still count: unused seats on an ended or trial line cost nothing.
      if (line && line.seatState !== 'counted') continue;
      const customerKey = line?.customerKey ?? `${vendor}:${row.customerExternalId}`;
      const skuKey = line?.skuKey ?? `sku:${row.sku ?? row.subscriptionExternalId}`;
      const key = `${customerKey}\u0000${skuKey}`;
      const agg = groups.get(key) ?? { customerKey, skuKey, unused: 0, rows: [] };
      groups.set(key, agg);
      agg.unused += row.quantity - used;
      agg.rows.push({ row, line, unused: row.quantity - used });
    }
  }
  return [...groups.values()].map((g) => toFinding(g, ctx.refOf(g.customerKey), ctx.nowMs));
}

function toFinding(g: UnusedAgg, customer: CustomerRef, nowMs: number): Finding {
  // Snapshot order must not matter (finding text included).
  g.rows.sort((a, b) => compareText(`${a.row.vendor}:${a.row.subscriptionExternalId}`, `${b.row.vendor}:${b.row.subscriptionExternalId}`));
  const vendors = sortedUnique(g.rows.map((r) => r.row.vendor as Vendor));
  const byCurrency = new Map<string, Dec>();
  let valued = true;
  for (const { line, unused } of g.rows) {
    if (!line || line.monthlyCost === undefined || line.currency === undefined || line.seats === 0) valued = false;
    else byCurrency.set(line.currency, add(byCurrency.get(line.currency) ?? ZERO, mulInt(divInt(line.monthlyCost, line.seats), unused)));
  }
  const single = valued && byCurrency.size === 1 ? [...byCurrency.entries()][0] : undefined;
  const reduction = combine(g.rows.map((r) => reductionFor(r.line, nowMs, false)));
  const impact = single ? money(single[1], single[0]) : undefined;
  const when = reduction?.when === 'now' ? 'now' : reduction?.renewalDate ? `at renewal on ${reduction.renewalDate}` : 'at renewal';
  return {
    id: findingId('unused_seats', g.customerKey, g.skuKey),
    kind: 'unused_seats',
    direction: 'pays_for_unused',
    customer,
    skuKey: g.skuKey,
    skus: sortedUnique(g.rows.map((r) => r.line?.sku ?? r.row.sku ?? r.row.subscriptionExternalId)),
    vendors,
    vendorLabel: vendorLabelOf(vendors),
    seats: g.unused,
    monthlyImpact: impact,
    impactBasis: impact ? 'unit_cost' : 'none',
    summary: flat`${g.unused} licensed seat(s) not assigned in the latest snapshot`,
    action: flat`Reduce the distributor subscription by ${g.unused} seat(s) ${when}${impact ? ` (saves ${roundDecimalString(impact.amount, 2)} ${impact.currency}/month)` : ''}, or assign them.`,
    evidence: {
      lineIds: sortedUnique(g.rows.map((r) => r.line?.ref ?? `line:${r.row.vendor}:${r.row.subscriptionExternalId}`)),
      contractIds: [],
      snapshotAsOf: sortedUnique(g.rows.map((r) => r.row.asOf)),
    },
    reduction,
    confidence: g.rows.every((r) => r.line) ? 'high' : 'low',
    caveats: g.rows.every((r) => r.line) ? [] : ['a snapshot row has no matching subscription line: term and cost unknown'],
  };
}

// Reducible now only if every line is; otherwise at the earliest renewal date given.
function combine(parts: (Reduction | undefined)[]): Reduction | undefined {
  if (parts.some((p) => p === undefined)) return undefined;
  const known = parts as Reduction[];
  if (known.every((p) => p.when === 'now')) return known[0];
  const later = known
    .filter((p) => p.when === 'at_renewal')
    .sort((a, b) => compareText(a.renewalDate ?? '~', b.renewalDate ?? '~') || compareText(a.reason, b.reason));
  return later[0] as Reduction;
}
