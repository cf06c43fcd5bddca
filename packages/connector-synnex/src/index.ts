// Curated public surface of @vectis/connector-synnex (TD SYNNEX StreamOne Ion; a typed stub for now).
export { createSynnexConnector, SYNNEX_DOCS_URL } from './connector';
export { SynnexConnectorOptions } from './options';
export type { ResolvedSynnexOptions, RefreshTokenRotatedHandler } from './options';
