import type { LeaseHolder } from '../errors';
import type { Checkpoint, Customer, IsoWeek, PsaKind, Subscription, Usage, Vendor } from '@vectis/connector-core';
import type { PsaRunSummary, PsaStore } from './psa-types';

/** What one upsert did, per record. `restored` rows are also counted in `updated`. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Rows that were marked removed and came back. */
  restored: number;
}

/** Context stamped on every row a run writes. */
export interface WriteContext {
  runId: string;
  /** The run's cut-off instant, ISO 8601. */
  at: string;
}

/** Bookkeeping columns kept next to every customer and line. */
export interface RowMeta {
  firstSeenAt: string;
  lastSeenAt: string;
  /** When the stored content last changed (insert, update or restore). */
  changedAt: string;
  /** Set when the record vanished from a complete stream; cleared when it comes back. */
  removedAt: string | undefined;
}

export type StoredCustomer = Customer & { meta: RowMeta };
export type StoredSubscription = Subscription & { meta: RowMeta };

export type RunStatus = 'running' | 'succeeded' | 'partial' | 'failed' | 'aborted' | 'interrupted';

/** Counts for one table and one vendor within a run. */
export interface TableCounts extends UpsertCounts {
  removed: number;
  invalid: number;
}

/** Per-vendor outcome recorded on a run. */
export interface VendorRunSummary {
  connector: string;
  status: 'succeeded' | 'partial' | 'failed' | 'aborted' | 'skipped';
  customers: TableCounts;
  subscriptions: TableCounts;
  usage: {
    written: number;
    invalid: number;
    pruned: number;
    source: 'purchased_quantity' | 'vendor_usage' | 'none';
    /** Rows rewritten with the vendor's usage charges (connectors with `capabilities.usageCharges`). */
    charged?: number | undefined;
  };
  /** True when this run advanced the stored checkpoint. */
  checkpointSaved: boolean;
}

/** One error recorded on a run: the redacted message and the error class, never a secret. */
export interface RunErrorRecord {
  vendor?: Vendor | undefined;
  /** Set instead of `vendor` for an error of a PSA reader. */
  psa?: PsaKind | undefined;
  stream?: string | undefined;
  name: string;
  message: string;
  /** Warnings (skipped invalid records, held-back removal) don't fail the vendor. */
  severity: 'error' | 'warning';
}

/** A row of `sync_runs`. */
export interface SyncRunRecord {
  id: string;
  startedAt: string;
  finishedAt: string | undefined;
  status: RunStatus;
  week: IsoWeek;
  asOf: string;
  vendors: Partial<Record<Vendor, VendorRunSummary>>;
  /** Per PSA reader: counts and coverage per PSA stream (runs with readers only). */
  psa?: Partial<Record<PsaKind, PsaRunSummary>> | undefined;
  errors: RunErrorRecord[];
}

/** A row of `sync_checkpoints`. */
export interface StoredCheckpoint {
  vendor: Vendor;
  connector: string;
  checkpoint: Checkpoint;
  runId: string;
  savedAt: string;
}

/**
 * A row of `customer_links`: a distributor customer paired with a PSA company. A customer has at
 * most one current link (`computed` by matching, or `manual` with override `link`) and any number
 * of manual `never_link` pairs. Re-matching never overwrites a manual row. PSA ids are stored as text.
 */
export interface CustomerLink {
  vendor: Vendor;
  customerExternalId: string;
  psaCompanyId: string;
  source: 'computed' | 'manual';
  override: 'link' | 'never_link' | undefined;
  /** The matcher's tier (e.g. `auto`, `review`) for computed links. */
  tier: string | undefined;
  score: number | undefined;
  reasons: unknown[];
  note: string | undefined;
  updatedAt: string;
}

/** Input of `saveComputedLink`; `psaCompanyId: null` (no match) clears the computed link. */
export interface ComputedLinkInput {
  vendor: Vendor;
  customerExternalId: string;
  psaCompanyId: string | number | null;
  tier: string;
  score: number;
  reasons: readonly unknown[];
  at: string;
}

/** What `saveComputedLink` did. */
export type ComputedLinkOutcome = 'saved' | 'cleared' | 'kept-manual-link' | 'never-link';

/** Input of `setManualLink`. */
export interface ManualLinkInput {
  vendor: Vendor;
  customerExternalId: string;
  /** `link` pins the customer to this company; `never_link` forbids this pair. */
  override: 'link' | 'never_link';
  psaCompanyId: string | number;
  note?: string | undefined;
  at: string;
}

/** Manual overrides in the shape `matchCustomers(…, { overrides })` of `@vectis/licensing-core` takes. */
export interface MatchOverrides {
  link: { distributorId: string; psaId: string }[];
  neverLink: { distributorId: string; psaId: string }[];
}

export interface ListFilter {
  vendor?: Vendor | undefined;
  /** Include rows marked removed (default false). */
  includeRemoved?: boolean | undefined;
}

export interface UsageFilter {
  vendor?: Vendor | undefined;
  /** One ISO week, or `'latest-complete'`: per vendor, the newest week whose snapshot is complete. */
  week?: IsoWeek | 'latest-complete' | undefined;
  subscriptionExternalId?: string | undefined;
  /**
   * Include weeks a run has started but not proven complete (a crash mid-run, a partial stream).
   * Default false: such a week's rows are a fraction of the tenant, and drift computed on them is wrong.
   */
  includeIncomplete?: boolean | undefined;
}

/** A row of `sync_weeks`: whether a vendor's snapshot of a week is complete. */
export interface WeekRecord {
  vendor: Vendor;
  week: IsoWeek;
  complete: boolean;
  /** The run that last wrote the week. */
  runId: string;
  /** Why the week is incomplete (a run in progress, an incomplete stream, an error). */
  reason: string | undefined;
  updatedAt: string;
}

/** What a run asks for when it takes a vendor's lease. */
export interface LeaseRequest {
  runId: string;
  /** `host:pid`, shown to whoever is refused. */
  holder: string;
  /** The lease lapses this long after the last renewal (a crashed holder stops renewing). */
  ttlMs: number;
}

/**
 * Where a sync writes. Two implementations pass the same contract tests:
 * `createSqliteStore` (node:sqlite) and `createPostgresStore` (pg). Every write method is one
 * transaction, so a failure mid-run leaves the tables consistent.
 *
 * @example
 * const store = await createSqliteStore({ path: 'vectis.db' });
 * const lines = await store.listSubscriptions({ vendor: 'ingram_micro' });
 * await store.close();
 */
export interface Store extends PsaStore {
  readonly dialect: 'sqlite' | 'postgres';
  /** What errors name: the SQLite file path, or `host:port/database` (never a password). */
  readonly target: string;
  /** Applies pending schema migrations; returns the schema version. Idempotent. */
  migrate(): Promise<number>;
  schemaVersion(): Promise<number>;

  upsertCustomers(vendor: Vendor, records: readonly Customer[], ctx: WriteContext): Promise<UpsertCounts>;
  /** Upserts lines and, in the same transaction, their weekly usage rows when given. */
  upsertSubscriptions(
    vendor: Vendor,
    records: readonly Subscription[],
    ctx: WriteContext,
    usage?: readonly Usage[],
  ): Promise<UpsertCounts>;
  /** Replaces the week's usage rows of these lines. */
  upsertUsage(vendor: Vendor, rows: readonly Usage[], ctx: WriteContext): Promise<number>;
  /**
   * Sets `removed_at` on the vendor's rows not seen by `ctx.runId`. Call only after a complete
   * stream. Like every write, refused with `StoreLockedError` while another run holds the vendor's lease.
   */
  markRemoved(table: 'customers' | 'license_subscriptions', vendor: Vendor, ctx: WriteContext): Promise<number>;
  /** Deletes the vendor's usage rows for `week` not written by `ctx.runId` (lines gone this week). */
  pruneUsage(vendor: Vendor, week: IsoWeek, ctx: WriteContext): Promise<number>;

  listCustomers(filter?: ListFilter): Promise<StoredCustomer[]>;
  listSubscriptions(filter?: ListFilter & { customerExternalId?: string | undefined }): Promise<StoredSubscription[]>;
  /** The live (not removed) lines of a vendor subscription, as `previousLines` wants them. */
  linesByParent(vendor: Vendor, parentExternalId: string): Promise<Subscription[]>;
  /** `linesByParent` for many parents in one query: parent id → its live lines (empty when none). */
  linesByParents(vendor: Vendor, parentExternalIds: readonly string[]): Promise<Map<string, Subscription[]>>;
  listUsage(filter?: UsageFilter): Promise<Usage[]>;

  /** Every recorded week's completeness, newest first. */
  listWeeks(filter?: { vendor?: Vendor | undefined }): Promise<WeekRecord[]>;
  /** Records whether the vendor's snapshot of `week` is complete (written by `ctx.runId`). */
  markWeek(vendor: Vendor, week: IsoWeek, state: { complete: boolean; reason?: string | undefined }, ctx: WriteContext): Promise<void>;

  /**
   * Takes (or renews) the vendor's sync lease for `lease.runId`, in one write transaction.
   * Returns `undefined` when taken, or the live holder when another run has it.
   */
  acquireLease(vendor: Vendor, lease: LeaseRequest): Promise<LeaseHolder | undefined>;
  /** Extends a held lease by `ttlMs`; false when this run no longer holds it. */
  renewLease(vendor: Vendor, runId: string, ttlMs: number): Promise<boolean>;
  releaseLease(vendor: Vendor, runId: string): Promise<void>;

  startRun(run: SyncRunRecord): Promise<void>;
  finishRun(run: SyncRunRecord): Promise<void>;
  /** Marks runs still `running` that hold no live lease (a crashed process) as `interrupted`; returns how many. */
  interruptStaleRuns(at: string): Promise<number>;
  latestRuns(limit?: number): Promise<SyncRunRecord[]>;
  getCheckpoint(vendor: Vendor): Promise<StoredCheckpoint | undefined>;
  saveCheckpoint(checkpoint: StoredCheckpoint): Promise<void>;

  /**
   * Saves the matcher's link for a customer, replacing its previous computed link, unless the
   * customer has a manual `link` or the pair is `never_link`.
   */
  saveComputedLink(link: ComputedLinkInput): Promise<ComputedLinkOutcome>;
  /** Records a person's decision; it survives every later `saveComputedLink`. */
  setManualLink(link: ManualLinkInput): Promise<void>;
  /** Deletes a customer's links (or one pair) so the next matching decides again. */
  clearLink(vendor: Vendor, customerExternalId: string, psaCompanyId?: string | number): Promise<number>;
  listLinks(filter?: { vendor?: Vendor | undefined; source?: 'computed' | 'manual' | undefined }): Promise<CustomerLink[]>;
  /** Manual decisions as `@vectis/matching` overrides (`distributorId` = `<vendor>:<externalId>`). */
  matchOverrides(filter?: { vendor?: Vendor | undefined }): Promise<MatchOverrides>;

  close(): Promise<void>;
}
