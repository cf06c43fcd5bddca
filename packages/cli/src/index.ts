// Curated public surface of @vectis/cli: run the command line in-process, plus the pieces scripts reuse.
export { runCli } from './program';
export type { RunOptions } from './program';
export { parsePsaExport } from './commands/psa-import';
export type { ImportResult, Rejected } from './commands/psa-import';
export { PSA_FORMATS, MAPPINGS } from './psa-formats';
export type { PsaFormat, FormatMapping } from './psa-formats';
export { renderHtmlReport } from './html/report-html';
export { buildReport } from './report-data';
export type { ReportBundle } from './report-data';
