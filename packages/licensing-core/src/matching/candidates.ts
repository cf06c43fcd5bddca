import type { PreparedCustomer, PreparedPsa } from './prepare';

/**
 * Blocking index over PSA companies, so each customer is compared with a handful of plausible rows
 * instead of all of them: exact tokens, one-deletion variants of tokens (typos), websites, compact
 * spellings (tenant and domain names, including truncated tenants) and stored external ids.
 */
export interface CandidateIndex {
  psa: PreparedPsa[];
  /** Inverse document frequency of a name token among PSA companies; rare tokens weigh more. */
  weight: (token: string) => number;
  /** How many PSA companies carry exactly this normalized name key. */
  keyCount: (key: string) => number;
  candidates: (customer: PreparedCustomer, limit: number) => number[];
}

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

function deletions(token: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < token.length; i++) out.push(token.slice(0, i) + token.slice(i + 1));
  return out;
}

/**
 * Builds the index once per run; `candidates()` is then cheap per customer.
 *
 * @example
 * const index = buildCandidateIndex(companies.map(preparePsa));
 * index.candidates(prepareCustomer(customer), 12);
 */
export function buildCandidateIndex(psa: PreparedPsa[]): CandidateIndex {
  const byToken = new Map<string, number[]>();
  const byDeletion = new Map<string, number[]>();
  const byDomain = new Map<string, number[]>();
  const byCompact = new Map<string, number[]>();
  const byRef = new Map<string, number[]>();
  const keys = new Map<string, number>();
  const tokenSets: Set<string>[] = [];
  const compactList: Array<[string, number]> = [];
  psa.forEach((p, i) => {
    const tokens = new Set(p.name.tokens);
    tokenSets.push(tokens);
    for (const t of tokens) {
      push(byToken, t, i);
      if (t.length >= 4) for (const d of new Set(deletions(t))) push(byDeletion, d, i);
    }
    if (p.website) push(byDomain, p.website, i);
    for (const c of new Set([...p.compacts, ...p.websiteLabels, ...p.acronyms])) {
      push(byCompact, c, i);
      compactList.push([c, i]);
    }
    push(byRef, p.id.toLowerCase(), i);
    for (const x of p.externalIds) push(byRef, x, i);
    keys.set(p.name.key, (keys.get(p.name.key) ?? 0) + 1);
  });
  compactList.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const n = Math.max(psa.length, 1);
  const idfCache = new Map<string, number>();
  const weight = (t: string): number => {
    let w = idfCache.get(t);
    if (w === undefined) {
      w = Math.log(1 + n / ((byToken.get(t)?.length ?? 0) + 1));
      idfCache.set(t, w);
    }
    return w;
  };
  // Tokens this common are only used to rank candidates found through rarer ones.
  const commonCut = Math.max(50, n * 0.02);

  const prefixHits = (label: string, add: (i: number, s: number) => void) => {
    let lo = 0;
    let hi = compactList.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compactList[mid]![0] < label) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo, seen = 0; k < compactList.length && compactList[k]![0].startsWith(label) && seen < 50; k++, seen++) {
      add(compactList[k]![1], 3);
    }
  };

  const candidates = (c: PreparedCustomer, limit: number): number[] => {
    const score = new Map<number, number>();
    const pinned = new Set<number>();
    const add = (i: number, s: number) => score.set(i, (score.get(i) ?? 0) + s);
    const pin = (list: number[] | undefined) => list?.forEach((i) => (pinned.add(i), add(i, 100)));
    if (c.externalRef) pin(byRef.get(c.externalRef));
    for (const d of c.domains) pin(byDomain.get(d));
    for (const label of [...c.tenants, ...c.domainLabels]) {
      byCompact.get(label)?.forEach((i) => add(i, 5));
      if (label.length >= 6) prefixHits(label, add);
    }
    const common: string[] = [];
    for (const t of new Set(c.name.tokens)) {
      const list = byToken.get(t);
      if (list && list.length > commonCut) common.push(t);
      else list?.forEach((i) => add(i, weight(t)));
      if (t.length < 3) continue;
      // One edit either side: a PSA token with one more letter, one fewer, or one different/swapped.
      const typoHits = new Set<number>(byDeletion.get(t) ?? []);
      if (t.length >= 4) for (const d of deletions(t)) {
        byToken.get(d)?.forEach((i) => typoHits.add(i));
        byDeletion.get(d)?.forEach((i) => typoHits.add(i));
      }
      if (typoHits.size <= commonCut) for (const i of typoHits) if (!tokenSets[i]!.has(t)) add(i, 0.8 * weight(t));
    }
    if (score.size === 0) {
      for (const t of common) byToken.get(t)!.forEach((i) => add(i, weight(t)));
    } else {
      for (const [i] of score) for (const t of common) if (tokenSets[i]!.has(t)) add(i, weight(t));
    }
    const ranked = [...score].sort((a, b) => b[1] - a[1]).map(([i]) => i);
    const out = [...pinned];
    for (const i of ranked) {
      if (out.length >= limit + pinned.size) break;
      if (!pinned.has(i)) out.push(i);
    }
    return out;
  };

  return { psa, weight, keyCount: (key) => keys.get(key) ?? 0, candidates };
}
