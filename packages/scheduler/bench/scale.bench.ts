// Scale-out (issue 19, item 6): TENANTS tenants × 2 sandbox distributors (Ingram and Pax8; one
// sandbox per credential, each enforcing its own rate limit, all in this process: they are "the
// vendors"), one sync job per credential (customers then subscriptions, to exhaustion), run by W
// scheduler workers, each a separate Node process (bench/scale-worker.ts) taking one job at a time,
// against a real PostgreSQL holding the queue and the shared budget.
//
// The floor, and why it is honest: a credential's budget grants one request per emission interval
// e = (intervalMs + guard) / limit, and a job's first request goes at once, so a job with r requests
// cannot finish in less than (r − 1) × e, however fast everything else is. W workers run W jobs at a
// time, so the whole run cannot beat Σ_jobs (r − 1) × e ÷ W (nor the longest single job). That is
// the floor the goal (≤ 1.1×) is measured against; anything above it is queue, start-up, HTTP and
// database time that is not hidden under a pacing wait. The guard band is part of e (the budget
// really does pace that slowly); the vendor-limit floor (e without the guard) is printed beside it.
//
// Scaled rate limits, and why: real distributor limits are far slower (Ingram 45/min), so a real
// 400-job run takes hours; the sandboxes allow 20 per second instead, so 200 tenants finish in
// minutes. That is the hard direction for the goal: the faster the budget, the less of each
// request's own HTTP, parsing and database time hides under its pacing wait (at 80 per 2 s the
// same run measured 1.10–1.28× on the shared 2-core machine). The limit is below a job's request
// count (33 Ingram, 23.6 Pax8 on average), so an unpaced job would trip it: "0 × 429" means
// something. (At 40 per 2 s every job fit in one window, so no 429 was possible at all.) The guard
// is 100 ms of each 1 s window (10 %); it is part of the floor, and the vendor-limit ratio shows it.
//
// Reported per worker count, measured in the same run: wall, floor, wall ÷ floor, requests, 429s
// the sandboxes sent, jobs/s, and the time above the floor split into "between jobs" (a worker's
// previous job ended → its next job started: pg-boss complete + fetch), "job start" (execute
// called → first grant: connector construction, first budget round trip), "in job" (first → last
// grant beyond (r − 1) × e: grants that came late), "job end" (last grant → execute returned) and
// "idle" (a worker done with its last job while others still run: the tail Σ ÷ W does not see).
//
// Run: eval "$(bash scripts/postgres.sh)"; npm run bench scale
//   BENCH_TENANTS (default 20), BENCH_WORKERS (default 1,2,4), BENCH_CUSTOMERS (per sandbox, default 10),
//   BENCH_PAGE_SIZE (default: each connector's, Ingram 100, Pax8 200), BENCH_STREAMS (default customers,subscriptions),
//   BENCH_RATE (limit/intervalMs per credential, default 20/1000)
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createIngramSandbox } from '@vectis/connector-ingram/sandbox';
import { createPax8Sandbox } from '@vectis/connector-pax8/sandbox';
import { createScheduler } from '@vectis/scheduler';
import pg from 'pg';

const PG_URL = process.env.VECTIS_PG_URL ?? '';
if (!PG_URL) {
  console.log('scale bench not run: needs a real PostgreSQL server; run eval "$(bash scripts/postgres.sh)" first');
  process.exit(0);
}
const TENANTS = Number(process.env.BENCH_TENANTS ?? 20);
const WORKERS = (process.env.BENCH_WORKERS ?? '1,2,4').split(',').map(Number);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10);
const PAGE_SIZE = process.env.BENCH_PAGE_SIZE ? Number(process.env.BENCH_PAGE_SIZE) : undefined;
const STREAMS = (process.env.BENCH_STREAMS ?? 'customers,subscriptions').split(',');
const [limit, intervalMs] = (process.env.BENCH_RATE ?? '20/1000').split('/').map(Number);
const RATE = { limit: limit ?? 20, intervalMs: intervalMs ?? 1_000 };
// A loop that finished a job fetches the next at once (createScheduler's work()); the polling
// interval only matters when the queue runs dry; 0.5 s is pg-boss's minimum. Three connections per
// pg-boss pool: the server is shared with other test runs.
const BOSS = { schedule: false, supervise: false, max: 3 };
const here = dirname(fileURLToPath(import.meta.url));

type Box = { vendor: 'ingram' | 'pax8'; url: string; stats: () => { total: number; rateLimited: number; maxInWindow: number }; close: () => Promise<void> };
interface JobLine { ref: string; pid: number; start: number; end: number; grants: number[]; emission: number }

async function sandboxes(): Promise<Map<string, Box>> {
  const out = new Map<string, Box>();
  for (let t = 0; t < TENANTS; t++) {
    const ingram = createIngramSandbox({ customers: CUSTOMERS, subscriptions: CUSTOMERS * 2, seed: t + 1, rateLimit: RATE });
    const pax8 = createPax8Sandbox({ companies: CUSTOMERS, subscriptions: CUSTOMERS * 2, seed: t + 1, rateLimit: RATE });
    const [i, p] = [await ingram.listen(), await pax8.listen()];
    out.set(`t${t}/ingram`, { vendor: 'ingram', url: i.url, stats: () => ingram.stats(), close: () => i.close() });
    out.set(`t${t}/pax8`, { vendor: 'pax8', url: p.url, stats: () => pax8.stats(), close: () => p.close() });
  }
  return out;
}

function spawnWorker(input: Record<string, unknown>, onLine: (l: Record<string, unknown>) => void): { child: ChildProcess; exited: Promise<void> } {
  const child = spawn(process.execPath, [join(here, 'scale-worker.ts'), JSON.stringify(input)], { stdio: ['pipe', 'pipe', 'inherit'] });
  if (child.stdout) createInterface({ input: child.stdout }).on('line', (l) => onLine(JSON.parse(l) as Record<string, unknown>));
  return { child, exited: new Promise((r) => child.on('exit', () => r())) };
}

async function run(workers: number, boxes: Map<string, Box>) {
  const schema = `bench_scale_${process.pid}_${workers}`;
  const before = new Map([...boxes].map(([k, b]) => [k, b.stats()]));
  // The backend's API process: creates the queues and enqueues every job before the workers start.
  const api = createScheduler({ connectionString: PG_URL, schema, boss: BOSS, resolver: { resolve: () => Promise.reject(new Error('not a worker')) }, execute: async () => undefined });
  await api.start();
  for (const [ref, box] of boxes) await api.enqueue({ tenant: ref.split('/')[0] ?? ref, kind: 'distributor', vendor: box.vendor, credentialRef: ref, mode: 'full' });
  const jobs: JobLine[] = [];
  let ready = 0;
  const input = { url: PG_URL, schema, rate: RATE, pageSize: PAGE_SIZE, streams: STREAMS, boss: BOSS, work: { pollingIntervalSeconds: 0.5 }, boxes: Object.fromEntries([...boxes].map(([k, b]) => [k, { vendor: b.vendor, url: b.url }])) };
  const procs = Array.from({ length: workers }, () =>
    spawnWorker(input, (l) => {
      if (l.type === 'ready') ready++;
      if (l.type === 'job') jobs.push(l as unknown as JobLine);
    }),
  );
  while (ready < workers) await new Promise((r) => setTimeout(r, 20));
  const started = performance.now();
  const startedAt = Date.now();
  for (const p of procs) p.child.stdin?.write('go\n');
  while (jobs.length < boxes.size) await new Promise((r) => setTimeout(r, 10));
  const wallMs = performance.now() - started;
  for (const p of procs) p.child.stdin?.write('stop\n');
  await Promise.all(procs.map((p) => p.exited));
  await api.stop({ timeout: 5_000 });

  let rateLimited = 0;
  let requests = 0;
  let maxInWindow = 0;
  for (const [k, b] of boxes) {
    const s = b.stats();
    const b0 = before.get(k) ?? { total: 0, rateLimited: 0 };
    requests += s.total - b0.total;
    rateLimited += s.rateLimited - b0.rateLimited;
    maxInWindow = Math.max(maxInWindow, s.maxInWindow);
  }
  const split = { between: 0, start: 0, inJob: 0, end: 0, idle: 0 };
  const perVendor: Record<string, { jobs: number; requests: number; late: number }> = {};
  let floorSum = 0;
  let vendorSum = 0;
  let longest = 0;
  const byPid = new Map<number, JobLine[]>();
  for (const j of jobs) {
    const paced = Math.max(0, j.grants.length - 1) * j.emission;
    floorSum += paced;
    vendorSum += Math.max(0, j.grants.length - 1) * (RATE.intervalMs / RATE.limit);
    longest = Math.max(longest, paced);
    const first = j.grants[0] ?? j.start;
    const last = j.grants.at(-1) ?? j.end;
    split.start += first - j.start;
    split.inJob += last - first - paced;
    const v = j.ref.split('/')[1] ?? '';
    const pv = (perVendor[v] ??= { jobs: 0, requests: 0, late: 0 });
    pv.jobs++;
    pv.requests += j.grants.length;
    pv.late += last - first - paced;
    split.end += j.end - last;
    byPid.set(j.pid, [...(byPid.get(j.pid) ?? []), j]);
  }
  for (const list of byPid.values()) {
    list.sort((a, b) => a.start - b.start);
    let prevEnd = startedAt;
    for (const j of list) {
      split.between += j.start - prevEnd;
      prevEnd = j.end;
    }
    split.idle += startedAt + wallMs - prevEnd;
  }
  split.idle += (workers - byPid.size) * wallMs;
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
  const floorMs = Math.max(floorSum / workers, longest);
  return { workers, wallMs, floorMs, vendorFloorMs: vendorSum / workers, rateLimited, maxInWindow, requests, jobsPerSecond: boxes.size / (wallMs / 1000), split, perVendor, jobs: jobs.length };
}

const boxes = await sandboxes();
console.log(
  `${TENANTS} tenants × 2 distributors = ${boxes.size} credentials, each limited to ${RATE.limit}/${RATE.intervalMs} ms; ` +
    `${CUSTOMERS} customers and ${CUSTOMERS * 2} subscriptions per sandbox, page size ${PAGE_SIZE ?? 'default'}, streams ${STREAMS.join('+')}; worker processes: ${WORKERS.join(', ')}`,
);
const results = [];
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
for (const w of WORKERS) {
  const r = await run(w, boxes);
  results.push(r);
  const perJob = (ms: number) => `${(ms / r.jobs).toFixed(0)} ms`;
  console.log(
    `${w} worker(s): wall ${s(r.wallMs)}, pacing floor ${s(r.floorMs)} → ${(r.wallMs / r.floorMs).toFixed(3)}× floor ` +
      `(${(r.wallMs / r.vendorFloorMs).toFixed(3)}× the vendor-limit floor), ${r.requests} requests, ${r.rateLimited} × 429, ` +
      `max ${r.maxInWindow} in a window (limit ${RATE.limit}), ${r.jobsPerSecond.toFixed(2)} jobs/s`,
  );
  console.log(`  above the floor, per job: between jobs ${perJob(r.split.between)}, job start ${perJob(r.split.start)}, in job ${perJob(r.split.inJob)}, job end ${perJob(r.split.end)}, idle after its last job ${perJob(r.split.idle)}`);
  for (const [v, p] of Object.entries(r.perVendor)) console.log(`  ${v}: ${(p.requests / p.jobs).toFixed(1)} requests per job, grants late ${(p.late / p.jobs).toFixed(0)} ms per job`);
}
const one = results[0];
for (const r of results.slice(1)) if (one) console.log(`throughput ${one.workers} → ${r.workers} workers: ${(r.jobsPerSecond / one.jobsPerSecond).toFixed(2)}×`);
for (const b of boxes.values()) await b.close();
