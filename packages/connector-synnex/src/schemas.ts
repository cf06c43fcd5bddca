import { z } from 'zod';

// Raw StreamOne Ion v3 payloads, from TD SYNNEX's SDK (StreamOneIonSDKPython `v3/README.md` sample
// responses, `v3/customers/customers.py`, `v3/subscriptions/subscriptions.py`) and the PHP model
// the notes cite. Nothing is declared required by a published schema, so every field is optional and
// nullable except what a record is keyed by. Enums are open strings (status case differs, NOTES §8).
// Envelopes are parsed strictly; items one by one (a bad item is rejected, the page goes on).

const str = z.string().nullish();
/** Ion sends amounts as JSON numbers in the SDK sample; the PHP model reads strings. Both accepted. */
const amount = z.union([z.number(), z.string()]).nullish();

/**
 * `Customer`: `name` is `accounts/{accountId}/customers/{customerId}`; the id is its last segment.
 *
 * @example
 * SynnexCustomer.parse({ name: 'accounts/100200/customers/1', customerOrganization: 'Acme Ltd' })
 */
export const SynnexCustomer = z.looseObject({
  // The SDK takes the last `/` segment without further checks; only an empty id is refused here.
  name: z.string().regex(/(^|\/)[^/\s]+$/, 'expected a resource name ending in the customer id (accounts/{accountId}/customers/{customerId})'),
  customerOrganization: str,
  customerName: str,
  customerEmail: str,
  customerTitle: str,
  customerPhone: str,
  customerAddress: z
    .looseObject({ street: str, city: str, state: str, zip: str, country: str })
    .nullish(),
  createTime: str,
  updateTime: str,
  languageCode: str,
  uid: str,
  customerStatus: str,
});
export type SynnexCustomer = z.infer<typeof SynnexCustomer>;

/**
 * `GET /customers` envelope: `{customers[], nextPageToken}` (token paging). Items are read one by one.
 *
 * @example
 * const { customers = [], nextPageToken } = SynnexCustomerPage.parse(body);
 */
export const SynnexCustomerPage = z.looseObject({
  customers: z.array(z.unknown()).nullish(),
  nextPageToken: z.string().nullish(),
  // Not in the SDK; the unofficial spec shows it. Read only to catch a count that disagrees (see listCount).
  totalCount: z.unknown().optional(),
});
export type SynnexCustomerPage = z.infer<typeof SynnexCustomerPage>;

/**
 * One `billingData[]` entry (PHP model): a billed period's seller/customer cost and usage.
 *
 * @example
 * SynnexBillingData.parse({ sellerCost: 812.4, customerCost: 909.89, usageQuantity: 412, currency: 'CAD' })
 */
export const SynnexBillingData = z.looseObject({
  id: z.union([z.string(), z.number()]).nullish(),
  accountId: z.union([z.string(), z.number()]).nullish(),
  customerName: str,
  productName: str,
  skuName: str,
  billingCycle: str,
  sellerCost: amount,
  customerCost: amount,
  margin: amount,
  usageQuantity: amount,
  currency: str,
});
export type SynnexBillingData = z.infer<typeof SynnexBillingData>;

/**
 * `Subscription` (account-wide list item and customer-scoped detail share the shape). One item is one
 * product/SKU (`ccpProductInfo` names exactly one product, SKU and plan).
 *
 * @example
 * const raw = SynnexSubscription.parse(item); raw.subscriptionTotalLicenses // '25' (a string)
 */
export const SynnexSubscription = z.looseObject({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  customerId: z.union([z.string().min(1), z.number()]).transform(String),
  subscriptionId: str,
  resellerId: z.union([z.string(), z.number()]).nullish(),
  isvId: z.union([z.string(), z.number()]).nullish(),
  cloudProviderId: z.union([z.string(), z.number()]).nullish(),
  subscriptionName: str,
  resourceType: str,
  ccpProductId: str,
  ccpSkuId: str,
  ccpPlanId: str,
  subscriptionProductId: str,
  subscriptionSkuId: str,
  subscriptionOfferId: str,
  mfgPartNumber: str,
  ccpProductInfo: z
    .looseObject({ productId: str, productDisplayName: str, skuId: str, skuDisplayName: str, planId: str, planDisplayName: str })
    .nullish(),
  subscriptionTotalLicenses: amount,
  unitType: str,
  subscriptionStatus: str,
  subscriptionPurchasedDate: str,
  subscriptionStartDate: str,
  subscriptionEndDate: str,
  cancellationAllowedUntilDate: str,
  renewalDate: str,
  lastUpdatedDate: str,
  subscriptionBillingType: str,
  subscriptionBillingCycle: str,
  subscriptionBillingTerm: str,
  subscriptionRenewStatus: str,
  autoRenew: z.boolean().nullish(),
  isTrial: z.boolean().nullish(),
  price: amount,
  cost: amount,
  msrp: amount,
  margin: amount,
  total: amount,
  currency: str,
  billingCurrency: str,
  customerCost: amount,
  billingData: z.array(SynnexBillingData).nullish(),
  customerName: str,
  partnerName: str,
});
export type SynnexSubscription = z.infer<typeof SynnexSubscription>;

/**
 * `GET /subscriptions` envelope: `{items[], paginationResponse?}`, and `nextPageToken` on tenants that
 * page by token (NOTES §5). `paginationResponse`'s fields are not published: a `totalCount` in it is
 * read only to catch a count that disagrees with the records received (see `listCount`), never to stop paging.
 *
 * @example
 * const { items = [], nextPageToken } = SynnexSubscriptionPage.parse(body);
 */
export const SynnexSubscriptionPage = z.looseObject({
  items: z.array(z.unknown()).nullish(),
  nextPageToken: z.string().nullish(),
  paginationResponse: z.unknown().optional(),
});
export type SynnexSubscriptionPage = z.infer<typeof SynnexSubscriptionPage>;

/**
 * A list count a tenant may send (`totalCount`; Ion documents none), when it is a whole number ≥ 0
 * (a number or a numeric string); anything else is ignored, never a reason to fail the page.
 *
 * @example
 * listCount({ totalCount: '120' }) // 120
 * listCount(undefined) // undefined
 */
export function listCount(holder: unknown): number | undefined {
  const raw = typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>).totalCount : undefined;
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/**
 * The token response `{access_token, refresh_token, token_type, expires_in, scope}` (SDK `client.py`).
 *
 * @example
 * SynnexToken.parse(await response.json()).refresh_token // the new one: store it before use
 */
export const SynnexToken = z.looseObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
  token_type: str,
  expires_in: z.coerce.number().positive().optional(),
  scope: str,
});

/**
 * Error bodies are undocumented: the PHP client models `{error, message, code, details[]}`; OAuth adds `error_description`.
 *
 * @example
 * SynnexErrorBody.parse({ error: 'invalid_grant', error_description: 'The refresh token has already been used.' })
 */
export const SynnexErrorBody = z.looseObject({
  error: z.unknown().optional(),
  error_description: z.unknown().optional(),
  message: z.unknown().optional(),
  code: z.unknown().optional(),
  details: z.unknown().optional(),
  requestId: z.unknown().optional(),
});
