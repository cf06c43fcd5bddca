// The PSA side of the example: the ConnectWise PSA sandbox, seeded with the MSP's clients as a real
// MSP would have typed them from the distributor customers just synced, then read by the ConnectWise
// reader through runSync into the store, like any PSA. The differences real PSA data has are
// modelled on purpose: names typed differently, customers missing from the PSA, prospects, seats
// contracted short or long, prices below margin, cancelled subscriptions still billed, lines the
// MSP already cancelled (dated), a no-charge line.
import type { Customer, Subscription } from '@vectis/connector-core';
import { createConnectWiseReader } from '@vectis/psa-connectwise';
import { CONNECTWISE_SANDBOX_CREDENTIALS, createConnectWiseSandbox, type SandboxPsaClient, type SandboxPsaLine } from '@vectis/psa-connectwise/sandbox';
import { runSync, type PsaSyncResult, type Store } from '@vectis/sync';

const LEGAL = /,?\s+(inc\.?|llc|ltd\.?|ltée|limited|corp\.?|corporation|co\.?|group|gmbh|ab|pty\.? ltd\.?|plc)$/i;

/** A small seeded generator (mulberry32): the same distributor data always gives the same PSA. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** amount × num / den, exact, rounded half-up to 2 decimals. */
function scale(amount: string, num: bigint, den: bigint): string {
  const [whole = '0', frac = ''] = amount.split('.');
  const units = BigInt(whole + frac.padEnd(4, '0').slice(0, 4)); // 4 decimals
  const cents = (units * num * 2n + den * 100n) / (den * 200n);
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

function psaName(name: string, r: number): string {
  if (r < 0.3) return name.replace(LEGAL, '');
  if (r < 0.45) return name.toUpperCase();
  if (r < 0.6) return name.replace(/ & /g, ' and ');
  return name;
}

// One seed per vendor, so adding a distributor to the example never reshuffles another's PSA rows.
const SEED: Record<string, number> = { ingram_micro: 7, pax8: 11, sherweb: 13, td_synnex: 17 };
const day = (date: string | undefined) => (date ? `${date.slice(0, 10)}T00:00:00Z` : undefined);

/**
 * The ConnectWise clients and agreement additions an MSP would have for these distributor customers.
 *
 * @example
 * const { clients, lines } = psaTenantFrom(await store.listCustomers(), await store.listSubscriptions());
 * sandbox.load(clients, lines);
 */
export function psaTenantFrom(customers: readonly Customer[], subscriptions: readonly Subscription[]): { clients: SandboxPsaClient[]; lines: SandboxPsaLine[] } {
  const clients: SandboxPsaClient[] = [];
  const lines: SandboxPsaLine[] = [];
  const clientOf = new Map<string, number>();
  const key = (vendor: string, id: string) => `${vendor}:${id}`;
  for (const vendor of [...new Set(customers.map((c) => c.vendor))].sort()) {
    const random = rng(SEED[vendor] ?? 5);
    for (const c of customers.filter((x) => x.vendor === vendor).sort((a, b) => a.externalId.localeCompare(b.externalId))) {
      if (random() < 0.1) continue; // a client the MSP never entered in the PSA: stays unmatched
      const website = (c.domains?.find((d) => d.source === 'contact_email' || d.source === 'website') ?? c.domains?.[0])?.domain;
      clientOf.set(key(vendor, c.externalId), clients.length);
      clients.push({
        name: psaName(c.name, random()),
        website: website && random() < 0.8 ? (random() < 0.3 ? `www.${website}` : website) : null,
        city: c.address?.city ?? null,
        state: c.address?.state ?? null,
        zip: c.address?.postalCode ?? null,
        country: c.address?.country ?? null,
      });
    }
    const mine = subscriptions.filter((l) => l.vendor === vendor).sort((a, b) => a.externalId.localeCompare(b.externalId));
    for (const line of mine) {
      const client = clientOf.get(key(vendor, line.customerExternalId));
      if (client === undefined || !line.sku || !line.recurring || line.billingFrequency === 'usage') continue;
      const r = random();
      if (line.status !== 'cancelled' && r < 0.1) continue; // never contracted: uncontracted seats
      const base = line.unitPrice ?? (line.unitCost ? { ...line.unitCost, amount: scale(line.unitCost.amount, 125n, 100n) } : undefined);
      if (!base) continue;
      const seats = Math.round(line.quantity);
      const quantity = r < 0.3 ? Math.max(0, seats - 1 - Math.floor(random() * 3)) : r < 0.38 ? seats + 2 : seats;
      // One line in ten is billed at barely above the distributor's cost: below the example's 12 % margin.
      const price = r > 0.9 && line.unitCost && line.unitCost.currency === base.currency ? scale(line.unitCost.amount, 105n, 100n) : base.amount;
      // ConnectWise bills monthly, quarterly or yearly: a 2- or 3-year price becomes its yearly share.
      const years = line.pricePeriod === 'P2Y' ? 2n : line.pricePeriod === 'P3Y' ? 3n : 1n;
      const yearly = line.pricePeriod === 'P1Y' || years > 1n;
      lines.push({
        client,
        product: line.sku,
        description: line.productName,
        quantity,
        unitPrice: years > 1n ? scale(price, 1n, years) : price,
        ...(line.unitCost && line.unitCost.currency === base.currency ? { unitCost: years > 1n ? scale(line.unitCost.amount, 1n, years) : line.unitCost.amount } : {}),
        currency: base.currency,
        period: yearly ? 'Yearly' : 'Monthly',
        ...(day(line.startDate) ? { effectiveDate: day(line.startDate)! } : {}),
        // Most distributor cancellations were ended in the PSA too (dated); the rest are still billed.
        ...(line.status === 'cancelled' && r > 0.5 ? { cancelledDate: day(line.endDate) ?? '2026-10-01T00:00:00Z' } : {}),
        // Now and then a line is contracted but not charged (a courtesy seat): never revenue.
        ...(r > 0.97 ? { billCustomer: 'NoCharge' as const } : {}),
      });
    }
  }
  for (let i = 0; i < 5; i++) clients.push({ name: `Prospect Holdings ${i + 1}`, type: 'Prospect', country: 'US' });
  return { clients, lines };
}

/**
 * Seeds the ConnectWise sandbox from the synced distributor data and syncs it into `store` with
 * the ConnectWise reader: companies into `psa_companies`, agreement additions into `psa_contract_lines`.
 *
 * @example
 * const psa = await syncPsaSandbox(store, now);
 * console.log(psa.coverage.psa_contract_lines?.complete);
 */
export async function syncPsaSandbox(store: Store, now: Date): Promise<PsaSyncResult> {
  const { clients, lines } = psaTenantFrom(await store.listCustomers(), await store.listSubscriptions());
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
