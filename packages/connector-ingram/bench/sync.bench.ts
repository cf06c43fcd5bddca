// Full and incremental sync of a large sandbox tenant over loopback HTTP, with the sandbox's rate
// limit scaled down in time (50 requests per second instead of per minute) and the connector paced
// just under it. Figures are ratios against baselines from this run: the minimum request count the
// API allows, the sandbox's limit, and the pacing floor (requests ÷ pacing rate).
//
// Run with `npm run bench ingram` (builds first). Plain node with type stripping: erasable TS only.
import { performance } from 'node:perf_hooks';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2000);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 5000);
const LIMIT = { limit: 50, intervalMs: 1000 }; // the sandbox's limit: Ingram's "50/min", 60× faster
const PACE = { limit: 46, intervalMs: 1000 }; // the connector's budget, just under it
const PAGE = 100;

type Line = { parentExternalId?: string | undefined };

async function drain<T>(stream: AsyncIterable<{ items: T[]; coverage?: unknown; checkpoint?: unknown }>) {
  const items: T[] = [];
  let coverage: Record<string, unknown> | undefined;
  let checkpoint: unknown;
  for await (const batch of stream) {
    items.push(...batch.items);
    if (batch.coverage) coverage = batch.coverage as Record<string, unknown>;
    if (batch.checkpoint !== undefined) checkpoint = batch.checkpoint;
  }
  return { items, coverage, checkpoint };
}

const sandbox = createIngramSandbox({ customers: CUSTOMERS, subscriptions: SUBSCRIPTIONS, rateLimit: LIMIT, customerList: 'full' });
const server = await sandbox.listen();
const connect = () =>
  createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: PACE, now: sandbox.now });

const rows: string[][] = [];
const ratio = (a: number, b: number) => `${(a / b).toFixed(3)}×`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  // Full sync: customers then subscriptions (list + one detail per subscription).
  sandbox.reset();
  const full = connect();
  const t0 = performance.now();
  const customers = await drain(full.listCustomers());
  const subscriptions = await drain(full.listSubscriptions());
  const fullMs = performance.now() - t0;
  await full.dispose();
  const s1 = sandbox.stats();
  const customerDetails = Number(customers.coverage?.detailRequests ?? 0);
  const minimum = 1 + Math.ceil(CUSTOMERS / PAGE) + Math.ceil(SUBSCRIPTIONS / PAGE) + SUBSCRIPTIONS + customerDetails;
  const floorMs = (s1.total / PACE.limit) * PACE.intervalMs;
  rows.push(
    ['full: requests issued', String(s1.total), `${minimum} minimum`, ratio(s1.total, minimum)],
    ['full: 429s received', String(s1.rateLimited), '0 goal', s1.rateLimited === 0 ? 'ok' : 'MISSED'],
    ['full: most requests in any 1 s', String(s1.maxInWindow), `${LIMIT.limit} limit`, ratio(s1.maxInWindow, LIMIT.limit)],
    ['full: wall time', secs(fullMs), `${secs(floorMs)} floor`, ratio(fullMs, floorMs)],
    ['full: records', `${customers.items.length} customers, ${subscriptions.items.length} lines`, `${CUSTOMERS} / ${SUBSCRIPTIONS} subs`, ''],
  );

  // Next week: 5 % of subscriptions change (seat changes, a cancellation, a cost increase, a new one).
  const changedTarget = Math.round(SUBSCRIPTIONS * 0.05);
  const changes = sandbox.simulateWeek({ seatChanges: changedTarget - 3 });
  const store = new Map<string, Line[]>();
  for (const line of subscriptions.items as Line[]) {
    const id = line.parentExternalId ?? '';
    store.set(id, [...(store.get(id) ?? []), line]);
  }
  sandbox.reset();
  const incremental = connect();
  const t1 = performance.now();
  const next = await drain(
    incremental.listSubscriptions({ checkpoint: subscriptions.checkpoint as never, previousLines: (id: string) => store.get(id) as never }),
  );
  const incMs = performance.now() - t1;
  await incremental.dispose();
  const s2 = sandbox.stats();
  const total = SUBSCRIPTIONS + 1;
  const incMinimum = 1 + Math.ceil(total / PAGE) + changes.length;
  rows.push(
    ['incremental: requests issued', String(s2.total), `${incMinimum} (token + pages + ${changes.length} changed)`, ratio(s2.total, incMinimum)],
    ['incremental: details fetched / reused', `${String(next.coverage?.detailRequests)} / ${String(next.coverage?.reused)}`, `${changes.length} changed`, ''],
    ['incremental: 429s received', String(s2.rateLimited), '0 goal', s2.rateLimited === 0 ? 'ok' : 'MISSED'],
    ['incremental: wall time', secs(incMs), `${secs((s2.total / PACE.limit) * PACE.intervalMs)} floor`, ratio(incMs, (s2.total / PACE.limit) * PACE.intervalMs)],
    ['incremental vs full: requests', String(s2.total), `${s1.total} full`, ratio(s2.total, s1.total)],
  );
} finally {
  await server.close();
}

console.log(`Ingram sync over loopback: ${CUSTOMERS} customers / ${SUBSCRIPTIONS} subscriptions; sandbox limit ${LIMIT.limit} req/s, connector paced at ${PACE.limit} req/s`);
console.log('(customer list items carry address and contacts here, so no customer detail calls are needed)');
const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['metric', 'measured', 'baseline', 'ratio'][i]?.length ?? 0));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(line(['metric', 'measured', 'baseline', 'ratio']));
for (const r of rows) console.log(line(r));
