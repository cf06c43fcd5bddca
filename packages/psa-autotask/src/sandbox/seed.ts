import { sandboxRandom as random } from '@vectis/connector-core';

// An Autotask tenant in wire shape (camelCase, `items` envelopes added by the server): companies with
// picklist types, Recurring Service contracts and T&M contracts, Services and a ServiceBundle, contract
// services and bundles, and **one unit row per period** (monthly services: one per month; yearly: one per
// year) including mid-period adjustment splits whose `price` is the prorated extended amount.

export type Row = Record<string, unknown> & { id: number };
export type Entities = Record<string, Row[]>;

export const PICKLISTS: Record<string, Record<string, Array<[number, string]>>> = {
  Companies: { companyType: [[1, 'Customer'], [2, 'Lead'], [3, 'Prospect'], [4, 'Dead'], [5, 'Vendor'], [7, 'Partner']] },
  Contracts: { contractType: [[1, 'Time and Materials'], [7, 'Recurring Service']], status: [[0, 'Inactive'], [1, 'Active']] },
  Services: { periodType: [[2, 'Monthly'], [3, 'Quarterly'], [4, 'Semi-Annual'], [5, 'Yearly']] },
  ServiceBundles: { periodType: [[2, 'Monthly'], [3, 'Quarterly'], [4, 'Semi-Annual'], [5, 'Yearly']] },
};

const SERVICES: Array<[string, number, number, number]> = [
  ['Microsoft 365 Business Premium', 22, 18.37, 2],
  ['Microsoft 365 Business Standard (annual)', 150, 122.4, 5],
  ['Exchange Online Plan 1', 4, 3.2, 2],
  ['Managed Backup (quarterly)', 12, 3.3, 3],
  ['Defender for Business', 3, 2.52, 2],
];

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function generate(seed: number, size: { companies: number; linesPerCompany: number }, o: { multiCurrency?: boolean } = {}): Entities {
  const r = random(seed);
  const Companies: Row[] = [];
  const Contracts: Row[] = [];
  const ContractServices: Row[] = [];
  const ContractServiceUnits: Row[] = [];
  const ContractServiceBundles: Row[] = [];
  const ContractServiceBundleUnits: Row[] = [];
  const e: Entities = { Companies, Contracts, ContractServices, ContractServiceUnits, ContractServiceBundles, ContractServiceBundleUnits };
  e.Countries = [{ id: 237, countryCode: 'US', name: 'United States', displayName: 'United States', isActive: true, isDefaultCountry: true }, { id: 38, countryCode: 'CA', name: 'Canada', displayName: 'Canada', isActive: true, isDefaultCountry: false }];
  e.Currencies = [
    { id: 1, name: 'USD', description: 'US Dollar', isActive: true, isInternalCurrency: true, exchangeRate: 1, displaySymbol: '$' },
    { id: 2, name: 'CAD', description: 'Canadian Dollar', isActive: o.multiCurrency === true, isInternalCurrency: false, exchangeRate: 1.36, displaySymbol: '$' },
  ];
  const services: Row[] = SERVICES.map(([name, unitPrice, unitCost, periodType], i) => ({
    id: 30_000_000 + i * 7, name, description: name, invoiceDescription: i === 0 ? 'M365 BP per user' : null, isActive: i !== 4, periodType, unitPrice, unitCost, markupRate: null,
    vendorCompanyID: 0, billingCodeID: 29682801, serviceLevelAgreementID: null, createDate: '2023-01-01T00:00:00', lastModifiedDate: '2026-01-01T00:00:00',
    userDefinedFields: [{ name: 'Vendor SKU', value: i === 0 ? 'CFQ7TTC0LCHC:0002' : '' }],
  }));
  const bundles: Row[] = [{ id: 40_000_001, name: 'Secure Workplace Bundle', description: 'M365 BP + Defender', invoiceDescription: 'Secure Workplace', isActive: true, periodType: 2, unitPrice: 24, unitCost: 20.89, unitDiscount: 0, percentageDiscount: 0 }];
  e.Services = services;
  e.ServiceBundles = bundles;
  e.ServiceBundleServices = [{ id: 1, serviceBundleID: 40_000_001, serviceID: 30_000_000 }, { id: 2, serviceBundleID: 40_000_001, serviceID: 30_000_028 }];
  e.Products = [{ id: 50_000_001, name: 'Microsoft 365 Business Premium (NCE)', description: null, sku: 'CFQ7TTC0LCHC:0002', manufacturerName: 'Microsoft', manufacturerProductName: 'Microsoft 365 Business Premium', vendorProductNumber: 'CFQ7TTC0LCHC', externalProductID: null, unitPrice: 22, unitCost: 18.37, isActive: true, periodType: 2 }];
  let companyId = 29_683_500;
  let contractId = 29_684_000;
  let lineId = 29_690_000;
  let unitId = 29_700_000;
  for (let i = 0; i < size.companies; i++) {
    companyId += r.int(1, 5);
    const cad = o.multiCurrency === true && i % 4 === 3;
    Companies.push({
      id: companyId, companyName: `Client ${i + 1} ${r.pick(['Dental', 'Logistics', 'Legal', 'Bakery', 'Realty'])}`, companyNumber: `C${10_000 + i}`,
      companyType: i % 9 === 4 ? 3 : 1, isActive: i % 10 !== 7, parentCompanyID: null, address1: `${i + 1} Commerce St`, address2: null,
      city: cad ? 'Toronto' : 'Tampa', state: cad ? 'ON' : 'FL', postalCode: cad ? 'M5H 2N2' : '33602', countryID: cad ? 38 : 237,
      phone: `813-555-${String(1000 + i).slice(-4)}`, webAddress: i % 4 === 1 ? null : `www.client${i + 1}.com`, taxID: null,
      currencyID: cad ? 2 : 1, createDate: '2023-03-01T00:00:00', lastTrackedModifiedDateTime: '2026-10-02T14:03:11.527',
      userDefinedFields: [{ name: 'Microsoft Tenant ID', value: i % 3 === 0 ? `tenant-${companyId}` : null }],
    });
    contractId += r.int(1, 4);
    if (i % 6 === 5) Contracts.push({ id: contractId++, companyID: companyId, contractName: 'Block hours', contractType: 1, status: 1, startDate: '2025-01-01T00:00:00', endDate: '2027-12-31T00:00:00' });
    const ended = i % 13 === 12;
    Contracts.push({ id: contractId, companyID: companyId, contractName: `Managed Services ${i + 1}`, contractNumber: `MS-${i + 1}`, contractType: 7, contractPeriodType: 1, status: ended ? 0 : 1, startDate: '2025-01-01T00:00:00', endDate: ended ? '2026-06-30T00:00:00' : '2027-12-31T00:00:00', estimatedRevenue: 0, renewedContractID: null });
    for (let k = 0; k < size.linesPerCompany; k++) {
      lineId += r.int(1, 4);
      const bundle = lineId % 7 === 0;
      const service = bundle ? (bundles[0] as Row) : (services[(lineId + k) % SERVICES.length] as Row);
      const unitPrice = service.unitPrice as number;
      (bundle ? ContractServiceBundles : ContractServices).push({
        id: lineId, contractID: contractId, ...(bundle ? { serviceBundleID: service.id, adjustedPrice: unitPrice } : { serviceID: service.id, unitCost: service.unitCost }),
        unitPrice, internalCurrencyUnitPrice: unitPrice, invoiceDescription: null, internalDescription: null, quoteItemID: null,
      });
      const yearly = service.periodType === 5;
      const quarterly = service.periodType === 3;
      let units = r.int(1, 30);
      const months = yearly ? [[2025, 1, 12], [2026, 1, 12], [2027, 1, 12]] : quarterly ? [0, 3, 6, 9, 12, 15, 18].map((q) => [2025 + Math.floor(q / 12), (q % 12) + 1, 3]) : Array.from({ length: 36 }, (_, m) => [2025 + Math.floor(m / 12), (m % 12) + 1, 1]);
      for (const [y, m, span] of months as Array<[number, number, number]>) {
        const endMonth = m + span - 1;
        const start = `${y}-${pad(m)}-01T00:00:00`;
        const end = `${y}-${pad(endMonth)}-${pad(lastDay(y, endMonth))}T00:00:00`;
        const unitRow = (s: string, en: string, u: number, share: number) => ({
          id: ++unitId, contractID: contractId, [bundle ? 'contractServiceBundleID' : 'contractServiceID']: lineId, [bundle ? 'serviceBundleID' : 'serviceID']: service.id,
          startDate: s, endDate: en, units: u, price: Math.round(u * unitPrice * share * 100) / 100, cost: bundle ? null : Math.round(u * (service.unitCost as number) * share * 100) / 100,
          internalCurrencyPrice: Math.round(u * unitPrice * share * 100) / 100, approveAndPostDate: y < 2026 ? `${y}-${pad(m)}-02T00:00:00` : null, vendorCompanyID: null,
        });
        if (ended && start > '2026-06-30') break;
        // A mid-period adjustment: a split row from the 15th with the new unit count, prorated price.
        if (!yearly && !quarterly && lineId % 5 === 0 && m === 11 && y === 2026) {
          (bundle ? ContractServiceBundleUnits : ContractServiceUnits).push(unitRow(start, `${y}-${pad(m)}-14T00:00:00`, units, 14 / 30));
          units += 2;
          (bundle ? ContractServiceBundleUnits : ContractServiceUnits).push(unitRow(`${y}-${pad(m)}-15T00:00:00`, end, units, 16 / 30));
          continue;
        }
        (bundle ? ContractServiceBundleUnits : ContractServiceUnits).push(unitRow(start, end, units, 1));
      }
    }
  }
  return e;
}
