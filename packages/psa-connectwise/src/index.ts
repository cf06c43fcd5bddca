// Curated public surface of @vectis/psa-connectwise. The sandbox tenant is a separate entry point:
// `@vectis/psa-connectwise/sandbox`.
export { createConnectWiseReader } from './reader';
export type { ConnectWiseReaderOptions } from './options';
export { CONNECTWISE_MAPPING, mapCompany, mapAddition, mapCatalogItem, billingPeriod } from './mappers';
export type { MappedLine } from './mappers';
export { CONNECTWISE_REMEDIES, readErrorBody, apiOrigin } from './client';
export { CwCompany, CwAgreement, CwAddition, CwBillingCycle, CwCatalogItem, CwCompanyInfo, CwErrorBody, CwCount } from './schemas';
