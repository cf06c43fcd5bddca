// TD SYNNEX StreamOne Ion for the quickstart: the sandbox tenant by default, or a real reseller
// account when SYNNEX_ACCOUNT_ID and SYNNEX_REFRESH_TOKEN_FILE are set. Ion rotates the refresh token
// on every refresh, so the token lives in a store the connector writes back to before using the new
// access token: here a file, replaced atomically (write + rename), as a vault entry would be.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { DistributorConnector } from '@vectis/connector-core';
import { createSynnexConnector } from '@vectis/connector-synnex';
import { createSynnexSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-synnex/sandbox';

export interface SynnexSetup {
  connector: DistributorConnector;
  close(): Promise<void>;
}

/** The TD SYNNEX connector the example syncs next to Ingram (records tagged `td_synnex`). */
export async function setupSynnex(env: NodeJS.ProcessEnv = process.env): Promise<SynnexSetup> {
  const file = env.SYNNEX_REFRESH_TOKEN_FILE;
  if (env.SYNNEX_ACCOUNT_ID && file) {
    const connector = createSynnexConnector({
      accountId: env.SYNNEX_ACCOUNT_ID,
      refreshToken: readFileSync(file, 'utf8').trim(),
      onRefreshTokenRotated: (next) => {
        writeFileSync(`${file}.tmp`, next, { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
      },
    });
    return { connector, close: async () => {} };
  }
  const sandbox = createSynnexSandbox({ customers: 30, subscriptions: 90 });
  const server = await sandbox.listen();
  let refreshToken: string = SANDBOX_CREDENTIALS.refreshToken; // the in-memory "store" for the sandbox
  const connector = createSynnexConnector({
    accountId: SANDBOX_CREDENTIALS.accountId,
    refreshToken,
    onRefreshTokenRotated: (next) => void (refreshToken = next),
    apiUrl: server.url,
    allowInsecureLoopback: true,
    pacing: { limit: 200, intervalMs: 1_000 }, // the sandbox has no rate limit; real tenants keep the 60/min default
  });
  return { connector, close: () => server.close() };
}
