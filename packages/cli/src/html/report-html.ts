// `vectis report --format html`: one self-contained file (inline CSS and SVG, no script, no
// external URL) that opens offline. Chart lengths use floats; every printed amount is the exact string.
import type { ReportBundle } from '../report-data';
import { roundDecimalString } from '../lib';
import { barChart, esc, lineChart, type Bar } from './charts';

const DIRECTION_LABELS: Record<string, string> = {
  msp_underbills: 'MSP under-bills (seats or price to bill)',
  msp_overbills: 'MSP over-bills (client pays too much)',
  pays_for_unused: 'Pays for unused seats',
  review: 'Needs review',
};

// Display rounding only: the JSON and CSV formats carry the exact amounts.
const money = (m: { amount: string; currency: string }) => `${roundDecimalString(m.amount, 2)} ${m.currency}`;
const nameOf = (b: ReportBundle, key: string, fallback: string) => b.customerNames.get(key) ?? fallback;

function seatsSection(b: ReportBundle): string {
  // The series that moved most week to week, then the largest: drift is what a reader looks for.
  const ranked = [...b.seatSeries]
    .map((s) => ({ s, moved: s.points.reduce((acc, p, i) => acc + (i ? Math.abs(p.seats - s.points[i - 1]!.seats) : 0), 0), size: Math.max(...s.points.map((p) => p.seats)) }))
    .sort((x, y) => y.moved - x.moved || y.size - x.size || x.s.key.localeCompare(y.s.key))
    .slice(0, 10);
  const chart = lineChart('Seats per week per customer and SKU', ranked.map(({ s }) => ({ label: `${s.customer} · ${s.sku}`, points: s.points.map((p) => ({ x: p.week, y: p.seats })) })));
  const rows = b.report.drift.lines.slice(0, 25).map((l) =>
    `<tr><td>${esc(nameOf(b, l.customerKey, l.customerKey))}</td><td>${esc(l.sku)}</td><td>${esc(l.change)}</td><td class="n">${l.previousSeats}</td><td class="n">${l.currentSeats}</td><td class="n">${l.delta > 0 ? '+' : ''}${l.delta}</td></tr>`);
  const status = `drift ${esc(b.report.drift.status)}: ${esc(b.report.drift.previousWeek ?? '—')} → ${esc(b.report.drift.currentWeek ?? '—')}`;
  return `<section><h2>Seats per week (drift)</h2><p class="muted">${status}; ${b.seatSeries.length} customer × SKU series, the 10 that moved most are drawn.</p>${chart}` +
    (rows.length ? `<table><thead><tr><th>Customer</th><th>SKU</th><th>Change</th><th>Before</th><th>Now</th><th>Δ</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No seat changes between the two weeks.</p>') + '</section>';
}

function marginSection(b: ReportBundle): string {
  const policyFor = (skus: readonly string[]) => skus.map((s) => b.policy.minMarginBySku?.[s]).find((x) => x !== undefined) ?? b.policy.minMarginPercent;
  const items = b.report.rollups.items
    .filter((r) => r.margin?.marginPercent !== undefined)
    .map((r) => ({ r, pct: Number(r.margin!.marginPercent), policy: policyFor(r.skus) }))
    .sort((x, y) => x.pct - y.pct || x.r.skuKey.localeCompare(y.r.skuKey))
    .slice(0, 20);
  const bars: Bar[] = items.map(({ r, pct, policy }) => ({
    label: `${nameOf(b, r.customer.key, r.customer.key)} · ${r.productName || r.skuKey}`,
    value: pct,
    color: pct < Number(policy) ? '#dc2626' : '#16a34a',
    note: `${roundDecimalString(r.margin!.marginPercent!, 1)} % (${money(r.margin!.margin)}/mo)`,
  }));
  const chart = barChart('Margin per SKU against the policy', bars, { unit: ' %', reference: { value: Number(b.policy.minMarginPercent), label: `policy ${b.policy.minMarginPercent} %` } });
  const without = b.report.rollups.items.length - b.report.rollups.items.filter((r) => r.margin?.marginPercent !== undefined).length;
  return `<section><h2>Margin per SKU against the policy</h2><p class="muted">Lowest 20 margins of linked customers with a PSA price; red is below the policy minimum. ${without} customer × SKU rows have no margin (not linked, no contract, or no cost).</p>${bars.length ? chart : '<p>No margins could be computed: import PSA contract lines and run vectis match.</p>'}</section>`;
}

function opportunitySection(b: ReportBundle): string {
  const d = b.digest;
  // One chart per currency: amounts in different currencies are never added or drawn on one axis.
  const currencies = [...new Set(d.byDirection.flatMap((x) => x.totals.map((t) => t.currency)))].sort();
  const charts = currencies.map((cur) => {
    const bars: Bar[] = d.byDirection.flatMap((x) => x.totals.filter((t) => t.currency === cur).map((t) => ({ label: DIRECTION_LABELS[x.direction] ?? x.direction, value: Number(t.amount), note: money(t), color: x.direction === 'msp_underbills' ? '#2563eb' : x.direction === 'pays_for_unused' ? '#ea580c' : '#9333ea' })));
    return barChart(`Opportunity by direction (${cur} per month)`, bars);
  });
  const totals = d.opportunity.map(money).join(' · ') || '—';
  return `<section><h2>Opportunity by direction</h2><p><strong>Money Found: ${esc(totals)} per month</strong> from ${d.openFindings} open findings (${d.newSinceLastWeek} new, ${d.resolvedSinceLastWeek} resolved since last week; ${d.unvaluedFindings} without a money figure).</p>${charts.join('') || '<p>No valued findings.</p>'}</section>`;
}

function findingsTable(b: ReportBundle): string {
  const rows = b.report.moneyFound.findings.slice(0, 50).map((f) =>
    `<tr><td>${esc(nameOf(b, f.customer.key, f.customer.key))}</td><td>${esc(f.kind)}</td><td>${esc(f.skus.join(', ') || f.skuKey)}</td><td class="n">${f.monthlyImpact ? esc(money(f.monthlyImpact)) : '—'}</td><td>${esc(f.summary)}</td><td>${esc(f.action)}</td></tr>`);
  return `<section><h2>Findings</h2>${rows.length ? `<table><thead><tr><th>Customer</th><th>Kind</th><th>SKU</th><th>Per month</th><th>What</th><th>Do</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<p>No findings.</p>'}</section>`;
}

/**
 * @example
 * writeFileSync('report.html', renderHtmlReport(await buildReport(store, psa, policy)));
 */
export function renderHtmlReport(b: ReportBundle): string {
  const cov = b.report.moneyFound.coverage;
  const banner = cov.status === 'complete' ? '' : `<p class="warn">Coverage ${esc(cov.status)}: ${esc(cov.reasons.join('; ') || 'some data could not be compared')}. Absence of a finding is not a clean bill.</p>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>Vectis licensing report ${esc(b.week)}</title>
<style>body{font-family:system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#111827}h1{font-size:22px}h2{font-size:17px;margin-top:28px}
table{border-collapse:collapse;width:100%;font-size:12px;margin-top:8px}td,th{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
.muted{color:#6b7280;font-size:13px}.warn{background:#fef3c7;padding:8px;border-left:4px solid #d97706}svg{display:block;margin-top:8px}</style></head>
<body><h1>Vectis licensing report — ${esc(b.week)}</h1><p class="muted">Computed ${esc(b.report.now)} from the store; margin policy ${esc(b.policy.minMarginPercent)} %.</p>${banner}
${opportunitySection(b)}${seatsSection(b)}${marginSection(b)}${findingsTable(b)}
</body></html>
`;
}
