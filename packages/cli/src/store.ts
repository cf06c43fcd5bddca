// Opens the store named by `--db` and the CLI-owned PSA file next to it.
import { ConfigurationError } from '@vectis/connector-core';
import { createPostgresStore, createSqliteStore, type Store } from '@vectis/sync';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PsaCompany, PsaContractLine } from './lib';

export const DEFAULT_DB = 'sqlite:./vectis.db';

export interface DbTarget {
  dialect: 'sqlite' | 'postgres';
  /** File path (sqlite) or connection string (postgres). */
  location: string;
  /** Safe to print: a postgres password is replaced by ***. */
  display: string;
}

/**
 * `sqlite:./vectis.db`, `sqlite:/abs/path.db`, a plain `*.db` path, or `postgres://…`.
 *
 * @example
 * parseDb('postgres://u:pw@db/vectis').display; // 'postgres://u:***@db/vectis'
 */
export function parseDb(value: string, cwd: string): DbTarget {
  const v = value.trim();
  if (/^postgres(ql)?:\/\//i.test(v)) {
    let display = v;
    try {
      const url = new URL(v);
      if (url.password) url.password = '***';
      display = url.toString();
    } catch {
      throw new ConfigurationError({ issues: [{ field: '--db', message: 'is not a valid postgres:// URL' }], remedy: 'Use postgres://user:password@host:5432/database.' });
    }
    return { dialect: 'postgres', location: v, display };
  }
  const path = v.startsWith('sqlite:') ? v.slice('sqlite:'.length) : v;
  if (!path || /^[a-z]+:\/\//i.test(path)) {
    throw new ConfigurationError({ issues: [{ field: '--db', message: `must be sqlite:<file> or postgres://…` }], remedy: 'For example --db sqlite:./vectis.db.' });
  }
  const location = path === ':memory:' ? path : resolve(cwd, path);
  return { dialect: 'sqlite', location, display: `sqlite:${location}` };
}

/** @example const store = await openStore(parseDb('sqlite:./vectis.db', process.cwd())); */
export async function openStore(target: DbTarget, busyTimeoutMs?: number): Promise<Store> {
  if (target.dialect === 'postgres') return createPostgresStore({ connectionString: target.location });
  return createSqliteStore({ path: target.location, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }) });
}

/** What `vectis psa import` keeps: the store has no PSA tables, so the CLI owns this JSON file. */
export interface PsaData {
  version: 1;
  companies: PsaCompany[];
  contracts: PsaContractLine[];
  imports: { file: string; format: string; kind: 'companies' | 'contracts'; at: string; accepted: number; rejected: number }[];
}

/** `<db file>.psa.json` for SQLite; `./vectis-psa.json` for PostgreSQL (there is no file to sit next to). */
export function psaFileFor(target: DbTarget, override: string | undefined, cwd: string): string {
  if (override) return resolve(cwd, override);
  if (target.dialect === 'sqlite' && target.location !== ':memory:') return `${target.location}.psa.json`;
  return resolve(cwd, 'vectis-psa.json');
}

/** @example const psa = readPsa('./vectis.db.psa.json'); */
export function readPsa(file: string): PsaData {
  if (!existsSync(file)) return { version: 1, companies: [], contracts: [], imports: [] };
  let data: PsaData;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as PsaData;
  } catch (err) {
    throw new ConfigurationError({ issues: [{ field: file, message: `is not a readable PSA data file (${(err as Error).message})` }], remedy: 'Delete it and run vectis psa import again for companies and contract lines.' });
  }
  return { version: 1, companies: data.companies ?? [], contracts: data.contracts ?? [], imports: data.imports ?? [] };
}

/** Written to a temp file and renamed, so a crash never leaves half a file. */
export function writePsa(file: string, data: PsaData): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}
