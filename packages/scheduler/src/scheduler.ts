import { isAuthenticationError, isConfigurationError, isVectisError, type ProgressEvent, type RateBudget } from '@vectis/connector-core';
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { createPgRateBudget } from './budget';
import { DEAD_LETTER_QUEUE, jobKey, parseSyncJob, scheduleKey, SYNC_QUEUE, type SyncJob, type SyncJobInput, type WeeklySchedule, weeklyCron } from './jobs';
import type { SchedulerLogger } from './log';

/** What the caller's resolver returns for a credential reference, at run time only. */
export interface ResolvedCredential {
  /** The secret material the connector needs (passed through to `execute`, never stored by the scheduler). */
  secrets: Record<string, string>;
  /** The vendor's rate limit for this credential; the budget paces every worker on it to this. */
  rateLimit: { limit: number; intervalMs: number };
}

export interface CredentialResolver {
  resolve(ref: string): Promise<ResolvedCredential>;
  /** Persists a rotated refresh token (TD SYNNEX rotates it on every use). */
  saveRefreshToken?(ref: string, refreshToken: string): Promise<void>;
}

/** What `execute` gets for one attempt of one job. */
export interface JobContext {
  credential: ResolvedCredential;
  /** Pass as the connector's `pacing`: shared by every worker on this credential. */
  budget: RateBudget;
  /** Aborted when the worker stops or the job expires. */
  signal: AbortSignal;
  /** Save a rotated refresh token through the resolver. */
  saveRefreshToken(refreshToken: string): Promise<void>;
  /** Forward connector progress events; they become `vectis.job.progress` log events. */
  onProgress(event: ProgressEvent): void;
  attempt: number;
}

export interface SchedulerOptions {
  connectionString: string;
  /** Schema for pg-boss's tables and the budget table (default `vectis_scheduler`). */
  schema?: string;
  resolver: CredentialResolver;
  /** Runs one sync (typically `runSync` with connectors built from the context); must be idempotent (jobs are at-least-once). */
  execute(job: SyncJob, ctx: JobContext): Promise<Record<string, number | string> | void>;
  log?: SchedulerLogger;
  /** Transient failures: retries with exponential backoff (default 4 retries from 30 s, at most 15 min apart). */
  retry?: { limit?: number; delaySeconds?: number; maxDelaySeconds?: number };
  /** A job active longer than this is presumed dead (worker killed) and retried (default 3600 s). */
  expireInSeconds?: number;
  /** Extra pg-boss constructor options (intervals in tests). */
  boss?: Record<string, unknown>;
}

export interface DeadLetter {
  job: SyncJob;
  error: string;
  message: string;
  remedy: string | undefined;
  correlationId: string | undefined;
}

/**
 * Scheduled and on-demand syncs on pg-boss: one active job per credential, retries with backoff for
 * transient failures, configuration and authentication failures dead-lettered at once with their remedy.
 *
 * @example
 * const scheduler = createScheduler({ connectionString, resolver, execute: (job, ctx) => runMySync(job, ctx) });
 * await scheduler.start();
 * await scheduler.scheduleWeekly(job, { weekday: 1, time: '06:00', timeZone: 'Europe/Berlin' });
 * await scheduler.work({ concurrency: 4 });
 */
export function createScheduler(o: SchedulerOptions) {
  const schema = o.schema ?? 'vectis_scheduler';
  const log: SchedulerLogger = o.log ?? (() => undefined);
  const boss = new PgBoss({ connectionString: o.connectionString, schema, ...o.boss });
  const pool = new pg.Pool({ connectionString: o.connectionString, max: 4 });
  boss.on('error', (error: Error) => log({ name: 'vectis.job.failed', severity: 'ERROR', attributes: { 'error.type': 'pg-boss', 'exception.message': error.message } }));
  const retry = { limit: o.retry?.limit ?? 4, delay: o.retry?.delaySeconds ?? 30, max: o.retry?.maxDelaySeconds ?? 900 };

  const attrs = (job: SyncJob, id?: string) => ({
    'messaging.system': 'pg-boss',
    'messaging.destination.name': SYNC_QUEUE,
    'messaging.message.id': id,
    'vectis.tenant': job.tenant,
    'vectis.kind': job.kind,
    'vectis.vendor': job.vendor,
    'vectis.credential_ref': job.credentialRef,
    'vectis.mode': job.mode,
  });

  async function handle(id: string, data: unknown, attempt: number, signal: AbortSignal) {
    let job: SyncJob;
    try {
      job = parseSyncJob(data);
    } catch (error) {
      // A malformed job (sent by hand, or by an older version) can never succeed: dead-letter it, do not retry.
      const info = describe(error);
      await boss.send(DEAD_LETTER_QUEUE, { job: data as SyncJob, ...info } satisfies DeadLetter);
      log({ name: 'vectis.job.dead_lettered', severity: 'ERROR', attributes: { 'messaging.message.id': id, 'error.type': info.error, 'exception.message': info.message } });
      return { outcome: 'dead-lettered', error: info.error, remedy: info.remedy ?? '' };
    }
    log({ name: 'vectis.job.started', severity: 'INFO', attributes: { ...attrs(job, id), 'vectis.attempt': attempt } });
    try {
      const credential = await o.resolver.resolve(job.credentialRef);
      const budget = createPgRateBudget({ pool, schema, credential: job.credentialRef, ...credential.rateLimit });
      const ctx: JobContext = {
        credential,
        budget,
        signal,
        attempt,
        saveRefreshToken: async (token) => {
          if (!o.resolver.saveRefreshToken) throw new Error('the credential resolver cannot store rotated refresh tokens (add saveRefreshToken)');
          await o.resolver.saveRefreshToken(job.credentialRef, token);
        },
        onProgress: (e) => log({ name: 'vectis.job.progress', severity: 'INFO', attributes: { ...attrs(job, id), ...flat(e) } }),
      };
      const counts = (await o.execute(job, ctx)) ?? {};
      log({ name: 'vectis.job.completed', severity: 'INFO', attributes: { ...attrs(job, id), ...prefixed(counts) } });
      return { outcome: 'completed', ...counts };
    } catch (error) {
      const info = describe(error);
      if (isConfigurationError(error) || isAuthenticationError(error)) {
        // Retrying cannot fix a wrong option or a refused credential, and retries would hammer the vendor's login.
        await boss.send(DEAD_LETTER_QUEUE, { job, ...info } satisfies DeadLetter);
        log({ name: 'vectis.job.dead_lettered', severity: 'ERROR', attributes: { ...attrs(job, id), 'error.type': info.error, 'exception.message': info.message, 'vectis.remedy': info.remedy } });
        return { outcome: 'dead-lettered', error: info.error, remedy: info.remedy ?? '' };
      }
      log({ name: 'vectis.job.failed', severity: 'WARN', attributes: { ...attrs(job, id), 'error.type': info.error, 'exception.message': info.message, 'vectis.attempt': attempt } });
      throw error;
    }
  }

  return {
    boss,
    async start(): Promise<void> {
      await boss.start();
      await boss.createQueue(DEAD_LETTER_QUEUE, { retentionSeconds: 30 * 86_400, deleteAfterSeconds: 0 });
      await boss.createQueue(SYNC_QUEUE, {
        // One active job per singleton key (the credential); more may wait.
        policy: 'singleton',
        retryLimit: retry.limit,
        retryDelay: retry.delay,
        retryBackoff: true,
        retryDelayMax: retry.max,
        expireInSeconds: o.expireInSeconds ?? 3_600,
        deadLetter: DEAD_LETTER_QUEUE,
      });
    },
    /** Runs one sync as soon as a worker (and the credential) is free. */
    async enqueue(input: SyncJobInput): Promise<string | null> {
      const job = parseSyncJob(input);
      const id = await boss.send(SYNC_QUEUE, job, { singletonKey: jobKey(job) });
      log({ name: 'vectis.job.enqueued', severity: 'INFO', attributes: attrs(job, id ?? undefined) });
      return id;
    },
    /** A weekly sync at the tenant's local day and time; calling it again replaces the schedule. */
    async scheduleWeekly(input: SyncJobInput, when: WeeklySchedule): Promise<void> {
      const job = parseSyncJob(input);
      const cron = weeklyCron(when);
      await boss.schedule(SYNC_QUEUE, cron, job, { tz: when.timeZone, key: scheduleKey(job), singletonKey: jobKey(job) });
      log({ name: 'vectis.job.scheduled', severity: 'INFO', attributes: { ...attrs(job), 'vectis.cron': cron, 'vectis.time_zone': when.timeZone } });
    },
    /**
     * Starts `concurrency` job loops in this process (each takes one job at a time). A loop that has
     * just finished a job asks for the next one at once; only a loop that found the queue empty waits
     * `pollingIntervalSeconds` (default 2 s) before asking again.
     */
    async work(w: { concurrency?: number; pollingIntervalSeconds?: number } = {}): Promise<void> {
      const options = { localConcurrency: 1, pollingIntervalSeconds: w.pollingIntervalSeconds ?? 2, batchSize: 1 };
      // pg-boss's loop sleeps `interval − job duration` after every job, even with a backlog (its burst
      // modes need batchSize > 1 or the queue-stats cache, up to minutes stale). A job shorter than the
      // interval (an incremental sync with nothing new) then cost a whole interval per job: 2.5× the
      // pacing floor in the scale bench. Waking our own loop once a job ends skips that one sleep.
      // One pg-boss worker per loop, so each handler knows the id of the loop that runs it.
      for (let i = 0; i < Math.max(1, w.concurrency ?? 1); i++) {
        let id: string | undefined;
        id = await boss.work<unknown>(SYNC_QUEUE, options, async ([job]) => {
          try {
            return job ? await handle(job.id, job.data, job.retryCount, job.signal) : undefined;
          } finally {
            if (id) boss.notifyWorker(id);
          }
        });
      }
    },
    /** Jobs that were dead-lettered, newest last, with the remedy to apply before re-running them. */
    async deadLetters(): Promise<DeadLetter[]> {
      const jobs = await boss.findJobs<DeadLetter>(DEAD_LETTER_QUEUE);
      return jobs.map((j) => j.data);
    },
    async stop(options: { graceful?: boolean; timeout?: number } = {}): Promise<void> {
      await boss.stop({ graceful: options.graceful ?? true, timeout: options.timeout ?? 30_000 });
      await pool.end();
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;

function describe(error: unknown): Omit<DeadLetter, 'job'> {
  if (isVectisError(error)) return { error: error.name, message: error.message, remedy: error.remedy, correlationId: error.correlationId };
  const e = error instanceof Error ? error : new Error(String(error));
  return { error: e.name, message: e.message, remedy: undefined, correlationId: undefined };
}

function flat(e: ProgressEvent): Record<string, string | number | boolean | undefined> {
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const [k, v] of Object.entries(e)) if (typeof v !== 'object') out[`vectis.progress.${k}`] = v as string | number | boolean | undefined;
  return out;
}

function prefixed(counts: Record<string, number | string>): Record<string, number | string> {
  return Object.fromEntries(Object.entries(counts).map(([k, v]) => [`vectis.run.${k}`, v]));
}
