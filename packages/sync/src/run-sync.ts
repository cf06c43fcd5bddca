import { randomUUID } from 'node:crypto';
import { ConfigurationError, isoWeek, type ConfigIssue, type Coverage, type DistributorConnector, type PsaReader, type StreamName, type Vendor } from '@vectis/connector-core';
import type { StoreLockedError } from './errors';
import type { RunErrorRecord, Store, SyncRunRecord, VendorRunSummary, RunStatus } from './store/types';
import { takeLeases, type RunLockOptions } from './run-lock';
import { errorRecord, syncConnector, type SyncProgressEvent } from './sync-connector';
import { psaLeaseKey } from './store/psa-store';
import { syncReaders, type PsaSyncResult } from './run-readers';
import type { SyncPsaProgressEvent } from './sync-reader';

/** How the sync treats what it cannot store cleanly. */
export interface SyncPolicy {
  /**
   * A normalized record failing its zod schema (schema drift) or tagged with another vendor.
   * - `skip` (default): store the valid records, count and report the invalid ones, and hold back
   *   that connector's removal marks and checkpoint (status `partial`) so nothing is wrongly marked
   *   removed and the skipped records are fetched again next run.
   * - `fail`: stop that connector at the first invalid record with `SchemaDriftError`; pages
   *   already committed stay, other connectors still run.
   */
  invalidRecords?: 'skip' | 'fail' | undefined;
}

export interface RunSyncOptions {
  connectors: readonly DistributorConnector[];
  /**
   * PSA readers synced after the connectors, into `psa_companies` and `psa_contract_lines`
   * (one reader per PSA kind). Same rules: page by page, invalid records through `policy`,
   * removal only after a complete stream.
   */
  readers?: readonly PsaReader[] | undefined;
  store: Store;
  /** The run's cut-off instant: every row's `asOf`, and `isoWeek(now)` picks the snapshot week. Default: the clock. */
  now?: Date | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((event: SyncProgressEvent) => void) | undefined;
  /** Progress of the PSA readers (their request/page/detail events, plus one per stored page and per reader). */
  onReaderProgress?: ((event: SyncPsaProgressEvent) => void) | undefined;
  policy?: SyncPolicy | undefined;
  /** Run id (default: a random UUID). */
  runId?: string | undefined;
  /**
   * One run per vendor writes a store at a time (a lease per vendor, held by the store). A vendor
   * whose lease another live run holds fails with `StoreLockedError` naming that run, at once by
   * default, or after waiting up to `lock.waitMs`.
   */
  lock?: RunLockOptions | undefined;
}

/** One connector's outcome in a `SyncResult`. */
export interface VendorSyncResult extends VendorRunSummary {
  vendor: Vendor;
  coverage: Partial<Record<StreamName, Coverage>>;
  /** The typed error (a `VectisError` subclass) that stopped this connector. */
  error?: unknown;
}

export interface SyncResult {
  runId: string;
  status: Exclude<RunStatus, 'running' | 'interrupted'>;
  /** The record written to `sync_runs`. */
  run: SyncRunRecord;
  vendors: VendorSyncResult[];
  /** Connectors that failed or were aborted, with their typed errors. */
  failed: VendorSyncResult[];
  /** One entry per PSA reader (empty without `readers`). */
  readers: PsaSyncResult[];
  /** Readers that failed or were aborted, with their typed errors. */
  failedReaders: PsaSyncResult[];
}

/** A vendor another run is syncing: nothing read, nothing written, the holder named. */
function lockedOutcome(c: DistributorConnector, error: StoreLockedError, ctx: { errors: RunErrorRecord[] }) {
  const zero = () => ({ inserted: 0, updated: 0, unchanged: 0, restored: 0, removed: 0, invalid: 0 });
  const summary: VendorRunSummary = {
    connector: c.id, status: 'failed', customers: zero(), subscriptions: zero(),
    usage: { written: 0, invalid: 0, pruned: 0, source: c.capabilities.seatSnapshots || 'none' }, checkpointSaved: false,
  };
  ctx.errors.push(errorRecord(error, { vendor: c.vendor }));
  return { summary, coverage: {}, error } as const;
}

function overallStatus(vendors: readonly { status: VendorRunSummary['status'] }[], aborted: boolean): SyncResult['status'] {
  if (aborted) return 'aborted';
  const ran = vendors.filter((v) => v.status !== 'skipped');
  if (ran.length > 0 && ran.every((v) => v.status === 'failed')) return 'failed';
  return ran.every((v) => v.status === 'succeeded') ? 'succeeded' : 'partial';
}

function checkOptions(options: RunSyncOptions, now: Date): void {
  const issues: ConfigIssue[] = [];
  if (Number.isNaN(now.getTime())) issues.push({ field: 'now', message: 'must be a valid Date' });
  const policy = options.policy?.invalidRecords;
  if (policy !== undefined && policy !== 'skip' && policy !== 'fail') {
    issues.push({ field: 'policy.invalidRecords', message: "must be 'skip' or 'fail'" });
  }
  for (const field of ['waitMs', 'ttlMs'] as const) {
    const value = options.lock?.[field];
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) issues.push({ field: `lock.${field}`, message: 'must be a number of milliseconds ≥ 0' });
  }
  // Rows are keyed by vendor: two connectors of one vendor would mark each other's rows removed.
  const seen = new Set<string>();
  for (const c of options.connectors) {
    if (seen.has(c.vendor)) issues.push({ field: 'connectors', message: `two connectors for vendor ${c.vendor}; sync one account per vendor and store` });
    seen.add(c.vendor);
  }
  for (const r of options.readers ?? []) {
    if (seen.has(`psa:${r.psa}`)) issues.push({ field: 'readers', message: `two readers for PSA ${r.psa}; sync one PSA account per store` });
    seen.add(`psa:${r.psa}`);
  }
  if (issues.length) throw new ConfigurationError({ issues, remedy: 'Fix the runSync options; nothing was written.' });
}

/**
 * Pulls customers and subscription lines from each connector into the store, writes the week's
 * seat snapshot, and records the run. Connectors run one after another and independently: one
 * failing never loses another's data, and the result says which failed and why (typed errors).
 * Re-running is safe: every write is an idempotent upsert, so a crashed run simply resumes.
 *
 * One run per vendor writes a store at a time: a vendor whose lease another live run holds is
 * reported failed with `StoreLockedError` naming that run (or waited for, with `lock.waitMs`).
 *
 * PSA `readers` run after the connectors, the same way (lease `psa:<kind>`, page transactions,
 * invalid-record policy, removal only after a complete stream); see `result.readers`.
 *
 * Throws only on invalid options (`ConfigurationError`: two connectors of one vendor, an invalid
 * `now` or `lock`), when the store itself cannot record the run (e.g. `StoreUnavailableError`), or
 * with `SyncAbortedError` when aborted while waiting for a lease.
 *
 * @example
 * const store = await createSqliteStore({ path: 'vectis.db' });
 * const result = await runSync({ connectors: [ingram, pax8], store, onProgress: (e) => console.log(e.type) });
 * for (const f of result.failed) console.error(f.vendor, (f.error as Error).message);
 * const psa = await runSync({ connectors: [], readers: [createConnectWiseReader(cwOptions)], store });
 * console.log(psa.readers[0]?.coverage.psa_contract_lines?.complete, await store.listPsaCompanies());
 */
export async function runSync(options: RunSyncOptions): Promise<SyncResult> {
  const { store, signal } = options;
  const now = options.now ?? new Date();
  checkOptions(options, now);
  const asOf = now.toISOString();
  const week = isoWeek(now);
  const runId = options.runId ?? randomUUID();
  const run: SyncRunRecord = {
    id: runId, startedAt: new Date().toISOString(), finishedAt: undefined, status: 'running', week, asOf, vendors: {}, errors: [],
  };
  // Leases first: a run still 'running' without a live lease belongs to a process that died.
  const syncing = [...options.connectors.filter((c) => !c.capabilities.stub).map((c) => c.vendor), ...(options.readers ?? []).map((r) => psaLeaseKey(r.psa))];
  const leases = await takeLeases(store, syncing, runId, options.lock, signal);
  try {
    await store.interruptStaleRuns(run.startedAt);
    await store.startRun(run);
    return await runConnectors(options, run, leases.refused);
  } finally {
    await leases.release();
  }
}

async function runConnectors(options: RunSyncOptions, run: SyncRunRecord, refused: ReadonlyMap<Vendor, StoreLockedError>): Promise<SyncResult> {
  const { store, signal } = options;
  const runId = run.id;
  const { week, asOf } = run;

  const vendors: VendorSyncResult[] = [];
  const ctx = {
    store, write: { runId, at: asOf }, week, signal, onProgress: options.onProgress,
    invalidRecords: options.policy?.invalidRecords ?? 'skip', errors: run.errors,
  } as const;
  for (const connector of options.connectors) {
    const locked = refused.get(connector.vendor);
    const outcome = locked ? lockedOutcome(connector, locked, ctx) : await syncConnector(connector, ctx);
    run.vendors[connector.vendor] = outcome.summary;
    vendors.push({ vendor: connector.vendor, ...outcome.summary, coverage: outcome.coverage, ...(outcome.error === undefined ? {} : { error: outcome.error }) });
  }

  const readers = await syncReaders(options.readers ?? [], run, refused, { ...ctx, onProgress: options.onReaderProgress });
  run.status = overallStatus([...vendors, ...readers], signal?.aborted === true);
  run.finishedAt = new Date().toISOString();
  await store.finishRun(run);
  return {
    runId, status: run.status as SyncResult['status'], run, vendors,
    failed: vendors.filter((v) => v.status === 'failed' || v.status === 'aborted'),
    readers, failedReaders: readers.filter((r) => r.status === 'failed' || r.status === 'aborted'),
  };
}
