import { createHash } from 'node:crypto';
import { ConfigurationError } from '@vectis/connector-core';
import { z } from 'zod';

/** The queue every sync job goes to, and the one jobs that must not be retried are moved to. */
export const SYNC_QUEUE = 'vectis-sync';
export const DEAD_LETTER_QUEUE = 'vectis-sync-dead';

// A job carries a credential *reference* only: pg-boss stores job data in plain tables that are
// listed, logged and kept for days, so secrets are resolved by the caller when the job runs.
const JobSchema = z.strictObject({
  tenant: z.string().min(1),
  kind: z.enum(['distributor', 'psa']),
  /** `ingram`, `pax8`, `sherweb`, `synnex`, or a PSA (`connectwise`, `autotask`, `halo`). */
  vendor: z.string().min(1),
  /** What the caller's resolver looks the secret up by, e.g. `vault:tenant-7/ingram`. */
  credentialRef: z.string().min(1),
  mode: z.enum(['full', 'incremental']).default('incremental'),
});

/** One sync: which tenant, which vendor or PSA, which credential (by reference), full or incremental. */
export type SyncJob = z.output<typeof JobSchema>;
export type SyncJobInput = z.input<typeof JobSchema>;

/**
 * Validates a job definition; a bad one is a ConfigurationError listing every problem.
 *
 * @example
 * parseSyncJob({ tenant: 't1', kind: 'distributor', vendor: 'ingram', credentialRef: 'vault:t1/ingram' }).mode // 'incremental'
 */
export function parseSyncJob(input: unknown): SyncJob {
  const r = JobSchema.safeParse(input);
  if (r.success) return r.data;
  throw new ConfigurationError({
    connector: 'scheduler',
    issues: r.error.issues.map((i) => ({ field: i.path.join('.') || 'job', message: i.message })),
  });
}

export interface WeeklySchedule {
  /** 0 = Sunday … 6 = Saturday, as cron counts. */
  weekday: number;
  /** Local time of day in the tenant's zone, `HH:MM`. */
  time: string;
  /** IANA time zone, e.g. `Europe/Berlin`; the schedule follows its daylight-saving changes. */
  timeZone: string;
}

/**
 * The cron expression of a weekly schedule (minute hour * * weekday), to be read in its time zone.
 *
 * @example
 * weeklyCron({ weekday: 1, time: '06:30', timeZone: 'Europe/Berlin' }) // '30 6 * * 1'
 */
export function weeklyCron(s: WeeklySchedule): string {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(s.time);
  const issues = [];
  if (!m) issues.push({ field: 'time', message: 'must be HH:MM (24 h), e.g. 06:30' });
  if (!Number.isInteger(s.weekday) || s.weekday < 0 || s.weekday > 6) issues.push({ field: 'weekday', message: 'must be 0 (Sunday) to 6 (Saturday)' });
  if (!validZone(s.timeZone)) issues.push({ field: 'timeZone', message: 'must be an IANA time zone such as Europe/Berlin' });
  if (issues.length || !m) throw new ConfigurationError({ connector: 'scheduler', issues });
  return `${Number(m[2])} ${Number(m[1])} * * ${s.weekday}`;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** The singleton key: one active job per credential, whatever tenant or mode. */
export function jobKey(job: SyncJob): string {
  return `cred:${job.credentialRef}`;
}

/**
 * The schedule key: one weekly schedule per tenant, vendor and credential (re-defining it replaces it).
 * pg-boss keys allow only `[A-Za-z0-9_./-]`, so other characters are replaced and a short hash of the
 * exact text keeps two references that differ only there apart.
 *
 * @example
 * scheduleKey(parseSyncJob({ tenant: 'acme', kind: 'psa', vendor: 'halo', credentialRef: 'vault:acme/halo' })) // 'acme/psa/halo/vault_acme/halo.' + 8 hex digits
 */
export function scheduleKey(job: SyncJob): string {
  const text = `${job.tenant}/${job.kind}/${job.vendor}/${job.credentialRef}`;
  const safe = text.replace(/[^A-Za-z0-9_./-]/g, '_');
  return safe === text ? text : `${safe}.${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
}
