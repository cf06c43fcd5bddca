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

/**
 * SQLite returned `database is locked`: another process (or connection) held a write lock for
 * longer than the busy timeout.
 *
 * @example
 * if (isStoreLockedError(err)) console.error(`another process is writing ${err.path}`);
 */
export class StoreLockedError extends VectisError {
  override name = 'StoreLockedError';
  readonly path: string;
  constructor(details: VectisErrorOptions & { path: string; busyTimeoutMs: number }) {
    super(`the database file ${details.path} is locked by another process or connection (waited ${details.busyTimeoutMs} ms)`, {
      remedy: 'Wait for the other sync or tool holding the file to finish (or stop it), or raise busyTimeoutMs, then run again; the interrupted batch was rolled back.',
      ...details,
    });
    this.path = details.path;
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
