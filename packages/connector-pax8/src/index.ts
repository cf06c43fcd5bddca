// Curated public surface of @vectis/connector-pax8. The sandbox tenant is a separate entry point:
// `@vectis/connector-pax8/sandbox`.
export { createPax8Connector, PAX8_DOCS_URL } from './connector';
export { Pax8ConnectorOptions, PAX8_PARTNER_AUDIENCE } from './options';
export type { ResolvedPax8Options, Pax8AuthFactory } from './options';
export { pax8ClientCredentials, readErrorBody, PAX8_REMEDIES, PAX8_TOKEN_REMEDY } from './client';
export { mapCompany, mapSubscription, isUsageProduct, productInfo, termOf, PRICE_BASIS } from './mappers';
export type { ProductInfo } from './mappers';
export { decimalString, toMoney, pax8Date, addDecimals } from './values';
export { usageChargesOf } from './usage-charges';
export type { ChargesResult } from './usage-charges';
export { readCheckpoint } from './products';
export type { Pax8Checkpoint } from './products';
export {
  Pax8Page,
  Pax8Envelope,
  Pax8Company,
  Pax8Subscription,
  Pax8SubscriptionCommitment,
  Pax8Product,
  Pax8Pricing,
  Pax8Rate,
  Pax8Token,
  Pax8ErrorBody,
  Pax8UsageSummary,
} from './schemas';
