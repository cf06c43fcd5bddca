// Run records, checkpoints and customer links: the small tables around the synced data.
import { ConfigurationError, type Checkpoint, type Vendor } from '@vectis/connector-core';
import type { SqlExecutor } from './executor';
import { parseJson, toIso, type Row } from './rows';
import type { CustomerLink, RunErrorRecord, Store, SyncRunRecord, VendorRunSummary } from './types';

type MetaMethods = Pick<
  Store,
  | 'startRun' | 'finishRun' | 'interruptStaleRuns' | 'latestRuns' | 'getCheckpoint' | 'saveCheckpoint'
  | 'saveComputedLink' | 'setManualLink' | 'clearLink' | 'listLinks'
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
    errors: (parseJson(row.errors) ?? []) as RunErrorRecord[],
  };
}

function linkFromRow(row: Row): CustomerLink {
  return {
    vendor: row.vendor as Vendor,
    customerExternalId: String(row.customer_external_id),
    psaCompanyId: row.psa_company_id == null ? undefined : String(row.psa_company_id),
    source: row.source as CustomerLink['source'],
    override: row.override == null ? undefined : (row.override as CustomerLink['override']),
    tier: row.tier == null ? undefined : String(row.tier),
    score: row.score == null ? undefined : Number(row.score),
    reasons: (parseJson(row.reasons) ?? []) as unknown[],
    note: row.note == null ? undefined : String(row.note),
    updatedAt: toIso(row.updated_at) ?? '',
  };
}

const LINK_COLUMNS = 'vendor, customer_external_id, psa_company_id, source, override, tier, score, reasons, note, updated_at';
const LINK_UPDATE =
  'psa_company_id = excluded.psa_company_id, source = excluded.source, override = excluded.override, tier = excluded.tier, ' +
  'score = excluded.score, reasons = excluded.reasons, note = excluded.note, updated_at = excluded.updated_at';

export function createMetaMethods(exec: SqlExecutor): MetaMethods {
  const c = exec.collate;
  return {
    startRun: (run) =>
      exec.transaction('recording the run start', async (tx) => {
        await tx.run(
          'INSERT INTO sync_runs (id, started_at, finished_at, status, week, as_of, vendors, errors) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          [run.id, run.startedAt, run.finishedAt ?? null, run.status, run.week, run.asOf, JSON.stringify(run.vendors), JSON.stringify(run.errors)],
        );
      }),

    finishRun: (run) =>
      exec.transaction('recording the run result', async (tx) => {
        await tx.run('UPDATE sync_runs SET finished_at = ?, status = ?, vendors = ?, errors = ? WHERE id = ?', [
          run.finishedAt ?? null, run.status, JSON.stringify(run.vendors), JSON.stringify(run.errors), run.id,
        ]);
      }),

    interruptStaleRuns: (at) =>
      exec.transaction('closing interrupted runs', (tx) =>
        tx.run("UPDATE sync_runs SET status = 'interrupted', finished_at = ? WHERE status = 'running'", [at]),
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
        await tx.run(
          'INSERT INTO sync_checkpoints (vendor, connector, checkpoint, run_id, saved_at) VALUES (?, ?, ?, ?, ?) ' +
            'ON CONFLICT (vendor) DO UPDATE SET connector = excluded.connector, checkpoint = excluded.checkpoint, ' +
            'run_id = excluded.run_id, saved_at = excluded.saved_at',
          [cp.vendor, cp.connector, JSON.stringify(cp.checkpoint), cp.runId, cp.savedAt],
        );
      }),

    saveComputedLink: (link) =>
      exec.transaction('saving a customer link', async (tx) => {
        // The WHERE on the conflict branch is what keeps manual overrides: it turns the update into a no-op.
        const changed = await tx.run(
          `INSERT INTO customer_links (${LINK_COLUMNS}) VALUES (?, ?, ?, 'computed', NULL, ?, ?, ?, NULL, ?) ` +
            `ON CONFLICT (vendor, customer_external_id) DO UPDATE SET ${LINK_UPDATE} WHERE customer_links.source = 'computed'`,
          [link.vendor, link.customerExternalId, link.psaCompanyId, link.tier, link.score, JSON.stringify(link.reasons), link.at],
        );
        return changed > 0;
      }),

    async setManualLink(link) {
      if (link.override === 'link' && !link.psaCompanyId) {
        throw new ConfigurationError({
          issues: [{ field: 'psaCompanyId', message: "required when override is 'link'" }],
          remedy: 'Pass the PSA company id the customer must be linked to.',
        });
      }
      await exec.transaction('saving a manual customer link', async (tx) => {
        await tx.run(
          `INSERT INTO customer_links (${LINK_COLUMNS}) VALUES (?, ?, ?, 'manual', ?, NULL, NULL, ?, ?, ?) ` +
            `ON CONFLICT (vendor, customer_external_id) DO UPDATE SET ${LINK_UPDATE}`,
          [link.vendor, link.customerExternalId, link.psaCompanyId ?? null, link.override, '[]', link.note ?? null, link.at],
        );
      });
    },

    clearLink: (vendor, customerExternalId) =>
      exec.transaction('clearing a customer link', async (tx) => {
        await tx.run('DELETE FROM customer_links WHERE vendor = ? AND customer_external_id = ?', [vendor, customerExternalId]);
      }),

    async listLinks(filter = {}) {
      const sql = filter.vendor
        ? `SELECT * FROM customer_links WHERE vendor = ? ORDER BY customer_external_id${c}`
        : `SELECT * FROM customer_links ORDER BY vendor${c}, customer_external_id${c}`;
      const rows = await exec.all(sql, filter.vendor ? [filter.vendor] : []);
      return rows.map(linkFromRow);
    },
  };
}
