import { z } from 'zod';

// Raw Autotask REST v1.0 shapes. The vendor swagger (2020 snapshot) spells fields in PascalCase, the
// wire uses camelCase; responses wrap rows in `items`/`pageDetails` (the swagger wrongly names the bare
// model). Objects are loose (fields added since 2020 pass through); picklists are integers whose labels
// are tenant data (`entityInformation/fields`).

const Id = z.number().int();
const Num = z.number().nullish();
const Str = z.string().nullish();
const Udfs = z.array(z.looseObject({ name: z.string(), value: z.string().nullish() })).nullish();

/**
 * `GET {lookup}/v1.0/zoneInformation?user=` → where the tenant's database lives.
 *
 * @example
 * AtZoneInformation.parse({ zoneName: 'America East', url: 'https://webservices15.autotask.net/ATServicesRest/' });
 */
export const AtZoneInformation = z.looseObject({ zoneName: Str, url: z.string().url(), webUrl: Str, ci: Num });

/**
 * `GET /ThresholdInformation`: the shared hourly budget and what is used of it.
 *
 * @example
 * AtThresholdInformation.parse({ externalRequestThreshold: 10000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: 4200 });
 */
export const AtThresholdInformation = z.looseObject({ externalRequestThreshold: z.number(), requestThresholdTimeframe: z.number(), currentTimeframeRequestCount: z.number() });

/**
 * A `Companies` row.
 *
 * @example
 * AtCompany.parse({ id: 29683501, companyName: 'Cruz Brothers', isActive: true });
 */
export const AtCompany = z.looseObject({
  id: Id,
  companyName: z.string(),
  companyNumber: Str,
  companyType: Num,
  isActive: z.boolean().nullish(),
  parentCompanyID: Num,
  city: Str,
  state: Str,
  postalCode: Str,
  countryID: Num,
  phone: Str,
  webAddress: Str,
  taxID: Str,
  currencyID: Num,
  lastTrackedModifiedDateTime: Str,
  userDefinedFields: Udfs,
});
export type AtCompany = z.infer<typeof AtCompany>;

/**
 * A `Contracts` row: the client (`companyID`), name, type and status picklists, dates.
 *
 * @example
 * AtContract.parse({ id: 29684001, companyID: 29683501, contractName: 'Managed Services', status: 1 });
 */
export const AtContract = z.looseObject({
  id: Id,
  companyID: Id,
  contractName: z.string(),
  contractType: Num,
  status: Num,
  startDate: Str,
  endDate: Str,
});
export type AtContract = z.infer<typeof AtContract>;

/**
 * `ContractServices` (or `ContractServiceBundles`, read with `serviceBundleID`): the line and its per-unit price.
 *
 * @example
 * AtContractService.parse({ id: 29690005, contractID: 29684001, serviceID: 30000000, unitPrice: 23.1 });
 */
export const AtContractService = z.looseObject({
  id: Id,
  contractID: Id,
  serviceID: Num,
  serviceBundleID: Num,
  unitPrice: Num,
  unitCost: Num,
  adjustedPrice: Num,
  invoiceDescription: Str,
});
export type AtContractService = z.infer<typeof AtContractService>;

/**
 * `ContractServiceUnits` (or `…BundleUnits`): billed units for one period (or part of one).
 *
 * @example
 * AtContractServiceUnit.parse({ id: 1, contractServiceID: 29690005, startDate: '2026-11-01T00:00:00', endDate: '2026-11-30T00:00:00', units: 11, price: 254.1 });
 */
export const AtContractServiceUnit = z.looseObject({
  id: Id,
  contractID: Num,
  contractServiceID: Num,
  contractServiceBundleID: Num,
  startDate: z.string(),
  endDate: z.string(),
  units: z.number(),
  price: Num,
  cost: Num,
  approveAndPostDate: Str,
});
export type AtContractServiceUnit = z.infer<typeof AtContractServiceUnit>;

/**
 * `Services` / `ServiceBundles`: the recurring catalog (no SKU field); `periodType` is the price period.
 *
 * @example
 * AtService.parse({ id: 30000000, name: 'Microsoft 365 Business Premium', periodType: 2 });
 */
export const AtService = z.looseObject({
  id: Id,
  name: z.string(),
  description: Str,
  invoiceDescription: Str,
  isActive: z.boolean().nullish(),
  periodType: Num,
  unitPrice: Num,
  unitCost: Num,
  userDefinedFields: Udfs,
});
export type AtService = z.infer<typeof AtService>;

/**
 * `Products`: the catalog that carries SKUs.
 *
 * @example
 * AtProduct.parse({ id: 50000001, name: 'M365 BP (NCE)', sku: 'CFQ7TTC0LCHC:0002' });
 */
export const AtProduct = z.looseObject({
  id: Id,
  name: z.string(),
  description: Str,
  sku: Str,
  manufacturerName: Str,
  manufacturerProductName: Str,
  vendorProductNumber: Str,
  externalProductID: Str,
  unitPrice: Num,
  unitCost: Num,
  isActive: z.boolean().nullish(),
});
export type AtProduct = z.infer<typeof AtProduct>;

/**
 * A `Currencies` row; `name` is the ISO-style code in practice [U].
 *
 * @example
 * AtCurrency.parse({ id: 1, name: 'USD', isInternalCurrency: true });
 */
export const AtCurrency = z.looseObject({ id: Id, name: z.string(), isActive: z.boolean().nullish(), isInternalCurrency: z.boolean().nullish() });
export const AtCountry = z.looseObject({ id: Id, countryCode: Str, name: Str });

/** `{items, pageDetails}`; `nextPageUrl` is never followed (its POST form is the only one that works). */
export function atPage<T extends z.ZodType>(item: T) {
  return z.looseObject({ items: z.array(item), pageDetails: z.looseObject({ count: z.number().optional(), requestCount: z.number().optional(), nextPageUrl: z.string().nullish() }).optional() });
}
export const AtCount = z.looseObject({ queryCount: z.number().int().min(0) });

/**
 * `entityInformation/fields`: picklist labels per tenant.
 *
 * @example
 * AtFieldInfo.parse({ fields: [{ name: 'periodType', isPickList: true, picklistValues: [{ value: '2', label: 'Monthly' }] }] });
 */
export const AtFieldInfo = z.looseObject({
  fields: z.array(z.looseObject({ name: z.string(), isPickList: z.boolean().optional(), picklistValues: z.array(z.looseObject({ value: z.string(), label: z.string(), isActive: z.boolean().optional() })).nullish() })),
});
export type AtFieldInfo = z.infer<typeof AtFieldInfo>;

/**
 * Autotask's error body `{"errors": ["…"]}`, or ASP.NET's `{"Message": "…"}`.
 *
 * @example
 * AtErrorBody.parse({ errors: ['Authentication failed.'] });
 */
export const AtErrorBody = z.looseObject({ errors: z.array(z.string()).optional(), Message: z.string().optional() });
