import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { NetworkError } from '@vectis/connector-core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createScheduler, listJobs, type SchedulerLogEvent, type SchedulerOptions } from '../src/index';
import { dropSchemas, freshSchema, PG_SKIP, PG_URL, until } from './pg-env';

afterAll(dropSchemas);

const fast = { boss: { superviseIntervalSeconds: 1, monitorIntervalSeconds: 1, schedule: false } };
const job = { tenant: 'acme', kind: 'distributor', vendor: 'ingram', credentialRef: 'vault:acme/ingram' } as const;

function scheduler(extra: Partial<SchedulerOptions> & Pick<SchedulerOptions, 'execute' | 'resolver'>) {
  const events: SchedulerLogEvent[] = [];
  const s = createScheduler({ connectionString: PG_URL ?? '', schema: freshSchema(), retry: { limit: 3, delaySeconds: 1, maxDelaySeconds: 1 }, log: (e) => events.push(e), ...fast, ...extra });
  return { s, events };
}

describe.skipIf(PG_SKIP)(`scheduler on pg-boss${PG_SKIP ? ` (${PG_SKIP})` : ''}`, () => {
  it('a credential that fails auth is dead-lettered with its remedy at once: no retry storm against the login', async () => {
    const sandbox = createIngramSandbox({ customers: 3 });
    const server = await sandbox.listen();
    let runs = 0;
    const { s, events } = scheduler({
      resolver: { resolve: async () => ({ secrets: { password: 'wrong-password' }, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: async (_job, ctx) => {
        runs++;
        const connector = createIngramConnector({ ...SANDBOX_CREDENTIALS, password: ctx.credential.secrets.password ?? '', apiUrl: server.url, allowInsecureLoopback: true, pacing: ctx.budget });
        try {
          for await (const _ of connector.listCustomers()) void _;
        } finally {
          await connector.dispose();
        }
      },
    });
    try {
      await s.start();
      await s.enqueue(job);
      await s.work({ pollingIntervalSeconds: 0.5 });
      await until(async () => (await s.deadLetters()).length > 0, 20_000, 'the dead letter');
      // Longer than the retry delay: a retry would have run by now.
      await new Promise((r) => setTimeout(r, 2_500));
      expect(runs).toBe(1);
      expect(sandbox.stats().byKind.token).toBeLessThanOrEqual(2);
      const [dead] = await s.deadLetters();
      expect(dead).toMatchObject({ job: { tenant: 'acme', credentialRef: 'vault:acme/ingram' }, error: 'AuthenticationError' });
      expect(dead?.remedy).toBeTruthy();
      expect(JSON.stringify(dead)).not.toContain('wrong-password');
      expect(events.map((e) => e.name)).toContain('vectis.job.dead_lettered');
    } finally {
      await s.stop({ timeout: 5_000 });
      await server.close();
    }
  }, 40_000);

  it('a transient failure is retried with backoff and then completes; the listing shows it', async () => {
    let runs = 0;
    const schema = freshSchema();
    const { s } = scheduler({
      schema,
      resolver: { resolve: async () => ({ secrets: {}, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: async () => {
        if (++runs === 1) throw new NetworkError({ connector: 'ingram', method: 'GET', url: 'https://api.cloud.im/x', reason: 'ECONNRESET' });
        return { customers: 3 };
      },
    });
    try {
      await s.start();
      await s.scheduleWeekly(job, { weekday: 1, time: '06:30', timeZone: 'Europe/Berlin' });
      const id = await s.enqueue(job);
      await s.work({ pollingIntervalSeconds: 0.5 });
      await until(async () => (await s.boss.findJobs('vectis-sync', { id: id ?? '' }))[0]?.state === 'completed', 20_000, 'the retried job to complete');
      expect(runs).toBe(2);
      const listed = await listJobs({ connectionString: PG_URL ?? '', schema, completed: true });
      expect(listed.find((j) => j.state === 'scheduled')).toMatchObject({ tenant: 'acme', detail: '30 6 * * 1 (Europe/Berlin)' });
      expect(listed.find((j) => j.state === 'completed')).toMatchObject({ tenant: 'acme', vendor: 'ingram' });
      expect(await s.deadLetters()).toEqual([]);
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 40_000);

  it('only one job per credential runs at a time; another credential runs alongside', async () => {
    let active = 0;
    let most = 0;
    const seen: string[] = [];
    const { s } = scheduler({
      resolver: { resolve: async () => ({ secrets: {}, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: async (j) => {
        if (j.credentialRef === job.credentialRef) most = Math.max(most, ++active);
        seen.push(j.credentialRef);
        await new Promise((r) => setTimeout(r, 400));
        if (j.credentialRef === job.credentialRef) active--;
      },
    });
    try {
      await s.start();
      await s.enqueue(job);
      await s.enqueue({ ...job, mode: 'full' });
      await s.enqueue({ ...job, tenant: 'globex', credentialRef: 'vault:globex/ingram' });
      await s.work({ concurrency: 3, pollingIntervalSeconds: 0.5 });
      await until(() => seen.length >= 3, 20_000, 'three runs');
      expect(most).toBe(1);
      expect(seen).toContain('vault:globex/ingram');
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 40_000);

  it('a worker that finished a job takes the next one at once instead of waiting out its polling interval', async () => {
    // Short jobs (an incremental sync with nothing new) used to cost a whole polling interval each:
    // pg-boss's loop sleeps `interval − duration` after every job, backlog or not. With a 60 s interval,
    // three queued jobs on one loop finish well inside the 30 s this test waits only if it does not.
    const seen: string[] = [];
    const { s } = scheduler({
      resolver: { resolve: async () => ({ secrets: {}, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: async (j) => void seen.push(j.tenant),
    });
    try {
      await s.start();
      for (const tenant of ['a', 'b', 'c']) await s.enqueue({ ...job, tenant, credentialRef: `vault:${tenant}/ingram` });
      await s.work({ concurrency: 1, pollingIntervalSeconds: 60 });
      await until(() => seen.length === 3, 30_000, 'three queued jobs on one loop');
      expect(seen.sort()).toEqual(['a', 'b', 'c']);
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 60_000);

  it('resolves credentials at run time, saves a rotated refresh token through the resolver, and keeps secrets out of the queue', async () => {
    const saved: [string, string][] = [];
    const schema = freshSchema();
    let seen: string | undefined;
    const { s } = scheduler({
      schema,
      resolver: {
        resolve: async (ref) => ({ secrets: { refreshToken: `rt-old-secret-${ref.length}` }, rateLimit: { limit: 50, intervalMs: 1_000 } }),
        saveRefreshToken: async (ref, token) => void saved.push([ref, token]),
      },
      execute: async (_j, ctx) => {
        seen = ctx.credential.secrets.refreshToken;
        await ctx.saveRefreshToken('rt-new-secret');
      },
    });
    try {
      await s.start();
      const id = await s.enqueue({ ...job, vendor: 'synnex', credentialRef: 'vault:acme/synnex' });
      await s.work({ pollingIntervalSeconds: 0.5 });
      await until(async () => (await s.boss.findJobs('vectis-sync', { id: id ?? '' }))[0]?.state === 'completed', 20_000, 'the job');
      expect(seen).toBe('rt-old-secret-17');
      expect(saved).toEqual([['vault:acme/synnex', 'rt-new-secret']]);
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      const { rows } = await client.query(`SELECT data::text || coalesce(output::text, '') AS t FROM "${schema}".job`);
      await client.end();
      expect(rows.map((r: { t: string }) => r.t).join()).not.toMatch(/secret/);
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 40_000);

  it('a malformed job (sent by hand or by an older version) is dead-lettered, not retried', async () => {
    let runs = 0;
    const { s } = scheduler({
      resolver: { resolve: async () => ({ secrets: {}, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: async () => void runs++,
    });
    try {
      await s.start();
      await s.boss.send('vectis-sync', { tenant: 'acme', vendor: 'ingram' });
      await s.work({ pollingIntervalSeconds: 0.5 });
      await until(async () => (await s.deadLetters()).length > 0, 20_000, 'the dead letter');
      const [dead] = await s.deadLetters();
      expect(dead).toMatchObject({ error: 'ConfigurationError' });
      expect(dead?.message).toContain('credentialRef');
      expect(runs).toBe(0);
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 40_000);
});
