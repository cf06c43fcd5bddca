// Curated public surface of @vectis/psa-halo. The sandbox tenant is a separate entry point: `@vectis/psa-halo/sandbox`.
export { createHaloReader } from './reader';
export type { HaloReaderOptions } from './options';
export { HALO_MAPPING, mapClient, mapInvoiceLine, mapItem } from './mappers';
export type { MappedLine, LineContext } from './mappers';
export { HALO_REMEDIES, readErrorBody } from './client';
export { HaloClient, HaloRecurringInvoice, HaloInvoiceLine, HaloItem, HaloCurrency, HaloErrorBody } from './schemas';
