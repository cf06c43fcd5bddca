// One connector's part of a run: customers, then lines (+ derived snapshot, + usage charges), then vendor usage.
// Each page is one store transaction; removal marks and the checkpoint are written only after
// complete, clean streams, so a failed or aborted run never deletes or skips anything next time.
import {
  Customer, isVectisError, redact, SchemaDriftError, Subscription, Usage,
  type Batch, type Checkpoint, type Coverage, type DistributorConnector, type IsoWeek, type ProgressEvent, type StreamName,
  type SubscriptionListOptions, type Vendor,
} from '@vectis/connector-core';
import { SyncAbortedError } from './errors';
import type { RunErrorRecord, Store, TableCounts, UpsertCounts, VendorRunSummary, WriteContext } from './store/types';
import { checkBatch, safeId } from './validate';

/** Progress of a sync: the connectors' own events plus one event per stored page and per vendor. */
export type SyncProgressEvent =
  | ProgressEvent
  | { type: 'sync-batch'; connector: string; stream: StreamName; records: number; invalid: number; counts?: UpsertCounts | undefined }
  | { type: 'sync-vendor-done'; connector: string; summary: VendorRunSummary };

export interface ConnectorRunContext {
  store: Store;
  write: WriteContext;
  week: IsoWeek;
  signal: AbortSignal | undefined;
  onProgress: ((event: SyncProgressEvent) => void) | undefined;
  invalidRecords: 'skip' | 'fail';
  errors: RunErrorRecord[];
}

export interface ConnectorOutcome {
  summary: VendorRunSummary;
  coverage: Partial<Record<StreamName, Coverage>>;
  /** The typed error that stopped this connector, when one did. */
  error?: unknown;
}

const emptyCounts = (): TableCounts => ({ inserted: 0, updated: 0, unchanged: 0, restored: 0, removed: 0, invalid: 0 });

function add(into: TableCounts, counts: UpsertCounts): void {
  into.inserted += counts.inserted;
  into.updated += counts.updated;
  into.unchanged += counts.unchanged;
  into.restored += counts.restored;
}

/** A message safe to store: VectisError messages are already redacted; anything else is redacted here. */
export function errorRecord(err: unknown, extra: Omit<RunErrorRecord, 'name' | 'message' | 'severity'>): RunErrorRecord {
  const name = err instanceof Error ? err.name : 'Error';
  const message = err instanceof Error ? err.message : String(err);
  return { ...extra, name, message: isVectisError(err) ? message : redact(message), severity: 'error' };
}

interface StreamState {
  coverage: Coverage | undefined;
  checkpoint: Checkpoint | undefined;
  invalid: number;
  samples: string[];
}

/**
 * Drains a stream page by page, stopping at the first abort. The next page is requested before the
 * current one is written, so the connector's HTTP wait and the store's writes overlap (one page of
 * read-ahead; writes stay in stream order, one at a time).
 */
async function drain<T>(
  stream: AsyncIterable<Batch<T>>,
  signal: AbortSignal | undefined,
  connector: string,
  policy: 'skip' | 'fail',
  onPage: (batch: Batch<T>, state: StreamState) => Promise<void>,
): Promise<StreamState> {
  const state: StreamState = { coverage: undefined, checkpoint: undefined, invalid: 0, samples: [] };
  const pages = stream[Symbol.asyncIterator]();
  let ahead: Promise<IteratorResult<Batch<T>>> | undefined = pages.next();
  let finished = false;
  try {
    for (;;) {
      const step: IteratorResult<Batch<T>> = await ahead;
      ahead = undefined;
      if (step.done) {
        finished = true;
        break;
      }
      const batch = step.value;
      if (signal?.aborted) throw new SyncAbortedError({ connector, cause: signal.reason });
      // Records the connector could not read count as invalid under the same policy as records
      // that fail the normalized schema here: `fail` stops, `skip` counts them and holds back removal.
      for (const r of batch.rejected ?? []) {
        if (policy === 'fail') throw new SchemaDriftError({ connector, where: `${r.stream} stream, ${r.where}`, issues: r.issues });
        state.invalid++;
        if (state.samples.length < 3) {
          state.samples.push(`${r.id ? `record ${safeId(r.id)}` : r.where}: ${r.issues.slice(0, 2).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
        }
      }
      ahead = pages.next();
      // Settled below or on the way out; a failure there must not surface as an unhandled rejection.
      ahead.catch(() => undefined);
      await onPage(batch, state);
      state.coverage = batch.coverage ?? state.coverage;
      state.checkpoint = batch.checkpoint ?? state.checkpoint;
    }
  } finally {
    if (!finished) {
      // Leaving early, maybe with a page in flight: let it settle (bounded by the request timeout),
      // then close the stream so the connector's own clean-up runs before the outcome is reported.
      await ahead?.catch(() => undefined);
      await pages.return?.()?.catch(() => undefined);
    }
  }
  if (signal?.aborted) throw new SyncAbortedError({ connector, cause: signal.reason });
  return state;
}

/** True when the stream may drive removal and checkpoints; otherwise records a warning saying why not. */
function usable(state: StreamState, stream: StreamName, ctx: ConnectorRunContext, c: DistributorConnector): boolean {
  const vendor = c.vendor;
  if (state.invalid > 0) {
    ctx.errors.push({
      vendor, stream, name: 'InvalidRecords', severity: 'warning',
      message: `${state.invalid} invalid ${stream} record(s) skipped (${state.samples.join(' | ')}); removal marks and the checkpoint were held back so they are fetched again next run`,
    });
    return false;
  }
  if (!state.coverage?.complete) {
    const why = state.coverage?.truncatedReason ?? 'the connector reported no complete coverage';
    ctx.errors.push({ vendor, stream, name: 'IncompleteStream', severity: 'warning', message: `${stream} stream incomplete (${why}); nothing was marked removed` });
    return false;
  }
  return true;
}

/** Syncs one connector into the store. Never throws: the outcome carries the typed error. */
export async function syncConnector(c: DistributorConnector, ctx: ConnectorRunContext): Promise<ConnectorOutcome> {
  const { store, write, signal } = ctx;
  const vendor = c.vendor;
  const seatSource = c.capabilities.seatSnapshots;
  const summary: VendorRunSummary = {
    connector: c.id, status: 'succeeded', customers: emptyCounts(), subscriptions: emptyCounts(),
    usage: { written: 0, invalid: 0, pruned: 0, source: seatSource || 'none' }, checkpointSaved: false,
  };
  const coverage: Partial<Record<StreamName, Coverage>> = {};
  const outcome: ConnectorOutcome = { summary, coverage };
  const progress = ctx.onProgress;
  const options = { signal, onProgress: progress };
  const check = { vendor, connector: c.id, policy: ctx.invalidRecords };
  let clean = true;
  let weekBegun = false;
  let beginWeek = async (): Promise<void> => undefined;

  try {
    if (c.capabilities.stub) {
      summary.status = 'skipped';
      ctx.errors.push({ vendor, name: 'StubConnector', severity: 'warning', message: `${c.label} is a typed stub; nothing was synced` });
      return outcome;
    }
    if (signal?.aborted) throw new SyncAbortedError({ connector: c.id, cause: signal.reason });

    if (c.capabilities.customers) {
      const state = await drain(c.listCustomers(options), signal, c.id, ctx.invalidRecords, async (batch, s) => {
        const checked = checkBatch(Customer, batch.items, { ...check, stream: 'customers' });
        const counts = await store.upsertCustomers(vendor, checked.valid, write);
        add(summary.customers, counts);
        s.invalid += checked.invalid;
        s.samples.push(...checked.samples.slice(0, 3 - s.samples.length));
        progress?.({ type: 'sync-batch', connector: c.id, stream: 'customers', records: checked.valid.length, invalid: checked.invalid, counts });
      });
      summary.customers.invalid = state.invalid;
      if (state.coverage) coverage.customers = state.coverage;
      if (usable(state, 'customers', ctx, c)) summary.customers.removed = await store.markRemoved('customers', vendor, write);
      else clean = false;
    }

    // The week's snapshot is incomplete from this run's first usage row until it proves the
    // stream complete; readers skip it meanwhile (a crash leaves it marked, with the reason).
    beginWeek = async () => {
      if (weekBegun) return;
      await store.markWeek(vendor, ctx.week, { complete: false, reason: `run ${write.runId} in progress` }, write);
      weekBegun = true;
    };
    const weekState = async (state: StreamState, name: StreamName): Promise<{ complete: boolean; reason: string } | undefined> => {
      if (!weekBegun && state.coverage?.complete !== true) return undefined; // nothing written: the week stays as it was
      const complete = state.invalid === 0 && state.coverage?.complete === true;
      const reason = state.invalid ? `${state.invalid} invalid ${name} record(s) skipped` : `${name} stream incomplete (${state.coverage?.truncatedReason ?? 'no complete coverage'})`;
      await store.markWeek(vendor, ctx.week, { complete, reason }, write);
      weekBegun = false;
      return { complete, reason };
    };

    const stored = await store.getCheckpoint(vendor);
    const incremental = {
      ...options,
      checkpoint: stored?.checkpoint,
      previousLines: batchedLookup((parents) => store.linesByParents(vendor, parents)),
    };
    let checkpoint: Checkpoint | undefined;

    // Usage-rated lines whose charges the connector reads after the lines (capabilities.usageCharges).
    const charges = seatSource === 'purchased_quantity' && c.capabilities.usageCharges === true;
    const usageLines: Subscription[] = [];
    let linesWeek: { complete: boolean; reason: string } | undefined;

    if (c.capabilities.subscriptions) {
      const state = await drain(c.listSubscriptions(incremental), signal, c.id, ctx.invalidRecords, async (batch, s) => {
        const checked = checkBatch(Subscription, batch.items, { ...check, stream: 'subscriptions' });
        // The purchased-quantity snapshot comes from the lines in hand, in the same transaction.
        const usage: Usage[] | undefined =
          seatSource === 'purchased_quantity' ? checked.valid.map((line) => snapshotOf(line, ctx.week, write.at)) : undefined;
        if (charges) for (const line of checked.valid) if (line.billingFrequency === 'usage') usageLines.push(line);
        if (usage?.length) await beginWeek();
        const counts = await store.upsertSubscriptions(vendor, checked.valid, write, usage);
        add(summary.subscriptions, counts);
        summary.usage.written += usage?.length ?? 0;
        s.invalid += checked.invalid;
        s.samples.push(...checked.samples.slice(0, 3 - s.samples.length));
        progress?.({ type: 'sync-batch', connector: c.id, stream: 'subscriptions', records: checked.valid.length, invalid: checked.invalid, counts });
      });
      summary.subscriptions.invalid = state.invalid;
      if (state.coverage) coverage.subscriptions = state.coverage;
      checkpoint = state.checkpoint;
      if (usable(state, 'subscriptions', ctx, c)) {
        summary.subscriptions.removed = await store.markRemoved('license_subscriptions', vendor, write);
        if (seatSource === 'purchased_quantity') summary.usage.pruned = await store.pruneUsage(vendor, ctx.week, write);
      } else clean = false;
      if (seatSource === 'purchased_quantity') linesWeek = await weekState(state, 'subscriptions');
    }

    if (charges && usageLines.length) {
      // Incomplete while the charges are read (a crash leaves it so); then back to what the lines proved.
      await store.markWeek(vendor, ctx.week, { complete: false, reason: `run ${write.runId} reading usage charges` }, write);
      weekBegun = true;
      const charged = await chargeUsageLines(c, ctx, usageLines, { incremental, check, summary, coverage });
      if (!charged.ok) clean = false;
      const week = charged.ok ? (linesWeek ?? { complete: false, reason: 'subscriptions stream incomplete' }) : { complete: false, reason: charged.reason };
      await store.markWeek(vendor, ctx.week, week, write);
      weekBegun = false;
    }

    if (seatSource === 'vendor_usage') {
      const state = await drain(
        c.listSeatSnapshots({ ...incremental, week: ctx.week, asOf: write.at }),
        signal,
        c.id,
        ctx.invalidRecords,
        async (batch, s) => {
          const checked = checkBatch(Usage, batch.items, { ...check, stream: 'seat_snapshots' });
          // One cut-off per run: every row carries the run's week and asOf, whatever the connector stamped.
          const rows = checked.valid.map((u) => ({ ...u, week: ctx.week, asOf: write.at }));
          if (rows.length) await beginWeek();
          summary.usage.written += await store.upsertUsage(vendor, rows, write);
          s.invalid += checked.invalid;
          s.samples.push(...checked.samples.slice(0, 3 - s.samples.length));
          progress?.({ type: 'sync-batch', connector: c.id, stream: 'seat_snapshots', records: rows.length, invalid: checked.invalid });
        },
      );
      summary.usage.invalid = state.invalid;
      if (state.coverage) coverage.seat_snapshots = state.coverage;
      if (usable(state, 'seat_snapshots', ctx, c)) summary.usage.pruned = await store.pruneUsage(vendor, ctx.week, write);
      else clean = false;
      await weekState(state, 'seat_snapshots');
    }

    if (clean && checkpoint !== undefined) {
      await store.saveCheckpoint({ vendor, connector: c.id, checkpoint, runId: write.runId, savedAt: write.at });
      summary.checkpointSaved = true;
    }
    if (!clean) summary.status = 'partial';
  } catch (err) {
    const aborted = signal?.aborted === true;
    const error = aborted && !(err instanceof SyncAbortedError) ? new SyncAbortedError({ connector: c.id, cause: err }) : err;
    summary.status = aborted ? 'aborted' : 'failed';
    outcome.error = error;
    ctx.errors.push(errorRecord(error, { vendor }));
    // Best effort: the week is already marked incomplete by this run; this only says why.
    if (weekBegun) {
      const name = error instanceof Error ? error.name : 'Error';
      await store.markWeek(vendor, ctx.week, { complete: false, reason: `${aborted ? 'aborted' : 'failed'}: ${name}` }, write).catch(() => undefined);
    }
  }
  progress?.({ type: 'sync-vendor-done', connector: c.id, summary });
  return outcome;
}

/**
 * Rewrites the week's rows of usage-rated lines with the vendor's charges (`listSeatSnapshots({ lines })`).
 * The rows' quantity is the purchased quantity either way; what this adds is `charges`. An incomplete
 * read is not ok: the caller marks the week incomplete (readers skip it by default), so a missing
 * charge never reads as a zero one.
 */
async function chargeUsageLines(
  c: DistributorConnector,
  ctx: ConnectorRunContext,
  lines: readonly Subscription[],
  o: {
    incremental: SubscriptionListOptions;
    check: { vendor: Vendor; connector: string; policy: 'skip' | 'fail' };
    summary: VendorRunSummary;
    coverage: Partial<Record<StreamName, Coverage>>;
  },
): Promise<{ ok: true } | { ok: false; reason: string }> {
  const { store, write } = ctx;
  o.summary.usage.charged = 0;
  const state = await drain(c.listSeatSnapshots({ ...o.incremental, week: ctx.week, asOf: write.at, lines }), ctx.signal, c.id, ctx.invalidRecords, async (batch, s) => {
    const checked = checkBatch(Usage, batch.items, { ...o.check, stream: 'seat_snapshots' });
    const rows = checked.valid.map((u) => ({ ...u, week: ctx.week, asOf: write.at }));
    o.summary.usage.charged = (o.summary.usage.charged ?? 0) + (await store.upsertUsage(c.vendor, rows, write));
    s.invalid += checked.invalid;
    s.samples.push(...checked.samples.slice(0, 3 - s.samples.length));
    ctx.onProgress?.({ type: 'sync-batch', connector: c.id, stream: 'seat_snapshots', records: rows.length, invalid: checked.invalid });
  });
  if (state.coverage) o.coverage.seat_snapshots = state.coverage;
  if (usable(state, 'seat_snapshots', ctx, c)) return { ok: true };
  return { ok: false, reason: state.invalid ? `${state.invalid} invalid usage row(s) skipped` : `usage charges incomplete (${state.coverage?.truncatedReason ?? 'no complete coverage'})` };
}

/** The purchased-quantity seat snapshot row of a line. */
export function snapshotOf(line: Subscription, week: IsoWeek, asOf: string): Usage {
  return {
    vendor: line.vendor, week, asOf, customerExternalId: line.customerExternalId, subscriptionExternalId: line.externalId,
    ...(line.sku === undefined ? {} : { sku: line.sku }), quantity: line.quantity, source: 'purchased_quantity',
  };
}

/**
 * `previousLines` for connectors that ask for a whole page at once (Ingram starts a page's
 * lookups together): calls made in the same tick share one query instead of one round trip each.
 */
export function batchedLookup(load: (parents: string[]) => Promise<Map<string, Subscription[]>>): (parent: string) => Promise<Subscription[]> {
  let pending: { parents: Set<string>; result: Promise<Map<string, Subscription[]>> } | undefined;
  return (parent) => {
    if (!pending) {
      const batch = { parents: new Set<string>(), result: undefined as unknown as Promise<Map<string, Subscription[]>> };
      // Resolved after the current tick's calls have joined the batch.
      batch.result = Promise.resolve().then(() => {
        pending = undefined;
        return load([...batch.parents]);
      });
      pending = batch;
    }
    pending.parents.add(parent);
    return pending.result.then((lines) => lines.get(parent) ?? []);
  };
}
