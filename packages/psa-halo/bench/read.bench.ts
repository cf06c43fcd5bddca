// Request cost of a full read of a 1,000-client HaloPSA instance (clients, recurring invoice lines, items),
// in process against the sandbox with its 100-row page cap. Baseline from the same run: the fewest
// requests the API allows (1 token + ceil(rows/100) per list + 1 Currency), and the share of the hosted
// budget (300 per rolling 5 minutes) the read uses.
//
// Run with `npm run bench psa-halo` (builds first). Plain node with type stripping.
import { createHaloReader } from '@vectis/psa-halo';
import { createHaloSandbox, HALO_SANDBOX_CREDENTIALS } from '@vectis/psa-halo/sandbox';

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

const sandbox = createHaloSandbox({ companies: COMPANIES, linesPerCompany: LINES, rateLimit: false });
const reader = createHaloReader({ ...HALO_SANDBOX_CREDENTIALS, resourceServer: `${sandbox.baseUrl}/api`, fetch: sandbox.fetch, defaultCurrency: 'USD', pacing: false });
const t = sandbox.tenant();
const pages = (n: number) => Math.max(1, Math.ceil(n / 100));
const rows: Array<Record<string, string>> = [];
let before = 0;
for (const [stream, run, floor] of [
  ['clients', () => drain(reader.listCompanies()), 1 + pages(COMPANIES)],
  ['recurring invoice lines', () => drain(reader.listContractLines()), 1 + pages(t.invoices.length)],
  ['items', () => drain(reader.listProducts()), pages(t.items.length)],
] as const) {
  const { n, complete } = await run();
  const used = reader.usage().requests - before;
  before = reader.usage().requests;
  rows.push({ stream, records: String(n), requests: String(used), floor: String(floor), ratio: `${(used / floor).toFixed(3)}×`, complete: String(complete) });
}
const total = reader.usage().requests;
console.log(`HaloPSA full read: ${COMPANIES} clients, ${t.invoices.length} recurring invoices, ${LINES} lines each`);
console.table(rows);
console.log(`total requests: ${total} = ${((total / 300) * 100).toFixed(1)}% of one hosted 5-minute window (300); at the default pacing (27 / 30 s) ≈ ${Math.ceil(total / 27) * 30} s`);
await reader.dispose();
