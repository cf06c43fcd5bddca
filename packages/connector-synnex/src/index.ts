// Curated public surface of @vectis/connector-synnex (TD SYNNEX StreamOne Ion v3). The sandbox tenant
// is a separate entry point: `@vectis/connector-synnex/sandbox`.
export { createSynnexConnector, SYNNEX_DOCS_URL } from './connector';
export { SynnexConnectorOptions } from './options';
export type { ResolvedSynnexOptions, RefreshTokenRotatedHandler } from './options';
export { mapCustomer, mapSubscription, customerIdOf, ionTerm, seats } from './mappers';
export { linePricing, decimal } from './money';
export type { LinePricing } from './money';
export { readErrorBody, SYNNEX_REMEDIES, SYNNEX_TOKEN_REMEDY } from './client';
export {
  SynnexCustomer,
  SynnexCustomerPage,
  SynnexSubscription,
  SynnexSubscriptionPage,
  SynnexBillingData,
  SynnexToken,
  SynnexErrorBody,
} from './schemas';
