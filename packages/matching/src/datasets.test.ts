import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromMatchingRow, type MatchingRow } from './adapter';
import { scoreMatches, toMatchTable, type MatchTable } from './evaluate';
import { matchCustomers } from './match';
import { generateMatchingDataset } from './synthetic';
import type { PsaCompany } from './types';

// The labelled dev set lives in the repository (a byte-identical copy of ../shared/data/matching/dev,
// checked by scripts/check-fixtures.mjs), so a fresh clone needs nothing outside it.
const dev = join(dirname(fileURLToPath(import.meta.url)), '../test/fixtures/dev');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(dev, file), 'utf8')) as T;

describe('end to end on data sets', () => {
  it('dev set: auto links reach precision ≥ 0.995 and F1 ≥ 0.97', () => {
    expect(existsSync(dev), `dev fixture expected at ${dev}`).toBe(true);
    const psa = read<PsaCompany[]>('psa.json');
    const rows = read<MatchingRow[]>('distributor.json');
    const s = scoreMatches(read<MatchTable>('truth.json'), toMatchTable(matchCustomers(rows.map(fromMatchingRow), psa)));
    expect(s.precision).toBeGreaterThanOrEqual(0.995);
    expect(s.f1).toBeGreaterThanOrEqual(0.97);
  });

  it('synthetic held-out sets (names disjoint from dev): precision ≥ 0.995 on each, mean F1 ≥ 0.97', () => {
    const f1s = [1, 2, 3, 4].map((seed) => {
      const data = generateMatchingDataset({ seed });
      const s = scoreMatches(data.truth, toMatchTable(matchCustomers(data.distributor.map(fromMatchingRow), data.psa)));
      expect(s.precision, `seed ${seed}`).toBeGreaterThanOrEqual(0.995);
      return s.f1;
    });
    expect(f1s.reduce((a, b) => a + b, 0) / f1s.length).toBeGreaterThanOrEqual(0.97);
  });

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
