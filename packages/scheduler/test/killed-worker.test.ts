import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { createPostgresStore, runSync } from '@vectis/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../src/index';
import { dropSchemas, freshSchema, PG_SKIP, PG_URL, storeContents, until } from './pg-env';
import { spawnWorker, type Worker } from './processes/spawn-worker';

afterAll(dropSchemas);

describe.skipIf(PG_SKIP)(`worker processes${PG_SKIP ? ` (${PG_SKIP})` : ''}`, () => {
  it('a worker killed mid-job: the job is retried by another worker process and the store converges to a clean run', async () => {
    const sandbox = createIngramSandbox({ customers: 10, subscriptions: 30 });
    const server = await sandbox.listen();
    const url = PG_URL ?? '';
    const schema = freshSchema();
    const storeSchema = freshSchema();
    const referenceSchema = freshSchema();
    const input = { url, schema, storeSchema, apiUrl: server.url, credentials: SANDBOX_CREDENTIALS };
    const workers: Worker[] = [];
    // Enqueue through a scheduler that does not work, as the backend's API process would.
    const api = createScheduler({ connectionString: url, schema, resolver: { resolve: () => Promise.reject(new Error('not a worker')) }, execute: async () => undefined, boss: { schedule: false, supervise: false } });
    try {
      const first = await spawnWorker(input);
      workers.push(first);
      await until(() => first.events.some((e) => e.name === 'worker.ready'), 30_000, 'the first worker');
      await api.start();
      const id = await api.enqueue({ tenant: 'acme', kind: 'distributor', vendor: 'ingram', credentialRef: 'vault:acme/ingram', mode: 'full' });
      // Kill it once it is writing pages: mid-job, lease held, nothing finished.
      await until(() => first.events.filter((e) => e.name === 'vectis.job.progress').length >= 5, 30_000, 'the first worker to be mid-job');
      first.child.kill('SIGKILL');
      await first.exited;
      const second = await spawnWorker(input);
      workers.push(second);
      await until(async () => (await api.boss.findJobs('vectis-sync', { id: id ?? '' }))[0]?.state === 'completed', 60_000, 'the job to be retried and complete');
      const [done] = await api.boss.findJobs('vectis-sync', { id: id ?? '' });
      expect(done?.retryCount).toBeGreaterThanOrEqual(1);
      expect(second.events.some((e) => e.name === 'vectis.job.completed')).toBe(true);

      // A clean single run into another schema is the reference.
      const store = await createPostgresStore({ connectionString: url, schema: referenceSchema });
      const connector = createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: false });
      await runSync({ connectors: [connector], store });
      await connector.dispose();
      await store.close();
      const [got, want] = [await storeContents(storeSchema), await storeContents(referenceSchema)];
      expect(got.customers).toHaveLength(10);
      expect(got).toEqual(want);
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      await api.stop({ timeout: 2_000 });
      await server.close();
    }
  }, 120_000);
});
