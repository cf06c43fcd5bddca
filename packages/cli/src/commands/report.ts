// `vectis report [--week …] [--format table|json|csv|html] [--out file]`.
import { ConfigurationError } from '@vectis/connector-core';
import type { Store } from '@vectis/sync';
import { writeFileSync } from 'node:fs';
import { renderHtmlReport } from '../html/report-html';
import { EXIT, type Io } from '../io';
import { formatLicensingReport, type LicensingPolicy } from '../lib';
import { buildReport, type ReportBundle } from '../report-data';
import { readPsa } from '../store';

export const REPORT_FORMATS = ['table', 'json', 'csv', 'html'] as const;

const csvCell = (v: string | number | undefined) => {
  const s = v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s; // quote formula-looking cells too
};

/** One row per Money Found finding: what a spreadsheet user filters and sums per currency. */
export function findingsCsv(b: ReportBundle): string {
  const head = ['finding_id', 'kind', 'direction', 'customer', 'customer_key', 'sku', 'vendors', 'seats', 'monthly_impact', 'currency', 'confidence', 'summary', 'action'];
  const rows = b.report.moneyFound.findings.map((f) => [
    f.id, f.kind, f.direction, b.customerNames.get(f.customer.key) ?? f.customer.key, f.customer.key, f.skus.join(' '), f.vendors.join(' '),
    f.seats, f.monthlyImpact?.amount, f.monthlyImpact?.currency, f.confidence, f.summary, f.action,
  ].map(csvCell).join(','));
  return `${[head.join(','), ...rows].join('\n')}\n`;
}

function render(b: ReportBundle, format: (typeof REPORT_FORMATS)[number]): string {
  switch (format) {
    case 'html':
      return renderHtmlReport(b);
    case 'csv':
      return findingsCsv(b);
    case 'json':
      return `${JSON.stringify({ week: b.week, policy: b.policy, digest: b.digest, report: b.report, seatsPerWeek: b.seatSeries })}\n`;
    default:
      return `Week ${b.week}\n${formatLicensingReport(b.report, { digest: b.digest, maxRows: 12, customerNames: b.customerNames })}\n`;
  }
}

export interface ReportOptions { week?: string | undefined; format: string; out?: string | undefined; policy: LicensingPolicy }

/** @example await reportCommand(io, store, psaFile, { format: 'html', out: 'report.html', policy: { minMarginPercent: '12' } }) */
export async function reportCommand(io: Io, store: Store, psaFile: string, o: ReportOptions): Promise<number> {
  const issues = [];
  if (!(REPORT_FORMATS as readonly string[]).includes(o.format)) issues.push({ field: '--format', message: `must be one of ${REPORT_FORMATS.join(', ')}` });
  if (o.week !== undefined && !/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(o.week)) issues.push({ field: '--week', message: 'must be an ISO week such as 2026-W49' });
  if (issues.length) throw new ConfigurationError({ issues, remedy: 'Fix the options listed.' });
  const bundle = await buildReport(store, readPsa(psaFile), o.policy, o.week);
  const text = io.scrub(render(bundle, o.format as (typeof REPORT_FORMATS)[number]));
  if (o.out) {
    writeFileSync(o.out, text);
    io.err(`wrote the ${o.format} report for ${bundle.week} to ${o.out}`);
  } else io.out(text.replace(/\n$/, ''));
  // Coverage is stated inside the report (and the sync's exit code already said "partial").
  return EXIT.ok;
}
