// `vectis match [--review]` and `vectis links confirm|reject|never …`.
import { ConfigurationError, normalizeVendor } from '@vectis/connector-core';
import type { Store } from '@vectis/sync';
import { EXIT, type Io } from '../io';
import { matchCustomers, vendorEntry, type MatchResult, type PsaCompany } from '../lib';
import { readPsa } from '../store';

/** Runs matching over the store and saves computed links (manual decisions always win). */
export async function runMatching(store: Store, companies: readonly PsaCompany[], at: string): Promise<MatchResult[]> {
  const customers = await store.listCustomers();
  const matches = matchCustomers(customers, [...companies], { overrides: await store.matchOverrides() });
  for (const m of matches) {
    const [tag = '', ...rest] = m.distributorId.split(':');
    const vendor = normalizeVendor(tag);
    if (!vendor) continue;
    await store.saveComputedLink({
      vendor, customerExternalId: rest.join(':'), psaCompanyId: m.tier === 'none' ? null : m.psaId,
      tier: m.tier, score: m.score, reasons: m.reasons, at,
    });
  }
  return matches;
}

/** @example await matchCommand(io, store, psaFile, { review: true, json: false }) */
export async function matchCommand(io: Io, store: Store, psaFile: string, o: { review: boolean; json: boolean }): Promise<number> {
  const psa = readPsa(psaFile);
  if (psa.companies.length === 0) {
    throw new ConfigurationError({ issues: [{ field: 'PSA companies', message: `none imported (${psaFile})` }], remedy: 'Import a PSA company export first: vectis psa import companies.csv --format connectwise.' });
  }
  const matches = await runMatching(store, psa.companies, new Date().toISOString());
  const names = new Map(psa.companies.map((c) => [String(c.id), c.name]));
  const tiers = { auto: 0, review: 0, none: 0 };
  for (const m of matches) tiers[m.tier]++;
  const queue = matches.filter((m) => m.tier === 'review');
  if (o.json) {
    io.out(JSON.stringify({ ok: true, customers: matches.length, psaCompanies: psa.companies.length, tiers, ...(o.review ? { review: queue } : {}) }));
    return EXIT.ok;
  }
  io.out(`matched ${matches.length} distributor customers against ${psa.companies.length} PSA companies: ${tiers.auto} auto-linked, ${tiers.review} for review, ${tiers.none} unmatched`);
  if (o.review) {
    if (queue.length === 0) io.out('review queue: empty');
    for (const m of queue) {
      const [vendor = '', ...id] = m.distributorId.split(':');
      io.out(`\n${m.distributorName} (${m.distributorId})`);
      io.out(`  → PSA ${m.psaId} "${names.get(String(m.psaId)) ?? '?'}" score ${m.score.toFixed(2)}: ${m.reasons.map((r) => `${r.signal} ${r.effect}`).join(', ')}`);
      for (const c of m.runnersUp.slice(0, 3)) io.out(`    or PSA ${c.psaId} "${names.get(String(c.psaId)) ?? '?'}" score ${c.score.toFixed(2)}`);
      io.out(`  vectis links confirm ${vendorEntry(vendor)?.id ?? vendor} ${id.join(':')} ${m.psaId}   (or reject / never)`);
    }
  }
  return EXIT.ok;
}

export type LinkAction = 'confirm' | 'reject' | 'never';

/**
 * `confirm` pins the pair (a manual link); `reject` and `never` record a manual never-link for the
 * pair, so re-matching can never propose it again (`reject` = "this suggestion is wrong").
 *
 * @example await linksCommand(io, store, 'confirm', 'ingram', '1000001', '19003', false)
 */
export async function linksCommand(io: Io, store: Store, action: string, vendorArg: string, customerId: string, psaCompanyId: string, json: boolean): Promise<number> {
  const issues = [];
  if (!['confirm', 'reject', 'never'].includes(action)) issues.push({ field: 'action', message: 'must be confirm, reject or never' });
  const entry = vendorEntry(vendorArg);
  if (!entry) issues.push({ field: 'vendor', message: `"${vendorArg}" is not one of ingram, pax8, sherweb, synnex` });
  if (!customerId.trim()) issues.push({ field: 'customerId', message: 'is empty' });
  if (!psaCompanyId.trim()) issues.push({ field: 'psaCompanyId', message: 'is empty' });
  if (issues.length || !entry) throw new ConfigurationError({ issues, remedy: 'Usage: vectis links confirm|reject|never <vendor> <customerId> <psaCompanyId>.' });
  const at = new Date().toISOString();
  const known = (await store.listCustomers({ vendor: entry.vendor, includeRemoved: true })).some((c) => c.externalId === customerId);
  if (!known) {
    throw new ConfigurationError({ issues: [{ field: 'customerId', message: `${entry.id} customer ${customerId} is not in the store` }], remedy: 'Run vectis sync first, or check the id (vectis match --review prints them).' });
  }
  if (action === 'confirm') {
    await store.setManualLink({ vendor: entry.vendor, customerExternalId: customerId, override: 'link', psaCompanyId, note: 'confirmed with vectis links confirm', at });
  } else {
    // A pinned link to this very company would contradict the never-link: drop it first.
    const pinned = (await store.listLinks({ vendor: entry.vendor, source: 'manual' })).some((l) => l.customerExternalId === customerId && l.psaCompanyId === psaCompanyId && l.override === 'link');
    if (pinned) await store.clearLink(entry.vendor, customerId, psaCompanyId);
    await store.setManualLink({ vendor: entry.vendor, customerExternalId: customerId, override: 'never_link', psaCompanyId, note: action === 'reject' ? 'rejected in review' : 'never link', at });
  }
  if (json) io.out(JSON.stringify({ ok: true, action, vendor: entry.id, customerId, psaCompanyId }));
  else io.out(`${action === 'confirm' ? 'linked' : 'never linking'} ${entry.id} customer ${customerId} ${action === 'confirm' ? 'to' : 'and'} PSA company ${psaCompanyId}; re-matching keeps this decision`);
  return EXIT.ok;
}
