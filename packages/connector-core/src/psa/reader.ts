// The PSA side of the loop: a reader of the MSP's own billing (companies, contract lines, catalog).
// It lives beside DistributorConnector and shares its kernel, errors, pacing, batches and coverage;
// only the stream names differ, so PSA coverage can never be mistaken for a distributor stream's.
import type { Batch, Coverage, ProgressEvent, RejectedRecord } from '../connector';
import type { PsaCompany, PsaContractLine, PsaProduct } from '../schemas/psa';

/** The PSAs with a reader. */
export type PsaKind = 'connectwise' | 'autotask' | 'halo';

export type PsaStreamName = 'psa_companies' | 'psa_contract_lines' | 'psa_products';

/** {@link Coverage} of a PSA stream. */
export type PsaCoverage = Omit<Coverage, 'stream'> & {
  stream: PsaStreamName;
  /** Requests this stream sent (a PSA budget is often per hour and shared with other integrations). */
  requests?: number | undefined;
};

/** A vendor record the reader could not read (ids and paths only, never values). */
export type PsaRejectedRecord = Omit<RejectedRecord, 'stream'> & { stream: PsaStreamName };

/** One page of PSA records; the last batch of a completed stream carries `coverage`. */
export type PsaBatch<T> = Omit<Batch<T>, 'coverage' | 'rejected' | 'checkpoint'> & {
  rejected?: PsaRejectedRecord[] | undefined;
  coverage?: PsaCoverage | undefined;
};

/** The kernel's progress events (request, retry, rate-limit-wait, token) plus PSA page, detail and stream-done events. */
export type PsaProgressEvent =
  | ProgressEvent
  | { type: 'page'; connector: string; stream: PsaStreamName; page: number; records: number; total?: number | undefined }
  | { type: 'detail'; connector: string; stream: PsaStreamName; done: number; total?: number | undefined }
  | { type: 'stream-done'; connector: string; coverage: PsaCoverage };

export interface PsaListOptions {
  signal?: AbortSignal | undefined;
  onProgress?: ((event: PsaProgressEvent) => void) | undefined;
}

export interface PsaContractLineOptions extends PsaListOptions {
  /**
   * The instant the billed quantity is read at (ISO 8601; default now). Autotask keeps one unit row
   * per period; ConnectWise and Halo use it to tell current lines from history.
   */
  asOf?: string | undefined;
}

/** What a reader can read; the PSA contract suite checks these. */
export interface PsaCapabilities {
  companies: boolean;
  contractLines: boolean;
  /** Reads the product catalog with vendor-SKU fields. */
  products: boolean;
}

export interface PsaConnectionTestResult {
  ok: true;
  psa: PsaKind;
  /** e.g. `Connected to ConnectWise PSA — 1,000 companies visible`. */
  message: string;
  details: Record<string, string | number | boolean | undefined>;
}

/** Request use of a reader instance so far (Autotask: how much of the shared hourly budget a sync used). */
export interface PsaUsage {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  /** The PSA's own budget for the window, when it publishes one (Autotask 10,000 per hour per database). */
  budget?: { limit: number; windowMs: number; usedByOthers?: number | undefined } | undefined;
}

/**
 * A read-only PSA reader. GET plus (Halo only) the token call; every stream reports its coverage
 * and a restricted role shows as "N visible", never as "clean".
 *
 * @example
 * const reader = createConnectWiseReader({ site: 'na.myconnectwise.net', companyId, publicKey, privateKey, clientId });
 * console.log((await reader.testConnection()).message);
 * for await (const batch of reader.listContractLines()) save(batch.items);
 */
export interface PsaReader {
  /** Reader id used in logs and error prefixes: `connectwise`, `autotask`, `halo`. */
  readonly id: string;
  readonly psa: PsaKind;
  /** Display label, e.g. `ConnectWise PSA`. */
  readonly label: string;
  readonly capabilities: PsaCapabilities;
  testConnection(options?: PsaListOptions): Promise<PsaConnectionTestResult>;
  listCompanies(options?: PsaListOptions): AsyncIterable<PsaBatch<PsaCompany>>;
  listContractLines(options?: PsaContractLineOptions): AsyncIterable<PsaBatch<PsaContractLine>>;
  listProducts(options?: PsaListOptions): AsyncIterable<PsaBatch<PsaProduct>>;
  usage(): PsaUsage;
  /** Releases timers and sockets; idempotent. */
  dispose(): Promise<void>;
}
