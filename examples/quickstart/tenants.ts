// The distributor tenants the quickstart syncs: each vendor's sandbox by default, or the real tenant
// when that vendor's environment variables are set. One entry per connector; adding a distributor
// adds one function here.
import type { DistributorConnector } from '@vectis/connector-core';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { startSherweb } from './sherweb.ts';
import { setupSynnex } from './synnex.ts';

const DAY = 86_400_000;

export interface Tenant {
  label: string;
  connector: DistributorConnector;
  /** True when this is a vendor's built-in sandbox, not a real tenant. */
  sandbox: boolean;
  /** The sandbox's clock (ms); real tenants use the wall clock. */
  now: () => number;
  /** Advances a sandbox by a week of changes; returns what changed. */
  simulateWeek?: (() => string[]) | undefined;
  /** Disposes the connector and stops a sandbox. */
  close: () => Promise<void>;
}

/** Every sandbox clock starts a week back, so the first sync is "last week" and the second "this week". */
export const sandboxStart = Date.now() - 7 * DAY;

interface Distributor {
  /** True when the environment names a real tenant of this distributor. */
  configured: (env: NodeJS.ProcessEnv) => boolean;
  /** Opens the real tenant (`real`) or the vendor's sandbox. */
  open: (env: NodeJS.ProcessEnv, real: boolean) => Promise<Tenant>;
}

const ingram: Distributor = {
  configured: (env) => Boolean(env.INGRAM_USERNAME && env.INGRAM_PASSWORD && env.INGRAM_SUBSCRIPTION_KEY),
  open: async (env, real) => {
    if (real) {
      const connector = createIngramConnector({
        username: env.INGRAM_USERNAME!,
        password: env.INGRAM_PASSWORD!,
        subscriptionKey: env.INGRAM_SUBSCRIPTION_KEY!,
        ...(env.INGRAM_API_URL ? { apiUrl: env.INGRAM_API_URL } : {}),
        ...(env.INGRAM_REGION ? { region: env.INGRAM_REGION } : {}),
        ...(env.INGRAM_MARKETPLACE ? { marketplace: env.INGRAM_MARKETPLACE } : {}),
      });
      return { label: 'Ingram Micro', connector, sandbox: false, now: Date.now, close: () => connector.dispose() };
    }
    const sandbox = createIngramSandbox({ customers: 40, subscriptions: 120, now: () => sandboxStart });
    const server = await sandbox.listen();
    const connector = createIngramConnector({
      ...SANDBOX_CREDENTIALS,
      apiUrl: server.url,
      allowInsecureLoopback: true,
      pacing: { limit: 200, intervalMs: 1_000 }, // the sandbox has no rate limit; real tenants keep the 45/min default
      now: sandbox.now,
    });
    return {
      label: 'Ingram Micro', connector, sandbox: true, now: sandbox.now,
      simulateWeek: () => sandbox.simulateWeek().map((c) => c.kind),
      close: async () => {
        await connector.dispose();
        await server.close();
      },
    };
  },
};

const synnex: Distributor = {
  configured: (env) => Boolean(env.SYNNEX_ACCOUNT_ID && env.SYNNEX_REFRESH_TOKEN_FILE),
  open: async (env, real) => {
    const { connector, close } = await setupSynnex(real ? env : {});
    const stop = async () => {
      await connector.dispose();
      await close();
    };
    return { label: 'TD SYNNEX', connector, sandbox: !real, now: Date.now, close: stop };
  },
};

const sherweb: Distributor = {
  configured: (env) => Boolean(env.SHERWEB_CLIENT_ID && env.SHERWEB_CLIENT_SECRET && env.SHERWEB_SUBSCRIPTION_KEY),
  open: async (_env, real) => {
    const t = await startSherweb({ sandbox: !real });
    if (!t) throw new Error('Sherweb: no tenant configured'); // unreachable: opened only when configured or in sandbox mode
    return { label: 'Sherweb', connector: t.connector, sandbox: !real, now: Date.now, close: t.close };
  },
};

/** Ingram first: its sandbox clock is the run's clock. */
const DISTRIBUTORS: readonly Distributor[] = [ingram, sherweb, synnex];

/**
 * Opens the tenants the quickstart syncs. When any real tenant is configured, only the configured real
 * tenants are used: sandbox data never lands in a store next to a real tenant's.
 */
export async function openTenants(env: NodeJS.ProcessEnv): Promise<Tenant[]> {
  const real = DISTRIBUTORS.filter((d) => d.configured(env));
  const tenants: Tenant[] = [];
  for (const d of real.length > 0 ? real : DISTRIBUTORS) tenants.push(await d.open(env, real.length > 0));
  return tenants;
}
