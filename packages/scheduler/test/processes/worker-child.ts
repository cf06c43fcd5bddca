// One scheduler worker in its own process: syncs Ingram (a sandbox the test runs) into a PostgreSQL
// store with runSync. Prints one JSON line per scheduler log event, so the test can kill it mid-job.
import { createIngramConnector } from '@vectis/connector-ingram';
import { createPostgresStore, runSync } from '@vectis/sync';
import { createScheduler } from '../../src/index';

const input = JSON.parse(process.argv[2] ?? '{}') as { url: string; schema: string; storeSchema: string; apiUrl: string; credentials: Record<string, string> };
const scheduler = createScheduler({
  connectionString: input.url,
  schema: input.schema,
  expireInSeconds: 3,
  retry: { limit: 3, delaySeconds: 1, maxDelaySeconds: 2 },
  boss: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1, schedule: false },
  resolver: { resolve: async () => ({ secrets: input.credentials, rateLimit: { limit: 20, intervalMs: 1_000 } }) },
  log: (e) => process.stdout.write(`${JSON.stringify(e)}\n`),
  execute: async (_job, ctx) => {
    const store = await createPostgresStore({ connectionString: input.url, schema: input.storeSchema });
    const c = ctx.credential.secrets;
    const connector = createIngramConnector({
      username: c.username ?? '', password: c.password ?? '', subscriptionKey: c.subscriptionKey ?? '', marketplace: 'us',
      apiUrl: input.apiUrl, allowInsecureLoopback: true, pageSize: 5, pacing: ctx.budget, onProgress: ctx.onProgress,
    });
    try {
      // A short lease: a killed worker's lease must lapse before the retry (the store's last line of defence).
      const result = await runSync({ connectors: [connector], store, signal: ctx.signal, lock: { ttlMs: 2_000, waitMs: 10_000 } });
      return { status: result.status };
    } finally {
      await connector.dispose();
      await store.close();
    }
  },
});
await scheduler.start();
await scheduler.work({ concurrency: 1, pollingIntervalSeconds: 0.5 });
process.stdout.write(`${JSON.stringify({ name: 'worker.ready' })}\n`);
process.on('SIGTERM', () => void scheduler.stop({ timeout: 5_000 }).then(() => process.exit(0)));
