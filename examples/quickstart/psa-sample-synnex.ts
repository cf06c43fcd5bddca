// PSA sample rows for the TD SYNNEX sandbox customers: companies as an MSP typed them (legal suffix
// dropped, upper case, the contact's domain as the website, the Ion customer id kept as an external
// id on some) and agreement lines with the usual differences (seats short or long, a price under the
// 12 % margin, a cancelled subscription still billed). Stands in for a PSA export in the example only.
import type { Customer, Subscription } from '@vectis/connector-core';
import type { PsaContractLine } from '@vectis/licensing-core';
import type { PsaCompany } from '@vectis/matching';
import type { PsaSample } from './psa-sample.ts';

/** Adds PSA companies and agreement lines for the `td_synnex` customers to `base` (deterministic). */
export function withSynnexPsaSample(base: PsaSample, customers: readonly Customer[], lines: readonly Subscription[]): PsaSample {
  const companies: PsaCompany[] = [...base.companies];
  const contracts: PsaContractLine[] = [...base.contracts];
  const ion = [...customers].filter((c) => c.vendor === 'td_synnex').sort((a, b) => Number(a.externalId) - Number(b.externalId));
  const companyOf = new Map<string, PsaCompany>();
  ion.forEach((c, i) => {
    if (i % 9 === 4) return; // never entered in the PSA: stays unlinked
    const name = i % 3 === 0 ? c.name.replace(/\s+(Inc|LLC|Ltd|Corp|Group)$/i, '') : i % 5 === 0 ? c.name.toUpperCase() : c.name;
    const website = c.domains?.[0]?.domain;
    const company: PsaCompany = {
      id: 29000 + i,
      name,
      website: website ?? null,
      city: c.address?.city ?? null,
      postalCode: c.address?.postalCode ?? null,
      country: c.address?.country === 'CA' ? 'Canada' : c.address?.country === 'US' ? 'United States' : null,
      status: 'Active',
      type: 'Client',
      ...(i % 4 === 0 ? { externalIds: [c.externalId] } : {}),
    };
    companies.push(company);
    companyOf.set(c.externalId, company);
  });
  let n = 1;
  for (const line of [...lines].filter((l) => l.vendor === 'td_synnex').sort((a, b) => Number(a.externalId) - Number(b.externalId))) {
    const company = companyOf.get(line.customerExternalId);
    if (!company || !line.sku || !line.unitPrice || line.billingFrequency === 'usage') continue;
    const k = n++;
    if (line.status === 'cancelled' && k % 2 === 0) continue; // most cancellations were ended in the PSA too
    if (k % 10 === 3) continue; // never contracted
    const quantity = k % 7 === 1 ? Math.max(0, line.quantity - 2) : k % 11 === 5 ? line.quantity + 1 : line.quantity;
    // One in eight lines is priced at the distributor cost: below the example's 12 % minimum margin.
    const unitPrice = k % 8 === 2 && line.unitCost ? line.unitCost : line.unitPrice;
    contracts.push({
      id: `ION-AGR-${String(k).padStart(4, '0')}`,
      psaCompanyId: company.id,
      sku: line.sku,
      description: line.productName,
      quantity,
      unitPrice,
      billingPeriod: line.pricePeriod === 'P1Y' ? 'P1Y' : 'P1M',
      status: 'active',
      startDate: line.startDate?.slice(0, 10),
    });
  }
  return { companies, contracts };
}
