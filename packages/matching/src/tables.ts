// Name-equivalence tables: the data that says when two spellings mean the same company. They describe
// kinds of things (legal forms, number words, business abbreviations, trade-name markers), never
// particular companies, so they carry over to names the matcher has not seen. Users extend them with
// `extendNameTables()` and pass the result as `MatchOptions.nameTables`.
import { ABBREVIATION_GROUPS, NUMBER_GROUPS } from './tables-words';

/**
 * The user-extendable name tables. All entries are lower-case ASCII (accents folded).
 *
 * @example
 * const t: NameTables = { ...DEFAULT_NAME_TABLES, equivalents: [...DEFAULT_NAME_TABLES.equivalents, ['hvac', 'heating and cooling']] };
 */
export interface NameTables {
  /** Legal forms removed wherever they stand in the name (`Acme GmbH Bau`, `SARL Dupont`). Unambiguous words only. */
  legalForms: readonly string[];
  /** Short legal forms that are also ordinary words or initials (`co`, `as`, `sa`, `pc`): removed only from the end. */
  trailingLegalForms: readonly string[];
  /** Professional titles after a person's name (`DDS`, `CPA`): removed like a trailing legal form. */
  titles: readonly string[];
  /** Words that carry no identity (`the`, `of`, `and`, honorifics). */
  stopWords: readonly string[];
  /**
   * Groups of equal words; the first spelling is the canonical one every other spelling becomes. A
   * spelling of several words (`heating and cooling`) is matched as a phrase. Covers abbreviations in
   * both directions (`St`/`Saint`/`Street`), ordinals and number words (`1st`/`first`, `3`/`three`),
   * plural and singular of generic business words.
   */
  equivalents: ReadonlyArray<readonly string[]>;
  /**
   * Markers between a legal name and a trade name (`dba`, `d/b/a`, `t/a`, `trading as`, `formerly`).
   * Either part may be the name the other side uses. A parenthesized name is always an alternative.
   */
  tradeNameMarkers: readonly string[];
  /**
   * Words that describe a business's form or reach, not what it is (`group`, `services`, `global`): an
   * added generic word is not a sibling's distinguishing word. Containment still needs strong evidence.
   */
  genericWords: readonly string[];
  /** Words of a label distributors add to a customer name (`- M365`, `(Main)`, `Tenant`). */
  tenantNoise: readonly string[];
  /** Endings of a Microsoft 365 tenant name that are not part of the company name (`acmellc`, `acme365`). */
  tenantSuffixes: readonly string[];
}

/**
 * The built-in name tables (see docs/matching.md for every entry's meaning).
 *
 * @example
 * DEFAULT_NAME_TABLES.tradeNameMarkers.includes('d/b/a') // true
 */
export const DEFAULT_NAME_TABLES: NameTables = {
  legalForms: [
    'inc', 'incorporated', 'llc', 'llp', 'lllp', 'pllc', 'plc', 'ltd', 'limited', 'corp', 'corporation', 'pty', 'ptyltd',
    'ltee', 'ulc', 'gmbh', 'mbh', 'kgaa', 'ohg', 'gbr', 'haftungsbeschrankt', 'sarl', 'sasu', 'eurl', 'srl', 'spa', 'sapa',
    'bvba', 'sprl', 'oyj', 'bhd', 'sdn', 'pte', 'aps', 'asa', 'kft', 'sro', 'doo',
  ],
  trailingLegalForms: [
    'co', 'company', 'lp', 'pc', 'pa', 'lte', 'cic', 'uc', 'nl', 'ag', 'kg', 'ug', 'ek', 'ev', 'se', 'sa', 'sas', 'sl',
    'lda', 'bv', 'nv', 'vof', 'ab', 'as', 'oy', 'kk', 'cv', 'de', 'cia',
  ],
  titles: ['dds', 'dmd', 'md', 'cpa', 'dvm', 'phd', 'esq', 'jd', 'rn', 'mba', 'attorney at law', 'attorneys at law'],
  stopWords: ['the', 'and', 'of', 'at', 'for', 'dr', 'mr', 'mrs', 'ms', 'et', 'und', 'le', 'la'],
  equivalents: [...ABBREVIATION_GROUPS, ...NUMBER_GROUPS],
  tradeNameMarkers: [
    'dba', 'd/b/a', 'doing business as', 't/a', 'trading as', 'o/a', 'operating as', 'formerly', 'formerly known as', 'fka',
    'f/k/a', 'aka', 'a/k/a', 'also known as', 'previously', 'now known as', 'nka', 'n/k/a',
  ],
  genericWords: [
    'group', 'holdings', 'services', 'solutions', 'global', 'enterprises', 'international', 'usa', 'us', 'america', 'partners',
    'office', 'offices', 'online', 'worldwide', 'company', 'consolidated', 'team', 'hq', 'main', 'head', 'headquarters',
    'inc', 'llc', 'ltd', 'corp', 'corporation', 'limited', 'branch', 'division', 'national', 'the', 'of', 'and',
  ],
  tenantNoise: [
    'm365', 'o365', '365', 'microsoft', 'office', 'azure', 'tenant', 'main', 'hq', 'csp', 'nce', 'new', 'old', 'primary',
    'legacy', 'prod', 'production', 'test', 'trial', 'ms', 'mca', 'ea', 'eu', 'us', 'account', 'billing',
  ],
  tenantSuffixes: ['365', 'm365', 'o365', 'tenant', 'online', 'cloud', 'admin', 'hq', 'group', 'grp', 'corp', 'inc', 'llc', 'ltd', 'co', 'pty', 'gmbh', 'plc', 'llp', 'pllc', 'pc'],
};

/**
 * Adds entries to the default tables (lists are appended, never replaced), so a user's additions
 * cannot silently drop the built-in rules.
 *
 * @example
 * const tables = extendNameTables({ equivalents: [['hvac', 'heating and cooling']], tradeNameMarkers: ['handelnd als'] });
 * matchCustomers(customers, companies, { nameTables: tables });
 */
export function extendNameTables(extra: Partial<NameTables>, base: NameTables = DEFAULT_NAME_TABLES): NameTables {
  const out = { ...base } as Record<keyof NameTables, unknown>;
  for (const key of Object.keys(extra) as Array<keyof NameTables>) {
    const add = extra[key];
    if (add) out[key] = [...(base[key] as readonly unknown[]), ...(add as readonly unknown[])];
  }
  return out as unknown as NameTables;
}

/** The tables in lookup form, built once per table object. */
export interface CompiledTables {
  anywhereLegal: ReadonlySet<string>;
  trailingLegal: ReadonlySet<string>;
  /** Multi-word titles and legal forms, as token lists, removed from the end. */
  trailingPhrases: ReadonlyArray<readonly string[]>;
  stop: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  /** Single word → canonical tokens. */
  words: ReadonlyMap<string, readonly string[]>;
  /** Phrase (token list) → canonical tokens, longest first. */
  phrases: ReadonlyArray<readonly [readonly string[], readonly string[]]>;
  /** `phrases` by their first word. */
  phrasesByFirst: ReadonlyMap<string, ReadonlyArray<readonly [readonly string[], readonly string[]]>>;
  markers: RegExp | undefined;
  noise: ReadonlySet<string>;
  /** Generic words with every equal spelling (`grp` as well as `group`). */
  generic: ReadonlySet<string>;
  tenantSuffixes: readonly string[];
}

const cache = new WeakMap<NameTables, CompiledTables>();
const split = (s: string) => s.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(/\s+/g, '\\s+');

/**
 * Compiles (and caches) tables for lookup.
 *
 * @example
 * compileTables(DEFAULT_NAME_TABLES).words.get('bros') // ['brothers']
 */
export function compileTables(t: NameTables): CompiledTables {
  const hit = cache.get(t);
  if (hit) return hit;
  const words = new Map<string, readonly string[]>();
  const phrases: Array<readonly [readonly string[], readonly string[]]> = [];
  for (const group of t.equivalents) {
    const canonical = split(group[0] ?? '');
    if (canonical.length === 0) continue;
    for (const spelling of group) {
      const tokens = split(spelling);
      if (tokens.length === 1) words.set(tokens[0]!, canonical);
      else if (tokens.length > 1) phrases.push([tokens, canonical]);
    }
  }
  phrases.sort((a, b) => b[0].length - a[0].length);
  const trailing = [...t.trailingLegalForms, ...t.titles];
  const compiled: CompiledTables = {
    anywhereLegal: new Set(t.legalForms),
    trailingLegal: new Set(trailing.filter((x) => split(x).length === 1)),
    trailingPhrases: trailing.map(split).filter((x) => x.length > 1),
    stop: new Set(t.stopWords),
    titles: new Set(t.titles.flatMap(split)),
    words,
    phrases,
    phrasesByFirst: byFirstWord(phrases),
    // A marker must stand as a word of its own: "dba" in "Acme dba Foo", not inside "Adbar".
    markers: t.tradeNameMarkers.length
      ? new RegExp(`(?:^|[\\s,;:(\\-])(?:${[...t.tradeNameMarkers].sort((a, b) => b.length - a.length).map(escape).join('|')})(?=[\\s,;:.)]|$)`, 'g')
      : undefined,
    noise: new Set(t.tenantNoise),
    generic: expandGeneric(t, words),
    tenantSuffixes: [...t.tenantSuffixes].sort((a, b) => b.length - a.length),
  };
  cache.set(t, compiled);
  return compiled;
}

function expandGeneric(t: NameTables, words: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set(t.genericWords);
  for (const w of t.genericWords) for (const c of words.get(w) ?? []) out.add(c);
  for (const [spelling, canonical] of words) if (canonical.length === 1 && out.has(canonical[0]!)) out.add(spelling);
  return out;
}

function byFirstWord<T extends readonly [readonly string[], unknown]>(phrases: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const p of phrases) {
    const first = p[0][0]!;
    out.set(first, [...(out.get(first) ?? []), p]);
  }
  return out;
}
