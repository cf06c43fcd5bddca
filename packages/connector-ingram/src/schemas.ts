import { z } from 'zod';

// Raw Ingram Micro Marketplace API payloads (spec 1.6, widened with 1.15 fields).
// Public clients treat every field as optional and the specs never declare nullability, so every
// field is optional and nullable except the ids we key records by. Enums are open strings: 1.15
// added `unknown` and `statement_day`, and more will come (NOTES §5).

const str = z.string().nullish();
const date = z.string().nullish();
const attributes = z.record(z.string(), z.unknown()).nullish();

/**
 * Money as Ingram sends it: a decimal **string** and its currency (spec `UnitPrice`, `TotalPrice`, …).
 *
 * @example
 * IngramMoney.parse({ currency: 'USD', amount: '1.989' })
 */
export const IngramMoney = z.looseObject({ currency: z.string(), amount: z.string() });
export type IngramMoney = z.infer<typeof IngramMoney>;

/** `Period`: `{type: day|month|year|statement_day|unknown, duration}`. */
export const IngramPeriod = z.looseObject({ type: z.string().nullish(), duration: z.number().nullish() });
export type IngramPeriod = z.infer<typeof IngramPeriod>;

/** `Pagination`; all three fields are required by the spec. */
export const IngramPagination = z.looseObject({ offset: z.number(), limit: z.number(), total: z.number() });

export const IngramAddress = z.looseObject({
  streetAddress: str,
  addressExtension: str,
  postalCode: str,
  city: str,
  state: str,
  countryCode: str,
});

export const IngramContactPerson = z.looseObject({
  type: str,
  firstName: str,
  lastName: str,
  email: str,
  phoneNumber: str,
});

/**
 * `Customer` (allOf `Account`). List items often carry only `id, externalId, name, status`.
 *
 * @example
 * const raw = IngramCustomer.parse(await response.json());
 */
export const IngramCustomer = z.looseObject({
  id: z.string().min(1),
  externalId: str,
  name: str,
  status: str,
  address: IngramAddress.nullish(),
  contactPersons: z.array(IngramContactPerson).nullish(),
  language: str,
  taxRegId: str,
  attributes,
  resellerId: str,
});
export type IngramCustomer = z.infer<typeof IngramCustomer>;

/** `Subscription` list item: no products, quantities or prices. */
export const IngramSubscription = z.looseObject({
  id: z.string().min(1),
  name: str,
  customerId: str,
  status: str,
  attributes,
  renewalStatus: z.boolean().nullish(),
  creationDate: date,
  renewalDate: date,
  lastModifiedDate: date,
  expirationDate: date,
  billingModel: str,
  billingPeriod: IngramPeriod.nullish(),
  subscriptionPeriod: IngramPeriod.nullish(),
});
export type IngramSubscription = z.infer<typeof IngramSubscription>;

/** `SubscriptionProduct`: where seats, SKU (mpn), price and cost live. */
export const IngramSubscriptionProduct = z.looseObject({
  id: str,
  mpn: str,
  vendor: str,
  name: str,
  quantity: z.number().nullish(),
  unitPrice: IngramMoney.nullish(),
  unitCost: IngramMoney.nullish(),
  unitProviderCost: IngramMoney.nullish(),
  extendedPrice: IngramMoney.nullish(),
  vendorSubscriptionId: str,
  totalSubscriptionPrice: IngramMoney.nullish(),
  totalSubscriptionCost: IngramMoney.nullish(),
  totalSubscriptionProviderCost: IngramMoney.nullish(),
});
export type IngramSubscriptionProduct = z.infer<typeof IngramSubscriptionProduct>;

/** `OrderParameterValue` / `FulfilmentParameterValue`: `value` may be any JSON type. */
export const IngramParameter = z.looseObject({ name: str, value: z.unknown().optional(), structured_value: z.unknown().optional() });

/**
 * `SubscriptionDetailed` = `Subscription` + totals, `products[]`, parameters and `planId`.
 *
 * @example
 * const lines = mapSubscriptionLines(IngramSubscriptionDetailed.parse(body));
 */
export const IngramSubscriptionDetailed = IngramSubscription.extend({
  totalPrice: IngramMoney.nullish(),
  totalSubscriptionPrice: IngramMoney.nullish(),
  totalSubscriptionCost: IngramMoney.nullish(),
  totalSubscriptionProviderCost: IngramMoney.nullish(),
  products: z.array(IngramSubscriptionProduct).nullish(),
  orderParameters: z.array(IngramParameter).nullish(),
  fulfillmentParameters: z.array(IngramParameter).nullish(),
  planId: z.number().nullish(),
});
export type IngramSubscriptionDetailed = z.infer<typeof IngramSubscriptionDetailed>;

/**
 * The list envelope `{data, pagination}` every paged endpoint returns.
 *
 * @example
 * const { data, pagination } = IngramSubscriptionList.parse(body);
 */
export function ingramList<T extends z.ZodType>(item: T) {
  return z.looseObject({ data: z.array(item), pagination: IngramPagination });
}

export const IngramCustomerList = ingramList(IngramCustomer);
export type IngramCustomerList = z.infer<typeof IngramCustomerList>;
export const IngramSubscriptionList = ingramList(IngramSubscription);
export type IngramSubscriptionList = z.infer<typeof IngramSubscriptionList>;

/** `TokenInfo`: both fields required by the spec. */
export const IngramTokenInfo = z.looseObject({ token: z.string().min(1), expiresInSeconds: z.number().positive() });
export type IngramTokenInfo = z.infer<typeof IngramTokenInfo>;

/**
 * The 1.1 `errorMessage` body, read tolerantly: the Spring-style variant says `timestamp` and
 * `error` instead of `timeStamp` and `message` (NOTES §7).
 */
export const IngramErrorBody = z.looseObject({
  timeStamp: z.unknown().optional(),
  timestamp: z.unknown().optional(),
  status: z.unknown().optional(),
  message: z.unknown().optional(),
  error: z.unknown().optional(),
  path: z.unknown().optional(),
  correlationId: z.unknown().optional(),
});
