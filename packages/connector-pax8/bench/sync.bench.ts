// Full and steady-state sync of a large Pax8 sandbox tenant over loopback HTTP. The sandbox enforces
// Pax8's published limit, 1000 requests per minute, and the connector paces at its default 900/min.
// BENCH_SCALE compresses both in time (BENCH_SCALE=10: 1000 per 6 s). The default is 1× (real time):
// the lists of this tenant are under 90 requests, about 6 s at Pax8's pace; the usage charges add one
// request per usage line (about 1,500 here, 100 s at 900/min), so a full sync runs about 2 minutes
// (BENCH_USAGE=0 leaves them out). At higher compression the client's own parsing on a shared machine,
// not the pacing, sets the time. Figures are ratios against baselines from this run: the minimum request
// count the API allows (token + list pages + 2 per distinct product + 1 per usage line), the 429 goal (0)
// and the pacing floor (requests ÷ pacing rate: the time the budget needs to grant them; the kernel's
// guard band of 1 s per 60 s window is part of what is measured, not of the floor). The floor counts one
// interval per request although the first goes out at once, so a short run can land a little under 1.00×.
// Until 2026-12 the connector handed the kernel "1 request per 66.7 ms", and the kernel added its guard
// band (at least 25 ms) to every one of those tiny windows: 1.38× the floor. That was the connector's
// cause, not the floor's.
//
// Run with `npm run bench pax8` (builds first). Plain node with type stripping: erasable TS only.
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { createPax8Connector } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS } from '@vectis/connector-pax8/sandbox';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 2000);
const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 10000);
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const INTERVAL = 60_000 / SCALE;
const LIMIT = { limit: 1000, intervalMs: INTERVAL }; // the sandbox's limit: Pax8's 1000/min, SCALE× faster
const PACE = { limit: 900, intervalMs: INTERVAL }; // the connector's default budget, scaled the same way
const PAGE = 200;
const USAGE = process.env.BENCH_USAGE !== '0';

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

// The sandbox runs in a worker thread, as a real server runs elsewhere: its JSON work does not
// share the connector's event loop (which would delay the pacing timer and count against the client).
type Command = 'stats' | 'reset' | 'simulateWeek' | 'close';
if (!isMainThread) {
  const sandbox = createPax8Sandbox({ companies: COMPANIES, subscriptions: SUBSCRIPTIONS, rateLimit: LIMIT });
  const server = await sandbox.listen();
  parentPort?.postMessage({ url: server.url });
  parentPort?.on('message', async (m: { id: number; command: Command; plan?: Record<string, number> }) => {
    let result: unknown;
    if (m.command === 'stats') result = sandbox.stats();
    else if (m.command === 'reset') sandbox.reset();
    else if (m.command === 'simulateWeek') result = sandbox.simulateWeek(m.plan).length;
    else await server.close();
    parentPort?.postMessage({ id: m.id, result });
    if (m.command === 'close') process.exit(0);
  });
} else {
  await main();
}

async function main(): Promise<void> {
  const worker = new Worker(new URL(import.meta.url));
  const server = await new Promise<{ url: string }>((resolve) => worker.once('message', resolve));
  let next = 0;
  const call = <T>(command: Command, plan?: Record<string, number>) =>
    new Promise<T>((resolve) => {
      const id = ++next;
      const on = (m: { id?: number; result: T }) => {
        if (m.id !== id) return;
        worker.off('message', on);
        resolve(m.result);
      };
      worker.on('message', on);
      worker.postMessage({ id, command, plan });
    });
  type Stats = { total: number; rateLimited: number; maxInWindow: number; byKind: Record<string, number> };
  const sandbox = { stats: () => call<Stats>('stats'), reset: () => call<void>('reset'), simulateWeek: (plan: Record<string, number>) => call<number>('simulateWeek', plan) };
  const connect = () => createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: PACE });

  const rows: string[][] = [];
  const ratio = (a: number, b: number) => `${(a / b).toFixed(3)}×`;
  const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const floor = (requests: number) => (requests / PACE.limit) * PACE.intervalMs;

  try {
    await sandbox.reset();
    const full = connect();
    const t0 = performance.now();
    const customers = await drain(full.listCustomers());
    const subscriptions = await drain(full.listSubscriptions());
    const listsMs = performance.now() - t0;
    // As @vectis/sync runs it: the usage lines just read go to listSeatSnapshots for their charges.
    const usageLines = (subscriptions.items as { billingFrequency?: string }[]).filter((l) => l.billingFrequency === 'usage');
    const charges = USAGE ? await drain(full.listSeatSnapshots({ week: '2026-W49', asOf: new Date().toISOString(), lines: usageLines as never })) : undefined;
    const fullMs = performance.now() - t0;
    await full.dispose();
    const s1 = await sandbox.stats();
    const products = new Set((subscriptions.items as { productExternalId?: string }[]).map((l) => l.productExternalId)).size;
    const summaries = s1.byKind.usageSummaries ?? 0;
    const listsMinimum = 1 + Math.ceil(COMPANIES / PAGE) + Math.ceil(SUBSCRIPTIONS / PAGE) + 2 * products;
    const minimum = listsMinimum + (USAGE ? usageLines.length : 0);
    const charged = (charges?.items as { charges?: unknown }[] | undefined)?.filter((r) => r.charges).length ?? 0;
    rows.push(
      ['full: requests issued', String(s1.total), `${minimum} minimum (${listsMinimum} + ${USAGE ? usageLines.length : 0} usage lines)`, ratio(s1.total, minimum)],
      ['full: usage-summary requests', String(summaries), `${USAGE ? usageLines.length : 0} usage lines`, USAGE ? ratio(summaries, usageLines.length) : 'off'],
      ['full: 429s received', String(s1.rateLimited), '0 goal', s1.rateLimited === 0 ? 'ok' : 'MISSED'],
      [`full: most requests in any ${secs(LIMIT.intervalMs)}`, String(s1.maxInWindow), `${LIMIT.limit} limit`, ratio(s1.maxInWindow, LIMIT.limit)],
      ['full: wall time, lists', secs(listsMs), `${secs(floor(s1.total - summaries))} pacing floor`, ratio(listsMs, floor(s1.total - summaries))],
      ...(USAGE ? [['full: wall time, lists + usage charges', secs(fullMs), `${secs(floor(s1.total))} pacing floor`, ratio(fullMs, floor(s1.total))]] : []),
      ['full: records', `${customers.items.length} customers, ${subscriptions.items.length} lines, ${charged} charged`, `${COMPANIES} / ${SUBSCRIPTIONS} / ${USAGE ? usageLines.length : 0}`, `complete: ${String(customers.coverage?.complete)}/${String(subscriptions.coverage?.complete)}/${String((charges?.coverage as { complete?: boolean } | undefined)?.complete ?? 'off')}`],
    );

    // Next week: 5 % of subscriptions change; Pax8 has no updatedSince, so every page is read again,
    // but product facts come from the checkpoint. (Usage charges cost the same as in the full run: not repeated here.)
    await sandbox.simulateWeek({ seatChanges: Math.round(SUBSCRIPTIONS * 0.05) - 3 });
    await sandbox.reset();
    const steady = connect();
    const t1 = performance.now();
    const next = await drain(steady.listSubscriptions({ checkpoint: subscriptions.checkpoint as never }));
    const steadyMs = performance.now() - t1;
    await steady.dispose();
    const s2 = await sandbox.stats();
    const steadyMinimum = 1 + Math.ceil((SUBSCRIPTIONS + 1) / PAGE);
    rows.push(
      ['steady state: requests issued', String(s2.total), `${steadyMinimum} (token + list pages)`, ratio(s2.total, steadyMinimum)],
      ['steady state: product lookups / reused', `${String(next.coverage?.detailRequests)} / ${String(next.coverage?.reused)}`, `${products} known`, ''],
      ['steady state: 429s received', String(s2.rateLimited), '0 goal', s2.rateLimited === 0 ? 'ok' : 'MISSED'],
      ['steady state: wall time', secs(steadyMs), `${secs(floor(s2.total))} pacing floor`, ratio(steadyMs, floor(s2.total))],
    );
  } finally {
    await call('close');
  }

  console.log(`Pax8 sync over loopback: ${COMPANIES} companies / ${SUBSCRIPTIONS} subscriptions; sandbox limit ${LIMIT.limit} per ${secs(LIMIT.intervalMs)} (Pax8's 1000/min, ${SCALE}× faster), connector paced at ${PACE.limit} per ${secs(PACE.intervalMs)}`);
  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length), ['metric', 'measured', 'baseline', 'ratio'][i]?.length ?? 0));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(line(['metric', 'measured', 'baseline', 'ratio']));
  for (const r of rows) console.log(line(r));
}
