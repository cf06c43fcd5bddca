// Settings: flags > environment > config file > defaults. Credentials come from the environment
// only; the config file refuses them so it can be committed next to a cron job.
import { ConfigurationError, type ConfigIssue, type DistributorConnector } from '@vectis/connector-core';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { VENDORS, vendorEntry, type VendorEntry } from './lib';

/** The optional `vectis.config.json`. */
export interface FileConfig {
  db?: string;
  psaFile?: string;
  vendors?: string[];
  busyTimeoutMs?: number;
  policy?: { minMarginPercent?: string; minMarginBySku?: Record<string, string> };
  /** Non-secret connector options per vendor id (e.g. `pacing`, `timeoutMs`), validated by the connector. */
  connectors?: Record<string, Record<string, unknown>>;
}

const DECIMAL = /^\d+(\.\d+)?$/;
const CREDENTIAL_KEY = /pass|secret|token|key|credential/i;
const KNOWN = new Set(['$schema', 'db', 'psaFile', 'vendors', 'busyTimeoutMs', 'policy', 'connectors']);

function checkFile(raw: unknown, issues: ConfigIssue[]): FileConfig {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    issues.push({ field: '(file)', message: 'must be a JSON object' });
    return {};
  }
  const c = raw as Record<string, unknown>;
  for (const key of Object.keys(c)) {
    if (CREDENTIAL_KEY.test(key)) issues.push({ field: key, message: 'credentials are read from environment variables only (see docs/cli.md); remove it from the file' });
    else if (!KNOWN.has(key)) issues.push({ field: key, message: `is not a known setting (known: ${[...KNOWN].filter((k) => k !== '$schema').join(', ')})` });
  }
  const str = (k: string) => c[k] !== undefined && typeof c[k] !== 'string' && issues.push({ field: k, message: 'must be a string' });
  str('db');
  str('psaFile');
  if (c.vendors !== undefined) {
    if (!Array.isArray(c.vendors)) issues.push({ field: 'vendors', message: 'must be an array of vendor ids' });
    else c.vendors.forEach((x, i) => { if (typeof x !== 'string' || !vendorEntry(x)) issues.push({ field: `vendors[${i}]`, message: `must be one of ${VENDORS.map((e) => e.id).join(', ')}` }); });
  }
  if (c.busyTimeoutMs !== undefined && !(Number.isInteger(c.busyTimeoutMs) && (c.busyTimeoutMs as number) >= 0)) {
    issues.push({ field: 'busyTimeoutMs', message: 'must be a non-negative integer (milliseconds)' });
  }
  if (c.policy !== undefined) {
    const p = c.policy as Record<string, unknown>;
    if (typeof p !== 'object' || p === null) issues.push({ field: 'policy', message: 'must be an object' });
    else {
      for (const key of Object.keys(p)) if (key !== 'minMarginPercent' && key !== 'minMarginBySku') issues.push({ field: `policy.${key}`, message: 'is not a known policy setting' });
      if (p.minMarginPercent !== undefined && !(typeof p.minMarginPercent === 'string' && DECIMAL.test(p.minMarginPercent))) {
        issues.push({ field: 'policy.minMarginPercent', message: 'must be a decimal string such as "12" or "12.5" (exact, no float)' });
      }
      for (const [sku, pct] of Object.entries((p.minMarginBySku ?? {}) as Record<string, unknown>)) {
        if (!(typeof pct === 'string' && DECIMAL.test(pct))) issues.push({ field: `policy.minMarginBySku.${sku}`, message: 'must be a decimal string' });
      }
    }
  }
  if (c.connectors !== undefined) {
    if (typeof c.connectors !== 'object' || c.connectors === null || Array.isArray(c.connectors)) issues.push({ field: 'connectors', message: 'must be an object keyed by vendor id' });
    else {
      for (const [id, opts] of Object.entries(c.connectors as Record<string, unknown>)) {
        const entry = vendorEntry(id);
        if (!entry) issues.push({ field: `connectors.${id}`, message: `is not a vendor id (${VENDORS.map((e) => e.id).join(', ')})` });
        if (typeof opts !== 'object' || opts === null || Array.isArray(opts)) { issues.push({ field: `connectors.${id}`, message: 'must be an object of connector options' }); continue; }
        const fromEnv = new Set(entry?.env.map((x) => x.option) ?? []);
        for (const key of Object.keys(opts)) {
          if (CREDENTIAL_KEY.test(key) || fromEnv.has(key)) issues.push({ field: `connectors.${id}.${key}`, message: 'comes from the environment only (docs/cli.md)' });
        }
      }
    }
  }
  return c as FileConfig;
}

/**
 * Reads `--config <file>` (must exist) or `./vectis.config.json` (optional). Every bad field is
 * reported at once as a `ConfigurationError`.
 *
 * @example
 * const file = loadFileConfig(undefined, process.cwd());
 */
export function loadFileConfig(path: string | undefined, cwd: string): FileConfig & { path?: string } {
  const file = path ? resolve(cwd, path) : resolve(cwd, 'vectis.config.json');
  if (!existsSync(file)) {
    if (path) throw new ConfigurationError({ issues: [{ field: '--config', message: `${file} does not exist` }], remedy: 'Pass an existing JSON file or leave --config out.' });
    return {};
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigurationError({ issues: [{ field: file, message: `is not valid JSON (${(err as Error).message})` }], remedy: 'Fix the config file.' });
  }
  const issues: ConfigIssue[] = [];
  const config = checkFile(raw, issues);
  if (issues.length) throw new ConfigurationError({ issues: issues.map((i) => ({ ...i, field: `${file}: ${i.field}` })), remedy: 'Fix the config file (see docs/cli.md).' });
  return { ...config, path: file };
}

/** Every secret value present in the environment (scrubbed from all output). */
export function secretValues(env: NodeJS.ProcessEnv): string[] {
  return VENDORS.flatMap((e) => e.env.filter((x) => x.secret).map((x) => env[x.name] ?? '')).filter(Boolean);
}

/** A vendor counts as configured when any of its required variables is set. */
export function isConfigured(entry: VendorEntry, env: NodeJS.ProcessEnv): boolean {
  return entry.env.some((x) => x.required && (env[x.name] ?? '').trim() !== '');
}

export interface ConfiguredConnector {
  entry: VendorEntry;
  connector: DistributorConnector;
}

/**
 * Builds the connectors from the environment: the named vendors, or every configured one. Every
 * missing or invalid variable of every vendor is reported in one `ConfigurationError`, named by
 * its environment variable.
 *
 * @example
 * const connectors = connectorsFromEnv(process.env, ['ingram']);
 */
export function connectorsFromEnv(env: NodeJS.ProcessEnv, only: readonly string[] = [], tuning: FileConfig['connectors'] = {}): ConfiguredConnector[] {
  const issues: ConfigIssue[] = [];
  const wanted: VendorEntry[] = [];
  for (const id of only) {
    const entry = vendorEntry(id);
    if (!entry) issues.push({ field: `vendor ${id}`, message: `is not a known vendor (one of ${VENDORS.map((e) => e.id).join(', ')})` });
    else if (!wanted.includes(entry)) wanted.push(entry);
  }
  const entries = only.length ? wanted : VENDORS.filter((e) => isConfigured(e, env));
  if (!only.length && entries.length === 0) {
    issues.push({ field: 'environment', message: `no distributor is configured; set e.g. ${VENDORS[0]!.env.filter((x) => x.required).map((x) => x.name).join(', ')}` });
  }
  const out: ConfiguredConnector[] = [];
  for (const entry of entries) {
    const options: Record<string, unknown> = { ...(tuning[entry.id] ?? {}) };
    let missing = false;
    for (const x of entry.env) {
      const value = (env[x.name] ?? '').trim();
      if (!value) {
        if (x.required) { issues.push({ field: x.name, message: `is not set (${x.what})` }); missing = true; }
        continue;
      }
      if (x.kind === 'boolean') {
        if (value !== '1' && value !== 'true' && value !== '0' && value !== 'false') issues.push({ field: x.name, message: 'must be 1/true or 0/false' });
        options[x.option] = value === '1' || value === 'true';
      } else options[x.option] = value;
    }
    if (missing) continue;
    try {
      out.push({ entry, connector: entry.create(options) });
    } catch (err) {
      const byOption = new Map(entry.env.map((x) => [x.option, x.name]));
      const found = (err as { issues?: ConfigIssue[] }).issues;
      if (!found) throw err;
      for (const i of found) issues.push({ field: byOption.get(i.field.split('.')[0] ?? '') ?? `${entry.id}.${i.field}`, message: i.message });
    }
  }
  if (issues.length) {
    throw new ConfigurationError({ issues, remedy: 'Set or fix the environment variables listed (docs/cli.md names them per distributor); nothing was contacted.' });
  }
  return out;
}
