// `npm run example`: the README's main job.
//  1. starts the distributors' sandbox tenants locally (or uses a real tenant where its variables are set),
//  2. syncs it into ./vectis-example.db (SQLite) with a progress bar — two weeks, so drift shows,
//  3. syncs the ConnectWise PSA sandbox (seeded from those customers) into the same store, and matches
//     the customers against the stored PSA companies (or a PSA export: VECTIS_PSA_COMPANIES/_CONTRACTS),
//  4. prints the licensing report and the Money Found digest.
// Uses only the packages' public entry points.
import { isoWeek, normalizeVendor, type Customer, type Subscription } from '@vectis/connector-core';
import {
  computeLicensingReport,
  formatLicensingReport,
  trackFindings,
  weeklyDigest,
  type CustomerLink,
  type PsaContractLine,
  type SourceCoverage,
} from '@vectis/licensing-core';
import { matchCustomers, type PsaCompany } from '@vectis/matching';
import { createSqliteStore, runSync, type Store, type SyncResult } from '@vectis/sync';
import { readFileSync } from 'node:fs';
import { createProgressBar } from './progress.ts';
import { syncPsaSandbox } from './psa.ts';
import { samplePsaExport } from './psa-sample.ts';
import { openTenants, type Tenant } from './tenants.ts';

const DAY = 86_400_000;
const dbPath = process.env.VECTIS_DB ?? './vectis-example.db';
const env = process.env;
let realTenant = false;

async function syncWeek(label: string, tenants: readonly Tenant[], store: Store, now: Date): Promise<SyncResult> {
  const bar = createProgressBar(`[${label} · ${isoWeek(now)}]`);
  const result = await runSync({ connectors: tenants.map((t) => t.connector), store, now, onProgress: bar.onProgress });
  bar.done();
  for (const v of result.vendors) {
    const s = v.subscriptions;
    console.log(
      `[${label}] ${v.connector}: ${v.status} — customers +${v.customers.inserted} ~${v.customers.updated}, ` +
        `lines +${s.inserted} ~${s.updated} =${s.unchanged} -${s.removed}, usage rows ${v.usage.written}` +
        (v.coverage.subscriptions?.reused ? `, ${v.coverage.subscriptions.reused} subscriptions reused from the last sync` : ''),
    );
    if (v.error) console.log(`[${label}] ${v.connector} failed: ${(v.error as Error).message}`);
  }
  return result;
}

function sourcesOf(result: SyncResult): SourceCoverage[] {
  return result.vendors.flatMap((v) =>
    Object.values(v.coverage).flatMap((c) =>
      c ? [{ vendor: v.vendor, stream: c.stream, complete: c.complete, reason: c.truncatedReason }] : [],
    ),
  );
}

async function main(): Promise<void> {
  const tenants = await openTenants(env);
  realTenant = tenants.some((t) => !t.sandbox);
  const clock = tenants[0]!.now; // sandboxes share one start; a real tenant runs on the wall clock
  const store = await createSqliteStore({ path: dbPath });
  try {
    for (const t of tenants) console.log((await t.connector.testConnection()).message);
    const week1 = realTenant ? new Date(Date.now() - 7 * DAY) : new Date(clock());
    const first = await syncWeek('week 1', tenants, store, week1);
    const week1Lines = await store.listSubscriptions();
    const week1Snapshots = await store.listUsage({ week: isoWeek(week1) });

    for (const t of tenants) {
      const changes = t.simulateWeek?.();
      if (changes) console.log(`\nThe ${t.label} sandbox tenant changed during the week: ${changes.join(', ')}`);
    }
    const now = realTenant ? new Date() : new Date(clock());
    const second = !realTenant || first.status !== 'failed' ? await syncWeek('week 2', tenants, store, now) : first;

    // Matching: distributor customers → PSA companies.
    const customers = await store.listCustomers();
    const lines = await store.listSubscriptions();
    const psa = await loadPsa(store, now, tenants, customers, lines);
    const matches = matchCustomers(customers, psa.companies, { overrides: await store.matchOverrides() });
    const at = now.toISOString();
    for (const m of matches) {
      const [tag = '', ...rest] = m.distributorId.split(':');
      const vendor = normalizeVendor(tag);
      if (!vendor) continue;
      await store.saveComputedLink({
        vendor,
        customerExternalId: rest.join(':'),
        psaCompanyId: m.tier === 'none' ? null : m.psaId,
        tier: m.tier,
        score: m.score,
        reasons: m.reasons,
        at,
      });
    }
    const tiers = { auto: 0, review: 0, none: 0 };
    for (const m of matches) tiers[m.tier]++;
    console.log(`\nMatching ${matches.length} distributor customers against ${psa.companies.length} PSA companies: ${tiers.auto} auto-linked, ${tiers.review} for review, ${tiers.none} unmatched`);
    for (const m of matches.filter((x) => x.tier === 'review').slice(0, 3)) {
      console.log(`  review: "${m.distributorName}" → PSA ${m.psaId} (score ${m.score.toFixed(2)}: ${m.reasons.map((r) => `${r.signal} ${r.effect}`).join(', ')})`);
    }

    const links: CustomerLink[] = (await store.listLinks())
      .filter((l) => l.override !== 'never_link')
      .map((l) => ({
        vendor: l.vendor,
        customerExternalId: l.customerExternalId,
        psaCompanyId: l.psaCompanyId,
        status: l.source === 'manual' ? 'confirmed' : l.tier === 'auto' ? 'auto' : 'review',
      }));
    // The MSP's minimum margin (below it a SKU is a finding) and the PSA products the samples map SKUs to.
    const policy = { minMarginPercent: '12', skuMappings: tenants.flatMap((t) => t.skuMappings?.(lines) ?? []) };
    // Every company in the PSA export had its agreements exported: one without agreement lines bills nothing.
    const psaDataSuppliedFor = psa.contracts.length > 0 ? psa.companies.map((c) => c.id) : [];
    const lastWeek = computeLicensingReport({
      subscriptions: week1Lines, contracts: psa.contracts, links, snapshots: week1Snapshots, policy, now: week1, sources: sourcesOf(first), psaDataSuppliedFor,
    });
    const report = computeLicensingReport({
      subscriptions: lines, contracts: psa.contracts, links, snapshots: await store.listUsage(), policy, now, sources: sourcesOf(second), psaDataSuppliedFor,
    });
    const before = trackFindings({ previous: [], findings: lastWeek.moneyFound.findings, audited: lastWeek.moneyFound.audited, now: week1 });
    const after = trackFindings({ previous: before.states, findings: report.moneyFound.findings, audited: report.moneyFound.audited, now });
    const digest = weeklyDigest({ findings: report.moneyFound.findings, states: after.states, changes: after.changes, coverage: report.moneyFound.coverage });
    // Report keys are `psa:<id>` for linked customers and `<vendor>:<id>` otherwise; show names instead.
    const customerNames = new Map<string, string>([
      ...customers.map((c): [string, string] => [`${c.vendor}:${c.externalId}`, c.name]),
      ...psa.companies.map((c): [string, string] => [`psa:${c.id}`, c.name]),
    ]);
    console.log(`\n${formatLicensingReport(report, { digest, maxRows: 12, customerNames })}`);
    console.log(`\nStored in ${dbPath}: tables customers, license_subscriptions, license_usage, psa_companies, psa_contract_lines, customer_links, sync_runs.`);
  } finally {
    await store.close();
    for (const t of tenants) await t.close();
  }
}

interface Psa {
  companies: PsaCompany[];
  contracts: PsaContractLine[];
}

/** PSA companies and contract lines: from an export when given, else synced from the ConnectWise sandbox into the store and read back. */
async function loadPsa(store: Store, now: Date, tenants: readonly Tenant[], customers: readonly Customer[], lines: readonly Subscription[]): Promise<Psa> {
  if (env.VECTIS_PSA_COMPANIES) {
    const companies = JSON.parse(readFileSync(env.VECTIS_PSA_COMPANIES, 'utf8')) as PsaCompany[];
    const contracts = env.VECTIS_PSA_CONTRACTS ? (JSON.parse(readFileSync(env.VECTIS_PSA_CONTRACTS, 'utf8')) as PsaContractLine[]) : [];
    return { companies, contracts };
  }
  if (realTenant) {
    console.log('\nNo PSA export given (VECTIS_PSA_COMPANIES / VECTIS_PSA_CONTRACTS): matching and contract findings are not audited.');
    return { companies: [], contracts: [] };
  }
  // The PSA as the MSP typed it: vendors with their own sample rows add them; the generic sample covers the others.
  const own = new Set(tenants.filter((t) => t.psaSample).map((t) => t.connector.vendor));
  let sample = samplePsaExport(customers.filter((c) => !own.has(c.vendor)), lines);
  for (const t of tenants) if (t.psaSample) sample = t.psaSample(sample, customers, lines);
  console.log('');
  await syncPsaSandbox(store, now, sample);
  // Matching and licensing read the PSA from the store, like the distributor data.
  return { companies: await store.listPsaCompanies(), contracts: await store.listPsaContractLines() };
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
