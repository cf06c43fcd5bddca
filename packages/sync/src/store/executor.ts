import type { Dialect } from './schema';
import type { Param, Row } from './rows';

/** Runs SQL written with `?` placeholders (the PostgreSQL executor numbers them). */
export interface SqlRunner {
  all(sql: string, params?: readonly Param[]): Promise<Row[]>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
}

/**
 * The few things a database driver must provide for the shared store. Driver errors come out
 * as typed errors (StoreLockedError, StoreUnavailableError, StoreError), never raw.
 */
export interface SqlExecutor extends SqlRunner {
  readonly dialect: Dialect;
  /** What errors name: the SQLite file, or `host:port/database`. */
  readonly target: string;
  /** Bind-parameter limit of one statement, used to size multi-row inserts. */
  readonly maxParams: number;
  /** Appended to ORDER BY text columns so both engines sort byte-wise. */
  readonly collate: string;
  /** One transaction: commits when `fn` resolves, rolls back when it throws. */
  transaction<T>(operation: string, fn: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Runs first inside the migration transaction (PostgreSQL: an advisory lock, then schema creation). */
  beforeMigrate?(tx: SqlRunner): Promise<void>;
  close(): Promise<void>;
}

/** Splits `items` into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** `(?, ?, ?), (?, ?, ?)` for `rows` rows of `columns` columns. */
export function valuesClause(rows: number, columns: number): string {
  const one = `(${new Array<string>(columns).fill('?').join(', ')})`;
  return new Array<string>(rows).fill(one).join(', ');
}
