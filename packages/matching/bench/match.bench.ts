// Customer matching at scale: 20,000 distributor customers × 20,000 PSA companies (generated, with
// the same noise as the held-out set), timed end to end with peak heap, next to the naive fuse.js
// loop (names only, threshold 0.4, best hit) measured on a sample in the same run and extrapolated.
// Run by `npm run bench` with plain Node (type stripping), against the built package.
import Fuse from 'fuse.js';
import { fromMatchingRow, generateMatchingDataset, matchCustomers, scoreMatches, toMatchTable } from '@vectis/matching';
import type { PsaCompany } from '@vectis/matching';

const N = Number(process.env.MATCH_BENCH_N ?? 20_000);
const SAMPLE = Number(process.env.MATCH_BENCH_NAIVE_SAMPLE ?? 200);
const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const data = generateMatchingDataset({ seed: 20_000, companies: N, customers: N });
const customers = data.distributor.map(fromMatchingRow);
console.log(`data: ${data.psa.length} PSA companies, ${customers.length} distributor customers`);

gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let peak = heapBefore;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
const t0 = performance.now();
const results = matchCustomers(customers, data.psa);
const ms = performance.now() - t0;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().heapUsed);
const rss = process.memoryUsage().rss;

const s = scoreMatches(data.truth, toMatchTable(results));
const tiers = { auto: 0, review: 0, none: 0 };
for (const r of results) tiers[r.tier]++;
console.log(`vectis matchCustomers: ${(ms / 1000).toFixed(2)} s for ${N} × ${data.psa.length} (${tiers.auto} auto, ${tiers.review} review, ${tiers.none} none)`);
console.log(`  memory: heap +${mb(peak - heapBefore)} above the loaded data (peak heap ${mb(peak)}, rss ${mb(rss)})`);
console.log(`  quality on this set: F1=${s.f1.toFixed(4)} precision=${s.precision.toFixed(4)} recall=${s.recall.toFixed(4)}`);

// Naive baseline: one fuse.js search per customer over every PSA name; timed on a sample.
const fuse = new Fuse(data.psa as PsaCompany[], { keys: ['name'], threshold: 0.4 });
const sample = data.distributor.slice(0, SAMPLE);
const n0 = performance.now();
for (const row of sample) fuse.search(row.name, { limit: 1 });
const naiveMs = ((performance.now() - n0) / sample.length) * N;
console.log(`naive fuse.js loop: ${(naiveMs / 1000).toFixed(1)} s extrapolated from ${sample.length} customers`);
console.log(`ratio: naive / vectis = ${(naiveMs / ms).toFixed(0)}x (same run, same machine)`);
if (N === 20_000 && ms > 10_000) {
  console.error(`over budget: ${(ms / 1000).toFixed(2)} s > 10 s`);
  process.exitCode = 1;
}
