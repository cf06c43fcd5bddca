// The sample PSA export with the Pax8 customers in it: Pax8 clients the MSP also buys for through
// Ingram share one PSA company (its reference stored on the PSA row), the others get their own
// PSA company keyed by the Pax8 externalId, and their recurring lines get agreement lines with the
// usual differences (seats short or long, a price below margin).
import type { Customer, Subscription } from '@vectis/connector-core';
import type { PsaContractLine, SkuMapping } from '@vectis/licensing-core';
import type { PsaCompany } from '@vectis/matching';
import type { PsaSample } from './psa-sample.ts';

const COUNTRY_NAMES: Record<string, string> = { US: 'United States', CA: 'Canada', GB: 'United Kingdom' };
const norm = (name: string) => name.toLowerCase().replace(/&/g, ' and ').replace(/,?\s+(inc\.?|llc|ltd\.?|co\.?|group|partners)$/i, '').replace(/[^a-z0-9]+/g, ' ').trim();

/**
 * Adds the Pax8 customers to `base` (the sample of the other vendors' customers) as described above.
 *
 * @example
 * const { companies, contracts } = withPax8Sample(samplePsaExport(nonPax8Customers, lines), customers, lines);
 */
export function withPax8Sample(base: PsaSample, customers: readonly Customer[], lines: readonly Subscription[]): PsaSample {
  const pax8 = customers.filter((c) => c.vendor === 'pax8');
  const others = customers.filter((c) => c.vendor !== 'pax8');
  const companies: PsaCompany[] = [...base.companies];
  const contracts: PsaContractLine[] = [...base.contracts];
  const companyOf = new Map<string, PsaCompany>();
  let nextId = 49000; // the other vendors' sample rows use 19000+, 29000+ and 39000+
  for (const c of [...pax8].sort((a, b) => a.externalId.localeCompare(b.externalId))) {
    const twin = others.find((o) => norm(o.name) === norm(c.name));
    const shared = twin && companies.find((p) => norm(p.name) === norm(c.name) && (p.postalCode ?? null) === (twin.address?.postalCode ?? null));
    if (shared) {
      // The MSP stored the reference it typed on the Pax8 company on the PSA row it bills.
      if (c.externalRef) (shared as { externalIds?: readonly string[] }).externalIds = [...(shared.externalIds ?? []), c.externalRef];
      companyOf.set(c.externalId, shared);
      continue;
    }
    if (!c.externalRef || c.status !== 'active') continue; // not entered in the PSA
    const company: PsaCompany = {
      id: nextId++,
      name: c.name,
      website: c.domains?.[0]?.domain ?? null,
      city: c.address?.city ?? null,
      state: c.address?.state ?? null,
      postalCode: c.address?.postalCode ?? null,
      country: COUNTRY_NAMES[c.address?.country ?? ''] ?? c.address?.country ?? null,
      status: 'Active',
      type: 'Client',
      externalIds: [c.externalRef],
    };
    companies.push(company);
    companyOf.set(c.externalId, company);
  }
  let n = 0;
  for (const line of [...lines].filter((l) => l.vendor === 'pax8').sort((a, b) => a.externalId.localeCompare(b.externalId))) {
    const company = companyOf.get(line.customerExternalId);
    if (!company || !line.sku || !line.recurring || line.status === 'cancelled' || !line.unitPrice) continue;
    n++;
    const period = line.pricePeriod === 'P1Y' || line.pricePeriod === 'P2Y' || line.pricePeriod === 'P3Y' ? line.pricePeriod : 'P1M';
    // Every 4th line contracted two seats short, every 9th billed at partner cost (below margin).
    const quantity = n % 4 === 0 ? Math.max(0, Math.round(line.quantity) - 2) : Math.round(line.quantity);
    const unitPrice = n % 9 === 0 && line.unitCost ? line.unitCost : line.unitPrice;
    contracts.push({ id: `AGR-P8-${String(n).padStart(4, '0')}`, psaCompanyId: company.id, sku: line.sku, description: line.productName, quantity, unitPrice, billingPeriod: period, status: 'active', startDate: line.startDate });
  }
  return { companies, contracts };
}

/**
 * One PSA product per Microsoft product sold through both distributors: Pax8's SKU (whose product
 * `vendorSku` is Microsoft's id, e.g. `CFQ7TTC0LDPB:0001`) and Ingram's MPNs for it (that id plus a term
 * suffix) map to the same PSA product, so a client buying it from both shows one row labelled "Mixed".
 *
 * @example
 * const policy = { minMarginPercent: '12', skuMappings: crossVendorSkuMappings(lines) };
 */
export function crossVendorSkuMappings(lines: readonly Subscription[]): SkuMapping[] {
  const mappings = new Map<string, SkuMapping>();
  const ingram = [...new Set(lines.filter((l) => l.vendor === 'ingram_micro' && l.sku).map((l) => l.sku as string))];
  for (const line of lines) {
    const microsoft = (line.raw as { product?: { vendorSku?: string } } | undefined)?.product?.vendorSku;
    if (line.vendor !== 'pax8' || !line.sku || !microsoft) continue;
    const twins = ingram.filter((mpn) => mpn === microsoft || mpn.startsWith(`${microsoft}_`) || mpn.startsWith(`${microsoft}-`));
    if (!twins.length) continue;
    const psaProductId = `MS:${microsoft}`;
    for (const sku of [line.sku, ...twins]) mappings.set(sku, { sku, psaProductId });
  }
  return [...mappings.values()];
}
