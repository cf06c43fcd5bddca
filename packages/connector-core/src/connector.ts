import type { JsonValue } from 'type-fest';
import type { DriftIssue } from './errors/schema-drift-error';
import type { Customer } from './schemas/customer';
import type { Subscription } from './schemas/subscription';
import type { IsoWeek, Usage } from './schemas/usage';
import type { Vendor } from './schemas/vendor';

/** What a connector can do, declared honestly (the contract suite checks these). */
export interface ConnectorCapabilities {
  customers: boolean;
  subscriptions: boolean;
  /**
   * Where weekly seat counts come from: the purchased quantity of each line, the vendor's own
   * usage/assignment data, or nowhere.
   */
  seatSnapshots: 'purchased_quantity' | 'vendor_usage' | false;
  /**
   * `listSeatSnapshots` reads the vendor's month-to-date charges of usage-rated lines into
   * `Usage.charges`. With `seatSnapshots: 'purchased_quantity'` a sync still derives the rows from
   * the lines, then calls `listSeatSnapshots({ lines })` with the usage-rated lines
   * (`billingFrequency: 'usage'`) it has just read, and overwrites those rows with the charged ones.
   * Absent means false.
   */
  usageCharges?: boolean | undefined;
  /** Takes and returns a checkpoint so a steady-state sync skips unchanged data. */
  incremental: boolean;
  /** A typed stub: options are validated, data methods throw `NotImplementedError`. */
  stub: boolean;
}

/** An opaque, JSON-serializable checkpoint. Store it as-is and hand it back on the next run. */
export type Checkpoint = JsonValue;

export type StreamName = 'customers' | 'subscriptions' | 'seat_snapshots';

/** How complete a stream was: the denominator every report needs ("0 findings of 0 audited" is not "clean"). */
export interface Coverage {
  stream: StreamName;
  /** What the vendor said exists (e.g. `pagination.total`), when it says. */
  expected?: number | undefined;
  /** Records emitted. */
  fetched: number;
  pages: number;
  /** Records seen twice while paging (newest-first lists shift) and dropped. */
  duplicatesDropped: number;
  /** Vendor objects whose details were reused from the previous sync instead of re-fetched. */
  reused?: number | undefined;
  /** Vendor objects whose detail was fetched. */
  detailRequests?: number | undefined;
  /** Vendor records that could not be read (carried in `Batch.rejected`); any makes `complete` false. */
  rejected?: number | undefined;
  /** False when the stream stopped early; `truncatedReason` says why. */
  complete: boolean;
  truncatedReason?: string | undefined;
}

/** Structured progress, suitable for a progress bar or OpenTelemetry events. */
export type ProgressEvent =
  | { type: 'request'; connector: string; method: string; path: string; attempt: number }
  | { type: 'page'; connector: string; stream: StreamName; page: number; records: number; total?: number | undefined }
  | { type: 'detail'; connector: string; stream: StreamName; done: number; total?: number | undefined; reused: number }
  | { type: 'rate-limit-wait'; connector: string; waitMs: number; reason: 'pacing' | 'retry-after' }
  | { type: 'retry'; connector: string; attempt: number; waitMs: number; reason: string; status?: number | undefined }
  | { type: 'token'; connector: string; reason: 'initial' | 'expiring' | 'unauthorized' }
  | { type: 'stream-done'; connector: string; coverage: Coverage };

export interface ListOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
}

/** Lookup of the lines stored for a vendor subscription by the previous sync. */
export type PreviousLines = (
  parentExternalId: string,
) => readonly Subscription[] | undefined | Promise<readonly Subscription[] | undefined>;

export interface SubscriptionListOptions extends ListOptions {
  /** The checkpoint returned by the previous completed run; omit for a full refresh. */
  checkpoint?: Checkpoint | undefined;
  /**
   * Stored lines from the previous sync. Incremental connectors emit these instead of re-fetching
   * the detail of a vendor subscription unchanged since the checkpoint; without it they fetch everything.
   */
  previousLines?: PreviousLines | undefined;
}

export interface SeatSnapshotOptions extends SubscriptionListOptions {
  week: IsoWeek;
  /** The run's single cut-off instant (ISO 8601), stamped on every row. */
  asOf: string;
  /**
   * Lines this run has just read (see {@link ConnectorCapabilities.usageCharges}): the connector
   * emits rows for exactly these lines instead of listing subscriptions again. Omit to list them.
   */
  lines?: readonly Subscription[] | undefined;
}

/** A vendor record that could not be turned into a normalized record (see {@link Batch.rejected}). */
export interface RejectedRecord {
  stream: StreamName;
  /** The vendor's id for the record, when it had a readable one. */
  id?: string | undefined;
  /** Where the payload was (e.g. `GET /subscriptions page 3 item 17`). */
  where: string;
  issues: readonly DriftIssue[];
}

/**
 * One page of records. The **last** batch of a completed stream carries `coverage`, and
 * incremental connectors put the new `checkpoint` on it; a stream that throws emits neither.
 */
export interface Batch<T> {
  items: T[];
  /**
   * Vendor records on this page that failed the vendor schema or could not be mapped. The connector
   * keeps going with the good ones; the caller applies its invalid-record policy (`skip` counts and
   * samples them and holds back removal, `fail` stops). Never contains payload values, only ids and paths.
   */
  rejected?: RejectedRecord[] | undefined;
  coverage?: Coverage | undefined;
  checkpoint?: Checkpoint | undefined;
}

export interface ConnectionTestResult {
  ok: true;
  vendor: Vendor;
  /** Human message, e.g. `Connected to Ingram Micro — 42 subscriptions visible`. */
  message: string;
  /** Facts behind the message (counts, the API URL and marketplace used, how they were derived). */
  details: Record<string, string | number | boolean | undefined>;
}

/**
 * The one interface every distributor connector implements. Read-only by construction:
 * connectors send GET requests plus their auth token call, nothing else.
 *
 * Streams are async iterables of batches (one per vendor page), so memory stays flat in the
 * tenant's size; each takes an `AbortSignal` and reports progress.
 *
 * @example
 * const connector = createIngramConnector({ username, password, subscriptionKey, region: 'us.na' });
 * console.log((await connector.testConnection()).message);
 * for await (const batch of connector.listCustomers({ onProgress: console.log })) save(batch.items);
 */
export interface DistributorConnector {
  /** Connector id used in logs and error prefixes: `ingram`, `pax8`, `sherweb`, `synnex`. */
  readonly id: string;
  readonly vendor: Vendor;
  /** Display label, e.g. `Ingram Micro`. */
  readonly label: string;
  readonly capabilities: ConnectorCapabilities;
  /** One cheap request that proves the credentials work; throws a typed error otherwise. */
  testConnection(options?: ListOptions): Promise<ConnectionTestResult>;
  listCustomers(options?: ListOptions): AsyncIterable<Batch<Customer>>;
  listSubscriptions(options?: SubscriptionListOptions): AsyncIterable<Batch<Subscription>>;
  /** The weekly seat snapshot: one row per subscription line for `week`. */
  listSeatSnapshots(options: SeatSnapshotOptions): AsyncIterable<Batch<Usage>>;
  /** Releases timers and sockets. */
  dispose(): Promise<void>;
}

/**
 * Drains a stream into memory (for small tenants, tests and scripts).
 *
 * @example
 * const { items, coverage } = await collect(connector.listCustomers());
 */
export async function collect<T>(
  stream: AsyncIterable<Batch<T>>,
): Promise<{ items: T[]; coverage: Coverage | undefined; checkpoint: Checkpoint | undefined }> {
  const items: T[] = [];
  let coverage: Coverage | undefined;
  let checkpoint: Checkpoint | undefined;
  for await (const batch of stream) {
    items.push(...batch.items);
    coverage = batch.coverage ?? coverage;
    checkpoint = batch.checkpoint ?? checkpoint;
  }
  return { items, coverage, checkpoint };
}
