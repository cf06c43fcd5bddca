// Builds the licensing report, the Money Found digest and the chart series from the store and the
// CLI's PSA file. Lines are the store's current lines; `week` limits the seat snapshots.
import { isoWeek, type Usage } from '@vectis/connector-core';
import type { Store, SyncRunRecord } from '@vectis/sync';
import { computeLicensingReport, trackFindings, weeklyDigest, type LicensingPolicy, type LicensingReport, type ReportLink, type SourceCoverage, type WeeklyDigest } from './lib';
import type { PsaData } from './store';

export interface ReportBundle {
  week: string;
  report: LicensingReport;
  digest: WeeklyDigest;
  policy: LicensingPolicy;
  customerNames: Map<string, string>;
  /** Seats per ISO week per customer + SKU, from the stored weekly snapshots. */
  seatSeries: { key: string; customer: string; sku: string; points: { week: string; seats: number }[] }[];
}

/** Sunday 23:59:59.999 UTC of an ISO week, e.g. 2026-W49. */
export function endOfIsoWeek(week: string): Date {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`"${week}" is not an ISO week such as 2026-W49`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday = jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
  return new Date(monday + 7 * 86_400_000 - 1);
}

/** The latest run's incomplete streams, so an incomplete read never reads as "clean". */
function sourcesOf(run: SyncRunRecord | undefined): SourceCoverage[] {
  if (!run) return [];
  const out: SourceCoverage[] = [];
  for (const [vendor, summary] of Object.entries(run.vendors)) {
    if (!summary || summary.status === 'succeeded' || summary.status === 'skipped') continue;
    const errors = run.errors.filter((e) => e.vendor === vendor && e.severity === 'error');
    const reason = errors.map((e) => e.message).join('; ') || `last sync ${summary.status}`;
    for (const stream of ['customers', 'subscriptions'] as const) out.push({ vendor: vendor as SourceCoverage['vendor'], stream, complete: false, reason });
  }
  return out;
}

/**
 * @example
 * const bundle = await buildReport(store, readPsa(file), { minMarginPercent: '12' }, '2026-W49');
 */
export async function buildReport(store: Store, psa: PsaData, policy: LicensingPolicy, week?: string): Promise<ReportBundle> {
  const runs = await store.latestRuns(50);
  const allUsage = await store.listUsage();
  const weeks = [...new Set(allUsage.map((u) => u.week))].sort();
  const target = week ?? runs.find((r) => r.status !== 'failed')?.week ?? weeks.at(-1) ?? isoWeek(new Date());
  const inWeek = runs.find((r) => r.week === target && r.status !== 'failed');
  const now = inWeek ? new Date(inWeek.asOf) : endOfIsoWeek(target);
  const usage = allUsage.filter((u) => u.week <= target);
  const previousWeek = weeks.filter((w) => w < target).at(-1);

  const lines = await store.listSubscriptions();
  const links: ReportLink[] = (await store.listLinks())
    .filter((l) => l.override !== 'never_link')
    .map((l) => ({ vendor: l.vendor, customerExternalId: l.customerExternalId, psaCompanyId: l.psaCompanyId, status: l.source === 'manual' ? 'confirmed' : l.tier === 'auto' ? 'auto' : 'review' }));
  const sources = sourcesOf(inWeek ?? runs[0]);
  const input = { subscriptions: lines, contracts: psa.contracts, links, policy, sources };
  const report = computeLicensingReport({ ...input, snapshots: usage, now });
  // The digest says what is new since last week: last week's findings, recomputed the same way.
  let states: Parameters<typeof trackFindings>[0]['previous'] = [];
  if (previousWeek) {
    const last = computeLicensingReport({ ...input, snapshots: usage.filter((u) => u.week <= previousWeek), now: endOfIsoWeek(previousWeek) });
    states = trackFindings({ previous: [], findings: last.moneyFound.findings, audited: last.moneyFound.audited, now: endOfIsoWeek(previousWeek) }).states;
  }
  const tracked = trackFindings({ previous: states, findings: report.moneyFound.findings, audited: report.moneyFound.audited, now });
  const digest = weeklyDigest({ findings: report.moneyFound.findings, states: tracked.states, changes: tracked.changes, coverage: report.moneyFound.coverage });

  const customers = await store.listCustomers({ includeRemoved: true });
  const customerNames = new Map<string, string>([
    ...customers.map((c): [string, string] => [`${c.vendor}:${c.externalId}`, c.name]),
    ...psa.companies.map((c): [string, string] => [`psa:${c.id}`, c.name]),
  ]);
  return { week: target, report, digest, policy, customerNames, seatSeries: seatSeries(usage, customerNames) };
}

function seatSeries(usage: readonly Usage[], names: Map<string, string>): ReportBundle['seatSeries'] {
  const byKey = new Map<string, { customer: string; sku: string; weeks: Map<string, number> }>();
  for (const u of usage) {
    const sku = u.sku ?? u.subscriptionExternalId;
    const key = `${u.vendor}:${u.customerExternalId}|${sku}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { customer: names.get(`${u.vendor}:${u.customerExternalId}`) ?? `${u.vendor}:${u.customerExternalId}`, sku, weeks: new Map() }));
    s.weeks.set(u.week, (s.weeks.get(u.week) ?? 0) + u.quantity); // seats are counts, never money: adding lines of one SKU is safe
  }
  return [...byKey.entries()].map(([key, s]) => ({ key, customer: s.customer, sku: s.sku, points: [...s.weeks.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([week, seats]) => ({ week, seats })) }));
}
