// Databases written by an older release: the migrations up to `version` applied and recorded,
// as that release left them, so a test can check what the next migration does to existing rows.
import { DatabaseSync } from 'node:sqlite';
import type pg from 'pg';
import { MIGRATIONS, MIGRATIONS_TABLE, migrationStatements } from '../src/store/schema';

const APPLIED_AT = '2026-11-01T00:00:00Z';

/** Opens a new SQLite file at schema `version`; the caller adds old rows and closes it. */
export function sqliteAtVersion(path: string, version: number): DatabaseSync {
  const raw = new DatabaseSync(path);
  raw.exec(MIGRATIONS_TABLE);
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    for (const sql of migrationStatements(m, 'sqlite')) raw.exec(sql);
    raw.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, APPLIED_AT);
  }
  return raw;
}

/** Brings the connected client's current schema to `version`. */
export async function postgresAtVersion(client: pg.Client, version: number): Promise<void> {
  await client.query(MIGRATIONS_TABLE);
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    for (const sql of migrationStatements(m, 'postgres')) await client.query(sql);
    await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, APPLIED_AT]);
  }
}
