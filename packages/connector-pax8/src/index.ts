// Curated public surface of @vectis/connector-pax8 (a typed stub for now).
export { createPax8Connector, PAX8_DOCS_URL } from './connector';
export { Pax8ConnectorOptions, PAX8_PARTNER_AUDIENCE } from './options';
export type { ResolvedPax8Options } from './options';
