// A third-party script: export every subscription line of an Ingram tenant to JSON Lines, page by
// page (memory stays flat), then print the stream's coverage and the QBR vendor label.
// Only the packages' public entry points are used.
//
//   node examples/third-party-export/main.ts [out.jsonl]
//
// With INGRAM_USERNAME, INGRAM_PASSWORD, INGRAM_SUBSCRIPTION_KEY and INGRAM_API_URL (or INGRAM_REGION)
// set it reads that tenant; otherwise it starts the sandbox tenant.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { isVectisError, type Coverage } from '@vectis/connector-core';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { qbrVendorLabel } from '@vectis/licensing-core';

const out = process.argv[2] ?? 'subscriptions.jsonl';
const env = process.env;

async function main(): Promise<void> {
  const sandbox = env.INGRAM_USERNAME ? undefined : createIngramSandbox({ customers: 30, subscriptions: 80 });
  const server = sandbox ? await sandbox.listen() : undefined;
  const connector = server
    ? createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: false })
    : createIngramConnector({
        username: env.INGRAM_USERNAME!,
        password: env.INGRAM_PASSWORD ?? '',
        subscriptionKey: env.INGRAM_SUBSCRIPTION_KEY ?? '',
        ...(env.INGRAM_API_URL ? { apiUrl: env.INGRAM_API_URL } : {}),
        ...(env.INGRAM_REGION ? { region: env.INGRAM_REGION } : {}),
        ...(env.INGRAM_MARKETPLACE ? { marketplace: env.INGRAM_MARKETPLACE } : {}),
      });
  const file = createWriteStream(out);
  const vendors = new Set<string>();
  let coverage: Coverage | undefined;
  let lines = 0;
  try {
    for await (const batch of connector.listSubscriptions()) {
      for (const line of batch.items) {
        vendors.add(line.vendor);
        // Amounts stay decimal strings with their currency: nothing is rounded on the way out.
        if (!file.write(`${JSON.stringify({ ...line, raw: undefined })}\n`)) await once(file, 'drain');
        lines++;
      }
      coverage = batch.coverage ?? coverage;
    }
  } finally {
    file.end();
    await connector.dispose();
    await server?.close();
  }
  const label = qbrVendorLabel([...vendors].map((vendor) => ({ vendor })));
  console.log(`wrote ${lines} subscription lines to ${out}${label ? ` (QBR vendor label: ${label})` : ''}`);
  if (coverage) {
    const expected = coverage.expected === undefined ? '' : ` of ${coverage.expected}`;
    console.log(`coverage: ${coverage.fetched}${expected} subscriptions in ${coverage.pages} pages, ${coverage.complete ? 'complete' : `INCOMPLETE (${coverage.truncatedReason})`}`);
  }
}

main().catch((err: unknown) => {
  // Typed errors say what to do (wrong credentials, wrong API URL, rate limited …) and never hold a secret.
  console.error(isVectisError(err) ? err.message : err);
  process.exitCode = 1;
});
