// Sample PSA companies and agreement lines for the Sherweb sandbox customers, so the example's
// report has linked Sherweb customers (CAD and USD). Sherweb customers carry only a display name,
// so the PSA names stay close to it (legal suffix dropped, case changed) and matching can link them.
// Some customers are missing from the PSA, some lines are contracted short or priced below cost.
import type { Customer, Subscription } from '@vectis/connector-core';
import type { PsaContractLine } from '@vectis/licensing-core';
import type { PsaCompany } from '@vectis/matching';

const LEGAL = /\s+(inc\.|ltd\.|llc|corp\.|ltée)$/i;

/**
 * Adds Sherweb companies (ids from 39000) and agreement lines to a PSA sample.
 *
 * @example
 * const psa = withSherwebSample(samplePsaExport(ingramCustomers, ingramLines), customers, lines);
 */
export function withSherwebSample(
  psa: { companies: PsaCompany[]; contracts: PsaContractLine[] },
  customers: readonly Customer[],
  lines: readonly Subscription[],
): { companies: PsaCompany[]; contracts: PsaContractLine[] } {
  const companies = [...psa.companies];
  const contracts = [...psa.contracts];
  const companyOf = new Map<string, PsaCompany>();
  const ours = [...customers].filter((c) => c.vendor === 'sherweb').sort((a, b) => a.name.localeCompare(b.name));
  ours.forEach((c, i) => {
    if (i % 8 === 5) return; // a client the MSP never entered in the PSA
    const name = i % 3 === 0 ? c.name.replace(LEGAL, '') : i % 3 === 1 ? c.name.toUpperCase() : c.name;
    const company: PsaCompany = { id: 39000 + i, name, country: 'Canada', status: 'Active', type: 'Client' };
    companies.push(company);
    companyOf.set(c.externalId, company);
  });
  let n = 0;
  for (const line of [...lines].filter((l) => l.vendor === 'sherweb').sort((a, b) => a.externalId.localeCompare(b.externalId))) {
    const company = companyOf.get(line.customerExternalId);
    if (!company || !line.sku || !line.recurring || !line.unitPrice) continue;
    n++;
    if (n % 9 === 0) continue; // never contracted: uncontracted seats
    const quantity = n % 4 === 0 ? Math.max(0, line.quantity - 2) : line.quantity; // contracted short
    // Now and then the agreement still bills the distributor's cost: a below-margin SKU.
    const unitPrice = n % 7 === 0 && line.unitCost ? line.unitCost : line.unitPrice;
    const period = line.pricePeriod === 'P1Y' ? 'P1Y' : 'P1M';
    contracts.push({
      id: `SW-AGR-${String(n).padStart(4, '0')}`,
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
  return { companies, contracts };
}
