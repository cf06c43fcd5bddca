// Store types of the PSA side: the MSP's own companies and contract lines, as a PsaReader read them.
import type { PsaCompany, PsaContractLine, PsaCoverage, PsaKind, PsaStreamName } from '@vectis/connector-core';
import type { RowMeta, TableCounts, UpsertCounts, WriteContext } from './types';

/**
 * A stored PSA company: the reader's record (assignable to matching's `PsaCompany`) plus its PSA and bookkeeping.
 *
 * @example
 * const [c] = await store.listPsaCompanies(); // { psa: 'connectwise', id: '250', name: 'Cruz Brothers Auto Body', …, meta: { firstSeenAt, … } }
 */
export type StoredPsaCompany = PsaCompany & { psa: PsaKind; meta: RowMeta };
/**
 * A stored PSA contract line (assignable to licensing-core's `PsaContractLine`) plus its PSA and bookkeeping.
 *
 * @example
 * const lines = await store.listPsaContractLines({ psa: 'connectwise', psaCompanyId: '250' });
 */
export type StoredPsaContractLine = PsaContractLine & { psa: PsaKind; meta: RowMeta };

export type PsaTable = 'psa_companies' | 'psa_contract_lines';

export interface PsaListFilter {
  psa?: PsaKind | undefined;
  /** Include rows marked removed (default false). */
  includeRemoved?: boolean | undefined;
}

/**
 * One PSA reader's outcome recorded on a run (`sync_runs.psa`).
 *
 * @example
 * const [run] = await store.latestRuns(1);
 * if (run?.psa?.connectwise?.coverage.psa_contract_lines?.complete === false) console.warn('PSA lines incomplete');
 */
export interface PsaRunSummary {
  reader: string;
  status: 'succeeded' | 'partial' | 'failed' | 'aborted';
  companies: TableCounts;
  contractLines: TableCounts;
  /** Coverage of each PSA stream read: `complete: false` + reason when a stream could not be read whole. */
  coverage: Partial<Record<PsaStreamName, PsaCoverage>>;
  /** Requests the reader sent during this run. */
  requests: number;
}

/**
 * The store methods for PSA rows. Writes take the lease key `psa:<kind>` (see `psaLeaseKey`), so
 * two runs never write, or mark removed, the same PSA's rows at once.
 *
 * @example
 * const companies = await store.listPsaCompanies({ psa: 'connectwise' });
 * const matches = matchCustomers(await store.listCustomers(), companies);
 */
export interface PsaStore {
  upsertPsaCompanies(psa: PsaKind, records: readonly PsaCompany[], ctx: WriteContext): Promise<UpsertCounts>;
  upsertPsaContractLines(psa: PsaKind, records: readonly PsaContractLine[], ctx: WriteContext): Promise<UpsertCounts>;
  /** Sets `removed_at` on the PSA's rows not seen by `ctx.runId`. Call only after a complete, clean stream. */
  markPsaRemoved(table: PsaTable, psa: PsaKind, ctx: WriteContext): Promise<number>;
  /** Live PSA companies (ordered by PSA, then id), ready for `matchCustomers`. */
  listPsaCompanies(filter?: PsaListFilter): Promise<StoredPsaCompany[]>;
  /** Live PSA contract lines (ordered by PSA, then id), ready for `computeLicensingReport({ contracts })`. */
  listPsaContractLines(filter?: PsaListFilter & { psaCompanyId?: string | number | undefined }): Promise<StoredPsaContractLine[]>;
}
