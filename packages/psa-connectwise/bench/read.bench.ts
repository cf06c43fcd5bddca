// Request cost of a full read of a 1,000-company ConnectWise tenant (companies, contract lines, catalog),
// in process against the sandbox. The baseline, from the same run, is the fewest requests the API allows:
// count + ceil(rows/1000) per list, plus one additions call per agreement (no global additions list).
//
// Run with `npm run bench psa-connectwise` (builds first). Plain node with type stripping.
import { createConnectWiseReader } from '@vectis/psa-connectwise';
import { CONNECTWISE_SANDBOX_CREDENTIALS, createConnectWiseSandbox } from '@vectis/psa-connectwise/sandbox';

const COMPANIES = Number(process.env.BENCH_COMPANIES ?? 1000);
const LINES = Number(process.env.BENCH_LINES_PER_COMPANY ?? 4);

async function drain(stream: AsyncIterable<{ items: unknown[]; coverage?: { complete: boolean } | undefined }>) {
  let n = 0;
  let complete = false;
  for await (const b of stream) {
    n += b.items.length;
    if (b.coverage) complete = b.coverage.complete;
  }
  return { n, complete };
}

const sandbox = createConnectWiseSandbox({ companies: COMPANIES, linesPerCompany: LINES });
const reader = createConnectWiseReader({ ...CONNECTWISE_SANDBOX_CREDENTIALS, site: sandbox.baseUrl, fetch: sandbox.fetch, defaultCurrency: 'USD', pacing: false });
const t = sandbox.tenant();
const pages = (n: number) => Math.max(1, Math.ceil(n / 1000));
const rows: string[][] = [];
let before = 0;
for (const [stream, run, floor] of [
  ['companies', () => drain(reader.listCompanies()), 1 + 1 + pages(COMPANIES)], // + the discovery call
  ['contract lines', () => drain(reader.listContractLines()), 1 + 1 + pages(t.agreements.length) + t.agreements.length],
  ['products', () => drain(reader.listProducts()), 1 + pages(t.catalog.length)],
] as const) {
  const { n, complete } = await run();
  const used = reader.usage().requests - before;
  before = reader.usage().requests;
  rows.push([stream, String(n), String(used), String(floor), `${(used / floor).toFixed(3)}×`, String(complete)]);
}
console.log(`ConnectWise full read: ${COMPANIES} companies, ${t.agreements.length} agreements, ${LINES} lines per company`);
console.table(rows.map(([stream, records, requests, floor, ratio, complete]) => ({ stream, records, requests, floor, ratio, complete })));
console.log(`total requests: ${reader.usage().requests}`);
await reader.dispose();
