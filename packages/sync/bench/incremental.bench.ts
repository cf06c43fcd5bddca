// Week 2 of a 6,000-subscription Ingram tenant (issue 10, item 13): a full sync, then the next
// week's incremental sync (5 % of subscriptions changed; unchanged ones come from previousLines,
// one store lookup per subscription), into SQLite and PostgreSQL. The sandbox tenant answers
// over loopback HTTP without a rate limit, so the figures are the sync's and the store's own.
// The ratio incremental ÷ full is measured in the same run (goal ≤ 0.3). On SQLite the same
// scenario also runs as the code did before the fix (the old (vendor, parent_external_id) index,
// one lookup per subscription) as the baseline.
// Run: npm run bench incremental   (builds first; imports the built packages)
import { mkdtempSync, rmSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import { createPostgresStore, createSqliteStore, runSync } from '@vectis/sync';

const SUBSCRIPTIONS = Number(process.env.BENCH_SUBSCRIPTIONS ?? 6000);
const CUSTOMERS = Math.max(1, Math.round(SUBSCRIPTIONS / 6));
const PG_URL = process.env.VECTIS_PG_URL;

type Engine = 'sqlite' | 'sqlite-old-index' | 'postgres';

async function scenario(engine: Engine): Promise<{ fullMs: number; incMs: number; reused: number }> {
  const sandbox = createIngramSandbox({ customers: CUSTOMERS, subscriptions: SUBSCRIPTIONS, rateLimit: false, seed: 7 });
  const server = await sandbox.listen();
  const connect = () => {
    const c = createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: false, now: sandbox.now });
    if (engine !== 'sqlite-old-index') return c;
    // The code before the fix: one linesByParent query per subscription, on the old index.
    const list = c.listSubscriptions.bind(c);
    c.listSubscriptions = (o = {}) => list({ ...o, ...(o.previousLines ? { previousLines: (p: string) => store.linesByParent('ingram_micro', p) } : {}) });
    return c;
  };
  const dir = mkdtempSync(join(tmpdir(), 'vectis-bench-inc-'));
  const path = join(dir, 'bench.db');
  const schema = `bench_inc_${process.pid}`;
  const store = engine === 'postgres' ? await createPostgresStore({ connectionString: PG_URL, schema }) : await createSqliteStore({ path });
  if (engine === 'sqlite-old-index') {
    const raw = new DatabaseSync(path);
    raw.exec('DROP INDEX license_subscriptions_parent_line; CREATE INDEX license_subscriptions_parent ON license_subscriptions (vendor, parent_external_id)');
    raw.close();
  }
  try {
    const sync = async () => {
      const connector = connect();
      const t = performance.now();
      const result = await runSync({ connectors: [connector], store, now: new Date(sandbox.now()) });
      const ms = performance.now() - t;
      await connector.dispose();
      if (result.status !== 'succeeded') throw new Error(`${engine}: run ${result.status}: ${result.run.errors.map((e) => e.message).join('; ')}`);
      return { ms, result };
    };
    const full = await sync();
    sandbox.simulateWeek({ seatChanges: Math.round(SUBSCRIPTIONS * 0.05) - 3 });
    const inc = await sync();
    const reused = inc.result.vendors[0]?.subscriptions.unchanged ?? 0;
    return { fullMs: full.ms, incMs: inc.ms, reused };
  } finally {
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    if (engine === 'postgres') {
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  }
}

const engines: Engine[] = ['sqlite', 'sqlite-old-index', ...(PG_URL ? (['postgres'] as const) : [])];
if (!PG_URL) console.log('postgres: skipped: no PostgreSQL (set VECTIS_PG_URL, e.g. eval "$(bash scripts/postgres.sh)")');
console.log(`full sync, then next week's incremental sync: ${SUBSCRIPTIONS} subscriptions, ${CUSTOMERS} customers, 5 % changed`);
for (const engine of engines) {
  const r = await scenario(engine);
  const ratio = r.incMs / r.fullMs;
  console.log(
    `${engine.padEnd(17)} full ${(r.fullMs / 1000).toFixed(1).padStart(6)} s  incremental ${(r.incMs / 1000).toFixed(1).padStart(6)} s  ` +
      `incremental/full ${ratio.toFixed(3)}x ${engine === 'sqlite-old-index' ? '(baseline: the code before the fix)' : ratio <= 0.3 ? '(goal <= 0.3x: met)' : '(goal <= 0.3x: MISSED)'}  lines unchanged ${r.reused}`,
  );
}
