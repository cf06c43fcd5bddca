import { z } from 'zod';

// Raw Pax8 Partner API payloads (`pax8-partner-api.openapi.json`, "PARTNER ENDPOINTS").
// The spec marks Company fields such as `phone` required, yet its own list examples omit them, so
// every field is optional and nullable except the ids records are keyed by. Enums are open strings:
// an undocumented status must reach the mapper (→ `unknown`), not fail the page.

const str = z.string().nullish();
/** Dates: the spec says date-time, its examples mix in plain dates and `-0600` offsets (mapped leniently). */
const date = z.string().nullish();
/** Money and quantities are JSON numbers on the wire (never strings in the spec). */
const num = z.number().nullish();

/**
 * `Page`: `number` is 0-based; `size` is capped at 200 by the server.
 *
 * @example
 * Pax8Page.parse({ size: 10, totalElements: 65, totalPages: 7, number: 0 })
 */
export const Pax8Page = z.looseObject({
  size: z.number().nullish(),
  totalElements: z.number().int().nonnegative(),
  totalPages: z.number().int().nonnegative(),
  number: z.number().int().nonnegative(),
});
export type Pax8Page = z.infer<typeof Pax8Page>;

/**
 * A `{content, page}` envelope whose items are checked one by one later (a bad item is rejected,
 * the page is not). The envelope itself is strict: without `page` the walk cannot be trusted.
 *
 * @example
 * const { content, page } = Pax8Envelope.parse(body);
 */
export const Pax8Envelope = z.looseObject({ content: z.array(z.unknown()), page: Pax8Page });
export type Pax8Envelope = z.infer<typeof Pax8Envelope>;

/** `{content}` without paging (`/pricing`, `/history`, `/provision-details`). */
export const Pax8Unpaged = z.looseObject({ content: z.array(z.unknown()) });

export const Pax8Address = z.looseObject({
  street: str,
  street2: str,
  city: str,
  stateOrProvince: str,
  postalCode: str,
  country: str,
});

export const Pax8Contact = z.looseObject({
  id: str,
  firstName: str,
  lastName: str,
  email: str,
  phone: str,
  types: z.array(z.looseObject({ type: str, primary: z.boolean().nullish() })).nullish(),
});

/**
 * `Company`. `externalId` is free text the partner set (often the PSA id).
 *
 * @example
 * const company = Pax8Company.parse(item);
 */
export const Pax8Company = z.looseObject({
  id: z.string().min(1),
  name: str,
  address: Pax8Address.nullish(),
  phone: str,
  website: str,
  externalId: str,
  billOnBehalfOfEnabled: z.boolean().nullish(),
  selfServiceAllowed: z.boolean().nullish(),
  orderApprovalRequired: z.boolean().nullish(),
  status: str,
  updatedDate: date,
  contacts: z.array(Pax8Contact).nullish(),
});
export type Pax8Company = z.infer<typeof Pax8Company>;

/**
 * `SubscriptionCommitment`: e.g. `{term: "3-Year", endDate}`.
 *
 * @example
 * Pax8SubscriptionCommitment.parse({ id: 'c000effb-…', term: '1-Year', endDate: '2026-12-31T23:59:59Z' })
 */
export const Pax8SubscriptionCommitment = z.looseObject({ id: str, term: str, endDate: date });

/**
 * `Subscription`. `quantity` is required here: a line without a readable seat count is rejected, never 0 seats.
 *
 * @example
 * const sub = Pax8Subscription.parse(item);
 */
export const Pax8Subscription = z.looseObject({
  id: z.string().min(1),
  parentSubscriptionId: str,
  companyId: z.string().min(1),
  productId: str,
  vendorSubscriptionId: str,
  vendorSkuId: str,
  quantity: z.number().finite().nonnegative(),
  startDate: date,
  endDate: date,
  createdDate: date,
  updatedDate: date,
  billingStart: date,
  status: str,
  price: num,
  currencyCode: str,
  partnerCost: num,
  productName: str,
  billingTerm: str,
  commitmentTerm: Pax8SubscriptionCommitment.nullish(),
});
export type Pax8Subscription = z.infer<typeof Pax8Subscription>;

/**
 * `ProductDetail` (`GET /products/{id}`): `sku` is Pax8's SKU, `vendorSku` e.g. the Microsoft SKU.
 *
 * @example
 * const product = Pax8Product.parse(body);
 */
export const Pax8Product = z.looseObject({
  id: z.string().min(1),
  name: str,
  vendorName: str,
  shortDescription: str,
  description: str,
  sku: str,
  vendorSku: str,
  altVendorSku: str,
  requiresCommitment: z.boolean().nullish(),
});
export type Pax8Product = z.infer<typeof Pax8Product>;

/**
 * `Rate`: partner cost and MSRP for one quantity band (`endQuantityRange` null = open-ended).
 *
 * @example
 * Pax8Rate.parse({ partnerBuyRate: 145.8, suggestedRetailPrice: 151.8, startQuantityRange: 5, endQuantityRange: 200, chargeType: 'Per Unit' })
 */
export const Pax8Rate = z.looseObject({
  partnerBuyRate: num,
  suggestedRetailPrice: num,
  startQuantityRange: num,
  endQuantityRange: num,
  chargeType: str,
});

/**
 * `Pricing` (`GET /products/{id}/pricing` → `{content: Pricing[]}`, not paged).
 *
 * @example
 * const pricing = Pax8Pricing.parse(item);
 */
export const Pax8Pricing = z.looseObject({
  productId: str,
  productName: str,
  billingTerm: str,
  commitmentTerm: str,
  commitmentTermInMonths: num,
  type: str,
  unitOfMeasurement: str,
  rates: z.array(Pax8Rate).nullish(),
});
export type Pax8Pricing = z.infer<typeof Pax8Pricing>;

/**
 * The token answer (`pax8-auth.openapi.json` `TokenResponse`).
 *
 * @example
 * Pax8Token.parse({ access_token: '<access-token>', expires_in: 86400, token_type: 'Bearer' })
 */
export const Pax8Token = z.looseObject({ access_token: z.string().min(1), expires_in: z.number().positive(), token_type: str });

/**
 * The error body `{type, message, instance, status, details[]}` (not RFC 7807), and the token
 * endpoint's `{error, error_description}`. Read tolerantly: it only feeds messages.
 *
 * @example
 * Pax8ErrorBody.parse({ type: 'NOT_FOUND', message: 'Company Not Found: 1', instance: '/public/v1/companies/1', status: 404, details: [] })
 */
export const Pax8ErrorBody = z.looseObject({
  type: z.unknown().optional(),
  message: z.unknown().optional(),
  instance: z.unknown().optional(),
  status: z.unknown().optional(),
  details: z.unknown().optional(),
  error: z.unknown().optional(),
  error_description: z.unknown().optional(),
});

/**
 * `UsageSummary` (`GET /subscriptions/{id}/usage-summaries` → `{content, page}`): one resource
 * group's month-to-date charges. `currentCharges` is the customer side, `partnerTotal` the partner's
 * cost, both JSON numbers in `currencyCode`. The spec's schema has no `subscriptionId`; its examples do.
 *
 * @example
 * const summary = Pax8UsageSummary.parse(item);
 */
export const Pax8UsageSummary = z.looseObject({
  id: z.string().min(1),
  companyId: str,
  subscriptionId: str,
  productId: str,
  resourceGroup: str,
  vendorName: str,
  currentCharges: num,
  currencyCode: str,
  partnerTotal: num,
  isTrial: z.boolean().nullish(),
});
export type Pax8UsageSummary = z.infer<typeof Pax8UsageSummary>;
