// Customer-matching CLI, run as
//   npm run bench:match -- --psa <psa.json> --distributor <distributor.json> --out <predictions.json> [--truth <truth.json>]
//   npm run bench:match -- --synthetic <seed> [--companies 1000 --customers 900] [--save <dir>]   (generated held-out set)
// Reads data in the shared matching format, writes predictions in the scorer's format (auto links only),
// and with --truth prints precision/recall/F1 next to the naive fuse.js baseline run in the same process.
// Plain Node with type stripping: imports the built package (dist) and uses erasable TS only.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { fromMatchingRow, generateMatchingDataset, matchCustomers, scoreMatches, scoreReview, toMatchTable } from '@vectis/matching';
import type { MatchingRow, MatchTable, PsaCompany, VariationKind } from '@vectis/matching';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`match: cannot read ${what} file ${path}: ${(e as Error).message}. Pass a JSON file in the shared matching format.`);
    process.exit(2);
  }
}

/** The naive baseline from the data README: fuse.js over names, threshold 0.4, best hit linked. */
export function naiveFuse(rows: readonly MatchingRow[], psa: readonly PsaCompany[]): MatchTable {
  const fuse = new Fuse(psa as PsaCompany[], { keys: ['name'], threshold: 0.4, includeScore: true });
  const matches: MatchTable['matches'] = {};
  for (const row of rows) matches[row.id] = fuse.search(row.name, { limit: 1 })[0]?.item.id ?? null;
  return { matches };
}

const psaPath = arg('psa');
const distPath = arg('distributor');
const outPath = arg('out');
const truthPath = arg('truth');
const seed = arg('synthetic');
let psa: PsaCompany[];
let rows: MatchingRow[];
let truth: MatchTable | undefined;
let kinds: Record<string, VariationKind> | undefined;
if (seed !== undefined) {
  const data = generateMatchingDataset({ seed: Number(seed), companies: Number(arg('companies') ?? 1000), customers: Number(arg('customers') ?? 900) });
  [psa, rows, truth, kinds] = [data.psa, data.distributor, data.truth, data.kinds];
  const dir = arg('save');
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'psa.json'), JSON.stringify(data.psa, null, 1));
    writeFileSync(join(dir, 'distributor.json'), JSON.stringify(data.distributor, null, 1));
    writeFileSync(join(dir, 'truth.json'), JSON.stringify(data.truth, null, 1));
    console.log(`saved the synthetic set (seed ${seed}) to ${dir}`);
  }
} else if (psaPath && distPath) {
  psa = readJson(psaPath, 'PSA') as PsaCompany[];
  rows = readJson(distPath, 'distributor') as MatchingRow[];
  if (truthPath) truth = readJson(truthPath, 'truth') as MatchTable;
} else {
  console.error('usage: npm run bench:match -- --psa <psa.json> --distributor <distributor.json> [--out <predictions.json>] [--truth <truth.json>]\n' +
    '       npm run bench:match -- --synthetic <seed> [--companies N] [--customers M] [--save <dir>]');
  process.exit(2);
}

const t0 = performance.now();
const results = matchCustomers(rows.map(fromMatchingRow), psa);
const ms = performance.now() - t0;
const table = toMatchTable(results);
const tiers = { auto: 0, review: 0, none: 0 };
for (const r of results) tiers[r.tier]++;
console.log(`matched ${rows.length} customers against ${psa.length} PSA companies in ${ms.toFixed(0)} ms: ${tiers.auto} auto, ${tiers.review} review, ${tiers.none} none`);
if (outPath) {
  writeFileSync(outPath, `${JSON.stringify(table, null, 2)}\n`);
  console.log(`wrote ${outPath}`);
}
if (truth) {
  const f = (x: number) => x.toFixed(4);
  const line = (label: string, s: ReturnType<typeof scoreMatches>) =>
    console.log(`${label.padEnd(16)} F1=${f(s.f1)} precision=${f(s.precision)} recall=${f(s.recall)}  (links ${s.predicted}, correct ${s.correct}, wrong ${s.wrongLink}, false on unmatched ${s.falseOnUnmatched})`);
  const n0 = performance.now();
  const naive = naiveFuse(rows, psa);
  const naiveMs = performance.now() - n0;
  line('vectis (auto)', scoreMatches(truth, table));
  line('naive fuse.js', scoreMatches(truth, naive));
  console.log(`time: vectis ${ms.toFixed(0)} ms, naive fuse.js ${naiveMs.toFixed(0)} ms (ratio ${(naiveMs / ms).toFixed(1)}x)`);
  const rv = scoreReview(truth, results);
  console.log(`review tier: ${rv.reviewRows} rows; true link first in ${rv.first}/${rv.withTrueLink} (${(rv.firstRate * 100).toFixed(1)}%), among the candidates in ${rv.inCandidates}/${rv.withTrueLink}`);
  if (kinds) {
    // Per variation kind: how many rows came out right (linked to the true company, or left unlinked for neg-*).
    const per = new Map<string, { n: number; right: number; wrong: number }>();
    for (const r of results) {
      const k = kinds[r.distributorId] ?? 'unknown';
      const e = per.get(k) ?? { n: 0, right: 0, wrong: 0 };
      const p = r.tier === 'auto' ? String(r.psaId) : 'null';
      const t = String(truth.matches[r.distributorId] ?? null);
      per.set(k, { n: e.n + 1, right: e.right + (p === t ? 1 : 0), wrong: e.wrong + (p !== 'null' && p !== t ? 1 : 0) });
    }
    for (const [k, e] of [...per].sort()) console.log(`  ${k.padEnd(20)} ${e.right}/${e.n} right${e.wrong ? `, ${e.wrong} wrong link(s)` : ''}`);
  }
  if (process.argv.includes('--explain')) {
    for (const r of results) {
      const t = truth.matches[r.distributorId];
      const p = r.tier === 'auto' ? r.psaId : null;
      if (String(t ?? null) === String(p ?? null)) continue;
      const kind = p === null ? 'MISSED' : t === null || t === undefined ? 'FALSE' : 'WRONG';
      console.log(`${kind} ${r.distributorId} "${r.distributorName}" -> ${String(r.psaId)} [${r.tier} ${r.score}] truth=${String(t)}`);
      for (const reason of r.reasons) console.log(`    ${reason.effect} ${reason.signal}: ${reason.detail}`);
    }
  }
}
