import type { MatchingRow } from './adapter';
import type { MatchTable } from './evaluate';
import type { PsaCompany } from './types';
import { type SyntheticCountry, ADJECTIVES, ANIMALS, BUSINESS_TYPES, COUNTRIES, FIRST_NAMES, PLACE_WORDS, PROFESSIONS, SIBLING_WORDS, SURNAMES } from './synthetic-words';

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
  /** Share of customers with no PSA row. Default 0.15. */
  unmatchedShare?: number;
}

/**
 * A generated data set in the shared matching format.
 *
 * @example
 * const { psa, distributor, truth } = generateMatchingDataset({ seed: 1 });
 */
export interface SyntheticDataset {
  psa: Array<PsaCompany & { id: number; phone: null }>;
  distributor: MatchingRow[];
  truth: MatchTable;
}

interface Company {
  words: string[];
  legal: string;
  country: SyntheticCountry;
  city: readonly [string, string, string];
  postal: string;
  website: string | undefined;
  person: boolean;
}

const VENDORS = ['ingram_micro', 'pax8', 'sherweb', 'td_synnex'] as const;
const NOISE = [' - M365', ' (Main)', ' Tenant', ' - NCE', ' - CSP', ' - Azure', ' - Microsoft 365', ' (New)', ' TENANT'];
const FREE = ['gmail.com', 'outlook.com', 'yahoo.com', 'comcast.net', 'hotmail.com', 'att.net', 'shaw.ca', 'btinternet.com', 'bigpond.com', 'web.de'];
const ABBR: Array<[RegExp, string]> = [[/\bBrothers\b/, 'Bros.'], [/\bServices\b/, 'Svcs'], [/\bMountain\b/, 'Mtn.'], [/\bAssociates\b/, 'Assoc.'], [/\bCompany\b/, 'Co.'], [/\bMedical\b/, 'Med.']];
const TLD: Record<string, string[]> = { US: ['com', 'net', 'us', 'co'], CA: ['ca', 'com'], GB: ['co.uk', 'com'], AU: ['com.au'], DE: ['de', 'com'] };

/** mulberry32: a tiny seeded PRNG, so a seed always yields the same data set. */
function rng(seed: number) {
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
type Rng = ReturnType<typeof rng>;

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const slug = (words: readonly string[]) => words.join('').toLowerCase().replace(/[^a-z0-9]/g, '');

function postalFor(r: Rng, iso: string, prefix: string): string {
  const d = () => String(r.int(0, 9));
  const l = () => 'ABCEGHJKLMNPRSTVWXYZ'[r.int(0, 19)]!;
  if (iso === 'US') return prefix + d() + d();
  if (iso === 'CA') return `${prefix} ${d()}${l()}${d()}`;
  if (iso === 'GB') return `${prefix} ${d()}${l()}${l()}`;
  if (iso === 'AU') return prefix + d() + d();
  return prefix + d() + d() + d();
}

function newCompany(r: Rng, taken: Set<string>): Company {
  for (;;) {
    const country = pickCountry(r);
    const type = r.pick(BUSINESS_TYPES).split(' ');
    const s = () => cap(r.pick(SURNAMES));
    const shape = r.next();
    let words: string[];
    let person = false;
    if (shape < 0.3) words = [s(), ...type];
    else if (shape < 0.45) words = [s(), r.pick(['&', 'and', '&']), s(), ...type];
    else if (shape < 0.6) words = [cap(r.pick(PLACE_WORDS)), ...type];
    else if (shape < 0.7) words = [cap(r.pick(ADJECTIVES)), cap(r.pick(ANIMALS)), ...type];
    else if (shape < 0.8) [words, person] = [[cap(r.pick(FIRST_NAMES)), s(), r.pick(PROFESSIONS)], true];
    else if (shape < 0.9) words = ['ABCDEFGHJKLMNPRSTVW'.split('').sort(() => r.next() - 0.5).slice(0, 3).join(''), ...type];
    else words = [s(), '&', 'Sons', ...type];
    const key = words.join(' ').toLowerCase();
    if (taken.has(key)) continue;
    taken.add(key);
    const city = r.pick(country.cities);
    const website = r.chance(0.83) ? websiteFor(r, words, country.iso) : undefined;
    return { words, legal: r.chance(0.6) ? r.pick(country.legal) : '', country, city, postal: postalFor(r, country.iso, city[2]), website, person };
  }
}

function pickCountry(r: Rng): SyntheticCountry {
  let x = r.next();
  for (const c of COUNTRIES) if ((x -= c.share) < 0) return c;
  return COUNTRIES[0]!;
}

function websiteFor(r: Rng, words: readonly string[], iso: string): string {
  const core = words.filter((w) => w !== '&' && w !== 'and');
  const x = r.next();
  const label = x < 0.6 ? slug(core) : x < 0.75 ? core.join('-').toLowerCase() : x < 0.85 ? r.pick(['my', 'go', 'the']) + slug(core) : slug(core.map((w) => w[0]!)) + slug(core.slice(-1));
  return `${label}.${r.pick(TLD[iso] ?? ['com'])}`;
}

function typo(r: Rng, text: string): string {
  const words = text.split(' ');
  const idx = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5);
  if (idx.length === 0) return text;
  const [w, i] = r.pick(idx);
  const p = r.int(1, w.length - 2);
  const kind = r.int(0, 3);
  const c = 'aeioulnrst'[r.int(0, 9)]!;
  words[i] = kind === 0 ? w.slice(0, p) + w.slice(p + 1) : kind === 1 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) : kind === 2 ? w.slice(0, p) + c + w.slice(p + 1) : w.slice(0, p) + w[p] + w.slice(p);
  return words.join(' ');
}

function psaName(c: Company): string {
  return [c.words.join(' '), c.legal].filter(Boolean).join(c.legal && !c.person ? ', ' : ' ').replace(/, (Inc|LLC|Ltd)/, ' $1');
}

/** A distributor's spelling of a company: the noise the shared data README describes. */
function noisyName(r: Rng, c: Company): string {
  let words = c.words.slice();
  if (c.person && r.chance(0.5)) words = [words[1]!, words[0]!, ...words.slice(2)].map((w, i) => (i === 0 ? `${w},` : w));
  let name = words.join(' ');
  for (const [re, to] of ABBR) if (re.test(name) && r.chance(0.5)) name = name.replace(re, to);
  if (r.chance(0.3)) name = name.replace(/ & | and /, r.pick([' & ', ' and ', ' + ', '&', ' &amp; ']));
  const legal = r.chance(0.3) ? '' : r.chance(0.4) ? r.pick(c.country.legal) : c.legal;
  if (legal) name += r.pick([', ', ' ']) + legal;
  if (r.chance(0.22)) name = typo(r, name);
  if (r.chance(0.05)) name = `The ${name}`;
  if (r.chance(0.1)) name = name.replace(' ', '  ');
  if (r.chance(0.08)) name += '.';
  if (r.chance(0.22)) name += r.pick(NOISE);
  const x = r.next();
  return x < 0.2 ? name.toUpperCase() : x < 0.3 ? name.toLowerCase() : name;
}

function noisyDomain(r: Rng, c: Company, elsewhere: boolean): string | null {
  const core = slug(c.words.filter((w) => w !== '&' && w !== 'and'));
  // Proportions follow the shared dev set: about 55% website, 26% tenant, 3% other owned, 5% free-mail, 11% none.
  const x = r.next();
  // In the dev set, customers billed elsewhere usually carry the website domain (about 2 in 3).
  if ((x < 0.55 || (elsewhere && x < 0.67)) && c.website) return c.website;
  if (x < 0.81) {
    const y = r.next();
    const t = y < 0.65 ? core : y < 0.8 ? core.slice(0, 14) : slug(c.words.filter((w) => w !== '&').map((w) => w[0]!)) + r.pick(['inc', 'llc', 'co']);
    return `${t}${r.chance(0.15) ? r.int(2, 9) : ''}.onmicrosoft.com`;
  }
  if (x < 0.84) return `${r.pick([core + 'group', 'my' + core, core + '-mail'])}.com`;
  if (x < 0.89) return r.pick(FREE);
  return null;
}

// `located`: a look-alike of a PSA company always says where it is (as in the shared dev set); without
// that, nobody could tell it from the PSA company of the same name.
function distributorRow(r: Rng, c: Company, n: number, opts: { elsewhere: boolean; located?: boolean }): MatchingRow {
  const vendor = r.pick(VENDORS);
  const elsewhere = opts.elsewhere ? r.pick(c.country.cities.filter((x) => x[0] !== c.city[0])) : undefined;
  const [city, , prefix] = elsewhere ?? c.city;
  const hasCity = elsewhere !== undefined || opts.located === true || r.chance(0.6);
  let postal: string | null = hasCity && r.chance(0.9) ? (elsewhere ? postalFor(r, c.country.iso, prefix) : c.postal) : null;
  if (postal && r.chance(0.3)) postal = r.chance(0.5) ? postal.replace(' ', '') : postal.toLowerCase();
  if (postal && c.country.iso === 'US' && r.chance(0.15)) postal += `-${r.int(1000, 9999)}`;
  const cityText = !hasCity ? null : r.chance(0.15) ? city.toUpperCase() : city;
  return {
    id: `${vendor}:${vendor === 'pax8' || vendor === 'sherweb' ? `syn-${n}` : String(5_000_000 + n)}`,
    vendor,
    name: noisyName(r, c),
    domain: noisyDomain(r, c, elsewhere !== undefined),
    city: cityText,
    postalCode: postal,
    country: vendor === 'pax8' ? c.country.name : c.country.iso,
  };
}

/**
 * Generates a held-out matching data set with invented names (disjoint from the shared dev set's
 * surnames, place words and cities) and the same kinds of noise: legal-form and case changes,
 * abbreviations, typos, tenant labels, M365 tenant domains (full, truncated, initials, numbered),
 * free-mail domains, missing or billing-elsewhere addresses, same-name companies in other cities,
 * names that differ by one distinguishing word, and customers with no PSA row.
 *
 * @example
 * const { psa, distributor, truth } = generateMatchingDataset({ seed: 42, companies: 20000, customers: 20000 });
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
  // Traps on the PSA side: another company with the same name elsewhere, and a sibling with one more word.
  const siblingOf = (c: Company): Company => ({ ...c, words: [...c.words, r.pick(SIBLING_WORDS)], website: undefined });
  const movedTwin = (c: Company): Company => {
    const city = r.pick(c.country.cities.filter((x) => x[0] !== c.city[0]));
    return { ...c, city, postal: postalFor(r, c.country.iso, city[2]), website: r.chance(0.5) ? websiteFor(r, [...c.words, city[0]], c.country.iso) : undefined };
  };
  for (let i = 0; i < total * 0.04; i++) addPsa(fresh(() => movedTwin(r.pick(companies))));
  for (let i = 0; i < total * 0.03; i++) addPsa(fresh(() => siblingOf(r.pick(companies))));

  const distributor: MatchingRow[] = [];
  const matches: MatchTable['matches'] = {};
  for (let n = 0; n < customers; n++) {
    let row: MatchingRow;
    let truth: number | null = null;
    if (n < unmatched) {
      const kind = r.next();
      const base = r.pick(companies);
      if (kind < 0.55) row = distributorRow(r, newCompany(r, taken), n, { elsewhere: false });
      else if (kind < 0.8) row = distributorRow(r, fresh(() => movedTwin(base)), n, { elsewhere: false, located: true });
      else row = distributorRow(r, fresh(() => siblingOf(base)), n, { elsewhere: false });
    } else {
      const i = r.int(0, companies.length - 1);
      row = distributorRow(r, companies[i]!, n, { elsewhere: r.chance(0.033) });
      truth = psaIds[i]!;
    }
    distributor.push(row);
    matches[row.id] = truth;
  }
  return { psa, distributor, truth: { matches } };
}
