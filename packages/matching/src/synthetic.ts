import type { MatchingRow } from './adapter';
import type { MatchTable } from './evaluate';
import { noisyName, postalFor, websiteFor, noisyDomain, type Company, type Mutable } from './synthetic-noise';
import {
  abbreviate, addWords, flipNumbers, foldMarks, foreignLegal, otherNumber, otherTitle, reorderPerson, rng, sameNameKey, withTradeName,
  type Rng, type VariationKind,
} from './synthetic-kinds';
import {
  type SyntheticCountry, ABBREVIABLE_SHAPES, ADJECTIVES, ANIMALS, BUSINESS_TYPES, COUNTRIES, FIRST_NAMES, MARKED_SURNAMES,
  NUMBER_NOUNS, NUMBERS, PLACE_WORDS, SIBLING_WORDS, SURNAMES, TITLES,
} from './synthetic-words';
import type { PsaCompany } from './types';

export type { VariationKind } from './synthetic-kinds';

/**
 * Options for {@link generateMatchingDataset}.
 *
 * @example
 * const opts: SyntheticOptions = { seed: 7, companies: 1000, customers: 900 };
 */
export interface SyntheticOptions {
  seed?: number;
  /** PSA companies (before trap rows are added). Default 1000. */
  companies?: number;
  /** Distributor customers. Default 900. */
  customers?: number;
  /** Share of customers with no PSA row (the hard negatives). Default 0.15. */
  unmatchedShare?: number;
}

/**
 * A generated data set in the shared matching format, with the variation kind of every distributor row.
 *
 * @example
 * const { psa, distributor, truth, kinds } = generateMatchingDataset({ seed: 1 });
 */
export interface SyntheticDataset {
  psa: Array<PsaCompany & { id: number; phone: null }>;
  distributor: MatchingRow[];
  truth: MatchTable;
  /** Distributor row id → what the row tests (`number`, `trade-name`, …; `neg-*` rows have no PSA row). */
  kinds: Record<string, VariationKind>;
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

// Share of companies per kind; `plain` takes the rest. Kinds with their own name shape pick it here.
const KIND_SHARES: ReadonlyArray<readonly [VariationKind, number]> = [
  ['number', 0.06], ['abbreviation', 0.08], ['trade-name', 0.08], ['legal-anywhere', 0.06], ['marks', 0.05],
  ['person-reorder', 0.07], ['extra-words', 0.08], ['external-ref', 0.04], ['tenant-suffix', 0.05], ['leading-the', 0.04],
];

function pickCountry(r: Rng): SyntheticCountry {
  let x = r.next();
  for (const c of COUNTRIES) if ((x -= c.share) < 0) return c;
  return COUNTRIES[0]!;
}

function pickKind(r: Rng): VariationKind {
  let x = r.next();
  for (const [k, share] of KIND_SHARES) if ((x -= share) < 0) return k;
  return 'plain';
}

/** The name words of a company of the given kind (before any legal form). */
function shapeWords(r: Rng, kind: VariationKind): { words: string[]; person?: Company['person'] } {
  const s = () => cap(r.pick(SURNAMES));
  const type = r.pick(BUSINESS_TYPES).split(' ');
  if (kind === 'number') {
    const [w, d] = r.pick(NUMBERS);
    return { words: [r.chance(0.5) ? w : d, r.pick(NUMBER_NOUNS), ...type] };
  }
  if (kind === 'abbreviation') return { words: r.pick(ABBREVIABLE_SHAPES).replace('#', r.chance(0.7) ? s() : cap(r.pick(PLACE_WORDS))).split(' ') };
  if (kind === 'marks') return { words: [r.pick(MARKED_SURNAMES), ...(r.chance(0.3) ? ['&', s()] : []), ...type] };
  if (kind === 'person-reorder') {
    const person = { first: cap(r.pick(FIRST_NAMES)), last: s(), title: r.pick(TITLES) };
    return { words: [person.first, person.last, person.title], person };
  }
  const shape = r.next();
  if (shape < 0.35) return { words: [s(), ...type] };
  if (shape < 0.5) return { words: [s(), r.pick(['&', 'and', '&']), s(), ...type] };
  if (shape < 0.68) return { words: [cap(r.pick(PLACE_WORDS)), ...type] };
  if (shape < 0.8) return { words: [cap(r.pick(ADJECTIVES)), cap(r.pick(ANIMALS)), ...type] };
  if (shape < 0.9) return { words: ['ABCDEFGHJKLMNPRSTVW'.split('').sort(() => r.next() - 0.5).slice(0, 3).join(''), ...type] };
  return { words: [s(), '&', 'Sons', ...type] };
}

function newCompany(r: Rng, taken: Set<string>, kind: VariationKind = pickKind(r)): Company {
  for (;;) {
    const country = pickCountry(r);
    const { words, person } = shapeWords(r, kind);
    const key = sameNameKey(words.join(' '));
    if (taken.has(key)) continue;
    taken.add(key);
    const city = r.pick(country.cities);
    // Added words and references need strong evidence on the distributor side: those companies have a website.
    // A domain belongs to one company: a colliding one is dropped.
    let website = r.chance(kind === 'extra-words' ? 1 : 0.83) ? websiteFor(r, words, country.iso) : undefined;
    if (website && taken.has(`@${website}`)) website = undefined;
    if (website) taken.add(`@${website}`);
    const c: Mutable<Company> = { words, legal: r.chance(0.6) && !person ? r.pick(country.legal) : '', country, city, postal: postalFor(r, country.iso, city[2]), website, person, kind };
    if (kind === 'trade-name') {
      // Legal names must be as unique as company names, or two companies would share one.
      for (;;) {
        const legal = `${cap(r.pick(SURNAMES))} ${cap(r.pick([...PLACE_WORDS, ...SURNAMES]))} ${r.pick(['Holdings', 'Ventures', 'Partners', 'Group', 'Enterprises'])}`;
        if (taken.has(sameNameKey(legal))) continue;
        taken.add(sameNameKey(legal));
        c.legalName = `${legal} ${r.pick(country.legal)}`;
        break;
      }
      c.tradeForm = r.pick(['psa-trade', 'psa-dba', 'psa-legal']);
    }
    if (kind === 'abbreviation' && r.chance(0.5)) c.words = abbreviate(words.join(' '), true).split(' ');
    if (kind === 'leading-the' && r.chance(0.5)) c.words = ['The', ...words];
    return c;
  }
}

/** The PSA's spelling of a company. */
function psaName(c: Company): string {
  const base = [c.words.join(' '), c.legal].filter(Boolean).join(c.legal ? ', ' : ' ').replace(/, (Inc|LLC|Ltd)/, ' $1');
  if (c.kind === 'trade-name' && c.legalName) {
    if (c.tradeForm === 'psa-dba') return `${c.legalName} dba ${c.words.join(' ')}`;
    if (c.tradeForm === 'psa-legal') return c.legalName;
  }
  return base;
}

/** The distributor's base spelling for the company's kind, before the background noise. */
function kindName(r: Rng, c: Company): { name: string; raw: boolean } {
  const name = c.words.join(' ');
  switch (c.kind) {
    case 'number':
      return { name: r.chance(0.8) ? flipNumbers(name) : name, raw: false };
    case 'abbreviation':
      return { name: abbreviate(name, !/\b(St\.|Mt\.|Svcs|Mgmt|Assoc\.|Assn|Dept\.|Bros\.|Tech|Sys\.|Grp|Corp\.|Co\.|Ctr\.|Mfg\.|Labs|Hldgs|Mtn|Ft\.|Int'l)(?=\s|$)/.test(name)), raw: false };
    case 'trade-name':
      // The PSA holds the trade name, the legal name with its dba, or the legal name; the distributor another form.
      if (c.tradeForm === 'psa-trade') return { name: withTradeName(r, c.legalName!, name), raw: true };
      if (c.tradeForm === 'psa-dba') return { name: r.chance(0.5) ? name : c.legalName!, raw: true };
      return { name: withTradeName(r, c.legalName!, name), raw: true };
    case 'legal-anywhere':
      return { name: foreignLegal(r, name), raw: false };
    case 'marks':
      return { name: foldMarks(r, name), raw: false };
    case 'person-reorder': {
      const p = c.person!;
      return { name: reorderPerson(r, p.first, p.last, p.title), raw: true };
    }
    case 'extra-words':
      return { name: addWords(r, name, c.city[0]), raw: false };
    case 'leading-the':
      return { name: c.words[0] === 'The' ? c.words.slice(1).join(' ') : r.chance(0.5) ? `The ${name}` : `${name}, The`, raw: false };
    default:
      return { name, raw: false };
  }
}

// `located`: a look-alike of a PSA company always says where it is (as in the shared dev set); without
// that, nobody could tell it from the PSA company of the same name.
function distributorRow(r: Rng, c: Company, n: number, opts: { elsewhere?: boolean; located?: boolean; name?: string; ref?: string }): MatchingRow {
  const vendor = r.pick(['ingram_micro', 'pax8', 'sherweb', 'td_synnex'] as const);
  const elsewhere = opts.elsewhere ? r.pick(c.country.cities.filter((x) => x[0] !== c.city[0])) : undefined;
  const [city, , prefix] = elsewhere ?? c.city;
  const hasCity = elsewhere !== undefined || opts.located === true || r.chance(0.6);
  let postal: string | null = hasCity && r.chance(0.9) ? (elsewhere ? postalFor(r, c.country.iso, prefix) : c.postal) : null;
  if (postal && r.chance(0.3)) postal = r.chance(0.5) ? postal.replace(' ', '') : postal.toLowerCase();
  if (postal && c.country.iso === 'US' && r.chance(0.15)) postal += `-${r.int(1000, 9999)}`;
  const cityText = !hasCity ? null : r.chance(0.15) ? city.toUpperCase() : city;
  const base = opts.name !== undefined ? { name: opts.name, raw: false } : kindName(r, c);
  return {
    id: `${vendor}:${vendor === 'pax8' || vendor === 'sherweb' ? `syn-${n}` : String(5_000_000 + n)}`,
    vendor,
    name: noisyName(r, c, base.name, base.raw),
    // Added words come with strong evidence: the website (3 in 4) or a tenant that spells the PSA name.
    domain: c.kind === 'extra-words' && opts.name === undefined ? (r.chance(0.75) && c.website ? c.website : noisyDomain(r, c, false, true)) : noisyDomain(r, c, elsewhere !== undefined, false),
    city: cityText,
    postalCode: postal,
    country: vendor === 'pax8' ? c.country.name : c.country.iso,
    ...(opts.ref !== undefined ? { externalRef: opts.ref } : {}),
  };
}

/**
 * Generates a held-out matching data set with invented names (disjoint from the shared dev set's
 * surnames, place words and cities) and every variation kind of {@link VariationKind}: number words,
 * abbreviations both ways, trade names, legal forms anywhere, accents and punctuation, reordered
 * person names, added words with strong evidence, partner-set references, tenant suffixes, a leading
 * "The", billing elsewhere; and for each its hard negative (another number, a sibling, a twin in another
 * city or country, another person or title, a colliding reference). Background noise as in the dev set.
 *
 * @example
 * const { psa, distributor, truth, kinds } = generateMatchingDataset({ seed: 42, companies: 20000, customers: 20000 });
 */
export function generateMatchingDataset(options: SyntheticOptions = {}): SyntheticDataset {
  const r = rng(options.seed ?? 1);
  const total = options.companies ?? 1000;
  const customers = options.customers ?? 900;
  const unmatched = Math.round(customers * (options.unmatchedShare ?? 0.15));
  const taken = new Set<string>();
  const companies = Array.from({ length: total }, () => newCompany(r, taken));
  const psa: SyntheticDataset['psa'] = [];
  const ids = new Set<number>();
  const addPsa = (c: Company): number => {
    let id = r.int(1000, 999_999);
    while (ids.has(id)) id = r.int(1000, 999_999);
    ids.add(id);
    const country = c.country.iso === 'US' && r.chance(0.2) ? c.country.alt : c.country.name;
    const postal = c.country.iso === 'US' && r.chance(0.15) ? `${c.postal}-${r.int(1000, 9999)}` : c.postal;
    const website = c.website && r.chance(0.2) ? `www.${c.website}` : c.website;
    psa.push({ id, name: psaName(c), website: website ?? null, city: c.city[0], state: c.city[1] || null, postalCode: postal, country, phone: null });
    return id;
  };
  const psaIds = companies.map(addPsa);
  const used = new Set(psa.map((p) => `${p.name.toLowerCase()}|${p.city}`));
  const fresh = (make: () => Company): Company => {
    for (let k = 0; ; k++) {
      const c = make();
      const key = `${psaName(c).toLowerCase()}|${c.city[0]}`;
      if (!used.has(key) || k > 20) return (used.add(key), c);
    }
  };
  const plain = (c: Company): Company => ({ ...c, kind: 'plain' });
  const ownSite = (site: string) => (taken.has(`@${site}`) ? undefined : (taken.add(`@${site}`), site));
  const siblingOf = (c: Company): Company => ({ ...plain(c), words: [...c.words, r.pick(SIBLING_WORDS)], website: undefined, person: undefined });
  const movedTwin = (c: Company): Company => {
    const city = r.pick(c.country.cities.filter((x) => x[0] !== c.city[0]));
    return { ...plain(c), city, postal: postalFor(r, c.country.iso, city[2]), website: r.chance(0.5) ? ownSite(websiteFor(r, [...c.words, city[0]], c.country.iso)) : undefined };
  };
  // Traps on the PSA side: another company with the same name elsewhere, and a sibling with one more word.
  for (let i = 0; i < total * 0.04; i++) addPsa(fresh(() => movedTwin(r.pick(companies))));
  for (let i = 0; i < total * 0.03; i++) {
    const sibling = fresh(() => siblingOf(r.pick(companies)));
    taken.add(sameNameKey(sibling.words.join(' ')));
    addPsa(sibling);
  }

  const ofKind = (k: VariationKind) => companies.filter((c) => c.kind === k);
  // A hard negative's name must not be some other company's name (then it would not be a negative).
  const unused = (words: string[]): string[] | undefined => {
    const key = sameNameKey(words.join(' '));
    return taken.has(key) ? undefined : (taken.add(key), words);
  };
  const numbered = ofKind('number');
  const persons = ofKind('person-reorder');
  const traded = ofKind('trade-name').filter((c) => c.tradeForm === 'psa-trade');
  const distributor: MatchingRow[] = [];
  const matches: MatchTable['matches'] = {};
  const kinds: Record<string, VariationKind> = {};
  for (let n = 0; n < customers; n++) {
    let row: MatchingRow;
    let kind: VariationKind;
    let truth: number | null = null;
    if (n < unmatched) {
      const x = r.next();
      const base = plain(r.pick(companies));
      if (x < 0.25) [kind, row] = ['neg-unrelated', distributorRow(r, newCompany(r, taken, 'plain'), n, {})];
      else if (x < 0.43) [kind, row] = ['neg-moved-twin', distributorRow(r, fresh(() => movedTwin(base)), n, { located: true })];
      else if (x < 0.56) [kind, row] = ['neg-sibling', distributorRow(r, fresh(() => siblingOf(base)), n, {})];
      else if (x < 0.62) {
        const sib = fresh(() => siblingOf(base));
        [kind, row] = ['neg-sibling-domain', distributorRow(r, { ...sib, website: ownSite(websiteFor(r, sib.words, sib.country.iso)) }, n, {})];
      } else if (x < 0.7 && numbered.length > 0) {
        // Negatives carry their own identity everywhere, tenant and domain included.
        const c = plain(r.pick(numbered));
        const words = unused(otherNumber(r, c.words.join(' ')).split(' '));
        [kind, row] = words ? ['neg-number', distributorRow(r, { ...c, words, website: undefined }, n, { located: true })] : ['neg-unrelated', distributorRow(r, newCompany(r, taken, 'plain'), n, {})];
      } else if (x < 0.78 && persons.length > 0) {
        const c = r.pick(persons);
        const p = c.person!;
        const other = r.chance(0.5) ? { ...p, first: cap(r.pick(FIRST_NAMES.filter((f) => cap(f) !== p.first))) } : { ...p, title: otherTitle(r, p.title) };
        const words = unused([other.first, other.last, other.title]);
        [kind, row] = words ? ['neg-person', distributorRow(r, { ...plain(c), person: other, words, website: undefined }, n, { located: true })] : ['neg-unrelated', distributorRow(r, newCompany(r, taken, 'plain'), n, {})];
      } else if (x < 0.85 && traded.length > 0) {
        const c = r.pick(traded);
        const words = unused([...c.words, r.pick(SIBLING_WORDS)]);
        const sibling = { ...c, words: words ?? [], legalName: `${cap(r.pick(SURNAMES))} ${r.pick(c.country.legal)}`, website: undefined };
        [kind, row] = words ? ['neg-trade-sibling', distributorRow(r, sibling, n, {})] : ['neg-unrelated', distributorRow(r, newCompany(r, taken, 'plain'), n, {})];
      } else if (x < 0.92) {
        // A reference that happens to equal some PSA id (an ERP code), on an unrelated customer.
        [kind, row] = ['neg-ref-collision', distributorRow(r, newCompany(r, taken, 'plain'), n, { ref: String(r.pick(psaIds)) })];
      } else {
        const country = r.pick(COUNTRIES.filter((c) => c.iso !== base.country.iso));
        const city = r.pick(country.cities);
        const abroad = { ...base, country, city, postal: postalFor(r, country.iso, city[2]), legal: r.pick(country.legal), website: undefined };
        [kind, row] = ['neg-other-country', distributorRow(r, abroad, n, { located: true })];
      }
    } else {
      const i = r.int(0, companies.length - 1);
      const c = companies[i]!;
      const elsewhere = r.chance(0.033);
      kind = elsewhere && c.kind === 'plain' ? 'billing-elsewhere' : c.kind;
      row = distributorRow(r, c, n, { elsewhere, ...(c.kind === 'external-ref' ? { ref: String(psaIds[i]!) } : {}) });
      truth = psaIds[i]!;
    }
    distributor.push(row);
    matches[row.id] = truth;
    kinds[row.id] = kind;
  }
  return { psa, distributor, truth: { matches }, kinds };
}

