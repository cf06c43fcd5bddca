import { nameParts } from './normalize';
import type { Weight } from './similarity';
import { ACRONYM_SUFFIXES, type PreparedCustomer, type PreparedPsa } from './prepare';

/**
 * Blocking index over PSA companies, so each customer is compared with a handful of plausible rows
 * instead of all of them: exact tokens, one-deletion variants of tokens (typos), websites, compact
 * spellings (tenant and domain names, including truncated tenants) and stored external ids.
 */
export interface CandidateIndex {
  psa: PreparedPsa[];
  /** Inverse document frequency of a name token among PSA companies; rare tokens weigh more. */
  weight: Weight;
  /** How many PSA companies carry exactly this normalized name key. */
  keyCount: (key: string) => number;
  /** How many PSA companies use this name token (0: the PSA vocabulary lacks it, e.g. a misspelling). */
  tokenCount: (token: string) => number;
  candidates: (customer: PreparedCustomer, limit: number) => number[];
}

// Words on at most this many PSA rows always seed candidates; up to `commonCut` only while fewer than
// SEED_ENOUGH candidates have been found by rarer words.
const SEED_CUT = 40;
const SEED_ENOUGH = 60;
// Typo neighbours are searched behind words on at most this many PSA rows (unknown words included).
const TYPO_SEARCH_MAX = 3;
// Candidates scoring below this share of the best unpinned candidate's blocking score are dropped.
const RELATIVE_FLOOR = 0.4;

/** A word's PSA typo neighbours: posting lists that seed candidates, and common words that only rank. */
type Neighbours = { seeding: number[][]; ranking: string[] };

function push(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

/** `cmmginc` is one of `cmmg`'s suffixed forms (the index keeps only `cmmg`). */
function isSuffixed(acronym: string, bare: ReadonlySet<string>): boolean {
  return ACRONYM_SUFFIXES.some((s) => acronym.endsWith(s) && bare.has(s === '' ? acronym : acronym.slice(0, -s.length)));
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
  // One-deletion variants of the PSA vocabulary → the tokens they came from (a SymSpell-style typo index).
  const byDeletion = new Map<string, string[]>();
  const byDomain = new Map<string, number[]>();
  const byCompact = new Map<string, number[]>();
  const byInitials = new Map<string, number[]>();
  const byRef = new Map<string, number[]>();
  const keys = new Map<string, number>();
  // Each row's tokens as small integer arrays: membership tests in the hot loops scan 2–6 ints
  // instead of hashing strings.
  const tokenId = new Map<string, number>();
  const rowTokens: Int32Array[] = [];
  psa.forEach((p, i) => {
    const tokens = new Set(nameParts(p.name).flatMap((x) => x.tokens));
    rowTokens.push(Int32Array.from(tokens, (t) => tokenId.get(t) ?? (tokenId.set(t, tokenId.size), tokenId.size - 1)));
    for (const t of tokens) {
      push(byToken, t, i);
    }
    if (p.website) push(byDomain, p.website, i);
    // Initials are stored bare; their legal-suffix forms (`cmmginc`) are found by stripping the suffix
    // from the tenant at query time: 13 fewer index entries per company.
    const bare = new Set(p.initials);
    for (const c of new Set([...p.compacts, ...p.websiteLabels, ...[...p.acronyms].filter((a) => !isSuffixed(a, bare))])) {
      push(byCompact, c, i);
    }
    for (const a of bare) push(byInitials, a, i);
    push(byRef, p.id.toLowerCase(), i);
    for (const x of p.externalIds) push(byRef, x, i);
    for (const key of new Set(nameParts(p.name).map((x) => x.key))) keys.set(key, (keys.get(key) ?? 0) + 1);
  });
  for (const t of byToken.keys()) {
    if (t.length < 4) continue;
    for (const d of new Set(deletions(t))) {
      const list = byDeletion.get(d);
      if (list === undefined) byDeletion.set(d, [t]);
      else list.push(t);
    }
  }
  // Distinct spellings in code-unit order (the built-in sort, no comparator: it dominated the index build).
  const sortedCompacts = [...byCompact.keys()].sort();
  const n = Math.max(psa.length, 1);
  const idfCache = new Map<string, number>();
  const weight: Weight = (t: string): number => {
    let w = idfCache.get(t);
    if (w === undefined) {
      w = Math.log(1 + n / ((byToken.get(t)?.length ?? 0) + 1));
      idfCache.set(t, w);
    }
    return w;
  };
  // A name spelling's token list is the same array object in every comparison it takes part in: the
  // PSA side's weights are kept for the run, the customer's (compared with ~7 rows in a row) in a
  // small ring. No WeakMap: tens of thousands of weak keys make every GC cycle slower.
  const psaWeights = new Map<readonly string[], Float64Array>();
  for (const p of psa) for (const part of nameParts(p.name)) psaWeights.set(part.tokens, Float64Array.from(part.tokens, weight));
  const recentKeys: Array<readonly string[] | undefined> = [undefined, undefined, undefined, undefined];
  const recentWeights: Float64Array[] = [];
  let recentNext = 0;
  weight.of = (tokens) => {
    const kept = psaWeights.get(tokens);
    if (kept !== undefined) return kept;
    for (let k = 0; k < recentKeys.length; k++) if (recentKeys[k] === tokens) return recentWeights[k]!;
    const ws = Float64Array.from(tokens, weight);
    recentKeys[recentNext] = tokens;
    recentWeights[recentNext] = ws;
    recentNext = (recentNext + 1) % recentKeys.length;
    return ws;
  };
  // Tokens this common are only used to rank candidates found through rarer ones.
  const commonCut = Math.max(50, n * 0.01);

  const prefixHits = (label: string, add: (i: number, s: number) => void) => {
    let lo = 0;
    let hi = sortedCompacts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedCompacts[mid]! < label) lo = mid + 1;
      else hi = mid;
    }
    let seen = 0;
    for (let k = lo; k < sortedCompacts.length && seen < 50 && sortedCompacts[k]!.startsWith(label); k++) {
      for (const i of byCompact.get(sortedCompacts[k]!)!) if (seen++ < 50) add(i, 3);
    }
  };

  // Scratch buffers reused across customers: typed arrays instead of a Map per customer keep the
  // 20k × 20k run well inside its time budget (no per-customer allocation or full sort).
  const score = new Float64Array(psa.length);
  const stamp = new Int32Array(psa.length);
  const typoStamp = new Int32Array(psa.length);
  let round = 0;
  let typoRound = 0;
  let touched: number[] = [];
  const add = (i: number, s: number) => {
    if (stamp[i] !== round) {
      stamp[i] = round;
      score[i] = 0;
      touched.push(i);
    }
    score[i]! += s;
  };

  const has = (i: number, id: number): boolean => {
    if (id < 0) return false;
    const row = rowTokens[i]!;
    for (let k = 0; k < row.length; k++) if (row[k] === id) return true;
    return false;
  };
  // Adds a common word's weight to the rows already found that carry it: through its posting list or
  // through the found rows, whichever is shorter.
  const rankWith = (t: string, w: number) => {
    const list = byToken.get(t);
    if (list === undefined) return;
    if (list.length < touched.length * 3) {
      for (const i of list) if (stamp[i] === round) score[i]! += w;
    } else {
      const rows = membersOf(t, list);
      for (const i of touched) if (rows[i] === 1) score[i]! += w;
    }
  };
  // Common words (on > 1% of rows, a few hundred distinct ones) are tested against many found rows:
  // one byte per PSA row answers "does row i carry this word" without scanning the row's tokens.
  const members = new Map<string, Uint8Array>();
  const membersOf = (t: string, list: number[]): Uint8Array => {
    let rows = members.get(t);
    if (rows === undefined) {
      rows = new Uint8Array(psa.length);
      for (const i of list) rows[i] = 1;
      members.set(t, rows);
    }
    return rows;
  };
  const rankBy = (tokens: string[]) => {
    for (const t of tokens) rankWith(t, weight(t));
  };

  // A word's typo neighbours depend only on the index: worked out once per distinct word, since the
  // same surnames and trade words recur across thousands of customers.
  const neighbourCache = new Map<string, Neighbours>();
  const neighboursOf = (t: string, unknown: boolean): Neighbours => {
    let hit = neighbourCache.get(t);
    if (hit !== undefined) return hit;
    // PSA tokens one edit away: one more letter, one fewer, or one different/swapped.
    const near = new Set<string>(byDeletion.get(t));
    if (t.length >= 4) {
      for (const d of deletions(t)) {
        if (byToken.has(d)) near.add(d);
        for (const u of byDeletion.get(d) ?? []) near.add(u);
      }
    }
    near.delete(t);
    // A word the PSA side never uses is most likely a typo, so its neighbours may be commoner.
    const typoCut = unknown ? commonCut * 4 : commonCut;
    hit = { seeding: [], ranking: [] };
    for (const u of near) {
      const hits = byToken.get(u);
      if (hits === undefined || hits.length > typoCut) continue;
      if (hits.length > commonCut) hit.ranking.push(u);
      else hit.seeding.push(hits);
    }
    neighbourCache.set(t, hit);
    return hit;
  };

  const candidates = (c: PreparedCustomer, limit: number): number[] => {
    round++;
    touched = [];
    const pinned: number[] = [];
    const pin = (list: number[] | undefined) => list?.forEach((i) => (pinned.includes(i) || pinned.push(i), add(i, 100)));
    if (c.externalRef) pin(byRef.get(c.externalRef));
    for (const d of c.domains) pin(byDomain.get(d));
    for (const label of [...c.tenantSpellings, ...c.domainLabels]) {
      byCompact.get(label)?.forEach((i) => add(i, 5));
      for (const s of ACRONYM_SUFFIXES) {
        if (label.length > s.length && label.endsWith(s)) byInitials.get(s === '' ? label : label.slice(0, -s.length))?.forEach((i) => add(i, 5));
      }
      if (label.length >= 6) prefixHits(label, add);
    }
    const common: string[] = [];
    const typoCommon: Array<[string, number]> = [];
    // Rarest words first: they find the company. A word shared by many rows only seeds candidates
    // while few have been found; otherwise it just ranks them (bounded work per customer).
    const words = [...new Set(nameParts(c.name).flatMap((x) => x.tokens))].sort((a, b) => (byToken.get(a)?.length ?? 0) - (byToken.get(b)?.length ?? 0));
    for (const t of words) {
      const list = byToken.get(t);
      if (list && (list.length > commonCut || (list.length > SEED_CUT && touched.length >= SEED_ENOUGH))) common.push(t);
      else if (list !== undefined) {
        const w = weight(t);
        for (const i of list) add(i, w);
      }
      // Typos are looked for only behind words the PSA side lacks or rarely uses: a word many PSA rows
      // spell the same way is most likely spelled right.
      if (t.length < 3 || (list !== undefined && list.length > TYPO_SEARCH_MAX)) continue;
      typoRound++;
      const tid = tokenId.get(t) ?? -1;
      const w = 0.8 * weight(t);
      const { seeding, ranking } = neighboursOf(t, list === undefined);
      // A common neighbour ("dentl" → "dental") seeds only if nothing else does; otherwise it ranks.
      for (const u of ranking) typoCommon.push([u, w]);
      for (const hits of seeding) {
        for (const i of hits) {
          if (typoStamp[i] === typoRound || has(i, tid)) continue;
          typoStamp[i] = typoRound;
          add(i, w);
        }
      }
    }
    if (touched.length === 0 && typoCommon.length > 0) {
      for (const [u, w] of typoCommon) for (const i of byToken.get(u)!) add(i, w);
    } else {
      for (const [u, w] of typoCommon) rankWith(u, w);
    }
    if (touched.length === 0 && common.length > 0) {
      // Only common words: seed from the rarest of them, rank with the rest.
      const rarest = common.reduce((a, b) => (byToken.get(a)!.length <= byToken.get(b)!.length ? a : b));
      const w = weight(rarest);
      for (const i of byToken.get(rarest)!) add(i, w);
      rankBy(common.filter((t) => t !== rarest));
    } else if (common.length > 0) {
      rankBy(common);
    }
    // Top `limit` by score (insertion into a short sorted list), after the pinned ones (scored 100+,
    // so they are skipped by their score instead of a search of the pinned list).
    const top: number[] = [];
    for (const i of touched) {
      const v = score[i]!;
      if (v >= 100 || (top.length === limit && v <= score[top[limit - 1]!]!)) continue;
      let k = top.length < limit ? top.length : limit - 1;
      top[k] = i;
      while (k > 0 && score[top[k - 1]!]! < v) [top[k - 1], top[k]] = [i, top[k - 1]!], k--;
    }
    // A row that shares much less evidence than the best one cannot outscore it or tie with it (a twin
    // or sibling shares the same rare words, so it scores as high): it is not worth a full comparison.
    const floor = top.length > 0 ? score[top[0]!]! * RELATIVE_FLOOR : 0;
    let keep = top.length;
    while (keep > 1 && score[top[keep - 1]!]! < floor) keep--;
    top.length = keep;
    return pinned.length > 0 ? [...pinned, ...top] : top;
  };

  return { psa, weight, keyCount: (key) => keys.get(key) ?? 0, tokenCount: (t) => byToken.get(t)?.length ?? 0, candidates };
}
