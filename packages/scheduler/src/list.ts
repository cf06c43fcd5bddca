import pg from 'pg';
import { DEAD_LETTER_QUEUE, SYNC_QUEUE } from './jobs';
import { quoteIdent } from './sql';

export interface JobListing {
  state: 'scheduled' | 'queued' | 'running' | 'retrying' | 'failed' | 'dead-lettered' | 'completed';
  id: string;
  tenant: string | undefined;
  vendor: string | undefined;
  credentialRef: string | undefined;
  /** Cron and zone for a schedule; the error and remedy for a failure or dead letter. */
  detail: string;
  at: string | undefined;
}

export interface JobListOptions {
  connectionString: string;
  schema?: string;
  /** Include completed jobs (default false). */
  completed?: boolean;
}

/**
 * Lists scheduled, queued, running, failed and dead-lettered sync jobs, read straight from pg-boss's
 * tables (read-only; no pg-boss instance, so listing never starts maintenance or migrations).
 *
 * @example
 * for (const j of await listJobs({ connectionString })) console.log(j.state, j.tenant, j.vendor, j.detail);
 */
export async function listJobs(o: JobListOptions): Promise<JobListing[]> {
  const s = quoteIdent(o.schema ?? 'vectis_scheduler');
  const client = new pg.Client({ connectionString: o.connectionString });
  await client.connect();
  try {
    const out: JobListing[] = [];
    const schedules = await client.query<{ key: string; cron: string; timezone: string; data: Record<string, string> }>(
      `SELECT key, cron, timezone, data FROM ${s}.schedule WHERE name = $1 ORDER BY key`,
      [SYNC_QUEUE],
    );
    for (const r of schedules.rows) out.push({ state: 'scheduled', id: r.key, ...who(r.data), detail: `${r.cron} (${r.timezone ?? 'UTC'})`, at: undefined });
    const states = o.completed ? ['created', 'retry', 'active', 'failed', 'completed'] : ['created', 'retry', 'active', 'failed'];
    const jobs = await client.query<{ id: string; name: string; state: string; data: Record<string, unknown>; output: Record<string, unknown> | null; at: Date }>(
      `SELECT id, name, state, data, output, coalesce(completed_on, started_on, created_on) AS at FROM ${s}.job
        WHERE (name = $1 AND state = ANY($2)) OR name = $3 ORDER BY created_on`,
      [SYNC_QUEUE, states, DEAD_LETTER_QUEUE],
    );
    for (const r of jobs.rows) {
      if (r.name === DEAD_LETTER_QUEUE) {
        const d = r.data as { job?: Record<string, string>; error?: string; message?: string; remedy?: string };
        out.push({ state: 'dead-lettered', id: r.id, ...who(d.job ?? (r.data as Record<string, string>)), detail: d.remedy ?? d.message ?? d.error ?? 'failed after every retry', at: r.at.toISOString() });
        continue;
      }
      const state = r.state === 'created' ? 'queued' : r.state === 'active' ? 'running' : r.state === 'retry' ? 'retrying' : (r.state as JobListing['state']);
      const message = typeof r.output?.message === 'string' ? r.output.message : '';
      out.push({ state, id: r.id, ...who(r.data as Record<string, string>), detail: message, at: r.at.toISOString() });
    }
    return out;
  } finally {
    await client.end();
  }
}

function who(d: Record<string, string> | undefined) {
  return { tenant: d?.tenant, vendor: d?.vendor, credentialRef: d?.credentialRef };
}
