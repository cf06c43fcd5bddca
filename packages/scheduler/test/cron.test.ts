import { TestClock } from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { createScheduler, SYNC_QUEUE, type SyncJob } from '../src/index';
import { dropSchemas, freshSchema, PG_SKIP, PG_URL, until } from './pg-env';

afterAll(dropSchemas);

describe.skipIf(PG_SKIP)(`weekly schedules on pg-boss cron${PG_SKIP ? ` (${PG_SKIP})` : ''}`, () => {
  it('a Monday 06:30 Europe/Berlin schedule fires at 05:30 UTC (not before), and a worker runs the job it sends', async () => {
    // pg-boss's TestClock drives its timers and, through the schema's job_now(), the database's idea of
    // "now" for its own statements: a weekly schedule can fire in a test without waiting a week or
    // 30 s cron passes. Wednesday 2 December 2026 → Monday 7 December, 05:29 UTC = 06:29 in Berlin (CET).
    const clock = new TestClock(new Date('2026-12-07T05:29:00Z'));
    const ran: SyncJob[] = [];
    const s = createScheduler({
      connectionString: PG_URL ?? '',
      schema: freshSchema(),
      boss: { clock, supervise: false, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 },
      resolver: { resolve: async () => ({ secrets: {}, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: async (job) => {
        ran.push(job);
        return { customers: 0 };
      },
    });
    const job = { tenant: 'acme', kind: 'distributor', vendor: 'ingram', credentialRef: 'vault:acme/ingram', mode: 'incremental' } as const;
    const sent = async () => (await s.boss.findJobs<SyncJob>(SYNC_QUEUE)).map((j) => j.data);
    try {
      await s.start();
      await s.scheduleWeekly(job, { weekday: 1, time: '06:30', timeZone: 'Europe/Berlin' });
      await clock.tick(45_000); // 06:29:45 in Berlin
      expect(await sent()).toEqual([]);
      // 06:31 in Berlin is 05:31 UTC: read in UTC, the expression would still be an hour away.
      for (let i = 0; i < 8 && (await sent()).length === 0; i++) await clock.tick(15_000);
      expect(await sent()).toEqual([job]);
      await s.work({ pollingIntervalSeconds: 0.5 });
      await until(async () => {
        if (ran.length) return true;
        await clock.tick(1_000); // the worker's poll timers run on the test clock too
        return false;
      }, 30_000, 'the scheduled job to run');
      expect(ran).toEqual([job]);
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 60_000);
});
