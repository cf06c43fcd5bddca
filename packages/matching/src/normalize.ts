import { editDistance } from './similarity';
import { compileTables, DEFAULT_NAME_TABLES, type CompiledTables, type NameTables } from './tables';

/**
 * One spelling of a company name broken down for comparison.
 *
 * @example
 * const p: NamePart = normalizeName('The Iron Marlin Co.'); // tokens ['iron', 'marlin'], legal ['co'], key 'iron marlin'
 */
export interface NamePart {
  /** Identity tokens: canonical spellings (tables), legal forms / stop words / tenant noise removed. */
  tokens: string[];
  /** Each token as it was written (`bros` for `brothers`), aligned with `tokens`: typos are judged on both. */
  spelled: string[];
  /** Legal-form and title tokens that were stripped. */
  legal: string[];
  /** Professional titles among `legal` (`dds`, `cpa`): two different titles are two different practices. */
  titles: string[];
  /**
   * Short legal forms left inside the name ("SA Dupont Roofing", "Okonkwo AB Bygg"): they may also be
   * initials, so they stay tokens, but a missing partner for one does not make a distinguishing word.
   */
  optional: string[];
  /** Order-insensitive key of `tokens`; equal keys mean "the same name after normalization". */
  key: string;
  /** The words as written (folded, before the equivalence tables), for domain and tenant spellings. */
  surface: string[];
}

/**
 * A company name broken down for comparison: its main spelling plus the alternatives it names
 * (`X LLC dba Y`, `X (Y)`, `X formerly Y`); either may be the name the other side uses.
 *
 * @example
 * normalizeName('Kestrel Holdings LLC dba Kestrel Dental').alternatives[0]?.key // 'dental kestrel'
 */
export interface NormalizedName extends NamePart {
  alternatives: NamePart[];
}

const TRAILING_NOISE = new Set(['m365', 'o365', 'tenant', 'csp', 'nce', 'azure']);
const ENTITIES: Record<string, string> = { amp: '&', apos: "'", quot: '"', '#39': "'", '#38': '&', nbsp: ' ' };

/**
 * Lower-case, strip accents and decode the HTML entities some portals leave in names.
 *
 * @example
 * foldText('Café M&amp;M') // 'cafe m&m'
 */
export function foldText(text: string): string {
  // Most names are plain ASCII without entities: skip the Unicode work for them.
  if (!/[^\x00-\x7f]|&[#a-z]/i.test(text)) return text.toLowerCase();
  return text
    .replace(/&(amp|apos|quot|#39|#38|nbsp);/gi, (_, e: string) => ENTITIES[e.toLowerCase()] ?? ' ')
    .replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/[đĐ]/g, 'd').replace(/[æÆ]/g, 'ae').replace(/[œŒ]/g, 'oe')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase();
}

function isNoise(segment: string, t: CompiledTables): boolean {
  const words = segment.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  return words.length > 0 && words.every((w) => t.noise.has(w));
}

const TENANT_NOISE_CHARS = /[()\-–—|:]/;

/** Removes " - M365", "(Main)" and similar labels distributors append to a customer name. */
function stripTenantNoise(text: string, t: CompiledTables): string {
  // Most names carry neither parentheses nor a dash-like separator: skip the regexes for them.
  if (!TENANT_NOISE_CHARS.test(text)) return text;
  let s = text.replace(/\(([^)]*)\)/g, (whole, inner: string) => (isNoise(inner, t) ? ' ' : whole));
  for (;;) {
    const dash = /\s[-–—|:]\s*([^-–—|:]+)$/.exec(s);
    if (dash?.[1] !== undefined && isNoise(dash[1], t)) s = s.slice(0, dash.index);
    else break;
  }
  return s;
}

/**
 * The spellings a name contains: the main one, each parenthesized alternative (and the name with the
 * parentheses opened), and each side of a trade-name marker (`dba`, `t/a`, `formerly`, …).
 */
function spellings(input: string, t: CompiledTables): string[] {
  // Dotted initials first, so "D.B.A." and "f.k.a." read as the markers "dba" and "fka".
  const text = collapseInitials(input);
  const inParens: string[] = [];
  const main = !text.includes('(') ? text : text.replace(/\(([^)]*)\)?/g, (_, inner: string) => (inParens.push(inner), ' '));
  const out: string[] = [];
  const bySide = (s: string) => (t.markers ? s.split(t.markers) : [s]).filter((x) => /[a-z0-9]/.test(x));
  out.push(...bySide(main));
  for (const p of inParens) out.push(...bySide(p));
  if (inParens.length > 0) out.push(text.replace(/[()]/g, ' '));
  return out.length > 0 ? out : [text];
}

/** Folded words as written: dotted initials collapsed (`L.L.C.` → `llc`), `&`/`+` → `and`, punctuation dropped. */
function collapseInitials(text: string): string {
  // Both patterns need a dot; most names have none.
  if (!text.includes('.')) return text;
  return text.replace(/\.{2,}/g, '.').replace(/\b[a-z](?:\.[a-z])+\.?(?=\s|,|\)|$)/g, (m) => m.replace(/\./g, ''));
}

function surfaceWords(text: string): string[] {
  const s = collapseInitials(text);
  // One scan instead of four regex passes (this runs for every spelling of every name): `&`/`+` are the
  // word "and", apostrophes join ("O'Brien" → `obrien`), anything else but a-z0-9 separates words.
  const words: string[] = [];
  let start = -1;
  let word = '';
  const flush = (end: number) => {
    if (start >= 0) word += s.slice(start, end);
    start = -1;
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if ((ch >= 97 && ch <= 122) || (ch >= 48 && ch <= 57)) {
      if (start < 0) start = i;
    } else if (ch === 39 || ch === 0x2019 || ch === 96 || ch === 0xb4) {
      flush(i);
    } else {
      flush(i);
      if (word) words.push(word);
      word = '';
      if (ch === 38 || ch === 43) words.push('and');
    }
  }
  flush(s.length);
  if (word) words.push(word);
  while (words.length > 1 && TRAILING_NOISE.has(words[words.length - 1] ?? '')) words.pop();
  if (words.length > 2 && words.at(-2) === 'microsoft' && words.at(-1) === '365') words.splice(-2);
  return words;
}

type Word = { t: string; from: string };

/** Applies the equivalence tables (phrases first, longest first), remembering each word as written. */
function canonicalWords(words: readonly string[], t: CompiledTables): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = t.phrasesByFirst.get(words[i]!)?.find(([p]) => p.every((w, k) => words[i + k] === w));
    if (phrase) {
      const from = words.slice(i, i + phrase[0].length).join('');
      for (const c of phrase[1]) out.push({ t: c, from });
      i += phrase[0].length;
      continue;
    }
    const w = words[i]!;
    for (const c of t.words.get(w) ?? [w]) out.push({ t: c, from: w });
    i++;
  }
  return out;
}

function part(text: string, t: CompiledTables): NamePart {
  const surface = surfaceWords(text);
  let words = canonicalWords(surface, t);
  const legal: string[] = [];
  const at = (k: number) => words[words.length - k]?.t;
  // Legal forms and titles at the end, possibly several ("Pty Ltd", "GmbH & Co KG", "DDS PC").
  while (words.length > 1) {
    const last = at(1)!;
    if (last === 'the') {
      words.pop();
      continue;
    }
    const phrase = t.trailingPhrases.find((p) => p.length < words.length && p.every((w, k) => sameWord(words[words.length - p.length + k]!.t, w)));
    if (phrase) {
      legal.unshift(...words.splice(words.length - phrase.length).map((w) => w.t));
      continue;
    }
    if (!isLegalForm(last, t) && !(last === 'and' && legal.length > 0)) break;
    legal.unshift(last);
    words.pop();
  }
  // Unambiguous legal forms anywhere else ("Acme GmbH Bau", "SARL Dupont"), as long as a name is left.
  const kept = words.filter((w) => !t.anywhereLegal.has(w.t));
  if (kept.some((w) => !t.stop.has(w.t))) {
    legal.push(...words.filter((w) => t.anywhereLegal.has(w.t)).map((w) => w.t));
    words = kept;
  }
  let named = words.filter((w) => !t.stop.has(w.t));
  if (named.length === 0) named = words.length > 0 ? words : legal.map((x) => ({ t: x, from: x }));
  const tokens = named.map((w) => w.t);
  const titles = legal.filter((x) => t.titles.has(x));
  const optional = tokens.filter((x) => t.trailingLegal.has(x) && !t.titles.has(x));
  return { tokens, spelled: named.map((w) => w.from), legal, titles, optional, key: [...tokens].sort().join(' '), surface };
}

/**
 * Normalizes a company name for matching with the name tables (default {@link DEFAULT_NAME_TABLES}):
 * tenant labels removed, trade-name alternatives split out, accents/case/punctuation folded,
 * equivalent words made equal, legal forms and titles stripped (anywhere for unambiguous forms, at the
 * end for short ones), stop words dropped.
 *
 * @example
 * normalizeName('The Iron Marlin Company').key === normalizeName('IRON MARLIN CO. - M365').key // true
 * normalizeName('1st Choice Roofing').key === normalizeName('First Choice Roofing, LLC').key // true
 */
export function normalizeName(name: string, tables: NameTables = DEFAULT_NAME_TABLES): NormalizedName {
  const t = compileTables(tables);
  const [first, ...rest] = spellings(stripTenantNoise(foldText(name), t), t).map((s) => part(s, t));
  const main = first ?? part('', t);
  const seen = new Set([main.key]);
  const alternatives = rest.filter((p) => p.tokens.length > 0 && !seen.has(p.key) && (seen.add(p.key), true));
  return { ...main, alternatives };
}

/** Words of multi-word titles and forms forgive one typo from 6 letters ("Atnorney at Law"). */
function sameWord(a: string, b: string): boolean {
  return a === b || (b.length >= 6 && editDistance(a, b, 1) <= 1);
}

// Legal words at the end of a name are often mistyped ("Compnay", "Coorp.", "Crop."): one edit still
// reads as the legal form. Only these common English-spelled forms: short or foreign ones (`sarl`,
// `eurl`) are one edit from ordinary names ("Karl", "Earl").
const TYPO_LEGAL = ['company', 'corporation', 'incorporated', 'limited', 'corp', 'gmbh', 'pllc', 'ltee'];
function isLegalForm(token: string, t: CompiledTables): boolean {
  if (t.trailingLegal.has(token) || t.anywhereLegal.has(token)) return true;
  return token.length >= 4 && TYPO_LEGAL.some((f) => editDistance(f, token, 1) <= 1);
}

/** Joins tokens into the spelling a domain or tenant would use (`iron marlin` → `ironmarlin`). */
export function compact(tokens: readonly string[]): string {
  return tokens.join('');
}

/** Every spelling of a name: the main one and its trade-name alternatives. */
export function nameParts(name: NormalizedName): NamePart[] {
  return [name, ...name.alternatives];
}
