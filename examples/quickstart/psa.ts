// The PSA side of the example: the ConnectWise PSA sandbox, seeded with the MSP's clients and agreements
// as a real MSP would have typed them for the distributor customers just synced (psa-sample*.ts derive
// them, with the differences real PSA data has), then read by the ConnectWise reader through runSync
// into the store, like any PSA. Matching and licensing read the PSA from the store.
import { createConnectWiseReader } from '@vectis/psa-connectwise';
import { CONNECTWISE_SANDBOX_CREDENTIALS, createConnectWiseSandbox, type SandboxPsaClient, type SandboxPsaLine } from '@vectis/psa-connectwise/sandbox';
import { runSync, type PsaSyncResult, type Store } from '@vectis/sync';
import type { PsaSample } from './psa-sample.ts';

const ISO: Record<string, string> = { 'united states': 'US', usa: 'US', canada: 'CA', 'united kingdom': 'GB', sweden: 'SE', germany: 'DE', australia: 'AU' };
const PERIOD = { P1M: 'Monthly', P1Y: 'Yearly' } as const;
const day = (date: string | undefined) => (date ? `${date.slice(0, 10)}T00:00:00Z` : undefined);

/** amount ÷ years, exact, rounded half-up to 2 decimals (a 2- or 3-year price as its yearly share). */
function perYear(amount: string, years: bigint): string {
  const [whole = '0', frac = ''] = amount.split('.');
  const units = BigInt(whole + frac.padEnd(4, '0').slice(0, 4)); // 4 decimals
  const cents = (units * 2n + years * 100n) / (years * 200n);
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/**
 * The ConnectWise clients and agreement additions holding `sample` (the PSA as the MSP typed it; see
 * psa-sample*.ts for the differences it models). ConnectWise bills monthly, quarterly or yearly, so a
 * 2- or 3-year price becomes its yearly share.
 *
 * @example
 * const { clients, lines } = connectWiseTenantOf(samplePsaExport(customers, lines));
 * sandbox.load(clients, lines);
 */
export function connectWiseTenantOf(sample: PsaSample): { clients: SandboxPsaClient[]; lines: SandboxPsaLine[] } {
  const index = new Map<string, number>();
  const clients: SandboxPsaClient[] = sample.companies.map((c, i) => {
    index.set(String(c.id), i);
    const country = c.country ? (ISO[c.country.toLowerCase()] ?? c.country) : null;
    return {
      name: c.name, website: c.website ?? null, city: c.city ?? null, state: c.state ?? null, zip: c.postalCode ?? null, country,
      ...(c.type ? { type: c.type } : {}), ...(c.status ? { status: c.status } : {}),
    };
  });
  const lines: SandboxPsaLine[] = [];
  for (const l of sample.contracts) {
    const client = index.get(String(l.psaCompanyId));
    const product = l.sku ?? l.productId;
    if (client === undefined || !product) continue;
    const years = l.billingPeriod === 'P2Y' ? 2n : l.billingPeriod === 'P3Y' ? 3n : 1n;
    const period = years > 1n ? 'Yearly' : PERIOD[l.billingPeriod as keyof typeof PERIOD] ?? 'NotRecurring';
    const start = day(l.startDate);
    const end = day(l.endDate);
    lines.push({
      client, product, ...(l.description ? { description: l.description } : {}), quantity: l.quantity,
      unitPrice: years > 1n ? perYear(l.unitPrice.amount, years) : l.unitPrice.amount, currency: l.unitPrice.currency, period,
      ...(start ? { effectiveDate: start } : {}),
      ...(l.status === 'cancelled' ? { cancelledDate: end ?? start ?? '2026-10-01T00:00:00Z' } : {}),
    });
  }
  return { clients, lines };
}

/**
 * Seeds the ConnectWise sandbox from the synced distributor data and syncs it into `store` with
 * the ConnectWise reader: companies into `psa_companies`, agreement additions into `psa_contract_lines`.
 *
 * @example
 * const psa = await syncPsaSandbox(store, now, samplePsaExport(customers, lines));
 * console.log(psa.coverage.psa_contract_lines?.complete);
 */
export async function syncPsaSandbox(store: Store, now: Date, sample: PsaSample): Promise<PsaSyncResult> {
  const { clients, lines } = connectWiseTenantOf(sample);
  const sandbox = createConnectWiseSandbox();
  sandbox.load(clients, lines);
  // In process: the sandbox answers the reader's fetch directly, and has no rate limit to pace for.
  const reader = createConnectWiseReader({ ...CONNECTWISE_SANDBOX_CREDENTIALS, site: sandbox.baseUrl, fetch: sandbox.fetch, pacing: false });
  try {
    console.log((await reader.testConnection()).message);
    const result = await runSync({ connectors: [], readers: [reader], store, now });
    const psa = result.readers[0]!;
    console.log(
      `[PSA] ${psa.reader}: ${psa.status} — companies +${psa.companies.inserted} =${psa.companies.unchanged} -${psa.companies.removed}, ` +
        `contract lines +${psa.contractLines.inserted} =${psa.contractLines.unchanged} -${psa.contractLines.removed}, ${psa.requests} requests`,
    );
    for (const c of Object.values(psa.coverage)) if (c && !c.complete) console.log(`[PSA] ${c.stream} incomplete: ${c.truncatedReason ?? 'no reason given'}`);
    if (psa.error) console.log(`[PSA] ${psa.reader} failed: ${(psa.error as Error).message}`);
    return psa;
  } finally {
    await reader.dispose();
  }
}
