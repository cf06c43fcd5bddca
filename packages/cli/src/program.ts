// The `vectis` command tree (commander). Each action resolves settings, runs one command module
// and returns its exit code; every failure becomes one typed, scrubbed message.
import { Command, Option } from 'commander';
import { demoCommand } from './commands/demo';
import { registerJobsCommand } from './commands/jobs';
import { linksCommand, matchCommand } from './commands/match';
import { psaImportCommand } from './commands/psa-import';
import { REPORT_FORMATS, reportCommand } from './commands/report';
import { lockMessage, syncCommand } from './commands/sync';
import { testCommand } from './commands/test';
import { loadFileConfig, secretValues, type FileConfig } from './config';
import { createIo, describeError, EXIT, type Io } from './io';
import { VENDORS } from './lib';
import { PSA_FORMATS } from './psa-formats';
import { DEFAULT_DB, openStore, parseDb, psaFileFor } from './store';

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

interface Common { db?: string; config?: string; psaFile?: string; json?: boolean }

const examples = (lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;

/**
 * Runs the CLI with `argv` (without `node` and the script); resolves to the exit code.
 *
 * @example
 * process.exitCode = await runCli(['sync', '--db', 'sqlite:./vectis.db']);
 */
export async function runCli(argv: readonly string[], options: RunOptions = {}): Promise<number> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const streams = { ...(options.stdout ? { stdout: options.stdout } : {}), ...(options.stderr ? { stderr: options.stderr } : {}) };
  let io: Io = createIo({ ...streams, secrets: secretValues(env) });
  let json = argv.includes('--json');
  let code: number = EXIT.ok;

  const settings = (o: Common) => {
    const file: FileConfig = loadFileConfig(o.config, cwd);
    const db = parseDb(o.db ?? env.VECTIS_DB ?? file.db ?? DEFAULT_DB, cwd);
    return { file, db, psaFile: psaFileFor(db, o.psaFile ?? env.VECTIS_PSA_FILE ?? file.psaFile, cwd) };
  };
  const withStore = async (o: Common, fn: (store: Awaited<ReturnType<typeof openStore>>, s: ReturnType<typeof settings>) => Promise<number>) => {
    const s = settings(o);
    const store = await openStore(s.db, s.file.busyTimeoutMs);
    try {
      return await fn(store, s);
    } finally {
      await store.close();
    }
  };

  const program = new Command('vectis')
    .description('Read-only licensing data from cloud distributors: sync, PSA import, matching and the Money Found report.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .showHelpAfterError('(run vectis <command> --help for usage)');
  const common = (cmd: Command, store = true) => {
    if (store) cmd.option('--db <url>', `sqlite:<file> or postgres://… (env VECTIS_DB; default ${DEFAULT_DB})`).option('--psa-file <file>', 'where imported PSA data lives (default <db file>.psa.json)');
    return cmd.option('--config <file>', 'settings file (default ./vectis.config.json when present)').option('--json', 'machine-readable output on stdout');
  };

  common(program.command('test'), false)
    .description('Test the connection of each configured distributor (or the ones named)')
    .argument('[vendor...]', `${VENDORS.map((v) => v.id).join(', ')}`)
    .addHelpText('after', examples(['vectis test', 'vectis test ingram --json']))
    .action(async (vendors: string[], o: Common) => {
      const s = settings({ ...o, db: o.db ?? DEFAULT_DB });
      code = await testCommand(io, env, vendors, Boolean(o.json), s.file.connectors);
    });

  common(program.command('sync'))
    .description('Sync the configured distributors into the store (exit 0 succeeded, 2 partial, 1 failed)')
    .addOption(new Option('--vendor <id...>', 'only these vendors').choices(VENDORS.map((v) => v.id)))
    .option('--full', 'ignore stored checkpoints: read every stream from the start')
    .addHelpText('after', examples(['vectis sync', 'vectis sync --vendor ingram --db sqlite:/var/lib/vectis/vectis.db', 'vectis sync --db postgres://vectis@db/vectis --json']))
    .action(async (o: Common & { vendor?: string[]; full?: boolean }) => {
      const s = settings(o);
      const vendors = o.vendor ?? s.file.vendors ?? [];
      code = await syncCommand(io, env, () => openStore(s.db, s.file.busyTimeoutMs), { vendors, full: Boolean(o.full), json: Boolean(o.json), tuning: s.file.connectors }, s.db.display);
    });

  const psa = program.command('psa').description('PSA data (companies and contract lines)');
  common(psa.command('import'))
    .description('Import a PSA export (CSV or JSON): companies or contract lines; rejected rows are listed with line numbers')
    .argument('<file>', 'the export file (.csv or .json)')
    .addOption(new Option('--format <psa>', 'which PSA wrote the export').choices(PSA_FORMATS).makeOptionMandatory())
    .addOption(new Option('--kind <kind>', 'what the file holds (default: detected from the columns)').choices(['companies', 'contracts', 'auto']))
    .option('--currency <code>', 'currency of the prices when the export has no currency column, e.g. USD')
    .addHelpText('after', examples(['vectis psa import companies.csv --format connectwise', 'vectis psa import additions.csv --format connectwise --currency USD', 'vectis psa import clients.json --format halo --json']))
    .action(async (file: string, o: Common & { format: string; kind?: string; currency?: string }) => {
      const s = settings(o);
      code = await psaImportCommand(io, file, s.psaFile, { format: o.format, kind: o.kind, currency: o.currency, json: Boolean(o.json) });
    });

  common(program.command('match'))
    .description('Match distributor customers to PSA companies; manual decisions always win')
    .option('--review', 'list the review queue with candidates and reasons')
    .addHelpText('after', examples(['vectis match', 'vectis match --review']))
    .action(async (o: Common & { review?: boolean }) => {
      code = await withStore(o, (store, s) => matchCommand(io, store, s.psaFile, { review: Boolean(o.review), json: Boolean(o.json) }));
    });

  common(program.command('links'))
    .description('Record a decision that survives re-matching: confirm a link, reject a suggestion, or never link a pair')
    .argument('<action>', 'confirm | reject | never')
    .argument('<vendor>', VENDORS.map((v) => v.id).join(' | '))
    .argument('<customerId>', "the distributor's customer id")
    .argument('<psaCompanyId>', 'the PSA company id')
    .addHelpText('after', examples(['vectis links confirm ingram 1000007 19004', 'vectis links never ingram 1000007 19012']))
    .action(async (action: string, vendor: string, customerId: string, psaCompanyId: string, o: Common) => {
      code = await withStore(o, (store) => linksCommand(io, store, action, vendor, customerId, psaCompanyId, Boolean(o.json)));
    });

  common(program.command('report'))
    .description('The licensing report and Money Found digest from the store')
    .option('--week <isoWeek>', 'the week, e.g. 2026-W49 (default: the latest synced week)')
    .option('--format <format>', `output format: ${REPORT_FORMATS.join(', ')}`, 'table') // validated with --week, so both are reported at once
    .option('--out <file>', 'write to a file instead of stdout')
    .addHelpText('after', examples(['vectis report', 'vectis report --format html --out report.html', 'vectis report --week 2026-W49 --format csv --out findings.csv']))
    .action(async (o: Common & { week?: string; format: string; out?: string }) => {
      code = await withStore(o, (store, s) => reportCommand(io, store, s.psaFile, {
        week: o.week, format: o.format, out: o.out,
        policy: { minMarginPercent: s.file.policy?.minMarginPercent ?? '12', ...(s.file.policy?.minMarginBySku ? { minMarginBySku: s.file.policy.minMarginBySku } : {}) },
      }));
    });

  program.command('demo')
    .description('The whole flow on the built-in sandbox tenants into a temporary database (never real credentials)')
    .option('--keep', 'keep the temporary database and print its path')
    .option('--html <file>', 'also write the HTML report')
    .option('--json', 'machine-readable summary on stdout')
    .addHelpText('after', examples(['vectis demo', 'vectis demo --html demo-report.html --keep']))
    .action(async (o: { keep?: boolean; html?: string; json?: boolean }) => {
      // No secrets to scrub: the demo never reads credential variables.
      io = createIo({ ...streams, prefix: 'DEMO ', rawOut: Boolean(o.json) });
      code = await demoCommand(io, { keep: Boolean(o.keep), html: o.html, json: Boolean(o.json) });
    });

  registerJobsCommand(program, { io: () => io, env, done: (c) => void (code = c) });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    const c = (err as { code?: string; exitCode?: number }).code;
    if (c === 'commander.helpDisplayed' || c === 'commander.version' || c === 'commander.help') return EXIT.ok;
    if (typeof c === 'string' && c.startsWith('commander.')) return (err as { exitCode?: number }).exitCode ?? EXIT.failed;
    const locked = lockMessage(err);
    const d = describeError(err);
    const message = locked ? `[vectis] ${locked}` : d.message;
    json ||= false;
    if (json) io.out(JSON.stringify({ ok: false, error: { name: d.name, message, ...(d.correlationId ? { correlationId: d.correlationId } : {}), ...((err as { issues?: unknown }).issues ? { issues: (err as { issues?: unknown }).issues } : {}) } }));
    else io.err(message);
    return EXIT.failed;
  }
}
