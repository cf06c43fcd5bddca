import { sandboxRandom as random } from '@vectis/connector-core';

// A HaloPSA tenant shaped like the spec's component schemas (Area, InvoiceHeader, InvoiceDetail, Item,
// Currency), with the ugly parts the notes describe: inactive clients, headers not linked to a contract
// (contract_id 0), headers without an ISO `currency` (only `currency_code`), group-heading lines,
// computed quantities, integer billingperiod codes, one-time and inactive lines, ended lines.

export type Row = Record<string, unknown> & { id: number };

export interface HaloTenant {
  clients: Row[];
  invoices: Row[];
  items: Row[];
  currencies: Row[];
}

const NAMES = ['Harbor Dental Group', 'Northwind Logistics', 'Bluebird Bakery', 'Summit Legal LLP', 'Aurora Vet Clinic', 'Pinecrest Realty'];
const ITEMS: Array<[string, string, number, number, string | null]> = [
  ['M365-BP', 'Microsoft 365 Business Premium', 22, 18.37, 'CFQ7TTC0LCHC:0002'],
  ['M365-BS', 'Microsoft 365 Business Standard', 12.5, 10.2, 'CFQ7TTC0LDPB:0001'],
  ['EXO-P1', 'Exchange Online (Plan 1)', 4, 3.2, null],
  ['DEF-BUS', 'Defender for Business', 3, 2.52, 'CFQ7TTC0LCHR:0001'],
  ['SUPPORT', 'Managed support per user', 45, 0, null],
];

const guid = (r: ReturnType<typeof random>) =>
  [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => '0123456789abcdef'[r.int(0, 15)]).join('')).join('-');

export function generate(seed: number, size: { companies: number; linesPerCompany: number }): HaloTenant {
  const r = random(seed);
  const items: Row[] = ITEMS.map(([name, description, price, cost, sku], i) => ({
    id: 5 + i,
    name,
    description,
    isrecurringitem: true,
    baseprice: price,
    costprice: cost,
    recurringprice: price,
    recurringcost: cost,
    item_default_billing_period: 1,
    ...(sku ? { supplier_part_code: sku } : {}),
    internalreference: '',
    externalreference: i === 2 ? 'EXO-P1-NCE' : null,
    supplier_id: 3,
    supplier_name: 'Pax8',
    item_suppliers: sku ? [{ supplier_id: 3, supplier_name: 'Pax8', supplier_sku: sku, price: cost, cost, client_id: 0 }] : [],
  }));
  const currencies: Row[] = [
    { id: 1, name: 'US Dollar', symbol: '$', code: 'USD', conversion_rate: 1, last_updated: '2026-01-01T00:00:00' },
    { id: 2, name: 'House currency', symbol: '¤', code: null, conversion_rate: 1, last_updated: null },
  ];
  const clients: Row[] = [];
  const invoices: Row[] = [];
  let clientId = 10;
  let invoiceId = 500;
  let lineId = 7000;
  for (let i = 0; i < size.companies; i++) {
    clientId += r.int(1, 3);
    const name = `${r.pick(NAMES)} ${i + 1}`;
    const domain = `${name.split(' ')[0]?.toLowerCase()}${i + 1}.com`;
    clients.push({
      id: clientId,
      name,
      trading_name: i % 5 === 0 ? `${name} Trading` : '',
      inactive: i % 10 === 7,
      toplevel_id: 1,
      toplevel_name: 'Customers',
      website: i % 4 === 1 ? null : `https://www.${domain}`,
      domain,
      main_phonenumber: `+1 555 01${String(i % 100).padStart(2, '0')}`,
      main_invoice_address: { line1: `${10 + i} Harbor Way`, line2: 'Suite 2', line3: 'Tampa', line4: 'FL', postcode: '33602' },
      ref: `CL${String(clientId).padStart(5, '0')}`,
      accountsid: i % 3 === 0 ? `XERO-${clientId}` : '',
      currencyisocode: i % 6 === 5 ? null : 'USD',
      customertype: i % 9 === 4 ? 2 : 1,
      azure_tenants: i % 2 === 0 ? [{ azure_tenant_id: guid(r), azure_tenant_name: name, azure_tenant_domain: `${domain.replace('.com', '')}.onmicrosoft.com`, details_id: 4, licence_import_type: 1, relationship_type: 0 }] : [],
      external_links: i % 7 === 3 ? [{ id: 1, third_party_id: `pax8-${clientId}`, third_party_type: 'Pax8', third_party_desc: 'Pax8 company', details_id: 9 }] : [],
      ingram_micro_details_id: 0,
      alastupdate: `2026-10-${String(1 + (i % 28)).padStart(2, '0')}T08:15:00`,
    });
    invoiceId += r.int(1, 4);
    const headerCurrency = invoiceId % 11 === 0 ? { currency: '', currency_code: 1 } : invoiceId % 13 === 0 ? { currency: '', currency_code: 2 } : { currency: 'USD', currency_code: 1 };
    const lines: Row[] = [];
    if (i % 4 === 2) lines.push({ id: ++lineId, ihid: invoiceId, isgroupdesc: true, item_shortdescription: 'Microsoft licences', qty_order: 0, unit_price: 0, net_amount: 0 });
    for (let k = 0; k < size.linesPerCompany; k++) {
      lineId += r.int(1, 3);
      const item = items[(lineId + k) % items.length] as Row;
      const qty = r.int(1, 30);
      const computed = lineId % 5 === 0;
      lines.push({
        id: lineId,
        ihid: invoiceId,
        recurring_invoice_id: invoiceId,
        contract_id: 0,
        _itemid: item.id,
        item_code: item.name,
        productnumber: item.supplier_part_code ?? '',
        item_shortdescription: item.description,
        qty_order: qty,
        unit_price: item.baseprice,
        unit_cost: item.costprice,
        unit_price_converted: item.baseprice,
        net_amount: Math.round(qty * (item.baseprice as number) * 100) / 100,
        startdate: '2025-03-01T00:00:00',
        enddate: lineId % 9 === 4 ? '2026-05-31T00:00:00' : null,
        isinactive: lineId % 17 === 3,
        billingperiod: lineId % 7 === 1 ? 4 : 1,
        line_periods: 1,
        onetimecharge: lineId % 19 === 6,
        recurring_invoice_quantity_type: computed ? 2 : 0,
        calculate_price_from_users: false,
        calculate_price_from_assets: false,
        quantity_licences: computed ? [{ licence_id: 300 + k, licence_name: String(item.description), qty_free: 0, minimum_qty: 0, pro_rata: true, assigned_licences: false }] : [],
        quantity_users: [],
        quantity_assets: [],
        prorata_next_invoice: false,
        supplier: 3,
        supplier_name: 'Pax8',
      });
    }
    invoices.push({
      id: invoiceId,
      is_recurring_invoice: true,
      client_id: clientId,
      client_name: name,
      contract_id: invoiceId % 3 === 0 ? 0 : 900 + i,
      contract_ref: invoiceId % 3 === 0 ? '' : `CON-${900 + i}`,
      ...headerCurrency,
      currency_code_name: headerCurrency.currency_code === 1 ? 'USD' : 'House currency',
      currency_conversion_rate: 1,
      schedule_id: 1,
      period: 1,
      period_type: 1,
      periodname: 'Monthly',
      nextcreationdate: '2026-12-01T00:00:00',
      startdate: '2025-03-01T00:00:00',
      enddate: null,
      disabled: i % 15 === 14,
      contains_calculated_quantity: lines.some((l) => l.recurring_invoice_quantity_type === 2),
      total: 0,
      lines,
    });
  }
  return { clients, invoices, items, currencies };
}
