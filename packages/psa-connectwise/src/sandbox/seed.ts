import { sandboxRandom as random } from '@vectis/connector-core';

// Generates a ConnectWise tenant shaped like the 2025.1 schema, including the ugly parts the notes
// describe: recycle-bin (deleted) companies, additions without `billedQuantity`, `lessIncluded`,
// DoNotBill/NoCharge lines, cancelled additions, quarterly and one-time agreements, agreements without
// a currency, a proration line whose extPrice does not match, custom fields and `_info` stamps.

export type Row = Record<string, unknown> & { id: number };

export interface CwTenant {
  companies: Row[];
  agreements: Row[];
  additions: Map<number, Row[]>;
  catalog: Row[];
  billingCycles: Row[];
}

const NAMES = ['Cruz Brothers Auto Body', 'Harbor Dental Group', 'Northwind Logistics', 'Bluebird Bakery', 'Summit Legal LLP', 'Keller & Sons Plumbing', 'Aurora Vet Clinic', 'Pinecrest Realty'];
const CITIES: Array<[string, string, string]> = [['Jackson', 'MS', '39201'], ['Tampa', 'FL', '33602'], ['Denver', 'CO', '80202'], ['Austin', 'TX', '78701']];
const PRODUCTS: Array<[string, string, number, number, string | null]> = [
  ['M365-BP', 'Microsoft 365 Business Premium', 22, 18.37, 'CFQ7TTC0LCHC:0002'],
  ['M365-BS', 'Microsoft 365 Business Standard', 12.5, 10.2, 'CFQ7TTC0LDPB:0001'],
  ['EXO-P1', 'Exchange Online (Plan 1)', 4, 3.2, null],
  ['AZ-AD-P1', 'Entra ID P1', 6, 4.8, 'CFQ7TTC0LFLX:0001'],
  ['BACKUP-M365', 'Cloud Backup for M365 per user', 3.5, 1.1, null],
];
export const BILLING_CYCLES = [
  { id: 1, identifier: 'M', name: 'Monthly', defaultFlag: true, billingOptions: 'Monthly' },
  { id: 2, identifier: 'Q', name: 'Quarterly', defaultFlag: false, billingOptions: 'Quarterly' },
  { id: 3, identifier: 'Y', name: 'Annual', defaultFlag: false, billingOptions: 'Yearly' },
  { id: 4, identifier: 'N', name: 'One Time', defaultFlag: false, billingOptions: 'NotRecurring' },
];
const USD = { id: 7, currencyCode: 'USD', currencyIdentifier: 'USD', symbol: '$', name: 'US Dollars', numberOfDecimals: 2 };

const info = (day: string) => ({ lastUpdated: `${day}T14:03:11Z`, updatedBy: 'apiuser', dateEntered: '2023-04-02T09:00:00Z', enteredBy: 'jsmith' });

export function generate(seed: number, size: { companies: number; linesPerCompany: number }): CwTenant {
  const r = random(seed);
  const catalog: Row[] = PRODUCTS.map(([identifier, description, price, cost, sku], i) => ({
    id: 30 + i,
    identifier,
    description,
    customerDescription: description,
    inactiveFlag: false,
    productClass: 'Service',
    price,
    cost,
    ...(sku ? { vendorSku: sku } : {}),
    ...(i === 1 ? { manufacturerPartNumber: 'KLQ-00216' } : {}),
    vendor: { id: 19, identifier: 'Pax8', name: 'Pax8', _info: {} },
    _info: info('2026-09-01'),
  }));
  const companies: Row[] = [];
  const agreements: Row[] = [];
  const additions = new Map<number, Row[]>();
  let companyId = 200;
  let agreementId = 40;
  let additionId = 9000;
  const extra = Math.ceil(size.companies / 10); // ~10% more sit in the recycle bin, spread through the id range
  let binned = 0;
  for (let i = 0; i < size.companies + extra; i++) {
    companyId += r.int(1, 4);
    const deleted = binned < extra && (i % 11 === 10 || i - binned >= size.companies);
    if (deleted) binned++;
    const [city, state, zip] = r.pick(CITIES);
    const name = `${r.pick(NAMES)} ${i + 1}`;
    const company: Row = {
      id: companyId,
      identifier: name.replace(/[^A-Za-z0-9]/g, '').slice(0, 25),
      name,
      status: { id: 1, name: i % 7 === 3 ? 'Not-Approved' : 'Active', _info: {} },
      types: [{ id: 1, name: i % 9 === 4 ? 'Prospect' : 'Client', _info: {} }],
      addressLine1: `${100 + i} Main St`,
      city,
      state,
      zip,
      country: { id: 1, identifier: 'US', name: 'United States', _info: {} },
      phoneNumber: `555010${String(i % 100).padStart(2, '0')}`,
      website: i % 5 === 2 ? '' : `www.${name.split(' ')[0]?.toLowerCase()}${i + 1}.com`,
      deletedFlag: deleted,
      ...(i % 4 === 0 ? { accountNumber: `AR-${1000 + i}` } : {}),
      ...(i % 6 === 1 ? { integratorTags: [`pax8:${(seed * 7919 + i).toString(16)}`] } : {}),
      currency: USD,
      customFields: [{ id: 4, caption: 'Tenant ID', type: 'Text', entryMethod: 'EntryField', numberOfDecimals: 0, value: null }],
      _info: info(`2026-0${1 + (i % 9)}-1${i % 10}`),
    };
    companies.push(company);
    if (deleted) continue;
    const perAgreement = Math.max(1, Math.ceil(size.linesPerCompany / 2));
    let left = size.linesPerCompany;
    while (left > 0) {
      agreementId += r.int(1, 3);
      const cycle = agreementId % 13 === 0 ? 2 : agreementId % 17 === 0 ? 3 : agreementId % 23 === 0 ? 4 : 1;
      const cancelled = agreementId % 19 === 0;
      const agreement: Row = {
        id: agreementId,
        name: `Managed Services ${agreementId}`,
        type: { id: 3, name: 'Managed Services', _info: {} },
        company: { id: companyId, identifier: company.identifier, name, _info: {} },
        agreementStatus: cancelled ? 'Cancelled' : 'Active',
        cancelledFlag: cancelled,
        ...(cancelled ? { dateCancelled: '2026-06-30T00:00:00Z', reasonCancelled: 'Client left' } : {}),
        startDate: '2024-01-01T00:00:00Z',
        noEndingDateFlag: true,
        billStartDate: '2024-01-01T00:00:00Z',
        nextInvoiceDate: '2026-12-01',
        billingCycle: { id: cycle, name: BILLING_CYCLES[cycle - 1]?.name, _info: {} },
        billAmount: 0,
        ...(agreementId % 29 === 0 ? {} : { currency: USD }),
        _info: info('2026-10-02'),
      };
      agreements.push(agreement);
      const rows: Row[] = [];
      for (let k = 0; k < Math.min(perAgreement, left); k++) {
        additionId += r.int(1, 5);
        const product = catalog[(additionId + k) % catalog.length] as Row;
        const quantity = r.int(1, 40);
        const lessIncluded = additionId % 8 === 0 ? Math.min(quantity, 2) : 0;
        const billed = quantity - lessIncluded;
        const unitPrice = product.price as number;
        const proration = additionId % 31 === 0;
        rows.push({
          id: additionId,
          agreementId,
          product: { id: product.id, identifier: product.identifier, serializedFlag: false, _info: {} },
          description: product.description,
          ...(k === 0 ? { invoiceDescription: `${String(product.description)} (per user)` } : {}),
          quantity,
          lessIncluded,
          ...(additionId % 4 === 1 ? {} : { billedQuantity: billed }),
          unitPrice,
          unitCost: product.cost,
          extPrice: proration ? Math.round(billed * unitPrice * 50) / 100 : Math.round(billed * unitPrice * 100) / 100,
          extCost: Math.round(billed * (product.cost as number) * 100) / 100,
          billCustomer: additionId % 10 === 3 ? 'DoNotBill' : additionId % 10 === 7 ? 'NoCharge' : 'Billable',
          effectiveDate: '2025-02-01T00:00:00Z',
          ...(additionId % 9 === 2 ? { cancelledDate: '2026-03-31T00:00:00Z' } : {}),
          agreementStatus: agreement.agreementStatus,
          uom: 'User',
          taxableFlag: false,
          sequenceNumber: k + 1,
          _info: info('2026-10-02'),
        });
      }
      additions.set(agreementId, rows);
      left -= rows.length;
    }
  }
  return { companies, agreements, additions, catalog, billingCycles: BILLING_CYCLES.map((c) => ({ ...c })) };
}
