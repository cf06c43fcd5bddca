import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromMatchingRow, type MatchingRow } from './adapter';
import { scoreMatches, scoreReview, toMatchTable, type MatchTable } from './evaluate';
import { matchCustomers } from './match';
import { generateMatchingDataset, type VariationKind } from './synthetic';
import type { PsaCompany } from './types';

// The labelled dev set lives in the repository (a byte-identical copy of the workplace's shared matching dev set,
// checked by scripts/check-fixtures.mjs), so a fresh clone needs nothing outside it.
const dev = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/dev');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(dev, file), 'utf8')) as T;

// Seed 1 is the tuning seed (thresholds and weights were set on it); the others are held out.
// Every other seed is held out: 2–8 and 101–110 (their misses were analysed by kind, see docs/matching.md)
// and 201–210 (generated after the last rule change, never inspected).
const HELD_OUT = [2, 3, 4, 5, 6, 7, 8, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210];
const run = (seed: number) => {
  const data = generateMatchingDataset({ seed });
  const results = matchCustomers(data.distributor.map(fromMatchingRow), data.psa);
  return { data, results, score: scoreMatches(data.truth, toMatchTable(results)) };
};

describe('end to end on data sets', () => {
  it('dev set: auto links reach precision ≥ 0.995 and F1 ≥ 0.97', () => {
    expect(existsSync(dev), `dev fixture expected at ${dev}`).toBe(true);
    const psa = read<PsaCompany[]>('psa.json');
    const rows = read<MatchingRow[]>('distributor.json');
    const s = scoreMatches(read<MatchTable>('truth.json'), toMatchTable(matchCustomers(rows.map(fromMatchingRow), psa)));
    expect(s.precision).toBeGreaterThanOrEqual(0.995);
    expect(s.f1).toBeGreaterThanOrEqual(0.97);
  });

  // Issue 12's bar, on every held-out seed (not pooled): precision ≥ 0.995 and recall ≥ 0.95.
  it.each(HELD_OUT)('synthetic held-out seed %i (every variation kind): precision ≥ 0.995, recall ≥ 0.95', (seed) => {
    const { score } = run(seed);
    expect(score.precision).toBeGreaterThanOrEqual(0.995);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
  }, 30_000);

  it('no hard negative of any kind is linked, and every variation kind is mostly linked', () => {
    const { data, results } = run(2);
    const per = new Map<VariationKind, { n: number; linked: number; wrong: number }>();
    for (const r of results) {
      const kind = data.kinds[r.distributorId]!;
      const e = per.get(kind) ?? { n: 0, linked: 0, wrong: 0 };
      const truth = data.truth.matches[r.distributorId];
      if (r.tier === 'auto') String(r.psaId) === String(truth) ? e.linked++ : e.wrong++;
      per.set(kind, { ...e, n: e.n + 1 });
    }
    expect(per.size).toBeGreaterThanOrEqual(20);
    for (const [kind, e] of per) {
      expect(e.wrong, `${kind}: wrong links`).toBe(0);
      if (!kind.startsWith('neg-') && kind !== 'billing-elsewhere') expect(e.linked / e.n, `${kind}: linked share`).toBeGreaterThanOrEqual(0.8);
    }
  }, 30_000);

  it('review rows carry their candidates with reasons, and the true link is usually the first', () => {
    const { data, results } = run(3);
    const review = results.filter((r) => r.tier === 'review');
    expect(review.length).toBeGreaterThan(0);
    for (const r of review) expect(r.reasons.length + r.runnersUp.length).toBeGreaterThan(0);
    const s = scoreReview(data.truth, results);
    expect(s.firstRate).toBeGreaterThanOrEqual(0.8);
    expect(s.inCandidatesRate).toBeGreaterThanOrEqual(s.firstRate);
  }, 30_000);

  it('the generator is deterministic per seed and has customers without a PSA row', () => {
    const a = generateMatchingDataset({ seed: 9, companies: 50, customers: 40 });
    expect(generateMatchingDataset({ seed: 9, companies: 50, customers: 40 })).toEqual(a);
    expect(Object.values(a.truth.matches).filter((v) => v === null).length).toBe(6);
  });
});

describe('scoreMatches', () => {
  it('counts like the shared scorer (ids compare as strings, missing means null)', () => {
    const truth = { matches: { a: 1, b: null, c: 3, d: 4 } };
    const s = scoreMatches(truth, { matches: { a: '1', b: 2, c: 5 } });
    expect(s).toMatchObject({ predicted: 3, correct: 1, falseOnUnmatched: 1, wrongLink: 1, missed: 1, trueLinks: 3 });
    expect(s.precision).toBeCloseTo(1 / 3);
    expect(scoreMatches({ matches: {} }, { matches: {} })).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
