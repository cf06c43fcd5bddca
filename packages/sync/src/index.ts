// Curated public surface of @vectis/sync: named exports only.
export { runSync } from './run-sync';
export type { RunSyncOptions, SyncPolicy, SyncResult, VendorSyncResult } from './run-sync';
export type { SyncProgressEvent } from './sync-connector';
export type { RunLockOptions } from './run-lock';

export { createSqliteStore } from './store/sqlite';
export type { SqliteStoreOptions } from './store/sqlite';
export { createPostgresStore } from './store/postgres';
export type { PostgresStoreOptions } from './store/postgres';
export { LATEST_SCHEMA_VERSION } from './store/schema';
export type {
  Store,
  UpsertCounts,
  WriteContext,
  RowMeta,
  StoredCustomer,
  StoredSubscription,
  RunStatus,
  TableCounts,
  VendorRunSummary,
  RunErrorRecord,
  SyncRunRecord,
  StoredCheckpoint,
  CustomerLink,
  ComputedLinkInput,
  ManualLinkInput,
  ComputedLinkOutcome,
  MatchOverrides,
  ListFilter,
  UsageFilter,
  WeekRecord,
  LeaseRequest,
} from './store/types';

export {
  StoreUnavailableError,
  isStoreUnavailableError,
  StoreLockedError,
  isStoreLockedError,
  StoreVersionError,
  isStoreVersionError,
  StoreError,
  isStoreError,
  SyncAbortedError,
  isSyncAbortedError,
} from './errors';
export type { LeaseHolder } from './errors';

// The PSA side: readers synced next to connectors (issue 18 item 7).
export type { PsaSyncResult } from './run-readers';
export type { SyncPsaProgressEvent } from './sync-reader';
export { psaLeaseKey } from './store/psa-store';
export type { PsaStore, PsaListFilter, PsaRunSummary, PsaTable, StoredPsaCompany, StoredPsaContractLine } from './store/psa-types';
