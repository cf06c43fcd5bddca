import type { MatchResult } from './types';

/**
 * Predictions or truth in the shared scorer format: distributor id → PSA id or null.
 *
 * @example
 * const truth: MatchTable = { matches: { 'pax8:1': 441793, 'pax8:2': null } };
 */
export interface MatchTable {
  matches: Record<string, string | number | null>;
}

/**
 * Precision, recall and F1 of predicted links against the truth, counted like the shared `score.mjs`.
 *
 * @example
 * const { precision, recall, f1 }: MatchScore = scoreMatches({ matches: { a: 1, b: null } }, { matches: { a: 1 } }); // 1, 1, 1
 */
export interface MatchScore {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  correct: number;
  trueLinks: number;
  falseOnUnmatched: number;
  wrongLink: number;
  missed: number;
}

/**
 * Turns results into the scorer's format; only `auto` links count as predictions.
 *
 * @example
 * toMatchTable(matchCustomers(customers, companies)) // { matches: { 'pax8:1': 7, 'pax8:2': null } }
 */
export function toMatchTable(results: readonly MatchResult[]): MatchTable {
  const matches: MatchTable['matches'] = {};
  for (const r of results) matches[r.distributorId] = r.tier === 'auto' ? r.psaId : null;
  return { matches };
}

/**
 * Scores predictions against truth (ids compare as strings; a missing prediction counts as null).
 *
 * @example
 * scoreMatches(truth, toMatchTable(results)).precision
 */
export function scoreMatches(truth: MatchTable, predicted: MatchTable): MatchScore {
  const norm = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const s = { predicted: 0, correct: 0, trueLinks: 0, falseOnUnmatched: 0, wrongLink: 0, missed: 0 };
  for (const [id, tv] of Object.entries(truth.matches)) {
    const t = norm(tv);
    const p = Object.hasOwn(predicted.matches, id) ? norm(predicted.matches[id]) : null;
    if (t !== null) s.trueLinks++;
    if (p !== null) s.predicted++;
    if (p !== null && p === t) s.correct++;
    else if (p !== null && t !== null) s.wrongLink++;
    else if (p !== null) s.falseOnUnmatched++;
    else if (t !== null) s.missed++;
  }
  const precision = s.predicted ? s.correct / s.predicted : 0;
  const recall = s.trueLinks ? s.correct / s.trueLinks : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, ...s };
}

/**
 * How well the review queue points at the right company: of the `review` rows whose customer has a
 * PSA row, how often the first candidate (`psaId`) is it, and how often it is among the candidates
 * shown (`psaId` or a runner-up).
 *
 * @example
 * const { firstRate, inCandidatesRate } = scoreReview(truth, matchCustomers(customers, companies));
 */
export interface ReviewScore {
  /** Review rows in the results. */
  reviewRows: number;
  /** Review rows whose customer has a PSA row in the truth. */
  withTrueLink: number;
  /** …of which the first candidate is the true PSA company. */
  first: number;
  /** …of which the true PSA company is among the candidates shown. */
  inCandidates: number;
  firstRate: number;
  inCandidatesRate: number;
}

/**
 * Scores the review tier against the truth (see {@link ReviewScore}).
 *
 * @example
 * scoreReview({ matches: { 'pax8:1': 7 } }, results).firstRate
 */
export function scoreReview(truth: MatchTable, results: readonly MatchResult[]): ReviewScore {
  let reviewRows = 0;
  let withTrueLink = 0;
  let first = 0;
  let inCandidates = 0;
  for (const r of results) {
    if (r.tier !== 'review') continue;
    reviewRows++;
    const t = truth.matches[r.distributorId];
    if (t === null || t === undefined) continue;
    withTrueLink++;
    if (String(r.psaId) === String(t)) first++;
    if (String(r.psaId) === String(t) || r.runnersUp.some((c) => String(c.psaId) === String(t))) inCandidates++;
  }
  const rate = (n: number) => (withTrueLink ? n / withTrueLink : 0);
  return { reviewRows, withTrueLink, first, inCandidates, firstRate: rate(first), inCandidatesRate: rate(inCandidates) };
}
