import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { createPostgresStore, runSync } from '@vectis/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { createScheduler } from '../src/index';
import { dropSchemas, freshSchema, PG_SKIP, PG_URL, storeContents, until } from './pg-env';
import { spawnWorker, type Worker } from './processes/spawn-worker';

afterAll(dropSchemas);

describe.skipIf(PG_SKIP)(`several worker processes${PG_SKIP ? ` (${PG_SKIP})` : ''}`, () => {
  it('three worker processes share the queue: every job runs once per enqueue, the stores converge to clean runs, the vendor limit holds', async () => {
    const url = PG_URL ?? '';
    const schema = freshSchema();
    const limit = { limit: 20, intervalMs: 1_000 }; // what the workers' resolver reports too
    const tenants = ['acme', 'globex', 'initech'].map((name, i) => ({ name, ref: `vault:${name}/ingram`, sandbox: createIngramSandbox({ customers: 10, subscriptions: 30, seed: i + 3, rateLimit: limit }), storeSchema: freshSchema() }));
    const servers = await Promise.all(tenants.map((t) => t.sandbox.listen()));
    const targets = Object.fromEntries(tenants.map((t, i) => [t.ref, { apiUrl: servers[i]?.url ?? '', storeSchema: t.storeSchema }]));
    const api = createScheduler({ connectionString: url, schema, resolver: { resolve: () => Promise.reject(new Error('not a worker')) }, execute: async () => undefined, boss: { schedule: false, supervise: false } });
    const workers: Worker[] = [];
    try {
      // The queue exists before the workers start, as in a deployment where the API process created it.
      await api.start();
      for (let i = 0; i < 3; i++) workers.push(await spawnWorker({ url, schema, credentials: SANDBOX_CREDENTIALS, targets }));
      await until(() => workers.every((w) => w.events.some((e) => e.name === 'worker.ready')), 60_000, 'three worker processes to be ready');
      const ids: string[] = [];
      for (const t of tenants) ids.push((await api.enqueue({ tenant: t.name, kind: 'distributor', vendor: 'ingram', credentialRef: t.ref, mode: 'full' })) ?? '');
      // A second job for acme's credential waits for the first (one active job per credential) and re-syncs the same data.
      ids.push((await api.enqueue({ tenant: 'acme', kind: 'distributor', vendor: 'ingram', credentialRef: 'vault:acme/ingram', mode: 'incremental' })) ?? '');
      const states = async () => Promise.all(ids.map(async (id) => (await api.boss.findJobs('vectis-sync', { id }))[0]?.state));
      await until(async () => (await states()).every((s) => s === 'completed'), 90_000, 'every job to complete');

      const completed = workers.flatMap((w) => w.events.filter((e) => e.name === 'vectis.job.completed'));
      expect(completed).toHaveLength(4); // at-least-once, but here exactly once: nothing was retried
      expect(new Set(completed.map((e) => e.pid)).size).toBeGreaterThanOrEqual(2);
      expect(workers.flatMap((w) => w.events.filter((e) => e.name === 'vectis.job.failed' || e.name === 'vectis.job.dead_lettered'))).toEqual([]);
      for (const t of tenants) {
        const stats = t.sandbox.stats();
        expect(stats.rateLimited).toBe(0);
        expect(stats.maxInWindow).toBeLessThanOrEqual(limit.limit);
      }
      // Each store holds what one clean run of its tenant stores.
      for (const [i, t] of tenants.entries()) {
        const reference = freshSchema();
        const store = await createPostgresStore({ connectionString: url, schema: reference });
        const connector = createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: servers[i]?.url ?? '', allowInsecureLoopback: true, pacing: false });
        await runSync({ connectors: [connector], store });
        await connector.dispose();
        await store.close();
        const [got, want] = [await storeContents(t.storeSchema), await storeContents(reference)];
        expect(got.customers).toHaveLength(10);
        expect(got).toEqual(want);
      }
    } finally {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill('SIGKILL');
      await api.stop({ timeout: 2_000 });
      for (const s of servers) await s.close();
    }
  }, 180_000);
});
