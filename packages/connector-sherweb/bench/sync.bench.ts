// Full sync of a large sandbox tenant over loopback HTTP (customers, then subscriptions with unit
// price and cost), with the sandbox's rate limit and the connector's pacing compressed in time so
// it runs in well under a minute: the connector paces at 90 requests per second (BENCH_PACE) and
// the sandbox admits 100 (a stand-in for the unpublished real limit, 10 % above the pace).
// Figures are ratios against baselines from this run:
// the minimum request count the API allows and the pacing floor (requests ÷ pacing rate).
//
// Run with `npm run bench sherweb` (builds first). Plain node with type stripping: erasable TS only.
import { performance } from 'node:perf_hooks';
import { createSherwebConnector } from '@vectis/connector-sherweb';
import { createSherwebSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-sherweb/sandbox';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1000);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 6000);
const PACE = { limit: Number(process.env.BENCH_PACE ?? 90), intervalMs: 1000 };
const LIMIT = { limit: Math.ceil(PACE.limit / 0.9), intervalMs: 1000 };

async function drain<T>(stream: AsyncIterable<{ items: T[]; coverage?: unknown; rejected?: unknown[] | undefined }>) {
  let count = 0;
  let rejected = 0;
  let coverage: Record<string, unknown> | undefined;
  for await (const batch of stream) {
    count += batch.items.length;
    rejected += batch.rejected?.length ?? 0;
    if (batch.coverage) coverage = batch.coverage as Record<string, unknown>;
  }
  return { count, rejected, coverage };
}

const sandbox = createSherwebSandbox({ customers: CUSTOMERS, subscriptions: SUBSCRIPTIONS, rateLimit: LIMIT });
const server = await sandbox.listen();
const rows: string[][] = [];
const ratio = (a: number, b: number) => `${(a / b).toFixed(4)}×`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  sandbox.reset();
  const connector = createSherwebConnector({
    ...SANDBOX_CREDENTIALS,
    scopes: ['service-provider', 'distributor'],
    apiUrl: server.url,
    allowInsecureLoopback: true,
    pacing: PACE,
  });
  const t0 = performance.now();
  const customers = await drain(connector.listCustomers());
  const subscriptions = await drain(connector.listSubscriptions());
  const ms = performance.now() - t0;
  await connector.dispose();
  const s = sandbox.stats();
  // The API's minimum: token + one customer list + payable charges + details and pricing
  // information per customer. The connector reads the customer list once per stream (the
  // subscription stream lists customers to fan out), so it issues one more.
  const minimum = 1 + 1 + 1 + 2 * CUSTOMERS;
  const floorMs = (s.total / PACE.limit) * PACE.intervalMs;
  rows.push(
    ['requests issued', String(s.total), `${minimum} minimum`, ratio(s.total, minimum)],
    ['  of which customer lists', String(s.byPath['GET /service-provider/v1/customers'] ?? 0), '1 per stream', ''],
    ['  of which token calls', String(s.tokensIssued), '1', ''],
    ['429s received', String(s.rateLimited), '0 goal', s.rateLimited === 0 ? 'ok' : 'MISSED'],
    ['wall time', secs(ms), `${secs(floorMs)} pacing floor`, ratio(ms, floorMs)],
    ['records', `${customers.count} customers, ${subscriptions.count} lines`, `${CUSTOMERS} / ${SUBSCRIPTIONS}`, subscriptions.count === SUBSCRIPTIONS ? 'ok' : 'MISSED'],
    ['coverage complete', String(subscriptions.coverage?.complete), 'true', ''],
    ['same sync at the default pacing (120/min)', secs((s.total / 120) * 60_000), 'computed, not run', ''],
  );
} finally {
  await server.close();
}

console.log(`Sherweb full sync over loopback: ${CUSTOMERS} customers / ${SUBSCRIPTIONS} subscriptions; sandbox limit ${LIMIT.limit} req/s, connector paced at ${PACE.limit} req/s`);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['metric', 'measured', 'baseline', 'ratio'][i]?.length ?? 0));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(['metric', 'measured', 'baseline', 'ratio']));
for (const r of rows) console.log(line(r));
