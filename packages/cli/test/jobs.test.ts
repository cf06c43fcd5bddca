import { createScheduler } from '@vectis/scheduler';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { cleanEnv, vectis } from './helpers';

const PG_URL = process.env.VECTIS_PG_URL;
const SKIP = PG_URL ? undefined : 'skipped: needs a real PostgreSQL server for pg-boss; VECTIS_PG_URL is not set; run `eval "$(bash scripts/postgres.sh)"`';

describe('vectis jobs', () => {
  it('says where the scheduler database must come from when none is given', async () => {
    const r = await vectis(['jobs']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--pg postgres://');
  });

  it.skipIf(SKIP)(`lists scheduled and queued jobs from the workers' database${SKIP ? ` (${SKIP})` : ''}`, async () => {
    const schema = `cli_jobs_${process.pid}`;
    const s = createScheduler({ connectionString: PG_URL ?? '', schema, resolver: { resolve: () => Promise.reject(new Error('unused')) }, execute: async () => undefined, boss: { schedule: false, supervise: false } });
    await s.start();
    try {
      const job = { tenant: 'acme', kind: 'distributor', vendor: 'pax8', credentialRef: 'vault:acme/pax8' } as const;
      await s.scheduleWeekly(job, { weekday: 2, time: '05:15', timeZone: 'America/Chicago' });
      await s.enqueue(job);
      const r = await vectis(['jobs', '--json', '--schema', schema], { env: cleanEnv({ VECTIS_SCHEDULER_URL: PG_URL ?? '' }) });
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as { jobs: { state: string; tenant: string; detail: string }[] };
      expect(out.jobs.map((j) => j.state).sort()).toEqual(['queued', 'scheduled']);
      expect(out.jobs.find((j) => j.state === 'scheduled')).toMatchObject({ tenant: 'acme', detail: '15 5 * * 2 (America/Chicago)' });
      const text = await vectis(['jobs', '--schema', schema, '--pg', PG_URL ?? '']);
      expect(text.stdout).toMatch(/^scheduled\s+acme\s+pax8/m);
    } finally {
      await s.stop({ timeout: 2_000 });
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  });
});
