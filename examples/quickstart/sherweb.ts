// The example's Sherweb tenant: a real one when SHERWEB_CLIENT_ID / SHERWEB_CLIENT_SECRET /
// SHERWEB_SUBSCRIPTION_KEY are set, else (in sandbox mode) the local sandbox gateway with CAD and
// USD customers, so the report shows per-currency totals. Public entry points only.
import type { DistributorConnector } from '@vectis/connector-core';
import { createSherwebConnector } from '@vectis/connector-sherweb';
import { createSherwebSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-sherweb/sandbox';

export interface SherwebTenant {
  connector: DistributorConnector;
  close(): Promise<void>;
}

/**
 * @example
 * const sherweb = await startSherweb({ sandbox: true });
 * await runSync({ connectors: [ingram, ...(sherweb ? [sherweb.connector] : [])], store });
 */
export async function startSherweb(o: { sandbox: boolean }): Promise<SherwebTenant | undefined> {
  const env = process.env;
  if (env.SHERWEB_CLIENT_ID && env.SHERWEB_CLIENT_SECRET && env.SHERWEB_SUBSCRIPTION_KEY) {
    const connector = createSherwebConnector({
      clientId: env.SHERWEB_CLIENT_ID,
      clientSecret: env.SHERWEB_CLIENT_SECRET,
      subscriptionKey: env.SHERWEB_SUBSCRIPTION_KEY,
      // Cost needs the Distributor API; ask for it only when the user says the application has it.
      scopes: env.SHERWEB_DISTRIBUTOR === '1' ? ['service-provider', 'distributor'] : ['service-provider'],
    });
    return { connector, close: async () => connector.dispose() };
  }
  if (!o.sandbox) return undefined;
  const sandbox = createSherwebSandbox({ customers: 24, subscriptions: 70, currencies: ['Cad', 'Usd', 'Cad'] });
  const server = await sandbox.listen();
  const connector = createSherwebConnector({
    ...SANDBOX_CREDENTIALS,
    scopes: ['service-provider', 'distributor'],
    apiUrl: server.url,
    allowInsecureLoopback: true,
    pacing: { limit: 200, intervalMs: 1_000 }, // the sandbox has no rate limit; real tenants keep the 120/min default
  });
  return {
    connector,
    close: async () => {
      await connector.dispose();
      await server.close();
    },
  };
}
