import type { Money } from '@vectis/connector-core';
import { add, cmp, parseDec, ZERO, type Dec } from './decimal';
import type { Finding, FindingDirection, FindingKind } from './findings';
import { parseNow } from './policy';
import { addTo, compareText, moneyList } from './rollup';
import type { ResultCoverage } from './types';

/**
 * What the MSP decided about a finding, persisted between runs and keyed by the finding's stable id.
 *
 * @example
 * const s: FindingState = { id: 'lf_…', kind: 'uncontracted_seats', customerKey: 'psa:7', skuKey: 'sku:X',
 *   status: 'muted', mutedUntil: '2026-12-26T00:00:00Z', firstSeen: '2026-11-02T00:00:00Z', lastSeen: '2026-11-23T00:00:00Z' };
 */
export interface FindingState {
  id: string;
  kind: FindingKind;
  customerKey: string;
  skuKey: string;
  status: 'open' | 'muted' | 'resolved';
  /** Muted rows re-open when the mute expires and the condition still holds; absent = muted indefinitely. */
  mutedUntil?: string | undefined;
  firstSeen: string;
  lastSeen: string;
  resolvedAt?: string | undefined;
}

/**
 * Per finding kind, the customers whose comparison for that kind ran completely this run
 * (`report.moneyFound.audited`). A finding can only be resolved by a run that audited it.
 *
 * @example
 * const audited: AuditedScope = { uncontracted_seats: ['psa:100'], unused_seats: [] };
 */
export type AuditedScope = Partial<Record<FindingKind, readonly string[]>>;

/**
 * What happened to each finding this run.
 *
 * @example
 * console.log(`${changes.opened.length} new, ${changes.resolved.length} resolved`);
 */
export interface FindingChanges {
  opened: string[];
  reopened: string[];
  resolved: string[];
  /** Previous states left unchanged because their customer was not audited for that kind this run. */
  notAudited: string[];
}

/**
 * Carries finding states from the previous run to this one:
 * - a new finding opens; a resolved one whose condition recurs re-opens; a muted one stays muted
 *   until `mutedUntil`, then re-opens if the condition still holds;
 * - a state whose finding is gone becomes resolved, but **only** when its customer was audited for
 *   that kind this run (`audited`, i.e. `report.moneyFound.audited`): a missing input is not a fix.
 *
 * @example
 * const { states, changes } = trackFindings({ previous, findings: report.moneyFound.findings,
 *   audited: report.moneyFound.audited, now: '2026-11-30T06:00:00Z' });
 */
export function trackFindings(input: {
  previous: readonly FindingState[];
  findings: readonly Finding[];
  audited: AuditedScope;
  now: Date | string;
}): { states: FindingState[]; changes: FindingChanges } {
  const nowMs = parseNow(input.now);
  const now = new Date(nowMs).toISOString();
  const audited = new Map(Object.entries(input.audited).map(([kind, keys]) => [kind, new Set(keys)]));
  const previous = new Map(input.previous.map((s) => [s.id, s]));
  const changes: FindingChanges = { opened: [], reopened: [], resolved: [], notAudited: [] };
  const states: FindingState[] = [];
  const current = new Set<string>();
  for (const f of input.findings) {
    if (current.has(f.id)) continue;
    current.add(f.id);
    const prev = previous.get(f.id);
    const base = { id: f.id, kind: f.kind, customerKey: f.customer.key, skuKey: f.skuKey, lastSeen: now };
    if (!prev) {
      changes.opened.push(f.id);
      states.push({ ...base, status: 'open', firstSeen: now });
    } else if (prev.status === 'muted' && (prev.mutedUntil === undefined || Date.parse(prev.mutedUntil) > nowMs)) {
      // No `mutedUntil` means muted until someone unmutes it.
      states.push({ ...base, status: 'muted', firstSeen: prev.firstSeen, ...(prev.mutedUntil ? { mutedUntil: prev.mutedUntil } : {}) });
    } else {
      if (prev.status !== 'open') changes.reopened.push(f.id);
      states.push({ ...base, status: 'open', firstSeen: prev.firstSeen });
    }
  }
  for (const prev of input.previous) {
    if (current.has(prev.id)) continue;
    if (prev.status === 'resolved') states.push(prev);
    else if (!audited.get(prev.kind)?.has(prev.customerKey)) {
      changes.notAudited.push(prev.id);
      states.push(prev);
    } else {
      changes.resolved.push(prev.id);
      const { mutedUntil: _dropped, ...rest } = prev;
      states.push({ ...rest, status: 'resolved', resolvedAt: now });
    }
  }
  states.sort((a, b) => compareText(a.id, b.id));
  for (const list of Object.values(changes)) list.sort();
  return { states, changes };
}

/**
 * One customer's opportunity in one currency.
 *
 * @example
 * for (const c of digest.topCustomers[0]?.customers ?? []) console.log(c.customerKey, c.impact.amount);
 */
export interface DigestCustomer {
  customerKey: string;
  impact: Money;
  findings: number;
}

/**
 * The Monday digest: opportunity per currency (never summed across currencies), the change since
 * last week and the top five customers per currency.
 *
 * @example
 * for (const m of digest.opportunity) console.log(m.amount, m.currency);
 */
export interface WeeklyDigest {
  /** Monthly impact of open (not muted) findings, per currency. */
  opportunity: Money[];
  byDirection: { direction: FindingDirection; totals: Money[] }[];
  openFindings: number;
  mutedFindings: number;
  /** Open findings without a money figure (e.g. currency mismatch); they still need a look. */
  unvaluedFindings: number;
  newSinceLastWeek: number;
  reopenedSinceLastWeek: number;
  resolvedSinceLastWeek: number;
  topCustomers: { currency: string; customers: DigestCustomer[] }[];
  coverage: ResultCoverage;
}

/**
 * Builds the weekly digest from this run's findings and their tracked states.
 *
 * @example
 * const digest = weeklyDigest({ findings: report.moneyFound.findings, states, changes, coverage: report.moneyFound.coverage });
 */
export function weeklyDigest(input: {
  findings: readonly Finding[];
  states: readonly FindingState[];
  changes: FindingChanges;
  coverage: ResultCoverage;
}): WeeklyDigest {
  const status = new Map(input.states.map((s) => [s.id, s.status]));
  const open = input.findings.filter((f) => (status.get(f.id) ?? 'open') === 'open');
  const totals = new Map<string, Dec>();
  const directions = new Map<FindingDirection, Map<string, Dec>>();
  const customers = new Map<string, Map<string, { total: Dec; findings: number }>>();
  for (const f of open) {
    const amount = f.monthlyImpact ? parseDec(f.monthlyImpact.amount) : undefined;
    if (!f.monthlyImpact || amount === undefined) continue;
    const c = f.monthlyImpact.currency;
    addTo(totals, c, amount);
    const d = directions.get(f.direction) ?? new Map<string, Dec>();
    directions.set(f.direction, d);
    addTo(d, c, amount);
    const perCurrency = customers.get(c) ?? new Map<string, { total: Dec; findings: number }>();
    customers.set(c, perCurrency);
    const entry = perCurrency.get(f.customer.key) ?? { total: ZERO, findings: 0 };
    perCurrency.set(f.customer.key, { total: add(entry.total, amount), findings: entry.findings + 1 });
  }
  return {
    opportunity: moneyList(totals),
    byDirection: [...directions.entries()].sort(([a], [b]) => compareText(a, b)).map(([direction, m]) => ({ direction, totals: moneyList(m) })),
    openFindings: open.length,
    mutedFindings: input.findings.length - open.length,
    unvaluedFindings: open.filter((f) => !f.monthlyImpact).length,
    newSinceLastWeek: input.changes.opened.length,
    reopenedSinceLastWeek: input.changes.reopened.length,
    resolvedSinceLastWeek: input.changes.resolved.length,
    topCustomers: [...customers.entries()].sort(([a], [b]) => compareText(a, b)).map(([currency, m]) => ({
      currency,
      customers: [...m.entries()]
        .sort(([ka, a], [kb, b]) => cmp(b.total, a.total) || compareText(ka, kb))
        .slice(0, 5)
        .map(([customerKey, v]) => ({ customerKey, impact: moneyList(new Map([[currency, v.total]]))[0] as Money, findings: v.findings })),
    })),
    coverage: input.coverage,
  };
}
