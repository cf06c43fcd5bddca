// One bench worker in its own process (spawned by scale.bench.ts; run by plain Node, type stripping):
// a scheduler instance that syncs each job's credential from the sandbox the parent runs for it, and
// prints one JSON line per job with the grant times its shared budget handed out, so the parent can
// tell where wall time above the pacing floor goes. It waits for "go" on stdin before it takes jobs,
// so process start-up and pg-boss's migrations are not counted.
import { createInterface } from 'node:readline';
import type { RateBudget } from '@vectis/connector-core';
import { createIngramConnector } from '@vectis/connector-ingram';
import { SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { createPax8Connector } from '@vectis/connector-pax8';
import { PAX8_SANDBOX_CREDENTIALS } from '@vectis/connector-pax8/sandbox';
import { createScheduler } from '@vectis/scheduler';

interface Input {
  url: string;
  schema: string;
  rate: { limit: number; intervalMs: number };
  pageSize: number | undefined;
  streams: string[];
  boxes: Record<string, { vendor: 'ingram' | 'pax8'; url: string }>;
  boss: Record<string, unknown>;
  work: { pollingIntervalSeconds: number };
}
const input = JSON.parse(process.argv[2] ?? '{}') as Input;
const out = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const scheduler = createScheduler({
  connectionString: input.url,
  schema: input.schema,
  boss: input.boss,
  resolver: { resolve: async () => ({ secrets: {}, rateLimit: input.rate }) },
  execute: async (job, ctx) => {
    const start = Date.now();
    const grants: number[] = [];
    const inner = ctx.budget;
    const budget: RateBudget = {
      acquire: async (signal) => {
        await inner.acquire(signal);
        grants.push(Date.now());
      },
      penalize: (ms) => inner.penalize?.(ms),
    };
    const box = input.boxes[job.credentialRef];
    if (!box) throw new Error(`no sandbox for ${job.credentialRef}`);
    const common = { apiUrl: box.url, allowInsecureLoopback: true, pacing: budget, ...(input.pageSize ? { pageSize: input.pageSize } : {}) };
    const connector = box.vendor === 'ingram' ? createIngramConnector({ ...SANDBOX_CREDENTIALS, ...common }) : createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, ...common });
    try {
      // What a sync reads from a distributor: customers, then subscriptions (each to exhaustion).
      if (input.streams.includes('customers')) for await (const _ of connector.listCustomers({ signal: ctx.signal })) void _;
      if (input.streams.includes('subscriptions')) for await (const _ of connector.listSubscriptions({ signal: ctx.signal })) void _;
    } finally {
      await connector.dispose();
    }
    const emission = (ctx.budget as unknown as { emissionIntervalMs: number }).emissionIntervalMs;
    out({ type: 'job', ref: job.credentialRef, pid: process.pid, start, end: Date.now(), grants, emission });
  },
});
await scheduler.start();
out({ type: 'ready' });
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line === 'go') await scheduler.work({ concurrency: 1, pollingIntervalSeconds: input.work.pollingIntervalSeconds });
  if (line === 'stop') {
    await scheduler.stop({ timeout: 5_000 });
    break;
  }
}
process.exit(0);
