import { z } from 'zod';

// Raw ConnectWise PSA (Manage) 2025.1 shapes, from the vendor schema as carried by the generated
// clients named in docs/psa/connectwise.md. Objects are loose (custom fields and newer fields pass
// through); enums are open strings because tenants and new releases add values; only what the
// mapping needs is required.

const Ref = z.looseObject({ id: z.number().int(), name: z.string().optional(), identifier: z.string().optional() });
const Info = z.record(z.string(), z.unknown()).optional();

/**
 * `CurrencyReference`; `currencyCode` is ISO 4217 only when the MSP set it (Setup Tables → Currency List).
 *
 * @example
 * CwCurrencyRef.parse({ id: 7, currencyCode: 'USD' });
 */
export const CwCurrencyRef = z.looseObject({ id: z.number().int().optional(), currencyCode: z.string().optional(), name: z.string().optional() });

/**
 * A `Company` from `GET /company/companies`.
 *
 * @example
 * CwCompany.parse({ id: 250, identifier: 'CruzBrothers', name: 'Cruz Brothers Auto Body' });
 */
export const CwCompany = z.looseObject({
  id: z.number().int(),
  identifier: z.string(),
  name: z.string(),
  status: Ref.optional(),
  types: z.array(Ref).optional(),
  deletedFlag: z.boolean().optional(),
  addressLine1: z.string().nullish(),
  addressLine2: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  zip: z.string().nullish(),
  country: Ref.optional(),
  phoneNumber: z.string().nullish(),
  website: z.string().nullish(),
  accountNumber: z.string().nullish(),
  parentCompany: Ref.optional(),
  currency: CwCurrencyRef.optional(),
  integratorTags: z.array(z.string()).optional(),
  _info: Info,
});
export type CwCompany = z.infer<typeof CwCompany>;

/**
 * An `Agreement` from `GET /finance/agreements`.
 *
 * @example
 * CwAgreement.parse({ id: 77, name: 'Managed 365', company: { id: 250 }, billingCycle: { id: 1 } });
 */
export const CwAgreement = z.looseObject({
  id: z.number().int(),
  name: z.string(),
  company: Ref,
  agreementStatus: z.string().optional(),
  cancelledFlag: z.boolean().optional(),
  dateCancelled: z.string().nullish(),
  startDate: z.string().nullish(),
  endDate: z.string().nullish(),
  noEndingDateFlag: z.boolean().optional(),
  billingCycle: Ref.optional(),
  currency: CwCurrencyRef.optional(),
  parentAgreement: Ref.optional(),
  _info: Info,
});
export type CwAgreement = z.infer<typeof CwAgreement>;

/**
 * An `Addition` from `GET /finance/agreements/{id}/additions`: the billed line.
 *
 * @example
 * CwAddition.parse({ id: 9001, product: { id: 31, identifier: 'M365-BP' }, quantity: 12, lessIncluded: 2, unitPrice: 22, billCustomer: 'Billable' });
 */
export const CwAddition = z.looseObject({
  id: z.number().int(),
  agreementId: z.number().int().optional(),
  product: z.looseObject({ id: z.number().int(), identifier: z.string().optional() }),
  description: z.string().nullish(),
  invoiceDescription: z.string().nullish(),
  quantity: z.number().optional(),
  lessIncluded: z.number().optional(),
  billedQuantity: z.number().optional(),
  unitPrice: z.number().optional(),
  unitCost: z.number().optional(),
  extPrice: z.number().optional(),
  billCustomer: z.string(),
  effectiveDate: z.string().nullish(),
  cancelledDate: z.string().nullish(),
  agreementStatus: z.string().optional(),
  _info: Info,
});
export type CwAddition = z.infer<typeof CwAddition>;

/**
 * A `BillingCycle` from `GET /finance/billingCycles`; `billingOptions` is the period a unit price covers.
 *
 * @example
 * CwBillingCycle.parse({ id: 2, name: 'Quarterly', billingOptions: 'Quarterly' });
 */
export const CwBillingCycle = z.looseObject({ id: z.number().int(), name: z.string().optional(), billingOptions: z.string().optional() });
export type CwBillingCycle = z.infer<typeof CwBillingCycle>;

/**
 * A `CatalogItem` from `GET /procurement/catalog`.
 *
 * @example
 * CwCatalogItem.parse({ id: 31, identifier: 'M365-BP', vendorSku: 'CFQ7TTC0LCHC:0002' });
 */
export const CwCatalogItem = z.looseObject({
  id: z.number().int(),
  identifier: z.string(),
  description: z.string().nullish(),
  inactiveFlag: z.boolean().optional(),
  price: z.number().optional(),
  cost: z.number().optional(),
  vendorSku: z.string().nullish(),
  manufacturerPartNumber: z.string().nullish(),
  integrationXRef: z.string().nullish(),
  vendor: Ref.optional(),
  manufacturer: Ref.optional(),
});
export type CwCatalogItem = z.infer<typeof CwCatalogItem>;

/**
 * `GET …/count` answers `{ "count": n }`.
 *
 * @example
 * CwCount.parse({ count: 1000 });
 */
export const CwCount = z.looseObject({ count: z.number().int().min(0) });

/**
 * `GET /login/companyinfo/{companyId}` (unauthenticated): where the tenant's API lives.
 *
 * @example
 * CwCompanyInfo.parse({ Codebase: 'v2025_1/', VersionCode: 'v2025.1' });
 */
export const CwCompanyInfo = z.looseObject({ Codebase: z.string().min(1), VersionCode: z.string().optional(), CompanyName: z.string().optional() });

/**
 * ConnectWise's error body `{ code, message, errors[] }`.
 *
 * @example
 * CwErrorBody.parse({ code: 'NotFound', message: 'Agreement 9 not found', errors: [] });
 */
export const CwErrorBody = z.looseObject({
  code: z.string().optional(),
  message: z.string().optional(),
  errors: z.array(z.looseObject({ code: z.string().optional(), message: z.string().optional(), field: z.string().optional() })).optional(),
});

export const CwCompanyList = z.array(CwCompany);
export const CwAgreementList = z.array(CwAgreement);
export const CwAdditionList = z.array(CwAddition);
export const CwBillingCycleList = z.array(CwBillingCycle);
export const CwCatalogList = z.array(CwCatalogItem);
