// Curated public surface of @vectis/psa-autotask. The sandbox tenant is a separate entry point: `@vectis/psa-autotask/sandbox`.
export { createAutotaskReader } from './reader';
export type { AutotaskReaderOptions } from './options';
export { AUTOTASK_MAPPING, mapCompany, mapContractService, mapCatalog, periodOf } from './mappers';
export type { MappedLine, LineInput, Picklists } from './mappers';
export { AUTOTASK_REMEDIES, readErrorBody, searchParam } from './client';
export type { AtFilter } from './client';
export { AtCompany, AtContract, AtContractService, AtContractServiceUnit, AtService, AtProduct, AtCurrency, AtFieldInfo, AtZoneInformation, AtThresholdInformation, AtErrorBody } from './schemas';
