// The variation kinds of the synthetic generator: how a distributor's spelling of a company differs
// from the PSA's while it stays the same company, and for each, the hard negative that looks alike
// but is another company. Kinds are generic (number words, abbreviations, trade names, legal forms,
// marks, reordered person names, added words, references), never particular names.
import { ABBREVIABLE, EXTRA_WORDS, FOREIGN_FORMS, NUMBERS, TITLES, TRADE_MARKERS } from './synthetic-words';

/**
 * What one generated distributor row tests. Positive kinds have a PSA row; `neg-*` kinds must stay unlinked.
 *
 * @example
 * const kind: VariationKind = generateMatchingDataset({ seed: 1 }).kinds['pax8:syn-200']!; // e.g. 'trade-name'
 */
export type VariationKind =
  | 'plain'
  | 'number'
  | 'abbreviation'
  | 'trade-name'
  | 'legal-anywhere'
  | 'marks'
  | 'person-reorder'
  | 'extra-words'
  | 'external-ref'
  | 'tenant-suffix'
  | 'leading-the'
  | 'billing-elsewhere'
  | 'neg-unrelated'
  | 'neg-moved-twin'
  | 'neg-sibling'
  | 'neg-sibling-domain'
  | 'neg-number'
  | 'neg-person'
  | 'neg-trade-sibling'
  | 'neg-ref-collision'
  | 'neg-other-country';

export interface Rng {
  next: () => number;
  pick: <T>(list: readonly T[]) => T;
  chance: (p: number) => boolean;
  int: (lo: number, hi: number) => number;
}

/** mulberry32: a tiny seeded PRNG, so a seed always yields the same data set. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick, chance: (p: number) => next() < p, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const word = (w: string) => new RegExp(`(^|\\s)${w.replace(/[.*+?^${}()|[\]\\']/g, '\\$&')}(?=\\s|,|$)`, 'g');

/** Writes every number in the name the other way (word ↔ digits). */
export function flipNumbers(name: string): string {
  for (const [w, d] of NUMBERS) {
    if (word(w).test(name)) return name.replace(word(w), `$1${d}`);
    if (word(d).test(name)) return name.replace(word(d), `$1${w}`);
  }
  return name;
}

/** Another number than the one in the name ("Third Harbor" → "Fifth Harbor"), in the same style. */
export function otherNumber(r: Rng, name: string): string {
  for (const [w, d] of NUMBERS) {
    const other = r.pick(NUMBERS.filter(([x]) => x !== w));
    if (word(w).test(name)) return name.replace(word(w), `$1${other[0]}`);
    if (word(d).test(name)) return name.replace(word(d), `$1${other[1]}`);
  }
  return `${name} ${r.pick(NUMBERS)[1]}`;
}

/** Abbreviates every abbreviable word, or spells every abbreviation out (`toShort` false). */
export function abbreviate(name: string, toShort: boolean): string {
  let out = name;
  for (const [full, short] of ABBREVIABLE) out = toShort ? out.replace(word(full), `$1${short}`) : out.replace(word(short), `$1${full}`);
  return out;
}

/** Folds accents and re-punctuates apostrophes and hyphens the way distributor portals do. */
export function foldMarks(r: Rng, name: string): string {
  const folded = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/ø/g, 'o').replace(/Ø/g, 'O');
  const apostrophe = r.pick(['', ' ', "'"]);
  const hyphen = r.pick([' ', '-', '']);
  return folded.replace(/'/g, apostrophe).replace(/-/g, hyphen);
}

/** A person's practice written another way: "Okonkwo, Aurora DDS", "Dr. Aurora M. Okonkwo", "Okonkwo Aurora". */
export function reorderPerson(r: Rng, first: string, last: string, title: string): string {
  const x = r.next();
  if (x < 0.4) return `${last}, ${first} ${title}`;
  if (x < 0.6) return `${first} ${String.fromCharCode(65 + r.int(0, 25))}. ${last}, ${title}`;
  if (x < 0.8) return `${last} ${first} ${title}`;
  return `Dr. ${first} ${last}`;
}

/** A different title than `title` (the hard negative: the same person's name, another practice). */
export function otherTitle(r: Rng, title: string): string {
  return r.pick(TITLES.filter((t) => t !== title && !(['DDS', 'DMD'].includes(t) && ['DDS', 'DMD'].includes(title))));
}

/** The legal name and trade name joined by a marker, either way round, or as a parenthesized alternative. */
export function withTradeName(r: Rng, legalName: string, tradeName: string): string {
  const x = r.next();
  if (x < 0.7) return `${legalName} ${r.pick(TRADE_MARKERS)} ${tradeName}`;
  if (x < 0.85) return `${legalName} (${tradeName})`;
  return `${tradeName} (${legalName})`;
}

/** Whole words added to a name: a generic word, "of <city>" or "- <city>". */
export function addWords(r: Rng, name: string, city: string): string {
  const x = r.next();
  if (x < 0.5) return `${name} ${r.pick(EXTRA_WORDS)}`;
  if (x < 0.75) return `${name} of ${city}`;
  return `${name} - ${city}`;
}

/** A legal form of another country placed before, inside or after the name. */
export function foreignLegal(r: Rng, name: string): string {
  const [, form] = r.pick(FOREIGN_FORMS);
  const words = name.split(' ');
  const x = r.next();
  if (x < 0.35) return `${form} ${name}`;
  if (x < 0.7 && words.length > 1) return [words[0], form, ...words.slice(1)].join(' ');
  return `${name} ${form}`;
}

/**
 * The generator's own notion of "the same name", independent of the matcher's tables: case, `&`/`and`,
 * punctuation, word order, number words vs digits and its abbreviations ignored. Two companies never
 * share this key, and a hard negative never has the key of an existing company.
 *
 * @example
 * sameNameKey('Two Quadrant & Sons Co.') === sameNameKey('sons and 2 quadrant co') // true
 */
export function sameNameKey(name: string): string {
  let s = ` ${name.toLowerCase().replace(/[&+]/g, ' ').replace(/[^a-z0-9' ]+/g, ' ')} `;
  for (const [w, d] of NUMBERS) s = s.replace(new RegExp(` ${d.toLowerCase()} `, 'g'), ` ${w.toLowerCase()} `);
  for (const [full, short] of ABBREVIABLE) s = s.replace(new RegExp(` ${short.toLowerCase().replace(/[^a-z0-9']/g, '')} `, 'g'), ` ${full.toLowerCase()} `);
  // DDS and DMD are the same dentist's degree.
  return s.replace(/'/g, '').replace(/ dmd /g, ' dds ').split(' ').filter((w) => w && w !== 'and' && w !== 'the').sort().join(' ');
}
