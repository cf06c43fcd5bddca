import { z } from 'zod';

// Raw HaloPSA shapes. The vendor spec (OpenAPI 3.0.1 "Halo API" v2) declares no response bodies, so
// list wrappers come from client code and records from the spec's component schemas (Area,
// InvoiceHeader, InvoiceDetail, Item). Objects are loose; every field is nullable on the wire; ids
// may arrive as numbers or numeric strings (`Site.client_id` is a double in the spec).

const Id = z.union([z.number(), z.string().regex(/^\d+(\.0+)?$/)]).transform((v) => Math.trunc(Number(v)));
const Str = z.string().nullish();
const Num = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).nullish();
const Bool = z.boolean().nullish();

/**
 * `AddressStore`: four free lines and a postcode; no country field.
 *
 * @example
 * HaloAddress.parse({ line1: '10 Harbor Way', postcode: '33602' });
 */
export const HaloAddress = z.looseObject({ line1: Str, line2: Str, line3: Str, line4: Str, postcode: Str });

/**
 * A client (`Area`) from `GET /Client`.
 *
 * @example
 * HaloClient.parse({ id: 12, name: 'Harbor Dental Group', inactive: false });
 */
export const HaloClient = z.looseObject({
  id: Id,
  name: z.string(),
  trading_name: Str,
  inactive: Bool,
  website: Str,
  domain: Str,
  main_phonenumber: Str,
  main_invoice_address: HaloAddress.nullish(),
  ref: Str,
  accountsid: Str,
  currencyisocode: Str,
  customertype: Num,
  /** The `customertype` label; present on some versions [U]. */
  customertype_name: Str,
  toplevel_id: Num,
  azure_tenants: z.array(z.looseObject({ azure_tenant_id: Str, azure_tenant_domain: Str })).nullish(),
  external_links: z.array(z.looseObject({ third_party_id: z.union([z.string(), z.number()]).nullish(), third_party_type: Str })).nullish(),
  connectwiseid: Num,
  autotaskid: Num,
  ingram_micro_details_id: Num,
  dattocommerce_tenantid: Str,
  alastupdate: Str,
});
export type HaloClient = z.infer<typeof HaloClient>;

/**
 * `InvoiceDetail`: one recurring invoice line.
 *
 * @example
 * HaloInvoiceLine.parse({ id: 7002, _itemid: 5, item_code: 'M365-BP', qty_order: 14, unit_price: 22, billingperiod: 1 });
 */
export const HaloInvoiceLine = z.looseObject({
  id: Id,
  _itemid: Num,
  item_code: Str,
  productnumber: Str,
  item_shortdescription: Str,
  qty_order: Num,
  unit_price: Num,
  unit_cost: Num,
  net_amount: Num,
  startdate: Str,
  enddate: Str,
  isinactive: Bool,
  billingperiod: Num,
  onetimecharge: Bool,
  isgroupdesc: Bool,
  recurring_invoice_quantity_type: Num,
  calculate_price_from_users: Bool,
  calculate_price_from_assets: Bool,
  quantity_licences: z.array(z.unknown()).nullish(),
  quantity_users: z.array(z.unknown()).nullish(),
  quantity_assets: z.array(z.unknown()).nullish(),
  quantity_subscriptions: z.array(z.unknown()).nullish(),
});
export type HaloInvoiceLine = z.infer<typeof HaloInvoiceLine>;

/**
 * `InvoiceHeader` of a recurring invoice, with `lines[]` when asked for `includelines=true`.
 *
 * @example
 * HaloRecurringInvoice.parse({ id: 512, client_id: 14, currency: 'USD', lines: [] });
 */
export const HaloRecurringInvoice = z.looseObject({
  id: Id,
  client_id: Id,
  client_name: Str,
  contract_id: Num,
  contract_ref: Str,
  currency: Str,
  currency_code: Num,
  period_type: Num,
  startdate: Str,
  enddate: Str,
  disabled: Bool,
  contains_calculated_quantity: Bool,
  lines: z.array(HaloInvoiceLine).nullish(),
});
export type HaloRecurringInvoice = z.infer<typeof HaloRecurringInvoice>;

/**
 * An `Item` (catalog product) with its supplier SKUs.
 *
 * @example
 * HaloItem.parse({ id: 5, name: 'M365-BP', supplier_part_code: 'CFQ7TTC0LCHC:0002' });
 */
export const HaloItem = z.looseObject({
  id: Id,
  name: z.string(),
  description: Str,
  inactive: Bool,
  baseprice: Num,
  costprice: Num,
  supplier_part_code: Str,
  internalreference: Str,
  externalreference: Str,
  supplier_name: Str,
  item_suppliers: z.array(z.looseObject({ supplier_sku: Str, supplier_name: Str })).nullish(),
});
export type HaloItem = z.infer<typeof HaloItem>;

/**
 * A `Currency` row: `code` is the ISO code when the MSP set it.
 *
 * @example
 * HaloCurrency.parse({ id: 1, code: 'USD', name: 'US Dollar' });
 */
export const HaloCurrency = z.looseObject({ id: Id, code: Str, name: Str });

// List wrappers are `{record_count, <key>: [...]}` (client code; the spec has no response schemas).
// Some versions answer a bare array; that is accepted too, without a total.
const Total = z.number().int().min(0).optional();
export const HaloClientPage = z.union([
  z.looseObject({ record_count: Total, clients: z.array(HaloClient) }),
  z.array(HaloClient).transform((clients) => ({ record_count: undefined, clients })),
]);
export const HaloRecurringInvoicePage = z.union([
  z.looseObject({ record_count: Total, invoices: z.array(HaloRecurringInvoice) }),
  z.array(HaloRecurringInvoice).transform((invoices) => ({ record_count: undefined, invoices })),
]);
export const HaloItemPage = z.union([
  z.looseObject({ record_count: Total, items: z.array(HaloItem) }),
  z.array(HaloItem).transform((items) => ({ record_count: undefined, items })),
]);
export const HaloCurrencyList = z.array(HaloCurrency);

/**
 * Halo's mixed error bodies: `{resultCode, errorMessage}`, `{ClassName, Message}`, `{Message}`, OAuth `{error, error_description}`.
 *
 * @example
 * HaloErrorBody.parse({ resultCode: -1, errorMessage: 'An error occurred.' });
 */
export const HaloErrorBody = z.looseObject({
  errorMessage: z.string().optional(),
  Message: z.string().optional(),
  message: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});
