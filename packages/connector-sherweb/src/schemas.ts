import { z } from 'zod';

// Raw Sherweb payloads. Envelopes are parsed strictly (a broken envelope is schema drift); list
// items are parsed one by one (see records.ts), so one bad item is rejected without losing the rest.
// Fields come from service-provider-api.openapi.json (beta08), distributor-api.openapi.json and, for
// the routes missing from the beta spec, the models of Sherweb's newer official client
// (`sherweb/Public-Apis`: SubscriptionDetails, SubscriptionPricingInformation, MeterUsageDto).

/** Amounts: the spec says JSON numbers (double); a string amount is read too, never a float sum. */
const Amount = z.union([z.number().finite(), z.string().regex(/^-?\d+(\.\d+)?$/)]);
/** Seats: a non-negative integer. Missing, negative, fractional or non-finite → the item is rejected, never 0 seats. */
const Seats = z.number().int().nonnegative();

/** `{items: […] | null}`: the whole list in one response (no paging params exist). */
export const SherwebItemsEnvelope = z.object({ items: z.array(z.unknown()).nullable().optional() });

/** `Customer`: `id` (uuid), `displayName`, `path` (reseller hierarchy), `suspendedOn` (date-time or null). */
export const SherwebCustomer = z.object({
  id: z.string().min(1),
  displayName: z.string(),
  path: z.array(z.string()).nullish(),
  suspendedOn: z.string().nullish(),
});
export type SherwebCustomer = z.infer<typeof SherwebCustomer>;

export const SherwebCommitmentTerm = z.object({
  type: z.string(),
  termEndDate: z.string().nullish(),
  renewalConfiguration: z.object({ renewalDate: z.string(), scheduledQuantity: z.number().int().nullish() }).nullish(),
  committedMinimalQuantities: z.array(z.object({ committedUntil: z.string(), quantity: z.number() })).nullish(),
});
export type SherwebCommitmentTerm = z.infer<typeof SherwebCommitmentTerm>;

/** `SubscriptionFees`: `currency` is the enum `Undefined, Cad, Usd, Eur, Gbp`; null when there is no catalog item. */
export const SherwebFees = z.object({ recurringFee: Amount, setupFee: Amount.nullish(), currency: z.string() });
export type SherwebFees = z.infer<typeof SherwebFees>;

/** `GET /billing/subscriptions/details` item (official client `SubscriptionDetails`); `status` is read when present [U]. */
export const SherwebSubscriptionDetails = z.object({
  id: z.string().min(1),
  productName: z.string(),
  description: z.string().nullish(),
  sku: z.string().min(1),
  quantity: Seats,
  purchaseDate: z.string().nullish(),
  commitmentTerm: SherwebCommitmentTerm.nullish(),
  status: z.string().nullish(),
});
export type SherwebSubscriptionDetails = z.infer<typeof SherwebSubscriptionDetails>;

/** `GET /billing/subscriptions` item (deprecated by Sherweb, the fallback): details plus `billingCycle` and `fees`. */
export const SherwebSubscription = SherwebSubscriptionDetails.extend({
  billingCycle: z.string(),
  fees: SherwebFees.nullish(),
});
export type SherwebSubscription = z.infer<typeof SherwebSubscription>;

/** `GET /billing/subscriptions/pricing-information` item (official client `SubscriptionPricingInformation`). */
export const SherwebPricingInformation = z.object({
  id: z.string().min(1),
  billingCycle: z.string(),
  fees: SherwebFees.nullish(),
  commitmentTerm: SherwebCommitmentTerm.nullish(),
});
export type SherwebPricingInformation = z.infer<typeof SherwebPricingInformation>;

/** Distributor API `Charge` (payable charges): everything nullable; no customer id (tags may carry one). */
export const SherwebPayableCharge = z.object({
  productId: z.string().nullish(),
  productName: z.string().nullish(),
  sku: z.string().nullish(),
  chargeId: z.string().nullish(),
  chargeName: z.string().nullish(),
  chargeType: z.string().nullish(),
  billingCycleType: z.string().nullish(),
  periodFrom: z.string().nullish(),
  periodTo: z.string().nullish(),
  quantity: z.number().nullish(),
  listPrice: Amount.nullish(),
  netPrice: Amount.nullish(),
  netPriceProrated: Amount.nullish(),
  subTotal: Amount.nullish(),
  currency: z.string().nullish(),
  isBilled: z.boolean().nullish(),
  isProratable: z.boolean().nullish(),
  tags: z.array(z.object({ name: z.string().nullish(), value: z.string().nullish() })).nullish(),
});
export type SherwebPayableCharge = z.infer<typeof SherwebPayableCharge>;

/** `{periodFrom, periodTo, charges: Charge[] | null}`. */
export const SherwebPayableCharges = z.object({
  periodFrom: z.string().nullish(),
  periodTo: z.string().nullish(),
  charges: z.array(z.unknown()).nullish(),
});

/** OAuth token response (Authorization API `Token`). */
export const SherwebToken = z.object({ access_token: z.string().min(1), expires_in: z.number().positive().optional(), token_type: z.string().optional() });

/**
 * Error bodies: RFC 7807 ProblemDetails (`type, title, status, detail, instance` + extensions such as
 * ASP.NET's `traceId`), the APIM gateway's `{statusCode, message}` and OAuth's `{error, error_description}`.
 */
export const SherwebErrorBody = z.object({
  title: z.unknown().optional(),
  detail: z.unknown().optional(),
  traceId: z.unknown().optional(),
  extensions: z.unknown().optional(),
  message: z.unknown().optional(),
  error: z.unknown().optional(),
  error_description: z.unknown().optional(),
});

/** `GET /customers/{id}/platforms-configurations` (official client `CustomerConfiguredPlatforms`). */
export const SherwebConfiguredPlatforms = z.object({
  customerId: z.string().nullish(),
  configuredPlatforms: z.array(z.object({ id: z.string().min(1) })).nullish(),
});

/** `GET /billing/subscriptions/meters?customerId&platformId` (official client `CustomerSubscriptionMetersDto`). */
export const SherwebSubscriptionMeters = z.object({
  customerId: z.string().nullish(),
  platformId: z.string().nullish(),
  subscriptionMeters: z
    .array(z.object({ subscriptionId: z.string().nullish(), meters: z.array(z.object({ id: z.string().nullish(), name: z.string().nullish() })).nullish() }))
    .nullish(),
});

/** `GET /customers/{id}/platforms/{platformId}/meter-usages` (official client `CustomerPlatformMeterUsagesDto`). */
export const SherwebMeterUsages = z.object({
  customerId: z.string().nullish(),
  platformId: z.string().nullish(),
  meterUsages: z.array(
    z.object({ meterId: z.string(), totalQuantities: z.number(), consumedQuantities: z.number(), availableQuantities: z.number().nullish() }),
  ),
});
