// Run records and checkpoints: the bookkeeping around the synced data.
import type { Checkpoint, Vendor } from '@vectis/connector-core';
import type { SqlExecutor } from './executor';
import { assertLease } from './leases';
import { parseJson, toIso, type Row } from './rows';
import type { RunErrorRecord, Store, SyncRunRecord, VendorRunSummary } from './types';

type MetaMethods = Pick<
  Store,
  'startRun' | 'finishRun' | 'interruptStaleRuns' | 'latestRuns' | 'getCheckpoint' | 'saveCheckpoint'
>;

function runFromRow(row: Row): SyncRunRecord {
  return {
    id: String(row.id),
    startedAt: toIso(row.started_at) ?? '',
    finishedAt: toIso(row.finished_at),
    status: row.status as SyncRunRecord['status'],
    week: String(row.week),
    asOf: toIso(row.as_of) ?? '',
    vendors: (parseJson(row.vendors) ?? {}) as Partial<Record<Vendor, VendorRunSummary>>,
    ...(row.psa == null ? {} : { psa: parseJson(row.psa) as SyncRunRecord['psa'] }),
    errors: (parseJson(row.errors) ?? []) as RunErrorRecord[],
  };
}

// Runs without readers leave the column NULL (and read back without `psa`).
const psaJson = (run: SyncRunRecord): string | null => (run.psa === undefined ? null : JSON.stringify(run.psa));

export function createMetaMethods(exec: SqlExecutor): MetaMethods {
  const c = exec.collate;
  return {
    startRun: (run) =>
      exec.transaction('recording the run start', async (tx) => {
        await tx.run(
          'INSERT INTO sync_runs (id, started_at, finished_at, status, week, as_of, vendors, psa, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
          [run.id, run.startedAt, run.finishedAt ?? null, run.status, run.week, run.asOf, JSON.stringify(run.vendors), psaJson(run), JSON.stringify(run.errors)],
        );
      }),

    finishRun: (run) =>
      exec.transaction('recording the run result', async (tx) => {
        await tx.run('UPDATE sync_runs SET finished_at = ?, status = ?, vendors = ?, psa = ?, errors = ? WHERE id = ?', [
          run.finishedAt ?? null, run.status, JSON.stringify(run.vendors), psaJson(run), JSON.stringify(run.errors), run.id,
        ]);
      }),

    // A run that still holds a live lease is alive (another process syncing right now), not crashed.
    interruptStaleRuns: (at) =>
      exec.transaction('closing interrupted runs', (tx) =>
        tx.run(
          "UPDATE sync_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running' " +
            'AND id NOT IN (SELECT run_id FROM sync_leases WHERE expires_at > ?)',
          [at, new Date().toISOString()],
        ),
      ),

    async latestRuns(limit = 10) {
      const rows = await exec.all(`SELECT * FROM sync_runs ORDER BY started_at DESC, id${c} DESC LIMIT ?`, [limit]);
      return rows.map(runFromRow);
    },

    async getCheckpoint(vendor) {
      const rows = await exec.all('SELECT * FROM sync_checkpoints WHERE vendor = ?', [vendor]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        vendor: row.vendor as Vendor,
        connector: String(row.connector),
        checkpoint: parseJson(row.checkpoint) as Checkpoint,
        runId: String(row.run_id),
        savedAt: toIso(row.saved_at) ?? '',
      };
    },

    saveCheckpoint: (cp) =>
      exec.transaction('saving the checkpoint', async (tx) => {
        await assertLease(exec, tx, cp.vendor, { runId: cp.runId, at: cp.savedAt });
        await tx.run(
          'INSERT INTO sync_checkpoints (vendor, connector, checkpoint, run_id, saved_at) VALUES (?, ?, ?, ?, ?) ' +
            'ON CONFLICT (vendor) DO UPDATE SET connector = excluded.connector, checkpoint = excluded.checkpoint, ' +
            'run_id = excluded.run_id, saved_at = excluded.saved_at',
          [cp.vendor, cp.connector, JSON.stringify(cp.checkpoint), cp.runId, cp.savedAt],
        );
      }),

  };
}
