// One PSA reader's part of a run: companies, then contract lines. Each page is one store
// transaction; PSA rows are marked removed only after a complete stream with no skipped record,
// the same rule as distributor customers and lines.
import {
  PsaCompany, PsaContractLine, SchemaDriftError,
  type DriftIssue, type PsaBatch, type PsaCoverage, type PsaProgressEvent, type PsaReader, type PsaStreamName,
} from '@vectis/connector-core';
import { SyncAbortedError } from './errors';
import type { PsaRunSummary } from './store/psa-types';
import type { RunErrorRecord, Store, TableCounts, UpsertCounts, WriteContext } from './store/types';
import { errorRecord } from './sync-connector';
import { MAX_ID_BYTES, safeId, textIssues } from './validate';

/** Progress of a reader within a sync: the reader's own events plus one per stored page and one at the end. */
export type SyncPsaProgressEvent =
  | PsaProgressEvent
  | { type: 'sync-psa-batch'; connector: string; stream: PsaStreamName; records: number; invalid: number; counts: UpsertCounts }
  | { type: 'sync-psa-done'; connector: string; summary: PsaRunSummary };

export interface ReaderRunContext {
  store: Store;
  write: WriteContext;
  signal: AbortSignal | undefined;
  onProgress: ((event: SyncPsaProgressEvent) => void) | undefined;
  invalidRecords: 'skip' | 'fail';
  errors: RunErrorRecord[];
}

export interface ReaderOutcome {
  summary: PsaRunSummary;
  error?: unknown;
}

const emptyCounts = (): TableCounts => ({ inserted: 0, updated: 0, unchanged: 0, restored: 0, removed: 0, invalid: 0 });

interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] } };
}

/** Issues of one record at the database boundary: the normalized schema, then text the store cannot hold. */
function issuesOf<T extends { id: string | number }>(schema: Parser<T>, item: unknown): { data?: T; issues?: DriftIssue[] } {
  const parsed = schema.safeParse(item);
  if (!parsed.success) return { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code })) };
  const issues = textIssues(parsed.data as unknown as Record<string, unknown>);
  for (const field of ['id', 'psaCompanyId'] as const) {
    const id = (parsed.data as Record<string, unknown>)[field];
    if (id !== undefined && Buffer.byteLength(String(id), 'utf8') > MAX_ID_BYTES) issues.push({ path: field, message: `longer than ${MAX_ID_BYTES} bytes; the store cannot index it` });
  }
  return issues.length ? { issues } : { data: parsed.data };
}

interface StreamState {
  coverage: PsaCoverage | undefined;
  invalid: number;
  samples: string[];
}

/** Drains one PSA stream into the store, page by page; reader-rejected and schema-invalid records go through the policy. */
async function drain<T extends { id: string | number }>(
  stream: AsyncIterable<PsaBatch<T>>,
  schema: Parser<T>,
  name: PsaStreamName,
  reader: PsaReader,
  ctx: ReaderRunContext,
  counts: TableCounts,
  save: (records: T[]) => Promise<UpsertCounts>,
): Promise<StreamState> {
  const state: StreamState = { coverage: undefined, invalid: 0, samples: [] };
  const skip = (where: string, issues: readonly DriftIssue[]) => {
    if (ctx.invalidRecords === 'fail') throw new SchemaDriftError({ connector: reader.id, where: `${name} stream, ${where}`, issues: [...issues] });
    state.invalid++;
    if (state.samples.length < 3) state.samples.push(`${where}: ${issues.slice(0, 2).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  };
  for await (const batch of stream) {
    if (ctx.signal?.aborted) throw new SyncAbortedError({ connector: reader.id, cause: ctx.signal.reason });
    for (const r of batch.rejected ?? []) skip(r.id ? `record ${safeId(r.id)}` : r.where, r.issues);
    const valid: T[] = [];
    for (const item of batch.items) {
      const checked = issuesOf(schema, item);
      if (checked.data) valid.push(checked.data);
      else {
        const id = (item as { id?: unknown } | null)?.id;
        skip(id === undefined ? 'a record without an id' : `record ${safeId(String(id))}`, checked.issues ?? []);
      }
    }
    const page = await save(valid);
    counts.inserted += page.inserted;
    counts.updated += page.updated;
    counts.unchanged += page.unchanged;
    counts.restored += page.restored;
    ctx.onProgress?.({ type: 'sync-psa-batch', connector: reader.id, stream: name, records: valid.length, invalid: batch.items.length - valid.length + (batch.rejected?.length ?? 0), counts: page });
    state.coverage = batch.coverage ?? state.coverage;
  }
  if (ctx.signal?.aborted) throw new SyncAbortedError({ connector: reader.id, cause: ctx.signal.reason });
  counts.invalid = state.invalid;
  return state;
}

/** True when the stream may drive removal; otherwise records a warning saying why not. */
function usable(state: StreamState, stream: PsaStreamName, reader: PsaReader, ctx: ReaderRunContext): boolean {
  const psa = reader.psa;
  if (state.invalid > 0) {
    ctx.errors.push({
      psa, stream, name: 'InvalidRecords', severity: 'warning',
      message: `${state.invalid} invalid ${stream} record(s) skipped (${state.samples.join(' | ')}); removal marks were held back so they are read again next run`,
    });
    return false;
  }
  if (!state.coverage?.complete) {
    const why = state.coverage?.truncatedReason ?? 'the reader reported no complete coverage';
    ctx.errors.push({ psa, stream, name: 'IncompleteStream', severity: 'warning', message: `${stream} stream incomplete (${why}); nothing was marked removed` });
    return false;
  }
  return true;
}

/** Syncs one PSA reader into the store. Never throws: the outcome carries the typed error. */
export async function syncReader(reader: PsaReader, ctx: ReaderRunContext): Promise<ReaderOutcome> {
  const { store, write, signal } = ctx;
  const psa = reader.psa;
  const before = reader.usage().requests;
  const summary: PsaRunSummary = { reader: reader.id, status: 'succeeded', companies: emptyCounts(), contractLines: emptyCounts(), coverage: {}, requests: 0 };
  const outcome: ReaderOutcome = { summary };
  const options = { signal, onProgress: ctx.onProgress };
  let clean = true;
  try {
    if (signal?.aborted) throw new SyncAbortedError({ connector: reader.id, cause: signal.reason });
    if (reader.capabilities.companies) {
      const state = await drain(reader.listCompanies(options), PsaCompany, 'psa_companies', reader, ctx, summary.companies, (rows) =>
        store.upsertPsaCompanies(psa, rows, write),
      );
      if (state.coverage) summary.coverage.psa_companies = state.coverage;
      if (usable(state, 'psa_companies', reader, ctx)) summary.companies.removed = await store.markPsaRemoved('psa_companies', psa, write);
      else clean = false;
    }
    if (reader.capabilities.contractLines) {
      // One cut-off per run: the reader decides current lines at the run's instant, like seat snapshots.
      const lines = reader.listContractLines({ ...options, asOf: write.at });
      const state = await drain(lines, PsaContractLine, 'psa_contract_lines', reader, ctx, summary.contractLines, (rows) =>
        store.upsertPsaContractLines(psa, rows, write),
      );
      if (state.coverage) summary.coverage.psa_contract_lines = state.coverage;
      if (usable(state, 'psa_contract_lines', reader, ctx)) summary.contractLines.removed = await store.markPsaRemoved('psa_contract_lines', psa, write);
      else clean = false;
    }
    if (!clean) summary.status = 'partial';
  } catch (err) {
    const aborted = signal?.aborted === true;
    const error = aborted && !(err instanceof SyncAbortedError) ? new SyncAbortedError({ connector: reader.id, cause: err }) : err;
    summary.status = aborted ? 'aborted' : 'failed';
    outcome.error = error;
    ctx.errors.push(errorRecord(error, { psa }));
  }
  summary.requests = reader.usage().requests - before;
  ctx.onProgress?.({ type: 'sync-psa-done', connector: reader.id, summary });
  return outcome;
}
