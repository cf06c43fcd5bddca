// Request cost of a full read of a 1,000-company Autotask tenant (companies, contract lines, catalog),
// in process against the sandbox. Baseline from the same run: the fewest requests the GET-only API allows
// (per entity: one count + ceil(rows/500) pages, plus the picklist and lookup calls), and the share of the
// per-database hourly budget (10,000, shared by every integration) the read uses.
//
// Run with `npm run bench psa-autotask` (builds first). Plain node with type stripping.
import { createAutotaskReader } from '@vectis/psa-autotask';
import { AUTOTASK_SANDBOX_CREDENTIALS, createAutotaskSandbox } from '@vectis/psa-autotask/sandbox';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 1000);
const LINES = Number(process.env.BENCH_LINES_PER_COMPANY ?? 4);
const AS_OF = '2026-11-20T10:00:00Z';

async function drain(stream: AsyncIterable<{ items: unknown[]; coverage?: { complete: boolean } | undefined }>) {
  let n = 0;
  let complete = false;
  for await (const b of stream) {
    n += b.items.length;
    if (b.coverage) complete = b.coverage.complete;
  }
  return { n, complete };
}

const sandbox = createAutotaskSandbox({ companies: COMPANIES, linesPerCompany: LINES });
const reader = createAutotaskReader({ ...AUTOTASK_SANDBOX_CREDENTIALS, zoneLookupUrl: `${sandbox.baseUrl}/atservicesrest`, fetch: sandbox.fetch, pacing: false });
const d = sandbox.data();
const bulk = (rows: number) => 1 + Math.max(1, Math.ceil(rows / 500));
const covering = (name: string) => (d[name] ?? []).filter((u) => String(u.startDate) <= AS_OF && String(u.endDate) >= AS_OF.slice(0, 10)).length;
const rows: Array<Record<string, string>> = [];
let before = 0;
for (const [stream, run, floor] of [
  // zone + ThresholdInformation + picklists + Countries + Companies
  ['companies', () => drain(reader.listCompanies()), 2 + 1 + bulk(d.Countries?.length ?? 0) + bulk(COMPANIES)],
  // 3 picklists + Currencies + Contracts + Services + ServiceBundles + both unit tables (as-of rows only) + both line tables
  ['contract lines', () => drain(reader.listContractLines({ asOf: AS_OF })), 3 + bulk(2) + bulk(d.Contracts?.length ?? 0) + bulk(d.Services?.length ?? 0) + bulk(1)
    + bulk(covering('ContractServiceUnits')) + bulk(covering('ContractServiceBundleUnits')) + bulk(d.ContractServices?.length ?? 0) + bulk(d.ContractServiceBundles?.length ?? 0)],
  ['products', () => drain(reader.listProducts()), bulk(2) + bulk(d.Services?.length ?? 0) + bulk(1) + bulk(d.Products?.length ?? 0)],
] as const) {
  const { n, complete } = await run();
  const used = reader.usage().requests - before;
  before = reader.usage().requests;
  rows.push({ stream, records: String(n), requests: String(used), floor: String(floor), ratio: `${(used / floor).toFixed(3)}×`, complete: String(complete) });
}
const total = reader.usage().requests;
const units = (d.ContractServiceUnits?.length ?? 0) + (d.ContractServiceBundleUnits?.length ?? 0);
console.log(`Autotask full read: ${COMPANIES} companies, ${d.Contracts?.length} contracts, ${(d.ContractServices?.length ?? 0) + (d.ContractServiceBundles?.length ?? 0)} lines, ${units} unit rows (all periods)`);
console.table(rows);
console.log(`total requests: ${total} = ${((total / 10_000) * 100).toFixed(2)}% of the hourly per-database budget; one request per contract would have been ≥ ${d.Contracts?.length}`);
await reader.dispose();
