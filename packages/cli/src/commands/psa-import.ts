// `vectis psa import <file> --format …`: a PSA export (CSV or JSON) → companies or contract lines
// in the CLI's PSA file. Every rejected row is reported with its line number and reason.
import { ConfigurationError } from '@vectis/connector-core';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { EXIT, type Io } from '../io';
import type { PsaCompany, PsaContractLine } from '../lib';
import { billingPeriodOf, looksLikeContracts, MAPPINGS, norm, PSA_FORMATS, type PsaFormat } from '../psa-formats';
import { readPsa, writePsa } from '../store';

export interface Rejected { line: number; reason: string }
export interface ImportResult<T> { kind: 'companies' | 'contracts'; accepted: T[]; rejected: Rejected[] }

interface Row { line: number; values: Map<string, string> }

const DECIMAL = /^-?\d+(\.\d+)?$/;
const CURRENCY = /^[A-Z]{3}$/;

function readRows(file: string, text: string): Row[] {
  if (/\.json$/i.test(file) || /^\s*[[{]/.test(text)) {
    const data = JSON.parse(text) as unknown;
    const list = Array.isArray(data) ? data : ((data as Record<string, unknown>).companies ?? (data as Record<string, unknown>).contracts ?? []);
    if (!Array.isArray(list)) throw new Error('a JSON export must be an array of objects (or {"companies": […]} / {"contracts": […]})');
    // JSON has no line numbers that survive pretty-printing: "line" is the record's 1-based position.
    return list.map((item, i) => ({ line: i + 1, values: flatten(item) }));
  }
  const records = parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as { record: Record<string, string>; info: { lines: number } }[];
  return records.map(({ record, info }) => ({ line: info.lines, values: new Map(Object.entries(record).map(([k, v]) => [norm(k), String(v ?? '')])) }));
}

/** Nested JSON (`company: { id }`) becomes `company/id`, the alias spelling the mappings use. */
function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}/${k}` : k, out);
  } else if (Array.isArray(value)) {
    out.set(norm(prefix), value.map((x) => (typeof x === 'object' && x !== null ? String((x as { name?: unknown }).name ?? '') : String(x))).join(';'));
  } else if (value !== undefined && value !== null) out.set(norm(prefix), String(value));
  return out;
}

function pick(row: Row, aliases: readonly string[] | undefined): string | undefined {
  for (const a of aliases ?? []) {
    const v = row.values.get(norm(a));
    if (v !== undefined && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function companyStatus(format: PsaFormat, raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const b = raw.toLowerCase();
  if (format === 'autotask' && ['true', 'false', '1', '0'].includes(b)) return b === 'true' || b === '1' ? 'Active' : 'Inactive';
  if (format === 'halo' && ['true', 'false', '1', '0'].includes(b)) return b === 'true' || b === '1' ? 'Inactive' : 'Active';
  return raw;
}

// Autotask companyType picklist: 1 Customer, 2 Lead, 3 Prospect (Autotask REST docs, Companies entity).
const AUTOTASK_TYPES: Record<string, string> = { '1': 'Client', '2': 'Prospect', '3': 'Prospect', '4': 'Dead', '6': 'Cancellation', '7': 'Vendor', '8': 'Partner' };

function toCompany(format: PsaFormat, row: Row): PsaCompany | string {
  const m = MAPPINGS[format].companies;
  const id = pick(row, m.id);
  const name = pick(row, m.name);
  if (!id) return `no company id (columns ${m.id?.join(' / ')})`;
  if (!name) return `company ${id} has no name (columns ${m.name?.join(' / ')})`;
  const type = pick(row, m.type);
  const ext = pick(row, m.externalIds);
  return {
    id, name,
    website: pick(row, m.website) ?? null, city: pick(row, m.city) ?? null, state: pick(row, m.state) ?? null,
    postalCode: pick(row, m.postalCode) ?? null, country: pick(row, m.country) ?? null,
    status: companyStatus(format, pick(row, m.status)) ?? null,
    type: (format === 'autotask' && type ? AUTOTASK_TYPES[type] ?? type : type) ?? null,
    ...(ext ? { externalIds: ext.split(/[;,]/).map((s) => s.trim()).filter(Boolean) } : {}),
  };
}

function toContract(format: PsaFormat, row: Row, currency: string | undefined): PsaContractLine | string {
  const m = MAPPINGS[format].contracts;
  const id = pick(row, m.id);
  const company = pick(row, m.psaCompanyId);
  const sku = pick(row, m.sku);
  const productId = pick(row, m.productId);
  const qty = pick(row, m.quantity);
  const price = pick(row, m.unitPrice)?.replace(/^[$€£]/, '');
  const cur = (pick(row, m.currency) ?? currency)?.toUpperCase();
  const period = pick(row, m.billingPeriod);
  const status = (pick(row, m.status) ?? 'active').toLowerCase();
  if (!id) return `no line id (columns ${m.id?.join(' / ')})`;
  if (!company) return `line ${id} has no company id (columns ${m.psaCompanyId?.join(' / ')})`;
  if (!sku && !productId) return `line ${id} names no product (columns ${[...(m.sku ?? []), ...(m.productId ?? [])].join(' / ')})`;
  if (qty === undefined || !/^\d+(\.\d+)?$/.test(qty)) return `line ${id}: quantity ${qty === undefined ? 'is missing' : `"${qty}" is not a non-negative number`}`;
  if (price === undefined || !DECIMAL.test(price)) return `line ${id}: unit price ${price === undefined ? 'is missing' : `"${price}" is not a plain decimal (no thousands separators)`}`;
  if (!cur || !CURRENCY.test(cur)) return `line ${id}: no currency (add a currency column or pass --currency USD)`;
  const billingPeriod = period === undefined ? 'P1M' : billingPeriodOf(period);
  if (!billingPeriod) return `line ${id}: unknown billing period "${period}" (monthly, annually, biennially, triennially, one-time)`;
  const mapped = status === 'cancelled' || status === 'canceled' ? 'cancelled' : status === 'inactive' ? 'inactive' : status === 'active' || status === 'true' || status === '1' ? 'active' : undefined;
  if (!mapped) return `line ${id}: unknown status "${status}" (active, cancelled, inactive)`;
  const start = pick(row, m.startDate);
  const end = pick(row, m.endDate);
  return {
    id, psaCompanyId: company, ...(sku ? { sku } : {}), ...(productId ? { productId } : {}),
    ...(pick(row, m.description) ? { description: pick(row, m.description) } : {}),
    quantity: Number(qty), unitPrice: { amount: price, currency: cur }, billingPeriod, status: mapped,
    ...(start ? { startDate: start } : {}), ...(end ? { endDate: end } : {}),
  };
}

/**
 * Reads one export. Duplicate ids are rejected (the first row wins), so a join never double counts.
 *
 * @example
 * const r = parsePsaExport('companies.csv', text, 'connectwise', { kind: 'auto' });
 */
export function parsePsaExport(file: string, text: string, format: PsaFormat, o: { kind?: 'companies' | 'contracts' | 'auto'; currency?: string | undefined } = {}): ImportResult<PsaCompany | PsaContractLine> {
  const rows = readRows(file, text);
  const headers = [...new Set(rows.flatMap((r) => [...r.values.keys()]))];
  const kind = o.kind && o.kind !== 'auto' ? o.kind : looksLikeContracts(headers, format) ? 'contracts' : 'companies';
  const accepted: (PsaCompany | PsaContractLine)[] = [];
  const rejected: Rejected[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const r = kind === 'companies' ? toCompany(format, row) : toContract(format, row, o.currency);
    if (typeof r === 'string') rejected.push({ line: row.line, reason: r });
    else if (seen.has(String(r.id))) rejected.push({ line: row.line, reason: `duplicate id ${r.id} (the first row with it was kept)` });
    else { seen.add(String(r.id)); accepted.push(r); }
  }
  return { kind, accepted, rejected };
}

export interface PsaImportOptions { format: string; kind?: string | undefined; currency?: string | undefined; json: boolean }

/** @example await psaImportCommand(io, 'companies.csv', './vectis.db.psa.json', { format: 'generic', json: false }) */
export async function psaImportCommand(io: Io, file: string, psaFile: string, o: PsaImportOptions): Promise<number> {
  const issues = [];
  if (!PSA_FORMATS.includes(o.format as PsaFormat)) issues.push({ field: '--format', message: `must be one of ${PSA_FORMATS.join(', ')}` });
  if (o.kind !== undefined && !['companies', 'contracts', 'auto'].includes(o.kind)) issues.push({ field: '--kind', message: 'must be companies, contracts or auto' });
  if (o.currency !== undefined && !CURRENCY.test(o.currency.toUpperCase())) issues.push({ field: '--currency', message: 'must be an ISO 4217 code such as USD' });
  if (issues.length) throw new ConfigurationError({ issues, remedy: 'Fix the options listed; nothing was imported.' });
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigurationError({ issues: [{ field: file, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})` }], remedy: 'Pass the path of the PSA export.' });
  }
  let result: ImportResult<PsaCompany | PsaContractLine>;
  try {
    result = parsePsaExport(file, text, o.format as PsaFormat, { kind: (o.kind ?? 'auto') as 'auto', currency: o.currency?.toUpperCase() });
  } catch (err) {
    // csv-parse names the line of a malformed record (e.g. an unclosed quote); JSON.parse names the position.
    throw new ConfigurationError({ issues: [{ field: file, message: `cannot be parsed: ${(err as Error).message}` }], remedy: 'Export the list again as CSV (comma-separated, UTF-8) or JSON; nothing was imported.' });
  }
  const data = readPsa(psaFile);
  // An export is a full snapshot of that list: it replaces the previous import of the same kind.
  if (result.accepted.length > 0) {
    if (result.kind === 'companies') data.companies = result.accepted as PsaCompany[];
    else data.contracts = result.accepted as PsaContractLine[];
    data.imports.push({ file: basename(file), format: o.format, kind: result.kind, at: new Date().toISOString(), accepted: result.accepted.length, rejected: result.rejected.length });
    writePsa(psaFile, data);
  }
  if (o.json) io.out(JSON.stringify({ ok: result.rejected.length === 0, kind: result.kind, accepted: result.accepted.length, rejected: result.rejected, psaFile }));
  else {
    for (const r of result.rejected) io.out(`line ${r.line}: rejected — ${r.reason}`);
    io.out(`${result.kind}: ${result.accepted.length} imported, ${result.rejected.length} rejected${result.accepted.length ? ` → ${psaFile}` : ' (nothing written)'}`);
  }
  if (result.accepted.length === 0) return EXIT.failed;
  return result.rejected.length ? EXIT.partial : EXIT.ok;
}
