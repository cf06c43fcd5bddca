// The ONE module of the CLI that imports the connector, matching and licensing packages. When a
// connector gains a real implementation or a sandbox, or matching moves to `@vectis/matching`,
// only this file changes: add the factory/sandbox to VENDORS, switch the import below.
import type { DistributorConnector, Vendor } from '@vectis/connector-core';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { createPax8Connector } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS } from '@vectis/connector-pax8/sandbox';
import { createSherwebConnector } from '@vectis/connector-sherweb';
import { createSherwebSandbox, SANDBOX_CREDENTIALS as SHERWEB_SANDBOX_CREDENTIALS } from '@vectis/connector-sherweb/sandbox';
import { createSynnexConnector } from '@vectis/connector-synnex';
import { createSynnexSandbox, SANDBOX_CREDENTIALS as SYNNEX_SANDBOX_CREDENTIALS } from '@vectis/connector-synnex/sandbox';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export { matchCustomers } from '@vectis/matching';
export type { PsaCompany, MatchResult } from '@vectis/matching';
export { computeLicensingReport, formatLicensingReport, roundDecimalString, trackFindings, weeklyDigest } from '@vectis/licensing-core';
export type {
  CustomerLink as ReportLink,
  Finding,
  LicensingPolicy,
  LicensingReport,
  PsaContractLine,
  SourceCoverage,
  WeeklyDigest,
} from '@vectis/licensing-core';

export type VendorId = 'ingram' | 'pax8' | 'sherweb' | 'synnex';

/** One environment variable a vendor reads. `secret` values are scrubbed from every output. */
export interface EnvVar {
  name: string;
  /** The connector option it feeds. */
  option: string;
  required: boolean;
  secret: boolean;
  kind?: 'string' | 'boolean';
  what: string;
}

/** A running sandbox tenant (a local fake of the vendor's API). */
export interface SandboxTenant {
  url: string;
  connector: DistributorConnector;
  /** The sandbox's clock (ms). */
  now: () => number;
  /** Advances the tenant by a week of changes; returns what changed. */
  simulateWeek: () => string[];
  close: () => Promise<void>;
}

export interface VendorEntry {
  id: VendorId;
  vendor: Vendor;
  label: string;
  env: readonly EnvVar[];
  /** Builds the connector from validated option values (strings and booleans keyed by option name). */
  create: (options: Record<string, unknown>) => DistributorConnector;
  /** The built-in sandbox, when the connector package ships one. */
  sandbox?: ((opts: { start: number; checkUrl: (url: string) => void }) => Promise<SandboxTenant>) | undefined;
  status: 'real' | 'stub';
}

const v = (name: string, option: string, what: string, required = true, secret = false, kind: EnvVar['kind'] = 'string'): EnvVar =>
  ({ name, option, required, secret, kind, what });

/**
 * Where TD SYNNEX's rotating refresh token is kept once Ion has rotated it (it then wins over the variable).
 *
 * @example
 * synnexTokenFile({ SYNNEX_REFRESH_TOKEN_FILE: '/etc/vectis/ion' }); // '/etc/vectis/ion'
 */
export function synnexTokenFile(env: NodeJS.ProcessEnv): string {
  return env.SYNNEX_REFRESH_TOKEN_FILE ?? join(homedir(), '.config', 'vectis', 'synnex-refresh-token');
}

/** Ion invalidates the old refresh token on every refresh: save the new one before it is used (mode 0600). */
function saveRotatedToken(file: string): (token: string) => void {
  return (token) => {
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, token, { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
}

/**
 * The distributors the CLI knows, in sync order. Adding a vendor's real connector or sandbox is one entry here.
 *
 * @example
 * VENDORS.filter((v) => v.sandbox).map((v) => v.id); // ['ingram', 'pax8', 'sherweb', 'synnex']
 */
export const VENDORS: readonly VendorEntry[] = [
  {
    id: 'ingram', vendor: 'ingram_micro', label: 'Ingram Micro', status: 'real',
    env: [
      v('INGRAM_USERNAME', 'username', 'the Marketplace API user (login ends in .api)', true, true),
      v('INGRAM_PASSWORD', 'password', 'its password', true, true),
      v('INGRAM_SUBSCRIPTION_KEY', 'subscriptionKey', 'the subscription key from the Marketplace API page', true, true),
      v('INGRAM_API_URL', 'apiUrl', 'the API URL, e.g. https://api.cloud.im/marketplace/na', false),
      v('INGRAM_REGION', 'region', 'or the region, e.g. us.na', false),
      v('INGRAM_MARKETPLACE', 'marketplace', 'the marketplace code, e.g. us', false),
      v('INGRAM_ALLOW_INSECURE_LOOPBACK', 'allowInsecureLoopback', 'testing only: allow http:// on 127.0.0.1/localhost (a local sandbox)', false, false, 'boolean'),
    ],
    create: (o) => createIngramConnector(o as unknown as Parameters<typeof createIngramConnector>[0]),
    sandbox: async ({ start, checkUrl }) => {
      const sandbox = createIngramSandbox({ customers: 40, subscriptions: 120, now: () => start });
      const server = await sandbox.listen();
      checkUrl(server.url); // refuses anything but loopback before a connector exists
      const connector = createIngramConnector({
        ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true,
        pacing: { limit: 200, intervalMs: 1_000 }, now: sandbox.now,
      });
      return { url: server.url, connector, now: sandbox.now, simulateWeek: () => sandbox.simulateWeek().map((c) => c.kind), close: () => server.close() };
    },
  },
  {
    id: 'pax8', vendor: 'pax8', label: 'Pax8', status: 'real',
    env: [
      v('PAX8_CLIENT_ID', 'clientId', 'the partner API credential client id (app.pax8.com → Settings → Integrations)', true, true),
      v('PAX8_CLIENT_SECRET', 'clientSecret', 'its client secret', true, true),
      v('PAX8_API_URL', 'apiUrl', 'the API URL (default https://api.pax8.com/v1)', false),
      v('PAX8_TOKEN_URL', 'tokenUrl', 'the token URL (default <API URL>/token)', false),
      v('PAX8_ALLOW_INSECURE_LOOPBACK', 'allowInsecureLoopback', 'testing only: allow http:// on 127.0.0.1/localhost (a local sandbox)', false, false, 'boolean'),
    ],
    create: (o) => createPax8Connector(o as unknown as Parameters<typeof createPax8Connector>[0]),
    sandbox: async ({ start, checkUrl }) => {
      const sandbox = createPax8Sandbox({ companies: 30, subscriptions: 90, now: () => start });
      const server = await sandbox.listen();
      checkUrl(server.url);
      const connector = createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: { limit: 200, intervalMs: 1_000 } });
      return { url: server.url, connector, now: Date.now, simulateWeek: () => sandbox.simulateWeek().map((c) => c.kind), close: () => server.close() };
    },
  },
  {
    id: 'sherweb', vendor: 'sherweb', label: 'Sherweb', status: 'real',
    env: [
      v('SHERWEB_CLIENT_ID', 'clientId', 'the API application client id (cumulus.sherweb.com → Security → APIs)', true, true),
      v('SHERWEB_CLIENT_SECRET', 'clientSecret', 'its client secret', true, true),
      v('SHERWEB_SUBSCRIPTION_KEY', 'subscriptionKey', 'the APIM subscription key shown with the application', true, true),
    ],
    create: (o) => createSherwebConnector(o as unknown as Parameters<typeof createSherwebConnector>[0]),
    sandbox: async ({ checkUrl }) => {
      const sandbox = createSherwebSandbox({ customers: 24, subscriptions: 70, currencies: ['Cad', 'Usd', 'Cad'] });
      const server = await sandbox.listen();
      checkUrl(server.url);
      const connector = createSherwebConnector({
        ...SHERWEB_SANDBOX_CREDENTIALS, scopes: ['service-provider', 'distributor'], apiUrl: server.url, allowInsecureLoopback: true, pacing: { limit: 200, intervalMs: 1_000 },
      });
      return { url: server.url, connector, now: Date.now, simulateWeek: () => [], close: () => server.close() };
    },
  },
  {
    id: 'synnex', vendor: 'td_synnex', label: 'TD SYNNEX StreamOne Ion', status: 'real',
    env: [
      v('SYNNEX_ACCOUNT_ID', 'accountId', 'the numeric Ion account id', true, false),
      v('SYNNEX_REFRESH_TOKEN', 'refreshToken', 'the OAuth refresh token (rotated tokens are then kept in SYNNEX_REFRESH_TOKEN_FILE)', true, true),
    ],
    create: (o) => {
      const file = synnexTokenFile(process.env);
      // Once Ion has rotated the token, the saved one is the only valid one.
      const refreshToken = existsSync(file) ? readFileSync(file, 'utf8').trim() : o.refreshToken;
      return createSynnexConnector({ ...(o as Record<string, string>), refreshToken, onRefreshTokenRotated: saveRotatedToken(file) } as Parameters<typeof createSynnexConnector>[0]);
    },
    sandbox: async ({ checkUrl }) => {
      const sandbox = createSynnexSandbox({ customers: 30, subscriptions: 90 });
      const server = await sandbox.listen();
      checkUrl(server.url);
      // The demo's refresh token lives in memory only: a sandbox token never reaches the real token file.
      let refreshToken: string = SYNNEX_SANDBOX_CREDENTIALS.refreshToken;
      const connector = createSynnexConnector({
        accountId: SYNNEX_SANDBOX_CREDENTIALS.accountId, refreshToken, onRefreshTokenRotated: (next) => void (refreshToken = next),
        apiUrl: server.url, allowInsecureLoopback: true, pacing: { limit: 200, intervalMs: 1_000 },
      });
      return { url: server.url, connector, now: Date.now, simulateWeek: () => [], close: () => server.close() };
    },
  },
];

/**
 * The registry entry for a vendor id (`ingram`) or vendor tag (`ingram_micro`).
 *
 * @example
 * vendorEntry('ingram_micro')?.id; // 'ingram'
 */
export function vendorEntry(idOrTag: string): VendorEntry | undefined {
  const key = idOrTag.trim().toLowerCase();
  return VENDORS.find((e) => e.id === key || e.vendor === key);
}
