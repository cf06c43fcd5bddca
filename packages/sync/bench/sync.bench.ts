// Sync throughput and memory: N subscription lines from an in-process fake connector (no HTTP)
// into SQLite (file, WAL) and PostgreSQL (when VECTIS_PG_URL is set). Each scenario runs in a
// fresh child process so peak RSS belongs to it alone. The baseline drains the same connector
// without storing, so figures read as ratios measured in the same run on the same machine.
// Run: npm run bench sync   (builds first; this file imports @vectis/sync from dist/)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresStore, createSqliteStore, runSync } from '@vectis/sync';

const PAGE = 100;
const PG_URL = process.env.VECTIS_PG_URL;

function line(i: number) {
  const parent = `s${String(Math.floor(i / 2)).padStart(7, '0')}`;
  return {
    vendor: 'ingram_micro', externalId: `${parent}:p${i % 2}`, parentExternalId: parent,
    customerExternalId: `c${String(i % 1000).padStart(6, '0')}`, sku: `SKU-${i % 97}`, productName: `Product ${i % 97}`,
    quantity: (i % 25) + 1, unitCost: { amount: `${(i % 9) + 1}.989`, currency: 'USD' }, unitPrice: { amount: '12.10', currency: 'USD' },
    amountBasis: 'unit', pricePeriod: 'P1M', billingFrequency: 'monthly', commitmentTerm: 'P1Y', recurring: true,
    status: 'active', rawStatus: 'active', startDate: '2026-01-01', raw: { id: i, products: [{ mpn: `SKU-${i % 97}`, quantity: (i % 25) + 1 }] },
  };
}

function customer(i: number) {
  return { vendor: 'ingram_micro', externalId: `c${String(i).padStart(6, '0')}`, name: `Customer ${i}`, status: 'active', raw: { id: i } };
}

// Pages are generated lazily: no whole-tenant array exists anywhere, here or in the sync.
async function* pages(stream: string, total: number, make: (i: number) => unknown) {
  const count = Math.max(1, Math.ceil(total / PAGE));
  for (let p = 0; p < count; p++) {
    const items = [];
    for (let i = p * PAGE; i < Math.min(total, (p + 1) * PAGE); i++) items.push(make(i));
    await Promise.resolve();
    yield p === count - 1 ? { items, coverage: { stream, fetched: total, pages: count, duplicatesDropped: 0, complete: true } } : { items };
  }
}

function fakeConnector(lines: number) {
  const customers = Math.min(1000, Math.ceil(lines / 5));
  return {
    id: 'bench', vendor: 'ingram_micro', label: 'Bench',
    capabilities: { customers: true, subscriptions: true, seatSnapshots: 'purchased_quantity', incremental: false, stub: false },
    testConnection: async () => ({ ok: true, vendor: 'ingram_micro', message: 'ok', details: {} }),
    listCustomers: () => pages('customers', customers, customer),
    listSubscriptions: () => pages('subscriptions', lines, line),
    listSeatSnapshots: () => pages('seat_snapshots', 0, line),
    dispose: async () => undefined,
  } as never;
}

/** Child: one scenario, prints one JSON line. */
async function child(kind: string, lines: number): Promise<void> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const timer = setInterval(sample, 5);
  const dir = mkdtempSync(join(tmpdir(), 'vectis-bench-'));
  const connector = fakeConnector(lines);
  const store =
    kind === 'sqlite' ? await createSqliteStore({ path: join(dir, 'bench.db') })
    : kind === 'postgres' ? await createPostgresStore({ connectionString: PG_URL, schema: `bench_${process.pid}` })
    : undefined;
  (globalThis as { gc?: () => void }).gc?.();
  sample();
  const start = process.hrtime.bigint();
  if (store) {
    const result = await runSync({ connectors: [connector], store, now: new Date('2026-11-26T00:00:00Z'), onProgress: sample });
    if (result.status !== 'succeeded') throw new Error(`bench run ${result.status}`);
  } else {
    const c = connector as { listCustomers(): AsyncIterable<unknown>; listSubscriptions(): AsyncIterable<unknown> };
    for await (const _ of c.listCustomers()) sample();
    for await (const _ of c.listSubscriptions()) sample();
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  clearInterval(timer);
  sample();
  // What the run left behind once garbage is collected (the store still open): flat if nothing accumulates.
  (globalThis as { gc?: () => void }).gc?.();
  const retainedHeapMb = process.memoryUsage().heapUsed / 2 ** 20;
  if (kind === 'postgres' && store) {
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS bench_${process.pid} CASCADE`);
    await client.end();
  }
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ kind, lines, ms, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20, retainedHeapMb }));
}

interface Figure { kind: string; lines: number; ms: number; peakRssMb: number; peakHeapMb: number; retainedHeapMb: number }

function run(kind: string, lines: number): Figure {
  const r = spawnSync(process.execPath, ['--expose-gc', import.meta.filename, kind, String(lines)], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`${kind} ${lines} failed: ${r.stderr}`);
  const last = r.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Figure;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main(): Promise<void> {
  const kinds = ['baseline', 'sqlite', ...(PG_URL ? ['postgres'] : [])];
  if (!PG_URL) console.log('postgres: skipped: no PostgreSQL (set VECTIS_PG_URL, e.g. eval "$(bash scripts/postgres.sh)")');
  const rows: string[] = [];
  const at5k: Record<string, Figure> = {};
  for (const kind of kinds) {
    const runs = [run(kind, 5000), run(kind, 5000), run(kind, 5000)];
    const ms = median(runs.map((f) => f.ms));
    at5k[kind] = { ...runs[0]!, ms, peakRssMb: Math.max(...runs.map((f) => f.peakRssMb)), peakHeapMb: Math.max(...runs.map((f) => f.peakHeapMb)) };
  }
  const base = at5k.baseline!;
  for (const kind of kinds) {
    const f5 = at5k[kind]!;
    const f50 = run(kind, 50_000);
    const rate = (f: Figure) => Math.round(f.lines / (f.ms / 1000));
    rows.push(
      `${kind.padEnd(9)} 5k: ${rate(f5).toString().padStart(8)} lines/s (${(f5.ms / base.ms).toFixed(1)}x baseline time)  ` +
        `peak RSS ${f5.peakRssMb.toFixed(0)} MB, heap ${f5.peakHeapMb.toFixed(0)} MB, retained ${f5.retainedHeapMb.toFixed(1)} MB | ` +
        `50k: ${rate(f50)} lines/s, peak RSS ${f50.peakRssMb.toFixed(0)} MB, heap ${f50.peakHeapMb.toFixed(0)} MB, ` +
        `retained ${f50.retainedHeapMb.toFixed(1)} MB (retained 50k/5k = ${(f50.retainedHeapMb / f5.retainedHeapMb).toFixed(2)})`,
    );
  }
  console.log('sync of N subscription lines (+ N/5 customers, max 1000), page size 100, median of 3 runs at 5k');
  for (const r of rows) console.log(r);
}

if (process.argv[2]) await child(process.argv[2], Number(process.argv[3]));
else await main();
