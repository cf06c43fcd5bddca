// `vectis jobs`: the scheduler's sync jobs (scheduled, queued, running, failed, dead-lettered),
// read-only from the pg-boss tables in PostgreSQL; the CLI never starts a worker or changes a job.
import { listJobs } from '@vectis/scheduler';
import type { Command } from 'commander';
import { EXIT, type Io } from '../io';

interface JobsOptions { pg?: string; schema?: string; all?: boolean; json?: boolean }

/**
 * Registers `vectis jobs` on the program; `done` receives the exit code.
 *
 * @example
 * registerJobsCommand(program, { io: () => io, env: process.env, done: (c) => (code = c) });
 */
export function registerJobsCommand(program: Command, ctx: { io: () => Io; env: NodeJS.ProcessEnv; done: (code: number) => void }): void {
  program
    .command('jobs')
    .description('List the scheduler\'s sync jobs: scheduled, queued, running, failed and dead-lettered (with the remedy)')
    .option('--pg <url>', 'the scheduler\'s PostgreSQL (env VECTIS_SCHEDULER_URL, else VECTIS_DB when it is postgres://…)')
    .option('--schema <name>', 'pg-boss schema (default vectis_scheduler)')
    .option('--all', 'include completed jobs')
    .option('--json', 'machine-readable output on stdout')
    .addHelpText('after', '\nExamples:\n  $ vectis jobs --pg postgres://vectis@db/vectis\n  $ vectis jobs --json --all\n')
    .action(async (o: JobsOptions) => ctx.done(await jobsCommand(ctx.io(), ctx.env, o)));
}

async function jobsCommand(io: Io, env: NodeJS.ProcessEnv, o: JobsOptions): Promise<number> {
  const fromDb = env.VECTIS_DB && /^postgres(ql)?:\/\//.test(env.VECTIS_DB) ? env.VECTIS_DB : undefined;
  const url = o.pg ?? env.VECTIS_SCHEDULER_URL ?? fromDb;
  if (!url) {
    io.err('[vectis] no scheduler database: pass --pg postgres://… or set VECTIS_SCHEDULER_URL (the PostgreSQL the workers use).');
    return EXIT.failed;
  }
  const jobs = await listJobs({ connectionString: url, ...(o.schema ? { schema: o.schema } : {}), completed: Boolean(o.all) });
  if (o.json) {
    io.out(JSON.stringify({ ok: true, jobs }));
    return EXIT.ok;
  }
  if (!jobs.length) io.out('No sync jobs.');
  for (const j of jobs) io.out([j.state.padEnd(13), (j.tenant ?? '?').padEnd(16), (j.vendor ?? '?').padEnd(10), j.at ?? '', j.detail].join(' ').trimEnd());
  return EXIT.ok;
}
