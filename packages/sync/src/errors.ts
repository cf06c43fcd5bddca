import { isVectisError, VectisError, type VectisErrorOptions } from '@vectis/connector-core';

/** Cross-realm guard: `instanceof`, falling back to the brand plus `name`. */
function guard<T extends VectisError>(cls: abstract new (...args: never[]) => T, name: string) {
  return (value: unknown): value is T => value instanceof cls || (isVectisError(value) && (value as Error).name === name);
}

/**
 * The database cannot be reached or refused us: PostgreSQL down or unreachable, wrong
 * credentials, missing database, or an SQLite file that cannot be opened. The message names
 * the server as `host:port` (or the file path) and never contains a password.
 *
 * @example
 * try { await store.migrate(); } catch (err) { if (isStoreUnavailableError(err)) console.error(err.target, err.message); }
 */
export class StoreUnavailableError extends VectisError {
  override name = 'StoreUnavailableError';
  /** `host:port/database` for PostgreSQL, the file path for SQLite. */
  readonly target: string;
  /** Driver error code, e.g. `ECONNREFUSED`, `28P01`, `3D000`. */
  readonly code: string | undefined;
  constructor(details: VectisErrorOptions & { target: string; reason: string; code?: string | undefined }) {
    super(`the database at ${details.target} is unavailable: ${details.reason}`, {
      remedy: 'Start the database server (or check the host, port, database name and credentials), then run the sync again; nothing was written.',
      ...details,
    });
    this.target = details.target;
    this.code = details.code;
  }
}

/** @example if (isStoreUnavailableError(err)) … */
export const isStoreUnavailableError = guard(StoreUnavailableError, 'StoreUnavailableError');

/** The run holding a vendor's sync lease, as named by `StoreLockedError`. */
export interface LeaseHolder {
  vendor: string;
  runId: string;
  /** `host:pid` of the process that took the lease. */
  holder: string;
  /** When it took the lease (ISO 8601). */
  since: string;
  /** When the lease lapses unless its holder renews it (ISO 8601). */
  expiresAt: string;
}

type LockedDetails = VectisErrorOptions &
  ({ path: string; busyTimeoutMs: number; lease?: undefined } | { path: string; lease: LeaseHolder; waitedMs: number });

/**
 * The store is busy with someone else's write. Two causes:
 * - another run holds the vendor's sync lease (`lease` names it: run id, `host:pid`, since when);
 *   only one run per vendor writes a store at a time, so two syncs never delete each other's rows;
 * - SQLite stayed `database is locked` (another connection's write) for longer than `busyTimeoutMs`.
 *
 * @example
 * if (isStoreLockedError(err) && err.lease) console.error(`sync ${err.lease.runId} on ${err.lease.holder} is running`);
 */
export class StoreLockedError extends VectisError {
  override name = 'StoreLockedError';
  /** The SQLite file, or `host:port/database` for PostgreSQL. */
  readonly path: string;
  /** The run holding the vendor's lease, when that is the cause. */
  readonly lease: LeaseHolder | undefined;
  constructor(details: LockedDetails) {
    const lease = details.lease;
    super(
      lease
        ? `another sync (run ${lease.runId} on ${lease.holder}, since ${lease.since}) is syncing ${lease.vendor} into ${details.path}; waited ${details.waitedMs} ms`
        : `the database file ${details.path} is locked by another process or connection (waited ${details.busyTimeoutMs} ms)`,
      {
        remedy: lease
          ? `Let that run finish (or stop it); a crashed run's lease lapses at ${lease.expiresAt}. Pass lock: { waitMs } to wait instead of failing; nothing of ${lease.vendor} was written by this run.`
          : 'Wait for the other sync or tool holding the file to finish (or stop it), or raise busyTimeoutMs, then run again; the interrupted batch was rolled back.',
        ...details,
      },
    );
    this.path = details.path;
    this.lease = lease;
  }
}

/** @example if (isStoreLockedError(err)) … */
export const isStoreLockedError = guard(StoreLockedError, 'StoreLockedError');

/**
 * A sync run was aborted through its `AbortSignal`. Batches already committed stay (they are
 * idempotent upserts); checkpoints and removal marks of unfinished connectors are not written.
 *
 * @example
 * if (isSyncAbortedError(result.error)) console.log('run aborted; the next run resumes from the last checkpoint');
 */
export class SyncAbortedError extends VectisError {
  override name = 'SyncAbortedError';
  constructor(details: VectisErrorOptions = {}) {
    super('the sync run was aborted', {
      remedy: 'Run the sync again: it resumes from the last completed checkpoint and never duplicates rows.',
      ...details,
    });
  }
}

/** @example if (isSyncAbortedError(err)) … */
export const isSyncAbortedError = guard(SyncAbortedError, 'SyncAbortedError');

/**
 * A store operation failed for a reason other than availability or locking (a constraint, a
 * disk full, a bug). The driver error is kept as `cause`.
 *
 * @example
 * if (isStoreError(err)) console.error(err.operation, err.message);
 */
export class StoreError extends VectisError {
  override name = 'StoreError';
  readonly operation: string;
  constructor(details: VectisErrorOptions & { operation: string; reason: string }) {
    super(`${details.operation} failed: ${details.reason}`, {
      remedy: 'The batch was rolled back and the tables are consistent; fix the cause shown and run the sync again.',
      ...details,
    });
    this.operation = details.operation;
  }
}

/** @example if (isStoreError(err)) … */
export const isStoreError = guard(StoreError, 'StoreError');

/**
 * The database was written by a newer `@vectis/sync` (a higher schema version than this one
 * knows). Opening it could fail later on a changed column, so it is refused up front.
 *
 * @example
 * if (isStoreVersionError(err)) console.error(`database v${err.databaseVersion}, code v${err.supportedVersion}`);
 */
export class StoreVersionError extends VectisError {
  override name = 'StoreVersionError';
  readonly databaseVersion: number;
  readonly supportedVersion: number;
  constructor(details: VectisErrorOptions & { target: string; databaseVersion: number; supportedVersion: number }) {
    super(
      `the database at ${details.target} has schema version ${details.databaseVersion}, newer than version ${details.supportedVersion} that this @vectis/sync supports`,
      {
        remedy: `Upgrade @vectis/sync to a release with schema version ${details.databaseVersion} or later (or point it at another database); nothing was changed.`,
        ...details,
      },
    );
    this.databaseVersion = details.databaseVersion;
    this.supportedVersion = details.supportedVersion;
  }
}

/** @example if (isStoreVersionError(err)) … */
export const isStoreVersionError = guard(StoreVersionError, 'StoreVersionError');
