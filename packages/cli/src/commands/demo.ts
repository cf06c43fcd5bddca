// `vectis demo`: the whole flow (sync two weeks → PSA import → match → report) on the built-in
// sandbox tenants into a temporary database. It never reads a credential variable and refuses any
// non-loopback URL, so it cannot fall back to a real tenant.
import { ConfigurationError } from '@vectis/connector-core';
import { createSqliteStore } from '@vectis/sync';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoPsaExport } from '../demo-psa';
import { renderHtmlReport } from '../html/report-html';
import { EXIT, type Io } from '../io';
import { formatLicensingReport, VENDORS, type SandboxTenant } from '../lib';
import { buildReport } from '../report-data';
import { readPsa, writePsa } from '../store';
import { runMatching } from './match';
import { parsePsaExport } from './psa-import';
import { summarize } from './sync';
import { syncInto } from './sync';

const DAY = 86_400_000;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Throws unless the URL points at this machine: the demo talks to local sandboxes only. */
export function assertLoopback(url: string): void {
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    host = '';
  }
  if (!LOOPBACK.has(host)) {
    throw new ConfigurationError({ issues: [{ field: 'sandbox URL', message: `${host || url} is not a loopback address` }], remedy: 'vectis demo only talks to its built-in local sandboxes; use vectis sync for real tenants.' });
  }
}

export interface DemoOptions { keep: boolean; html?: string | undefined; json: boolean }

/** @example await demoCommand(createIo({ prefix: 'DEMO ' }), { keep: false, json: false }) */
export async function demoCommand(io: Io, o: DemoOptions): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'vectis-demo-'));
  const dbPath = join(dir, 'vectis-demo.db');
  const psaFile = `${dbPath}.psa.json`;
  const start = Date.now() - 7 * DAY; // the first sync is "last week", the second "this week"
  const tenants: SandboxTenant[] = [];
  const store = await createSqliteStore({ path: dbPath });
  try {
    for (const entry of VENDORS) {
      if (!entry.sandbox) {
        io.err(`${entry.label}: no built-in sandbox yet (the connector is a ${entry.status}); skipped`);
        continue;
      }
      tenants.push(await entry.sandbox({ start, checkUrl: assertLoopback }));
    }
    for (const t of tenants) io.err((await t.connector.testConnection()).message);
    const connectors = tenants.map((t) => t.connector);
    const clock = tenants[0]?.now ?? Date.now;
    const first = await syncInto(io, store, connectors, { vendors: [], full: false, json: o.json, now: new Date(clock()) }, 'week 1');
    for (const line of summarize(first)) io.err(`week 1 ${line}`);
    for (const t of tenants) io.err(`the sandbox tenant changed during the week: ${t.simulateWeek().join(', ')}`);
    const second = await syncInto(io, store, connectors, { vendors: [], full: false, json: o.json, now: new Date(clock()) }, 'week 2');
    for (const line of summarize(second)) io.err(`week 2 ${line}`);

    // The PSA side goes through the same importer `vectis psa import --format generic` uses.
    const { companiesCsv, contractsCsv } = demoPsaExport(await store.listCustomers(), await store.listSubscriptions());
    const data = readPsa(psaFile);
    for (const [name, text] of [['companies.csv', companiesCsv], ['contracts.csv', contractsCsv]] as const) {
      writeFileSync(join(dir, name), text);
      const r = parsePsaExport(name, text, 'generic', { kind: 'auto', currency: undefined });
      if (r.kind === 'companies') data.companies = r.accepted as typeof data.companies;
      else data.contracts = r.accepted as typeof data.contracts;
      io.err(`PSA import ${name}: ${r.accepted.length} ${r.kind}, ${r.rejected.length} rejected`);
    }
    writePsa(psaFile, data);
    const matches = await runMatching(store, data.companies, new Date(clock()).toISOString());
    const tiers = { auto: 0, review: 0, none: 0 };
    for (const m of matches) tiers[m.tier]++;
    io.err(`matching: ${tiers.auto} auto-linked, ${tiers.review} for review, ${tiers.none} unmatched`);

    const bundle = await buildReport(store, data, { minMarginPercent: '12' });
    if (o.html) {
      writeFileSync(o.html, renderHtmlReport(bundle));
      io.err(`wrote the HTML report to ${o.html}`);
    }
    if (o.json) io.out(JSON.stringify({ ok: true, mode: 'DEMO', week: bundle.week, sync: [first.status, second.status], tiers, digest: bundle.digest, ...(o.keep ? { db: dbPath } : {}) }));
    else io.out(formatLicensingReport(bundle.report, { digest: bundle.digest, maxRows: 12, customerNames: bundle.customerNames }));
    if (o.keep) io.err(`kept the demo database: ${dbPath} (PSA data ${psaFile})`);
    return second.status === 'succeeded' ? EXIT.ok : second.status === 'partial' ? EXIT.partial : EXIT.failed;
  } finally {
    await store.close();
    for (const t of tenants) {
      await t.connector.dispose();
      await t.close();
    }
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}
