// The store logic, written once over a small executor so SQLite and PostgreSQL behave the same.
import type { Customer, IsoWeek, Subscription, Usage, Vendor } from '@vectis/connector-core';
import { chunks, valuesClause, type SqlExecutor, type SqlRunner } from './executor';
import { assertLease, createLeaseMethods } from './leases';
import { createLinkMethods } from './links';
import { createPsaMethods } from './psa-store';
import { createMetaMethods } from './sql-meta';
import {
  CUSTOMER_COLUMNS, customerFromRow, customerParams, metaFromRow, recordHash, SUBSCRIPTION_COLUMNS,
  subscriptionFromRow, subscriptionParams, USAGE_COLUMNS, usageFromRow, usageParams, type Param,
} from './rows';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, MIGRATIONS_TABLE, migrationStatements } from './schema';
import { StoreVersionError } from '../errors';
import type { ListFilter, Store, UpsertCounts, UsageFilter, WriteContext } from './types';

type Table = 'customers' | 'license_subscriptions';

interface PreparedRow {
  key: string;
  hash: string;
  /** Built only for rows that are written: an unchanged row needs none of its columns (raw JSON included). */
  params: () => Param[];
}

// Columns an upsert overwrites; first_seen_at is kept, changed_at only moves when the content did.
function updateSet(table: Table, columns: readonly string[]): string {
  const keep = new Set(['vendor', 'external_id', 'first_seen_at', 'changed_at']);
  const sets = columns.filter((c) => !keep.has(c)).map((c) => `${c} = excluded.${c}`);
  sets.push(
    `changed_at = CASE WHEN ${table}.record_hash = excluded.record_hash AND ${table}.removed_at IS NULL ` +
      `THEN ${table}.changed_at ELSE excluded.changed_at END`,
  );
  return sets.join(', ');
}

async function upsertTracked(
  exec: SqlExecutor,
  tx: SqlRunner,
  table: Table,
  columns: readonly string[],
  vendor: Vendor,
  input: readonly PreparedRow[],
  ctx: WriteContext,
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0, restored: 0 };
  // A page listing a record twice would make PostgreSQL refuse the upsert; the last copy wins.
  const rows = [...new Map(input.map((r) => [r.key, r])).values()];
  if (rows.length === 0) return counts;
  const existing = new Map<string, { hash: string; removed: boolean }>();
  for (const part of chunks(rows, 500)) {
    const found = await tx.all(
      `SELECT external_id, record_hash, removed_at FROM ${table} WHERE vendor = ? AND external_id IN (${part.map(() => '?').join(', ')})`,
      [vendor, ...part.map((r) => r.key)],
    );
    for (const f of found) existing.set(String(f.external_id), { hash: String(f.record_hash), removed: f.removed_at != null });
  }
  // An unchanged row (same content hash, not removed) only needs to be marked seen by this run:
  // rewriting its every column, raw JSON included, was most of an incremental sync's store time
  // on PostgreSQL, where each statement is a round trip with all its parameters.
  const seen: string[] = [];
  const written: PreparedRow[] = [];
  for (const row of rows) {
    const old = existing.get(row.key);
    if (!old) counts.inserted++;
    else if (old.removed) (counts.restored++, counts.updated++);
    else if (old.hash === row.hash) {
      counts.unchanged++;
      seen.push(row.key);
      continue;
    } else counts.updated++;
    written.push(row);
  }
  for (const part of chunks(seen, Math.max(1, Math.min(500, exec.maxParams - 3)))) {
    await tx.run(
      `UPDATE ${table} SET last_seen_at = ?, last_seen_run_id = ? WHERE vendor = ? AND removed_at IS NULL AND external_id IN (${part.map(() => '?').join(', ')})`,
      [ctx.at, ctx.runId, vendor, ...part],
    );
  }
  const perStatement = Math.max(1, Math.min(500, Math.floor(exec.maxParams / columns.length)));
  const set = updateSet(table, columns);
  for (const part of chunks(written, perStatement)) {
    await tx.run(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${valuesClause(part.length, columns.length)} ` +
        `ON CONFLICT (vendor, external_id) DO UPDATE SET ${set}`,
      part.flatMap((r) => r.params()),
    );
  }
  return counts;
}

async function writeUsage(exec: SqlExecutor, tx: SqlRunner, rows: readonly Usage[], runId: string): Promise<number> {
  const unique = [...new Map(rows.map((u) => [`${u.subscriptionExternalId}\u0000${u.week}`, u])).values()];
  const perStatement = Math.max(1, Math.min(500, Math.floor(exec.maxParams / USAGE_COLUMNS.length)));
  const set = USAGE_COLUMNS.filter((c) => !['vendor', 'subscription_external_id', 'week'].includes(c))
    .map((c) => `${c} = excluded.${c}`)
    .join(', ');
  for (const part of chunks(unique, perStatement)) {
    await tx.run(
      `INSERT INTO license_usage (${USAGE_COLUMNS.join(', ')}) VALUES ${valuesClause(part.length, USAGE_COLUMNS.length)} ` +
        `ON CONFLICT (vendor, subscription_external_id, week) DO UPDATE SET ${set}`,
      part.flatMap((u) => usageParams(u, runId)),
    );
  }
  return unique.length;
}

function where(conditions: [string, Param | undefined][], extra: string[] = []): { sql: string; params: Param[] } {
  const parts = [...extra];
  const params: Param[] = [];
  for (const [clause, value] of conditions) {
    if (value === undefined) continue;
    parts.push(clause);
    params.push(value);
  }
  return { sql: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

/** The previous-lines lookup, once per parent in an incremental sync: must be an index search (query-plan tests). */
export const linesByParentSql = (collate: string): string =>
  `SELECT * FROM license_subscriptions WHERE vendor = ? AND parent_external_id = ? AND removed_at IS NULL ORDER BY external_id${collate}`;

/** The same lookup for many parents at once (one round trip per page of an incremental sync). */
export const linesByParentsSql = (collate: string, parents: number): string =>
  `SELECT * FROM license_subscriptions WHERE vendor = ? AND parent_external_id IN (${new Array<string>(parents).fill('?').join(', ')}) ` +
  `AND removed_at IS NULL ORDER BY parent_external_id${collate}, external_id${collate}`;

/** Builds a `Store` over an executor. Used by `createSqliteStore` and `createPostgresStore`. */
export function createSqlStore(exec: SqlExecutor): Store {
  const customerKey = (c: Customer, ctx: WriteContext): PreparedRow => {
    const hash = recordHash(c);
    return { key: c.externalId, hash, params: () => customerParams(c, hash, ctx.runId, ctx.at) };
  };
  const lineKey = (s: Subscription, ctx: WriteContext): PreparedRow => {
    const hash = recordHash(s);
    return { key: s.externalId, hash, params: () => subscriptionParams(s, hash, ctx.runId, ctx.at) };
  };
  const c = exec.collate;

  return {
    dialect: exec.dialect,
    target: exec.target,

    migrate: () =>
      exec.transaction('schema migration', async (tx) => {
        await exec.beforeMigrate?.(tx);
        await tx.run(MIGRATIONS_TABLE);
        const applied = new Set((await tx.all('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
        const newest = Math.max(0, ...applied);
        if (newest > LATEST_SCHEMA_VERSION) {
          throw new StoreVersionError({ target: exec.target, databaseVersion: newest, supportedVersion: LATEST_SCHEMA_VERSION });
        }
        for (const migration of MIGRATIONS) {
          if (applied.has(migration.version)) continue;
          for (const statement of migrationStatements(migration, exec.dialect)) await tx.run(statement);
          await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
            migration.version, migration.name, new Date().toISOString(),
          ]);
        }
        return LATEST_SCHEMA_VERSION;
      }),

    async schemaVersion() {
      const rows = await exec.all('SELECT MAX(version) AS v FROM schema_migrations');
      return Number(rows[0]?.v ?? 0);
    },

    upsertCustomers: (vendor, records, ctx) =>
      exec.transaction('saving customers', async (tx) => {
        await assertLease(exec, tx, vendor, ctx);
        return upsertTracked(exec, tx, 'customers', CUSTOMER_COLUMNS, vendor, records.map((r) => customerKey(r, ctx)), ctx);
      }),

    upsertSubscriptions: (vendor, records, ctx, usage) =>
      exec.transaction('saving subscription lines', async (tx) => {
        await assertLease(exec, tx, vendor, ctx);
        const rows = records.map((r) => lineKey(r, ctx));
        const counts = await upsertTracked(exec, tx, 'license_subscriptions', SUBSCRIPTION_COLUMNS, vendor, rows, ctx);
        if (usage?.length) await writeUsage(exec, tx, usage, ctx.runId);
        return counts;
      }),

    upsertUsage: (vendor, rows, ctx) =>
      exec.transaction('saving seat snapshots', async (tx) => {
        await assertLease(exec, tx, vendor, ctx);
        return writeUsage(exec, tx, rows, ctx.runId);
      }),

    // Both act only on what this run proved absent: rows it did not see, under its own lease.
    markRemoved: (table, vendor, ctx) =>
      exec.transaction(`marking removed ${table}`, async (tx) => {
        await assertLease(exec, tx, vendor, ctx);
        return tx.run(`UPDATE ${table} SET removed_at = ? WHERE vendor = ? AND removed_at IS NULL AND last_seen_run_id <> ?`, [
          ctx.at, vendor, ctx.runId,
        ]);
      }),

    pruneUsage: (vendor: Vendor, week: IsoWeek, ctx) =>
      exec.transaction('pruning seat snapshots', async (tx) => {
        await assertLease(exec, tx, vendor, ctx);
        return tx.run('DELETE FROM license_usage WHERE vendor = ? AND week = ? AND run_id <> ?', [vendor, week, ctx.runId]);
      }),

    async listCustomers(filter: ListFilter = {}) {
      const w = where([['vendor = ?', filter.vendor]], filter.includeRemoved ? [] : ['removed_at IS NULL']);
      const rows = await exec.all(`SELECT * FROM customers${w.sql} ORDER BY vendor${c}, external_id${c}`, w.params);
      return rows.map((r) => ({ ...customerFromRow(r), meta: metaFromRow(r) }));
    },

    async listSubscriptions(filter = {}) {
      const w = where(
        [['vendor = ?', filter.vendor], ['customer_external_id = ?', filter.customerExternalId]],
        filter.includeRemoved ? [] : ['removed_at IS NULL'],
      );
      const rows = await exec.all(`SELECT * FROM license_subscriptions${w.sql} ORDER BY vendor${c}, external_id${c}`, w.params);
      return rows.map((r) => ({ ...subscriptionFromRow(r), meta: metaFromRow(r) }));
    },

    async linesByParent(vendor, parentExternalId) {
      const rows = await exec.all(linesByParentSql(exec.collate), [vendor, parentExternalId]);
      return rows.map(subscriptionFromRow);
    },

    async linesByParents(vendor, parentExternalIds) {
      const out = new Map<string, Subscription[]>(parentExternalIds.map((p) => [p, []]));
      for (const part of chunks([...new Set(parentExternalIds)], 500)) {
        const rows = await exec.all(linesByParentsSql(exec.collate, part.length), [vendor, ...part]);
        for (const row of rows) out.get(String(row.parent_external_id))?.push(subscriptionFromRow(row));
      }
      return out;
    },

    async listUsage(filter: UsageFilter = {}) {
      // Weeks a run started but did not prove complete are hidden unless asked for.
      const complete = filter.includeIncomplete
        ? []
        : ['NOT EXISTS (SELECT 1 FROM sync_weeks w WHERE w.vendor = license_usage.vendor AND w.week = license_usage.week AND w.complete = ?)'];
      const completeParams: Param[] = filter.includeIncomplete ? [] : [false];
      let weeks: [string, string][] | undefined;
      if (filter.week === 'latest-complete') {
        const w = where([['vendor = ?', filter.vendor]], complete);
        const latest = await exec.all(`SELECT vendor, MAX(week) AS week FROM license_usage${w.sql} GROUP BY vendor`, [...completeParams, ...w.params]);
        weeks = latest.map((r) => [String(r.vendor), String(r.week)]);
        if (weeks.length === 0) return [];
      }
      const w = where(
        [
          ['vendor = ?', filter.vendor],
          ['week = ?', filter.week === 'latest-complete' ? undefined : filter.week],
          ['subscription_external_id = ?', filter.subscriptionExternalId],
        ],
        [...complete, ...(weeks ? [`(${weeks.map(() => '(vendor = ? AND week = ?)').join(' OR ')})`] : [])],
      );
      const rows = await exec.all(
        `SELECT * FROM license_usage${w.sql} ORDER BY week${c}, vendor${c}, subscription_external_id${c}`,
        [...completeParams, ...(weeks?.flat() ?? []), ...w.params],
      );
      return rows.map(usageFromRow);
    },

    ...createMetaMethods(exec),
    ...createLeaseMethods(exec),
    ...createLinkMethods(exec),
    ...createPsaMethods(exec),

    close: () => exec.close(),
  };
}
