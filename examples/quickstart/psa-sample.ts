// A sample PSA export (companies + agreement lines) derived deterministically from the synced
// distributor customers, with the kinds of differences real PSA data has: names typed differently,
// customers missing from the PSA, prospects, seats contracted short or long, prices below margin,
// a client whose licences were never put on an agreement, and an agreement line for a SKU the
// client has no distributor line for (licensed under a tenant nobody linked).
// It stands in for a ConnectWise/Autotask/HaloPSA export in the example only.
import type { Customer, Subscription } from '@vectis/connector-core';
import type { PsaContractLine } from '@vectis/licensing-core';
import type { PsaCompany } from '@vectis/matching';

const COUNTRY_NAMES: Record<string, string> = { US: 'United States', CA: 'Canada', GB: 'United Kingdom', UK: 'United Kingdom', SE: 'Sweden', DE: 'Germany', AU: 'Australia' };
const LEGAL = /,?\s+(inc\.?|llc|ltd\.?|limited|corp\.?|corporation|co\.?|gmbh|ab|pty\.? ltd\.?|plc)$/i;

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
  const cents = (units * num * 2n + den * 100n) / (den * 200n); // round half up at 2 decimals
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

function psaName(name: string, r: number): string {
  if (r < 0.3) return name.replace(LEGAL, '');
  if (r < 0.45) return name.toUpperCase();
  if (r < 0.6) return name.replace(/ & /g, ' and ');
  return name;
}

export interface PsaSample {
  companies: PsaCompany[];
  contracts: PsaContractLine[];
}

/**
 * @example
 * const { companies, contracts } = samplePsaExport(customers, lines);
 */
export function samplePsaExport(customers: readonly Customer[], lines: readonly Subscription[], seed = 7): PsaSample {
  const random = rng(seed);
  const companies: PsaCompany[] = [];
  const contracts: PsaContractLine[] = [];
  const companyOf = new Map<string, PsaCompany>();
  let nextId = 19000;

  for (const c of [...customers].sort((a, b) => a.externalId.localeCompare(b.externalId))) {
    if (random() < 0.1) continue; // a client the MSP never entered in the PSA
    const website = c.domains?.find((d) => d.source === 'contact_email' || d.source === 'website')?.domain;
    const company: PsaCompany = {
      id: nextId++,
      name: psaName(c.name, random()),
      website: website && random() < 0.8 ? (random() < 0.3 ? `www.${website}` : website) : null,
      city: c.address?.city ?? null,
      state: c.address?.state ?? null,
      postalCode: c.address?.postalCode ?? null,
      country: COUNTRY_NAMES[c.address?.country ?? ''] ?? c.address?.country ?? null,
      status: 'Active',
      type: 'Client',
    };
    companies.push(company);
    companyOf.set(c.externalId, company);
  }
  for (let i = 0; i < 5; i++) {
    companies.push({ id: nextId++, name: `Prospect Holdings ${i + 1}`, type: 'Prospect', status: 'Active', country: 'United States' });
  }

  // A separate generator, so the rest of the sample stays as it was.
  const extra = rng(seed + 1);
  const noAgreement = new Set([...companyOf.values()].filter(() => extra() < 0.08).map((c) => c.id));
  let contractId = 1;
  const sorted = [...lines].sort((a, b) => a.externalId.localeCompare(b.externalId));
  for (const line of sorted) {
    const company = companyOf.get(line.customerExternalId);
    if (!company || !line.sku || !line.recurring || noAgreement.has(company.id)) continue;
    const r = random();
    if (line.status === 'cancelled' && r > 0.5) continue; // most cancellations were also ended in the PSA
    if (line.status !== 'cancelled' && r < 0.1) continue; // never contracted at all
    const base = line.unitPrice ?? (line.unitCost ? { ...line.unitCost, amount: scale(line.unitCost.amount, 125n, 100n) } : undefined);
    if (!base) continue;
    const seats = Math.round(line.quantity);
    const quantity = r < 0.3 ? Math.max(0, seats - 1 - Math.floor(random() * 3)) : r < 0.38 ? seats + 2 : seats;
    const unitPrice = r > 0.9 && line.unitCost ? { ...line.unitCost, amount: scale(line.unitCost.amount, 105n, 100n) } : base;
    const period = line.pricePeriod === 'P1M' || line.pricePeriod === 'P1Y' || line.pricePeriod === 'P2Y' || line.pricePeriod === 'P3Y' ? line.pricePeriod : 'P1M';
    contracts.push({
      id: `AGR-${String(contractId++).padStart(5, '0')}`,
      psaCompanyId: company.id,
      sku: line.sku,
      description: line.productName,
      quantity,
      unitPrice,
      billingPeriod: period,
      status: 'active',
      startDate: line.startDate,
    });
  }
  // One agreement line for a SKU the client has no distributor line for.
  const priced = sorted.find((l) => l.sku && l.recurring && l.unitPrice && l.pricePeriod === 'P1M');
  const target = sorted.map((l) => companyOf.get(l.customerExternalId)).find((c) => c && !noAgreement.has(c.id));
  if (priced?.unitPrice && target) {
    const owned = new Set(sorted.filter((l) => companyOf.get(l.customerExternalId) === target).map((l) => l.sku));
    const sku = sorted.map((l) => l.sku).find((s): s is string => s !== undefined && !owned.has(s));
    if (sku) {
      contracts.push({
        id: `AGR-${String(contractId++).padStart(5, '0')}`, psaCompanyId: target.id, sku, description: 'Licence billed, tenant not linked',
        quantity: 3, unitPrice: priced.unitPrice, billingPeriod: 'P1M', status: 'active',
      });
    }
  }
  return { companies, contracts };
}
