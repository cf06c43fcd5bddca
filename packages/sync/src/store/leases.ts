// Run leases (one run per vendor writes a store at a time) and week completeness. Both are rows
// written inside write transactions, so SQLite (BEGIN IMMEDIATE) and PostgreSQL (row locks taken
// by INSERT … ON CONFLICT) serialize them the same way, across processes and hosts.
import type { IsoWeek, Vendor } from '@vectis/connector-core';
import { StoreLockedError, type LeaseHolder } from '../errors';
import type { SqlExecutor, SqlRunner } from './executor';
import { toIso, type Row } from './rows';
import type { Store, WeekRecord, WriteContext } from './types';

type LeaseMethods = Pick<Store, 'acquireLease' | 'renewLease' | 'releaseLease' | 'markWeek' | 'listWeeks'>;

const later = (ms: number) => new Date(Date.now() + ms).toISOString();

function holderFromRow(row: Row): LeaseHolder {
  return {
    vendor: String(row.vendor), runId: String(row.run_id), holder: String(row.holder),
    since: toIso(row.acquired_at) ?? '', expiresAt: toIso(row.expires_at) ?? '',
  };
}

/** The live lease of another run on `vendor`, if any. The lease clock is the wall clock, never the run's `now`. */
async function otherHolder(tx: SqlRunner, vendor: Vendor, runId: string): Promise<LeaseHolder | undefined> {
  const [row] = await tx.all('SELECT * FROM sync_leases WHERE vendor = ?', [vendor]);
  if (!row || String(row.run_id) === runId) return undefined;
  const holder = holderFromRow(row);
  return Date.parse(holder.expiresAt) > Date.now() ? holder : undefined;
}

/**
 * Throws `StoreLockedError` when another run holds a live lease on `vendor`. Every write of
 * vendor rows calls it inside its transaction: a run that lost its lease (paused past the TTL)
 * can neither overwrite the new holder's rows nor mark them removed.
 */
export async function assertLease(exec: SqlExecutor, tx: SqlRunner, vendor: Vendor, ctx: WriteContext): Promise<void> {
  const holder = await otherHolder(tx, vendor, ctx.runId);
  if (holder) throw new StoreLockedError({ path: exec.target, lease: holder, waitedMs: 0 });
}

function weekFromRow(row: Row): WeekRecord {
  return {
    vendor: row.vendor as Vendor, week: String(row.week), runId: String(row.run_id),
    complete: row.complete === true || row.complete === 1 || row.complete === '1' || row.complete === 't',
    reason: row.reason == null ? undefined : String(row.reason), updatedAt: toIso(row.updated_at) ?? '',
  };
}

export function createLeaseMethods(exec: SqlExecutor): LeaseMethods {
  const c = exec.collate;
  return {
    acquireLease: (vendor, lease) =>
      exec.transaction('taking the sync lease', async (tx) => {
        const now = new Date().toISOString();
        // Atomic on both engines: the conflicting row is locked and the WHERE decides whether a
        // live lease of another run stays (0 rows changed) or a lapsed or own one is replaced.
        const changed = await tx.run(
          'INSERT INTO sync_leases (vendor, run_id, holder, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) ' +
            'ON CONFLICT (vendor) DO UPDATE SET run_id = excluded.run_id, holder = excluded.holder, ' +
            'acquired_at = CASE WHEN sync_leases.run_id = excluded.run_id THEN sync_leases.acquired_at ELSE excluded.acquired_at END, ' +
            'heartbeat_at = excluded.heartbeat_at, expires_at = excluded.expires_at ' +
            'WHERE sync_leases.run_id = excluded.run_id OR sync_leases.expires_at <= excluded.heartbeat_at',
          [vendor, lease.runId, lease.holder, now, now, later(lease.ttlMs)],
        );
        if (changed > 0) return undefined;
        const [row] = await tx.all('SELECT * FROM sync_leases WHERE vendor = ?', [vendor]);
        return row ? holderFromRow(row) : undefined;
      }),

    renewLease: (vendor, runId, ttlMs) =>
      exec.transaction('renewing the sync lease', async (tx) => {
        const now = new Date().toISOString();
        return (await tx.run('UPDATE sync_leases SET heartbeat_at = ?, expires_at = ? WHERE vendor = ? AND run_id = ?', [now, later(ttlMs), vendor, runId])) > 0;
      }),

    releaseLease: (vendor, runId) =>
      exec.transaction('releasing the sync lease', async (tx) => {
        await tx.run('DELETE FROM sync_leases WHERE vendor = ? AND run_id = ?', [vendor, runId]);
      }),

    markWeek: (vendor: Vendor, week: IsoWeek, state, ctx) =>
      exec.transaction('recording the week snapshot state', async (tx) => {
        await assertLease(exec, tx, vendor, ctx);
        await tx.run(
          'INSERT INTO sync_weeks (vendor, week, complete, run_id, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?) ' +
            'ON CONFLICT (vendor, week) DO UPDATE SET complete = excluded.complete, run_id = excluded.run_id, ' +
            'reason = excluded.reason, updated_at = excluded.updated_at',
          [vendor, week, state.complete, ctx.runId, state.complete ? null : (state.reason ?? 'not proven complete'), ctx.at],
        );
      }),

    async listWeeks(filter = {}) {
      const rows = await exec.all(
        `SELECT * FROM sync_weeks${filter.vendor ? ' WHERE vendor = ?' : ''} ORDER BY week${c} DESC, vendor${c}`,
        filter.vendor ? [filter.vendor] : [],
      );
      return rows.map(weekFromRow);
    },
  };
}
