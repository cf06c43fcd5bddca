// Curated public surface of @vectis/connector-ingram. The sandbox tenant is a separate entry point:
// `@vectis/connector-ingram/sandbox`.
export { createIngramConnector } from './connector';
export type { IngramConnectorOptions } from './options';
export { resolveEndpoint, parseRegion } from './endpoint';
export type { ResolvedEndpoint } from './endpoint';
export { mapCustomer, mapSubscriptionLines, toMoney, periodTerm } from './mappers';
export { readErrorBody, INGRAM_REMEDIES } from './client';
export { readCheckpoint } from './subscriptions';
export type { IngramCheckpoint } from './subscriptions';
export {
  IngramMoney,
  IngramPeriod,
  IngramCustomer,
  IngramSubscription,
  IngramSubscriptionDetailed,
  IngramSubscriptionProduct,
  IngramCustomerList,
  IngramSubscriptionList,
  IngramTokenInfo,
  IngramErrorBody,
} from './schemas';
