// psa_companies and psa_contract_lines: the same tracked upsert as customers and lines (first/last
// seen, changed only when the content hash moves, soft removal after a complete stream), keyed by (psa, id).
import type { PsaKind, Vendor } from '@vectis/connector-core';
import { chunks, valuesClause, type SqlExecutor, type SqlRunner } from './executor';
import { assertLease } from './leases';
import { PSA_COMPANY_COLUMNS, PSA_LINE_COLUMNS, psaCompanyFromRow, psaCompanyParams, psaLineFromRow, psaLineParams } from './psa-rows';
import type { PsaStore, PsaTable } from './psa-types';
import { recordHash, type Param } from './rows';
import type { UpsertCounts, WriteContext } from './types';

/**
 * The lease a run takes before writing a PSA's rows. Prefixed so it can never be a distributor
 * vendor's lease: a PSA sync and a distributor sync of one store run side by side.
 *
 * @example
 * psaLeaseKey('connectwise'); // 'psa:connectwise'
 */
export const psaLeaseKey = (psa: PsaKind): Vendor => `psa:${psa}` as Vendor;

interface PreparedRow {
  key: string;
  hash: string;
  params: Param[];
}

async function upsert(exec: SqlExecutor, tx: SqlRunner, table: PsaTable, columns: readonly string[], psa: PsaKind, input: readonly PreparedRow[]): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, restored: 0 };
  // A page listing a record twice would make PostgreSQL refuse the upsert; the last copy wins.
  const rows = [...new Map(input.map((r) => [r.key, r])).values()];
  if (rows.length === 0) return counts;
  const existing = new Map<string, { hash: string; removed: boolean }>();
  for (const part of chunks(rows, 500)) {
    const found = await tx.all(
      `SELECT id, record_hash, removed_at FROM ${table} WHERE psa = ? AND id IN (${part.map(() => '?').join(', ')})`,
      [psa, ...part.map((r) => r.key)],
    );
    for (const f of found) existing.set(String(f.id), { hash: String(f.record_hash), removed: f.removed_at != null });
  }
  for (const row of rows) {
    const old = existing.get(row.key);
    if (!old) counts.inserted++;
    else if (old.removed) (counts.restored++, counts.updated++);
    else if (old.hash === row.hash) counts.unchanged++;
    else counts.updated++;
  }
  const keep = new Set(['psa', 'id', 'first_seen_at', 'changed_at']);
  const set = [
    ...columns.filter((c) => !keep.has(c)).map((c) => `${c} = excluded.${c}`),
    `changed_at = CASE WHEN ${table}.record_hash = excluded.record_hash AND ${table}.removed_at IS NULL THEN ${table}.changed_at ELSE excluded.changed_at END`,
  ].join(', ');
  const perStatement = Math.max(1, Math.min(500, Math.floor(exec.maxParams / columns.length)));
  for (const part of chunks(rows, perStatement)) {
    await tx.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesClause(part.length, columns.length)} ON CONFLICT (psa, id) DO UPDATE SET ${set}`,
      part.flatMap((r) => r.params),
    );
  }
  return counts;
}

const leased = (exec: SqlExecutor, tx: SqlRunner, psa: PsaKind, ctx: WriteContext) => assertLease(exec, tx, psaLeaseKey(psa), ctx);

/** The PSA methods of a `Store`, over the shared executor. */
export function createPsaMethods(exec: SqlExecutor): PsaStore {
  const c = exec.collate;
  return {
    upsertPsaCompanies: (psa, records, ctx) =>
      exec.transaction('saving PSA companies', async (tx) => {
        await leased(exec, tx, psa, ctx);
        const rows = records.map((r) => {
          const hash = recordHash(r);
          return { key: String(r.id), hash, params: psaCompanyParams(psa, r, hash, ctx.runId, ctx.at) };
        });
        return upsert(exec, tx, 'psa_companies', PSA_COMPANY_COLUMNS, psa, rows);
      }),

    upsertPsaContractLines: (psa, records, ctx) =>
      exec.transaction('saving PSA contract lines', async (tx) => {
        await leased(exec, tx, psa, ctx);
        const rows = records.map((r) => {
          const hash = recordHash(r);
          return { key: r.id, hash, params: psaLineParams(psa, r, hash, ctx.runId, ctx.at) };
        });
        return upsert(exec, tx, 'psa_contract_lines', PSA_LINE_COLUMNS, psa, rows);
      }),

    markPsaRemoved: (table, psa, ctx) =>
      exec.transaction(`marking removed ${table}`, async (tx) => {
        if (table !== 'psa_companies' && table !== 'psa_contract_lines') throw new TypeError(`not a PSA table: ${String(table)}`);
        await leased(exec, tx, psa, ctx);
        return tx.run(`UPDATE ${table} SET removed_at = ? WHERE psa = ? AND removed_at IS NULL AND last_seen_run_id <> ?`, [ctx.at, psa, ctx.runId]);
      }),

    async listPsaCompanies(filter = {}) {
      const parts: string[] = filter.includeRemoved ? [] : ['removed_at IS NULL'];
      const params: Param[] = [];
      if (filter.psa) (parts.push('psa = ?'), params.push(filter.psa));
      const rows = await exec.all(
        `SELECT * FROM psa_companies${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''} ORDER BY psa${c}, id${c}`,
        params,
      );
      return rows.map(psaCompanyFromRow);
    },

    async listPsaContractLines(filter = {}) {
      const parts: string[] = filter.includeRemoved ? [] : ['removed_at IS NULL'];
      const params: Param[] = [];
      if (filter.psa) (parts.push('psa = ?'), params.push(filter.psa));
      if (filter.psaCompanyId !== undefined) (parts.push('psa_company_id = ?'), params.push(String(filter.psaCompanyId)));
      const rows = await exec.all(
        `SELECT * FROM psa_contract_lines${parts.length ? ` WHERE ${parts.join(' AND ')}` : ''} ORDER BY psa${c}, id${c}`,
        params,
      );
      return rows.map(psaLineFromRow);
    },
  };
}
