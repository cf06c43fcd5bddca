import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { isVectisError } from '@vectis/connector-core';
import { StoreError, StoreLockedError, StoreUnavailableError } from '../errors';
import type { SqlExecutor, SqlRunner } from './executor';
import type { Param, Row } from './rows';
import { createSqlStore } from './sql-store';
import type { Store } from './types';

export interface SqliteStoreOptions {
  /** A file path, or `':memory:'` for a throwaway database. */
  path: string;
  /**
   * How long a write waits for another connection's lock before `StoreLockedError` (default
   * 5000 ms). The wait is asynchronous (retries with backoff): the event loop keeps running.
   */
  busyTimeoutMs?: number | undefined;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean | undefined;
}

const SQLITE_BUSY = 5;
const SQLITE_LOCKED = 6;
const SQLITE_CANTOPEN = 14;

interface SqliteDriverError extends Error {
  errcode?: number;
  errstr?: string;
}

function isBusy(err: unknown): boolean {
  const e = err as SqliteDriverError;
  const primary = typeof e?.errcode === 'number' ? e.errcode & 0xff : undefined;
  return primary === SQLITE_BUSY || primary === SQLITE_LOCKED || /database is locked/i.test(e?.message ?? '');
}

function translate(err: unknown, path: string, busyTimeoutMs: number, operation: string): Error {
  if (isVectisError(err)) return err;
  const e = err as SqliteDriverError;
  const primary = typeof e.errcode === 'number' ? e.errcode & 0xff : undefined;
  if (isBusy(err)) return new StoreLockedError({ path, busyTimeoutMs, cause: err });
  if (primary === SQLITE_CANTOPEN) {
    return new StoreUnavailableError({ target: path, reason: 'the file cannot be opened (missing directory or no permission)', code: 'SQLITE_CANTOPEN', cause: err });
  }
  return new StoreError({ operation, reason: e.message ?? String(err), cause: err });
}

/**
 * The embedded default store: one SQLite file through `node:sqlite` (no native addon), in WAL
 * mode with a busy timeout. `database is locked` becomes `StoreLockedError`.
 *
 * @example
 * const store = await createSqliteStore({ path: 'vectis.db' });
 * const result = await runSync({ connectors: [ingram], store });
 * await store.close();
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const path = options.path;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  let db: DatabaseSync;
  try {
    // SQLite's own busy handler sleeps inside the synchronous call and freezes the event loop
    // (another store on the same file in this process could never release its lock meanwhile),
    // so SQLite gives up at once and `withRetry` waits asynchronously instead.
    db = new DatabaseSync(path, { timeout: 0 });
    db.exec('PRAGMA busy_timeout = 0');
  } catch (err) {
    const e = translate(err, path, busyTimeoutMs, 'opening the database');
    throw isVectisError(e) && e.name !== 'StoreError'
      ? e
      : new StoreUnavailableError({ target: path, reason: (err as Error).message, cause: err });
  }

  const statements = new Map<string, StatementSync>();
  const prepare = (sql: string): StatementSync => {
    let stmt = statements.get(sql);
    if (!stmt) {
      if (statements.size > 200) statements.clear();
      stmt = db.prepare(sql);
      statements.set(sql, stmt);
    }
    return stmt;
  };
  // SQLite has no boolean type: store 0/1.
  const bind = (params: readonly Param[]) => params.map((p) => (typeof p === 'boolean' ? Number(p) : p));
  const runner: SqlRunner = {
    all: async (sql, params: readonly Param[] = []) => prepare(sql).all(...bind(params)) as Row[],
    run: async (sql, params: readonly Param[] = []) => Number(prepare(sql).run(...bind(params)).changes),
  };

  // Retries a statement that found the file locked, with backoff, until busyTimeoutMs is spent.
  const withRetry = async <T>(fn: () => T): Promise<T> => {
    const deadline = Date.now() + busyTimeoutMs;
    for (let delay = 2; ; delay = Math.min(delay * 2, 100)) {
      try {
        return fn();
      } catch (err) {
        if (!isBusy(err) || Date.now() + delay > deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };

  try {
    // WAL lets readers (reports) work while a sync writes; NORMAL sync is safe with WAL.
    // Switching needs a moment of exclusive access, so another process opening the file may delay it.
    if (path !== ':memory:') await withRetry(() => db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL'));
  } catch (err) {
    db.close();
    throw translate(err, path, busyTimeoutMs, 'opening the database');
  }

  // node:sqlite is synchronous, but store calls are async: a queue keeps one caller's
  // transaction from interleaving with another caller's statements on the same connection.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(operation: string, fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(async () => {
      try {
        return await fn();
      } catch (err) {
        throw translate(err, path, busyTimeoutMs, operation);
      }
    });
    queue = next.catch(() => undefined);
    return next;
  };

  let closed = false;
  const exec: SqlExecutor = {
    dialect: 'sqlite',
    maxParams: 32_000,
    collate: '',
    target: path,
    all: (sql, params) => serial('reading', () => withRetry(() => prepare(sql).all(...bind(params ?? [])) as Row[])),
    run: (sql, params) => serial('writing', () => withRetry(() => Number(prepare(sql).run(...bind(params ?? [])).changes))),
    transaction: (operation, fn) =>
      serial(operation, async () => {
        // IMMEDIATE takes the write lock up front, so a locked file waits (or fails) before any work.
        await withRetry(() => db.exec('BEGIN IMMEDIATE'));
        try {
          const result = await fn(runner);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          // `db.isTransaction` is missing before Node 22.16; a failed ROLLBACK means none was open.
          try {
            db.exec('ROLLBACK');
          } catch {
            /* no transaction to roll back */
          }
          throw err;
        }
      }),
    close: () =>
      serial('closing', async () => {
        if (closed) return;
        closed = true;
        statements.clear();
        db.close();
      }),
  };

  const store = createSqlStore(exec);
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (err) {
      await store.close();
      throw err;
    }
  }
  return store;
}
