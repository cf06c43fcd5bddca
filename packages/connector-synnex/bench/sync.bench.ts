// Full sync of a large TD SYNNEX sandbox tenant over loopback HTTP: customers and subscriptions read
// concurrently on one connection, against a sandbox that rate limits and expires access tokens.
// Time is compressed so the run takes seconds, not hours (say so when quoting figures):
// - the sandbox allows LIMIT requests per second (Ion publishes no limit; the connector's default
//   is 60/min), and the connector is paced just under it;
// - access tokens live TTL_S seconds; the connector renews 60 s before expiry but never earlier than
//   half-way, so each token is used for TTL_S / 2 s: a sync of a few seconds spans several lifetimes.
// Figures are ratios against baselines from this run: the fewest requests Ion's paging allows, the
// lifetimes that elapsed, and the pacing floor.
//
// Run with `npm run bench synnex` (builds first). Plain node with type stripping: erasable TS only.
import { performance } from 'node:perf_hooks';
import { createSynnexConnector } from '@vectis/connector-synnex';
import { createSynnexSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-synnex/sandbox';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1000);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 6000);
const PAGE = 100;
const LIMIT = { limit: 25, intervalMs: 1000 }; // the sandbox's limit
const PACE = { limit: 22, intervalMs: 1000 }; // the connector's budget, just under it
const TTL_S = 2; // Ion's TTL is not published; compressed
const USABLE_MS = (TTL_S * 1000) / 2;

async function drain<T>(stream: AsyncIterable<{ items: T[]; coverage?: unknown; rejected?: readonly unknown[] | undefined }>) {
  let items = 0;
  let rejected = 0;
  let coverage: Record<string, unknown> | undefined;
  for await (const batch of stream) {
    items += batch.items.length;
    rejected += batch.rejected?.length ?? 0;
    if (batch.coverage) coverage = batch.coverage as Record<string, unknown>;
  }
  return { items, rejected, coverage };
}

const sandbox = createSynnexSandbox({ customers: CUSTOMERS, subscriptions: SUBSCRIPTIONS, rateLimit: LIMIT, accessTokenTtlSeconds: TTL_S });
const server = await sandbox.listen();
const store = { token: sandbox.currentRefreshToken(), saves: 0 };
const ion = createSynnexConnector({
  accountId: SANDBOX_CREDENTIALS.accountId,
  refreshToken: store.token,
  onRefreshTokenRotated: (next) => {
    store.token = next;
    store.saves++;
  },
  apiUrl: server.url,
  allowInsecureLoopback: true,
  pacing: PACE,
});

const rows: string[][] = [];
const ratio = (a: number, b: number) => `${(a / b).toFixed(3)}×`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
try {
  sandbox.reset();
  const t0 = performance.now();
  const [customers, subscriptions] = await Promise.all([drain(ion.listCustomers()), drain(ion.listSubscriptions())]);
  const wallMs = performance.now() - t0;
  const s = sandbox.stats();
  const data = s.total - s.byKind.token;
  // Token paging needs ⌈C/page⌉ calls; offset paging ⌈S/page⌉ plus the empty page that ends it (SDK rule).
  const minimumData = Math.ceil(CUSTOMERS / PAGE) + Math.ceil(SUBSCRIPTIONS / PAGE) + 1;
  const lifetimes = Math.max(1, Math.ceil(wallMs / USABLE_MS));
  const floorMs = (s.total / PACE.limit) * PACE.intervalMs;
  rows.push(
    ['data requests', String(data), `${minimumData} minimum`, ratio(data, minimumData)],
    ['token refreshes', String(s.refreshes), `${lifetimes} renewal intervals (${Math.ceil(wallMs / (TTL_S * 1000))} × expires_in)`, ratio(s.refreshes, lifetimes)],
    ['refresh tokens saved / reused', `${store.saves} / ${s.reuseRejected}`, 'one save per refresh, 0 reuse', store.saves === s.refreshes && s.reuseRejected === 0 ? 'ok' : 'MISSED'],
    ['401s (expired access token)', String(s.unauthorized), '0 goal', s.unauthorized === 0 ? 'ok' : 'MISSED'],
    ['429s received', String(s.rateLimited), '0 goal', s.rateLimited === 0 ? 'ok' : 'MISSED'],
    ['most requests in any 1 s', String(s.maxInWindow), `${LIMIT.limit} limit`, ratio(s.maxInWindow, LIMIT.limit)],
    ['wall time', secs(wallMs), `${secs(floorMs)} pacing floor`, ratio(wallMs, floorMs)],
    ['records', `${customers.items} customers, ${subscriptions.items} lines`, `${CUSTOMERS} / ${SUBSCRIPTIONS}`, customers.items === CUSTOMERS && subscriptions.items === SUBSCRIPTIONS ? 'ok' : 'MISSED'],
    ['coverage complete', `${String(customers.coverage?.complete)} / ${String(subscriptions.coverage?.complete)}`, 'true / true', ''],
  );
} finally {
  await ion.dispose();
  await server.close();
}

console.log(`TD SYNNEX full sync over loopback: ${CUSTOMERS} customers / ${SUBSCRIPTIONS} subscriptions, page size ${PAGE}`);
console.log(`compressed time: sandbox limit ${LIMIT.limit} req/s, connector paced at ${PACE.limit} req/s; access tokens expires_in ${TTL_S} s, renewed after ${USABLE_MS / 1000} s`);
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['metric', 'measured', 'baseline', 'ratio'][i]?.length ?? 0));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(['metric', 'measured', 'baseline', 'ratio']));
// With a real expires_in of T ≥ 120 s the renewal interval is T − 60 s: T / (T − 60) refreshes per lifetime (1.017 at 3600 s).
for (const r of rows) console.log(line(r));
