// Curated public surface of @vectis/connector-sherweb (a typed stub for now).
export { createSherwebConnector, SHERWEB_DOCS_URL } from './connector';
export { SherwebConnectorOptions, SHERWEB_SCOPES } from './options';
export type { ResolvedSherwebOptions, SherwebScope } from './options';
