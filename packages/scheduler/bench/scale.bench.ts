// Scale-out (issue 19, item 6): TENANTS tenants × 2 sandbox distributors (Ingram and Pax8, one
// sandbox per credential, each enforcing its own rate limit), one sync job per credential, run by
// 1 and then 4 scheduler workers (separate pg-boss instances in this process) on a real PostgreSQL.
// Each job reads the customers stream through the shared PostgreSQL budget. Reported per run:
// wall time against the pacing floor (sum over credentials of (requests − 1) × emission interval,
// divided by the workers: a job's requests cannot go faster than its credential's budget), the
// 429s the sandboxes sent, and throughput (jobs/s) from 1 to 4 workers, measured in the same run.
// Run: eval "$(bash scripts/postgres.sh)"; npm run bench scale   (BENCH_TENANTS, default 20; BENCH_JOB_CUSTOMERS, default 20)
import { performance } from 'node:perf_hooks';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { createPax8Connector } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS } from '@vectis/connector-pax8/sandbox';
import { createScheduler, type Scheduler } from '@vectis/scheduler';
import pg from 'pg';

const PG_URL = process.env.VECTIS_PG_URL ?? '';
if (!PG_URL) {
  console.log('scale bench not run: needs a real PostgreSQL server; run eval "$(bash scripts/postgres.sh)" first');
  process.exit(0);
}
const TENANTS = Number(process.env.BENCH_TENANTS ?? 20);
const RATE = { limit: 20, intervalMs: 1_000 };
// Customers per sandbox (a detail request each on Ingram): jobs long enough (≈ 1 s) that pg-boss's
// polling interval (0.5 s minimum; a worker re-polls at once only after a job longer than it) is not the bottleneck.
const JOB_CUSTOMERS = Number(process.env.BENCH_JOB_CUSTOMERS ?? 20);

type Sandbox = { url: string; stats: () => { total: number; rateLimited: number }; close: () => Promise<void> };

async function sandboxes(): Promise<Map<string, Sandbox & { vendor: 'ingram' | 'pax8' }>> {
  const out = new Map<string, Sandbox & { vendor: 'ingram' | 'pax8' }>();
  for (let t = 0; t < TENANTS; t++) {
    const ingram = createIngramSandbox({ customers: JOB_CUSTOMERS, subscriptions: 5, seed: t + 1, rateLimit: RATE });
    const pax8 = createPax8Sandbox({ companies: JOB_CUSTOMERS, seed: t + 1, rateLimit: RATE });
    const [i, p] = [await ingram.listen(), await pax8.listen()];
    out.set(`t${t}/ingram`, { vendor: 'ingram', url: i.url, stats: () => ingram.stats(), close: () => i.close() });
    out.set(`t${t}/pax8`, { vendor: 'pax8', url: p.url, stats: () => pax8.stats(), close: () => p.close() });
  }
  return out;
}

async function run(workers: number, boxes: Map<string, Sandbox & { vendor: 'ingram' | 'pax8' }>) {
  const schema = `bench_scale_${process.pid}_${workers}`;
  const before = new Map([...boxes].map(([k, b]) => [k, b.stats()]));
  let done = 0;
  let emission = 0;
  const make = (): Scheduler =>
    createScheduler({
      connectionString: PG_URL,
      schema,
      boss: { schedule: false, superviseIntervalSeconds: 5 },
      resolver: { resolve: async () => ({ secrets: {}, rateLimit: RATE }) },
      execute: async (job, ctx) => {
        emission = (ctx.budget as unknown as { emissionIntervalMs: number }).emissionIntervalMs;
        const box = boxes.get(job.credentialRef);
        if (!box) throw new Error(`no sandbox for ${job.credentialRef}`);
        const connector =
          box.vendor === 'ingram'
            ? createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: box.url, allowInsecureLoopback: true, pacing: ctx.budget })
            : createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: box.url, allowInsecureLoopback: true, pacing: ctx.budget });
        try {
          for await (const _ of connector.listCustomers({ signal: ctx.signal })) void _;
        } finally {
          await connector.dispose();
        }
        done++;
      },
    });
  const pool = Array.from({ length: workers }, make);
  for (const s of pool) await s.start();
  for (const key of boxes.keys()) await pool[0]?.enqueue({ tenant: key.split('/')[0] ?? key, kind: 'distributor', vendor: boxes.get(key)?.vendor ?? 'ingram', credentialRef: key, mode: 'full' });
  const started = performance.now();
  for (const s of pool) await s.work({ concurrency: 1, pollingIntervalSeconds: 0.5 });
  while (done < boxes.size) await new Promise((r) => setTimeout(r, 20));
  const wallMs = performance.now() - started;
  for (const s of pool) await s.stop({ timeout: 5_000 });
  let floorMs = 0;
  let rateLimited = 0;
  let requests = 0;
  for (const [k, b] of boxes) {
    const s = b.stats();
    const b0 = before.get(k) ?? { total: 0, rateLimited: 0 };
    requests += s.total - b0.total;
    rateLimited += s.rateLimited - b0.rateLimited;
    floorMs += Math.max(0, s.total - b0.total - 1) * emission;
  }
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await c.end();
  return { workers, wallMs, floorMs: floorMs / workers, rateLimited, requests, jobsPerSecond: boxes.size / (wallMs / 1000) };
}

const boxes = await sandboxes();
console.log(`${TENANTS} tenants × 2 distributors = ${boxes.size} credentials, each limited to ${RATE.limit}/${RATE.intervalMs} ms`);
const results = [];
for (const w of [1, 4]) {
  const r = await run(w, boxes);
  results.push(r);
  console.log(
    `${w} worker(s): wall ${(r.wallMs / 1000).toFixed(1)} s, pacing floor ${(r.floorMs / 1000).toFixed(1)} s → ${(r.wallMs / r.floorMs).toFixed(2)}× floor, ` +
      `${r.requests} requests, ${r.rateLimited} × 429, ${r.jobsPerSecond.toFixed(2)} jobs/s`,
  );
}
const [one, four] = results;
if (one && four) console.log(`throughput 1 → 4 workers: ${(four.jobsPerSecond / one.jobsPerSecond).toFixed(2)}×`);
for (const b of boxes.values()) await b.close();
