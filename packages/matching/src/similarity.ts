import { NUMBER_WORDS } from './tables-words';
/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), giving up above `max`.
 *
 * @example
 * editDistance('irwin', 'iwrin', 2) // 1
 */
export function editDistance(a: string, b: string, max: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // One edit cannot change both the first and the last letter of words of 3+ letters: most pairs
  // compared under a budget of one (tenants against spellings, name tokens) end here.
  if (max <= 1 && a.length >= 3 && b.length >= 3 && a.charCodeAt(0) !== b.charCodeAt(0) && a.charCodeAt(a.length - 1) !== b.charCodeAt(b.length - 1)) return max + 1;
  // A shared prefix and suffix never change the distance; most typo candidates share long ones, so the
  // table below is tiny. Scratch rows are reused (this runs for every candidate token pair).
  let s = 0;
  let ea = a.length;
  let eb = b.length;
  while (s < ea && s < eb && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  while (ea > s && eb > s && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) ea--, eb--;
  const m = ea - s;
  const n = eb - s;
  if (m === 0 || n === 0) return Math.min(Math.max(m, n), max + 1);
  if (n + 1 > rows[0]!.length) for (let k = 0; k < 3; k++) rows[k] = new Int32Array(n + 1);
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(s + i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(s + j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(s + j - 2) && a.charCodeAt(s + i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, max + 1);
}
const rows: Int32Array[] = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Typos tolerated between two tokens: none between short tokens (acronyms), one from 4 letters, two
 * from 9; a 3-letter token may still be a 4+-letter word with a letter dropped (`sos` vs `sons`).
 *
 * @example
 * typoBudget(3, 4) // 1
 */
export function typoBudget(shorter: number, longer = shorter): number {
  return shorter >= 9 ? 2 : shorter >= 4 ? 1 : shorter === 3 && longer >= 4 ? 1 : 0;
}

/** How two names' identity tokens line up. */
export interface NameComparison {
  /** Same tokens, any order. */
  exact: boolean;
  /** Every token has a partner on the other side (typos, split words and initials allowed). */
  equivalent: boolean;
  /** Token pairs that matched only with a typo. */
  typos: number;
  /** Those pairs as `[left, right]` (as written), so a caller can judge whether the left word is a misspelling. */
  typoPairs: Array<[string, string]>;
  /**
   * All distinctive words of one name appear in the other, which adds whole words ("Acme Roofing" vs
   * "Acme Roofing Services of Tulsa"): weaker than equality, and never enough without strong evidence.
   */
  contained: boolean;
  /** Tokens without a partner, as written: a distinguishing word when longer than one letter or a number. */
  onlyLeft: string[];
  onlyRight: string[];
  /** 0..1, weighted by how rare each token is. */
  similarity: number;
}

/**
 * A token's weight, optionally with `of`: the weights of a whole token list, worked out once per list
 * (the candidate index caches them per name spelling, which is compared with ~7 rows).
 */
export type Weight = ((token: string) => number) & { of?: (tokens: readonly string[]) => ArrayLike<number> };
type Slot = { t: string; used: boolean; s: string; w: number };

/**
 * Aligns two token lists: exact pairs first, then typos, then a word split in two (`great lakes` vs
 * `greatlakes`), then initials (`d` vs `dawn`). Rare tokens weigh more, so "Acme Dental" vs "Acme Dental"
 * scores the same as any exact pair but "Acme Dental" vs "Zenith Dental" scores low.
 *
 * @example
 * compareNames(['russo', 'sos'], ['russo', 'sons']).equivalent // true (one typo)
 */
export function compareNames(
  left: readonly string[],
  right: readonly string[],
  weight: Weight = () => 1,
  spelled?: { left: readonly string[]; right: readonly string[] },
  optional?: ReadonlySet<string>,
): NameComparison {
  // Each token's weight is looked up once per comparison (it is summed twice below).
  const lw = weight.of?.(left);
  const rw = weight.of?.(right);
  const l = left.map((t, i) => ({ t, used: false, s: spelled?.left[i] ?? t, w: lw ? lw[i]! : weight(t) }));
  const r = right.map((t, i) => ({ t, used: false, s: spelled?.right[i] ?? t, w: rw ? rw[i]! : weight(t) }));
  let matched = 0;
  let typos = 0;
  const typoPairs: Array<[string, string]> = [];
  const pair = (a: Slot, b: Slot, quality: number) => {
    a.used = b.used = true;
    matched += quality * (a.w + b.w);
  };
  // Plain loops, no callbacks: this runs for every compared pair.
  for (const a of l) {
    for (const b of r) {
      if (!b.used && b.t === a.t) {
        pair(a, b, 1);
        break;
      }
    }
  }
  for (const a of l) {
    if (a.used) continue;
    let best: Slot | undefined;
    let bestD = Infinity;
    for (const b of r) {
      if (b.used || (NUMBER_WORDS.has(a.t) && NUMBER_WORDS.has(b.t))) continue;
      // Compare canonical forms and the spellings as written ("Tehc" is a typo of "Tech", not of "Technologies").
      const plain = a.s === a.t && b.s === b.t;
      for (let k = 0; k < (plain ? 1 : 4); k++) {
        const x = k === 0 || k === 3 ? a.t : a.s;
        const y = k === 0 || k === 2 ? b.t : b.s;
        if (k > 0 && x === a.t && y === b.t) continue;
        const budget = typoBudget(Math.min(x.length, y.length), Math.max(x.length, y.length));
        if (budget === 0) continue;
        const d = editDistance(x, y, budget);
        if (d <= budget && d < bestD) [best, bestD] = [b, d];
      }
    }
    if (best) {
      pair(a, best, 0.85);
      typos++;
      typoPairs.push([a.t, best.t]);
    }
  }
  joinSplitWords(l, r, pair);
  joinSplitWords(r, l, pair);
  for (const a of l) {
    if (a.used) continue;
    // Initials ("J. Smith" vs "John Smith"); digits are numbers, never initials.
    const b = r.find((x) => !x.used && (x.t.length === 1 || a.t.length === 1) && x.t[0] === a.t[0] && !/\d/.test(a.t + x.t));
    if (b) pair(a, b, 0.6);
  }
  let total = 0;
  for (const x of l) total += x.w;
  for (const x of r) total += x.w;
  const onlyLeft: string[] = [];
  const onlyRight: string[] = [];
  let extraLeft = false;
  let extraRight = false;
  let matchedOnBoth = false;
  for (const x of l) {
    if (x.used) matchedOnBoth ||= significant(x.t);
    else {
      onlyLeft.push(x.s);
      extraLeft ||= significant(x.t) && !optional?.has(x.t);
    }
  }
  for (const x of r) {
    if (x.used) continue;
    onlyRight.push(x.s);
    extraRight ||= significant(x.t) && !optional?.has(x.t);
  }
  return {
    exact: typos === 0 && onlyLeft.length === 0 && onlyRight.length === 0 && left.length === right.length && sameMultiset(left, right),
    equivalent: !extraLeft && !extraRight,
    contained: matchedOnBoth && extraLeft !== extraRight,
    typos,
    typoPairs,
    onlyLeft,
    onlyRight,
    similarity: total > 0 ? Math.min(1, matched / total) : 0,
  };
}

/**
 * {@link compareNames} for two token lists with the same multiset (equal name keys): every token pairs
 * exactly, so the result is known; the similarity is summed in the same order as the full alignment.
 *
 * @example
 * identicalNames(['acme', 'dental'], ['dental', 'acme']).exact // true
 */
export function identicalNames(left: readonly string[], right: readonly string[], weight: Weight = () => 1): NameComparison {
  const lw = weight.of?.(left);
  const rw = weight.of?.(right);
  let matched = 0;
  let total = 0;
  for (let i = 0; i < left.length; i++) {
    const w = lw ? lw[i]! : weight(left[i]!);
    matched += w + w;
    total += w;
  }
  for (let i = 0; i < right.length; i++) total += rw ? rw[i]! : weight(right[i]!);
  return {
    exact: true,
    equivalent: true,
    contained: false,
    typos: 0,
    typoPairs: [],
    onlyLeft: [],
    onlyRight: [],
    similarity: total > 0 ? Math.min(1, matched / total) : 0,
  };
}

/** A word that can tell two companies apart: anything but a lone letter (an initial); numbers always count. */
export function significant(t: string): boolean {
  if (t.length !== 1) return t.length > 1;
  const ch = t.charCodeAt(0);
  return ch >= 48 && ch <= 57;
}

function joinSplitWords(one: Slot[], other: Slot[], pair: (a: Slot, b: Slot, q: number) => void): void {
  for (const a of one) {
    if (a.used || a.t.length < 5) continue;
    for (let i = 0; i + 1 < other.length; i++) {
      const x = other[i]!;
      const y = other[i + 1]!;
      if (x.used || y.used) continue;
      const joined = x.t + y.t;
      if (editDistance(joined, a.t, typoBudget(a.t.length) > 0 ? 1 : 0) <= 1) {
        pair(a, x, 0.9);
        y.used = true;
        break;
      }
    }
  }
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  return [...a].sort().join(' ') === [...b].sort().join(' ');
}
