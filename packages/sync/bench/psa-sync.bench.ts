// A 1,000-company ConnectWise PSA (4 lines per company) synced into the store with runSync, against
// the baseline of the same reader draining both streams without a store, measured in the same run:
// the ratio is what storing costs on top of reading (the in-process sandbox answers without a rate
// limit, so reading is as fast as it gets and the ratio is an upper bound). A second sync of the
// unchanged PSA shows the unchanged-row path. Figures are the best of three runs.
// Run: npm run bench psa-sync   (builds first; imports the built packages)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createConnectWiseReader } from '@vectis/psa-connectwise';
import { CONNECTWISE_SANDBOX_CREDENTIALS, createConnectWiseSandbox } from '@vectis/psa-connectwise/sandbox';
import { createSqliteStore, runSync } from '@vectis/sync';

const COMPANIES = Number(process.env.BENCH_PSA_COMPANIES ?? 1000);
const sandbox = createConnectWiseSandbox({ companies: COMPANIES, linesPerCompany: 4, seed: 7 });
// defaultCurrency: the generated tenant has agreements without a currency, which would otherwise be rejected.
const reader = () =>
  createConnectWiseReader({ ...CONNECTWISE_SANDBOX_CREDENTIALS, site: sandbox.baseUrl, fetch: sandbox.fetch, pacing: false, defaultCurrency: 'USD' });

async function readOnly(): Promise<{ ms: number; records: number }> {
  const r = reader();
  const t = performance.now();
  let records = 0;
  for await (const b of r.listCompanies()) records += b.items.length;
  for await (const b of r.listContractLines()) records += b.items.length;
  const ms = performance.now() - t;
  await r.dispose();
  return { ms, records };
}

const dir = mkdtempSync(join(tmpdir(), 'vectis-bench-psa-'));
const store = await createSqliteStore({ path: join(dir, 'bench.db') });
try {
  const sync = async () => {
    const r = reader();
    const t = performance.now();
    const result = await runSync({ connectors: [], readers: [r], store });
    const ms = performance.now() - t;
    await r.dispose();
    const psa = result.readers[0];
    if (!psa || psa.status !== 'succeeded') throw new Error(`run ${result.status}: ${result.run.errors.map((e) => e.message).join('; ')}`);
    return { ms, psa };
  };
  // The machine is shared: each figure is the best of three (the first sync, by nature, runs once).
  await readOnly(); // warm-up: JIT and the sandbox's first requests
  const best = <T extends { ms: number }>(runs: T[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const base = best([await readOnly(), await readOnly(), await readOnly()]);
  const first = await sync();
  const again = best([await sync(), await sync(), await sync()]);
  const rows = first.psa.companies.inserted + first.psa.contractLines.inserted;
  console.log(`ConnectWise sandbox: ${COMPANIES} companies, ${rows - first.psa.companies.inserted} contract lines, ${first.psa.requests} requests per sync (SQLite file)`);
  console.log(`read only (baseline)   ${base.ms.toFixed(0).padStart(6)} ms  ${base.records} records`);
  console.log(`runSync, first         ${first.ms.toFixed(0).padStart(6)} ms  ${rows} rows inserted   ratio ${(first.ms / base.ms).toFixed(3)}x the read`);
  console.log(`runSync, unchanged     ${again.ms.toFixed(0).padStart(6)} ms  ${again.psa.companies.unchanged + again.psa.contractLines.unchanged} rows unchanged  ratio ${(again.ms / base.ms).toFixed(3)}x the read`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
