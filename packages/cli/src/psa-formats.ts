// Column mappings of the PSA exports `vectis psa import` reads. Headers are matched case- and
// punctuation-insensitively against the aliases; the first alias found wins. Column names are
// taken from each PSA's REST field names and its UI list export headers (docs/cli.md lists them;
// they are best-effort guesses where a PSA lets users rename export columns).
/** Which PSA wrote an export. */
export type PsaFormat = 'connectwise' | 'autotask' | 'halo' | 'generic';
/**
 * The `--format` values of `vectis psa import`.
 *
 * @example
 * PSA_FORMATS.includes('halo'); // true
 */
export const PSA_FORMATS: readonly PsaFormat[] = ['connectwise', 'autotask', 'halo', 'generic'];

export type CompanyField = 'id' | 'name' | 'website' | 'city' | 'state' | 'postalCode' | 'country' | 'status' | 'type' | 'externalIds';
export type ContractField =
  | 'id' | 'psaCompanyId' | 'sku' | 'productId' | 'description' | 'quantity' | 'unitPrice' | 'currency'
  | 'billingPeriod' | 'status' | 'startDate' | 'endDate';

export interface FormatMapping {
  companies: Partial<Record<CompanyField, readonly string[]>>;
  contracts: Partial<Record<ContractField, readonly string[]>>;
}

const GENERIC: FormatMapping = {
  companies: {
    id: ['id'], name: ['name'], website: ['website'], city: ['city'], state: ['state'], postalCode: ['postalCode'],
    country: ['country'], status: ['status'], type: ['type'], externalIds: ['externalIds'],
  },
  contracts: {
    id: ['id'], psaCompanyId: ['psaCompanyId'], sku: ['sku'], productId: ['productId'], description: ['description'],
    quantity: ['quantity'], unitPrice: ['unitPrice'], currency: ['currency'], billingPeriod: ['billingPeriod'],
    status: ['status'], startDate: ['startDate'], endDate: ['endDate'],
  },
};

/**
 * Column aliases per PSA and field (documented in docs/cli.md).
 *
 * @example
 * MAPPINGS.autotask.companies.name; // ['companyName', 'Company Name']
 */
export const MAPPINGS: Readonly<Record<PsaFormat, FormatMapping>> = {
  generic: GENERIC,
  // ConnectWise Manage: company/companies and finance/agreements/{id}/additions (+ the agreement's company).
  connectwise: {
    companies: {
      id: ['id', 'Company RecID', 'Company ID'], name: ['name', 'Company Name', 'Company'], website: ['website'],
      city: ['city'], state: ['state'], postalCode: ['zip', 'Zip Code', 'postalCode'], country: ['country', 'country/name', 'country.name'],
      status: ['status', 'status/name', 'status.name', 'Company Status'], type: ['type', 'types', 'types/name', 'Company Type'],
      externalIds: ['identifier', 'Company Identifier'],
    },
    contracts: {
      id: ['id', 'Addition RecID', 'Addition ID'], psaCompanyId: ['company/id', 'company.id', 'Company RecID', 'Company ID'],
      productId: ['product/identifier', 'product.identifier', 'Product ID', 'Product Identifier'], sku: ['sku', 'Manufacturer Part Number'],
      description: ['description', 'Description'], quantity: ['quantity', 'Qty'], unitPrice: ['unitPrice', 'Unit Price'],
      currency: ['currency', 'currency/currencyCode', 'Currency'], billingPeriod: ['billingCycle', 'Billing Cycle', 'agreement/billingCycle'],
      status: ['agreementStatus', 'Status'], startDate: ['effectiveDate', 'Effective Date'], endDate: ['cancelledDate', 'Cancelled Date'],
    },
  },
  // Autotask: Companies and ContractServices (+ ContractServiceUnits for the quantity).
  autotask: {
    companies: {
      id: ['id', 'Company ID'], name: ['companyName', 'Company Name'], website: ['webAddress', 'Web Address'],
      city: ['city'], state: ['state'], postalCode: ['postalCode', 'Postal Code', 'zipCode'], country: ['country', 'countryID'],
      status: ['isActive', 'Active'], type: ['companyType', 'Company Type'], externalIds: ['companyNumber', 'Company Number'],
    },
    contracts: {
      id: ['id', 'Contract Service ID'], psaCompanyId: ['companyID', 'Company ID'], productId: ['serviceID', 'Service ID'],
      sku: ['sku', 'Manufacturer Product Number'], description: ['invoiceDescription', 'Service Name', 'description'],
      quantity: ['units', 'Units', 'quantity'], unitPrice: ['adjustedPrice', 'unitPrice', 'Unit Price'], currency: ['currency', 'Currency'],
      billingPeriod: ['periodType', 'Period Type'], status: ['status', 'Contract Status'], startDate: ['startDate', 'Start Date'], endDate: ['endDate', 'End Date'],
    },
  },
  // HaloPSA: Clients and recurring invoice lines (RecurringInvoice lines).
  halo: {
    companies: {
      id: ['id', 'Client ID'], name: ['name', 'Client Name', 'client_name'], website: ['website'], city: ['city'],
      state: ['state', 'county'], postalCode: ['postcode', 'postalCode'], country: ['country'],
      status: ['inactive', 'Inactive'], type: ['type', 'client_type'], externalIds: ['reference', 'accountsid'],
    },
    contracts: {
      id: ['id', 'Line ID'], psaCompanyId: ['client_id', 'Client ID'], productId: ['item_code', 'Item Code', 'item_id'],
      sku: ['sku', 'item_sku'], description: ['item_shortdescription', 'Description', 'description'], quantity: ['qty_order', 'quantity', 'Quantity'],
      unitPrice: ['unit_price', 'price', 'Unit Price'], currency: ['currency', 'Currency'], billingPeriod: ['frequency', 'period', 'Billing Period'],
      status: ['status', 'Status'], startDate: ['start_date', 'Start Date'], endDate: ['end_date', 'End Date'],
    },
  },
};

export const norm = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Columns that mean "this file holds contract lines". */
export function looksLikeContracts(headers: readonly string[], format: PsaFormat): boolean {
  const have = new Set(headers.map(norm));
  const m = MAPPINGS[format].contracts;
  return [...(m.quantity ?? []), ...(m.unitPrice ?? [])].some((a) => have.has(norm(a)));
}

/** Billing period words the PSAs use → the licensing ContractPeriod. */
export function billingPeriodOf(value: string): 'P1M' | 'P1Y' | 'P2Y' | 'P3Y' | 'one_time' | undefined {
  const v = norm(value);
  if (['p1m', 'monthly', 'month', 'monthlyrecurring'].includes(v)) return 'P1M';
  if (['p1y', 'annually', 'annual', 'yearly', 'year'].includes(v)) return 'P1Y';
  if (['p2y', 'biennially', 'biennial'].includes(v)) return 'P2Y';
  if (['p3y', 'triennially', 'triennial'].includes(v)) return 'P3Y';
  if (['onetime', 'once', 'none'].includes(v)) return 'one_time';
  return undefined;
}
