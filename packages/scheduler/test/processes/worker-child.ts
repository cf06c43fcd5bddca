// One scheduler worker in its own process: syncs Ingram (sandboxes the test runs) into PostgreSQL
// stores with runSync. Each credential reference maps to its own sandbox and store schema
// (`targets`), or every job goes to `apiUrl` / `storeSchema`. Prints one JSON line per scheduler
// log event, so the test can follow (or kill) it mid-job.
import { createIngramConnector } from '@vectis/connector-ingram';
import { createPostgresStore, runSync } from '@vectis/sync';
import { createScheduler, syncJobOutcome } from '../../src/index';

interface Target { apiUrl: string; storeSchema: string }
const input = JSON.parse(process.argv[2] ?? '{}') as Partial<Target> & { url: string; schema: string; credentials: Record<string, string>; targets?: Record<string, Target> };
const targetOf = (ref: string): Target => input.targets?.[ref] ?? { apiUrl: input.apiUrl ?? '', storeSchema: input.storeSchema ?? '' };
const scheduler = createScheduler({
  connectionString: input.url,
  schema: input.schema,
  expireInSeconds: 3,
  retry: { limit: 3, delaySeconds: 1, maxDelaySeconds: 2 },
  boss: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1, schedule: false, max: 4 },
  resolver: { resolve: async () => ({ secrets: input.credentials, rateLimit: { limit: 20, intervalMs: 1_000 } }) },
  log: (e) => process.stdout.write(`${JSON.stringify({ ...e, pid: process.pid })}\n`),
  execute: async (job, ctx) => {
    const target = targetOf(job.credentialRef);
    const store = await createPostgresStore({ connectionString: input.url, schema: target.storeSchema });
    const c = ctx.credential.secrets;
    const connector = createIngramConnector({
      username: c.username ?? '', password: c.password ?? '', subscriptionKey: c.subscriptionKey ?? '', marketplace: 'us',
      apiUrl: target.apiUrl, allowInsecureLoopback: true, pageSize: 5, pacing: ctx.budget, onProgress: ctx.onProgress,
    });
    try {
      // A short lease: a killed worker's lease must lapse before the retry (the store's last line of defence).
      return syncJobOutcome(await runSync({ connectors: [connector], store, signal: ctx.signal, lock: { ttlMs: 2_000, waitMs: 10_000 } }));
    } finally {
      await connector.dispose();
      await store.close();
    }
  },
});
await scheduler.start();
await scheduler.work({ concurrency: 1, pollingIntervalSeconds: 0.5 });
process.stdout.write(`${JSON.stringify({ name: 'worker.ready', pid: process.pid })}\n`);
process.on('SIGTERM', () => void scheduler.stop({ timeout: 5_000 }).then(() => process.exit(0)));
