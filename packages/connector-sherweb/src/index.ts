// Curated public surface of @vectis/connector-sherweb. The sandbox tenant is a separate entry point:
// `@vectis/connector-sherweb/sandbox`.
export { createSherwebConnector, SHERWEB_DOCS_URL } from './connector';
export { SherwebConnectorOptions, SHERWEB_SCOPES } from './options';
export type { ResolvedSherwebOptions, SherwebScope } from './options';
export { readErrorBody, retryAfterFromBody, SHERWEB_REMEDIES } from './client';
export { mapCustomer, mapSubscription, toDecimal, toMoney, currencyCode, commitmentTerm, billingCycle } from './mappers';
export type { LineSources } from './mappers';
export {
  SherwebCustomer,
  SherwebSubscription,
  SherwebSubscriptionDetails,
  SherwebPricingInformation,
  SherwebPayableCharge,
  SherwebFees,
  SherwebCommitmentTerm,
  SherwebErrorBody,
} from './schemas';
