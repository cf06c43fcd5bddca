// The PSA part of a run: each reader after the connectors, one after another and independently,
// each under its own `psa:<kind>` lease. A reader another run is syncing is reported failed, untouched.
import type { PsaKind, PsaReader, Vendor } from '@vectis/connector-core';
import type { StoreLockedError } from './errors';
import { psaLeaseKey } from './store/psa-store';
import type { PsaRunSummary } from './store/psa-types';
import type { SyncRunRecord } from './store/types';
import { errorRecord } from './sync-connector';
import { syncReader, type ReaderRunContext } from './sync-reader';

/**
 * One PSA reader's outcome in a `SyncResult`: counts and coverage per PSA stream.
 *
 * @example
 * for (const r of result.failedReaders) console.error(r.psa, (r.error as Error).message);
 */
export interface PsaSyncResult extends PsaRunSummary {
  psa: PsaKind;
  /** The typed error (a `VectisError` subclass) that stopped this reader. */
  error?: unknown;
}

const zero = () => ({ inserted: 0, updated: 0, unchanged: 0, restored: 0, removed: 0, invalid: 0 });

/** Syncs `readers` into the run's store and records their summaries on `run.psa`. */
export async function syncReaders(
  readers: readonly PsaReader[],
  run: SyncRunRecord,
  refused: ReadonlyMap<Vendor, StoreLockedError>,
  ctx: ReaderRunContext,
): Promise<PsaSyncResult[]> {
  const out: PsaSyncResult[] = [];
  if (readers.length === 0) return out;
  run.psa = {};
  for (const reader of readers) {
    const locked = refused.get(psaLeaseKey(reader.psa));
    let outcome: { summary: PsaRunSummary; error?: unknown };
    if (locked) {
      ctx.errors.push(errorRecord(locked, { psa: reader.psa }));
      outcome = {
        summary: { reader: reader.id, status: 'failed', companies: zero(), contractLines: zero(), coverage: {}, requests: 0 },
        error: locked,
      };
    } else outcome = await syncReader(reader, ctx);
    run.psa[reader.psa] = outcome.summary;
    out.push({ psa: reader.psa, ...outcome.summary, ...(outcome.error === undefined ? {} : { error: outcome.error }) });
  }
  return out;
}
