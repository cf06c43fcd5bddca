// Background noise of the synthetic generator, in the proportions the shared dev set shows: case,
// legal-form changes, abbreviations, `&`/`and`/`+`, typos, tenant labels, domains of every kind,
// postal formats. Applied on top of a row's variation kind (synthetic-kinds.ts).
import type { Rng, VariationKind } from './synthetic-kinds';
import type { SyntheticCountry } from './synthetic-words';

/** A generated company: the PSA's spelling comes from it, distributor rows vary it. */
export interface Company {
  readonly words: string[];
  readonly legal: string;
  readonly country: SyntheticCountry;
  readonly city: readonly [string, string, string];
  readonly postal: string;
  readonly website: string | undefined;
  readonly person: { first: string; last: string; title: string } | undefined;
  readonly kind: VariationKind;
  /** Trade-name companies: the legal name, and which form the PSA holds. */
  readonly legalName?: string;
  readonly tradeForm?: 'psa-trade' | 'psa-dba' | 'psa-legal';
}
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const NOISE = [' - M365', ' (Main)', ' Tenant', ' - NCE', ' - CSP', ' - Azure', ' - Microsoft 365', ' (New)', ' TENANT'];
const FREE = ['gmail.com', 'outlook.com', 'yahoo.com', 'comcast.net', 'hotmail.com', 'att.net', 'shaw.ca', 'btinternet.com', 'bigpond.com', 'web.de'];
const ABBR: Array<[RegExp, string]> = [[/\bBrothers\b/, 'Bros.'], [/\bServices\b/, 'Svcs'], [/\bMountain\b/, 'Mtn.'], [/\bAssociates\b/, 'Assoc.'], [/\bCompany\b/, 'Co.'], [/\bMedical\b/, 'Med.']];
const TLD: Record<string, string[]> = { US: ['com', 'net', 'us', 'co'], CA: ['ca', 'com'], GB: ['co.uk', 'com'], AU: ['com.au'], DE: ['de', 'com'], FR: ['fr', 'com'], NL: ['nl', 'com'], SE: ['se', 'com'] };
const TENANT_SUFFIXES = ['llc', 'inc', '365', 'corp', 'group', 'online', 'ltd', 'co'];

/** Lower-case letters and digits only, accents folded: how a name becomes a domain or tenant label. */
export const slug = (words: readonly string[]) =>
  words.join('').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/ø/g, 'o').replace(/[^a-z0-9]/g, '');

const core = (c: Company) => (c.person ? [c.person.first, c.person.last] : c.words.filter((w) => w !== '&' && w !== 'and' && w !== 'The'));

/**
 * A postal code of the country's format with the city's prefix.
 *
 * @example
 * postalFor(rng(1), 'US', '992') // '99214'
 */
export function postalFor(r: Rng, iso: string, prefix: string): string {
  const d = () => String(r.int(0, 9));
  const l = () => 'ABCEGHJKLMNPRSTVWXYZ'[r.int(0, 19)]!;
  if (iso === 'US') return prefix + d() + d();
  if (iso === 'CA') return `${prefix} ${d()}${l()}${d()}`;
  if (iso === 'GB') return `${prefix} ${d()}${l()}${l()}`;
  if (iso === 'AU') return prefix + d() + d();
  return prefix + d() + d() + d();
}

/**
 * A website for a company name: the name, hyphenated, with a marketing prefix, or initials + last word.
 *
 * @example
 * websiteFor(rng(1), ['Basalt', 'Dental'], 'US') // 'basaltdental.com'
 */
export function websiteFor(r: Rng, words: readonly string[], iso: string): string {
  const base = words.filter((w) => w !== '&' && w !== 'and' && w !== 'The');
  const x = r.next();
  const label = x < 0.6 ? slug(base) : x < 0.75 ? base.map((w) => slug([w])).join('-') : x < 0.85 ? r.pick(['my', 'go', 'the']) + slug(base) : slug(base.map((w) => w[0]!)) + slug(base.slice(-1));
  return `${label}.${r.pick(TLD[iso] ?? ['com'])}`;
}

function typo(r: Rng, text: string): string {
  const words = text.split(' ');
  const idx = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^[A-Za-z]+$/.test(w));
  if (idx.length === 0) return text;
  const [w, i] = r.pick(idx);
  const p = r.int(1, w.length - 2);
  const kind = r.int(0, 3);
  const c = 'aeioulnrst'[r.int(0, 9)]!;
  words[i] = kind === 0 ? w.slice(0, p) + w.slice(p + 1) : kind === 1 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) : kind === 2 ? w.slice(0, p) + c + w.slice(p + 1) : w.slice(0, p) + w[p] + w.slice(p);
  return words.join(' ');
}

/**
 * A distributor's spelling of a company: the kind's base name plus the dev set's background noise.
 * `raw` names (trade names, reordered persons) keep their own structure: no legal form is swapped in.
 *
 * @example
 * noisyName(rng(1), company, 'Basalt Dental', false) // e.g. 'BASALT DENTAL, LLC - M365'
 */
export function noisyName(r: Rng, c: Company, base: string, raw: boolean): string {
  let name = base;
  if (c.person && !raw && r.chance(0.5)) name = `${c.person.last}, ${c.person.first} ${c.person.title}`;
  for (const [re, to] of ABBR) if (re.test(name) && r.chance(0.5)) name = name.replace(re, to);
  if (r.chance(0.3)) name = name.replace(/ & | and /, r.pick([' & ', ' and ', ' + ', '&', ' &amp; ']));
  if (!raw && !c.person) {
    const legal = r.chance(0.3) ? '' : r.chance(0.4) ? r.pick(c.country.legal) : c.legal;
    if (legal) name += r.pick([', ', ' ']) + legal;
  }
  if (r.chance(0.22)) name = typo(r, name);
  if (r.chance(0.04) && !/^the /i.test(name)) name = `The ${name}`;
  if (r.chance(0.1)) name = name.replace(' ', '  ');
  if (r.chance(0.08)) name += '.';
  if (r.chance(c.kind === 'tenant-suffix' ? 0.8 : 0.22)) name += r.pick(NOISE);
  const x = r.next();
  return x < 0.2 ? name.toUpperCase() : x < 0.3 ? name.toLowerCase() : name;
}

/**
 * The domain a distributor holds: the website, an M365 tenant (full, truncated, initials, numbered, with
 * a suffix), another owned domain, free mail, or none. `tenantOnly`: a tenant that spells the name.
 *
 * @example
 * noisyDomain(rng(1), company, false, false) // e.g. 'basaltdental.onmicrosoft.com'
 */
export function noisyDomain(r: Rng, c: Company, elsewhere: boolean, tenantOnly: boolean): string | null {
  const label = slug(core(c));
  if (tenantOnly) return `${label}.onmicrosoft.com`;
  if (c.kind === 'tenant-suffix') return `${label}${r.pick(TENANT_SUFFIXES)}${r.chance(0.3) ? r.int(2, 9) : ''}.onmicrosoft.com`;
  // Proportions follow the shared dev set: about 55% website, 26% tenant, 3% other owned, 5% free-mail, 11% none.
  const x = r.next();
  // In the dev set, customers billed elsewhere usually carry the website domain (about 2 in 3).
  if ((x < 0.55 || (elsewhere && x < 0.67)) && c.website) return c.website;
  if (x < 0.81) {
    const y = r.next();
    const t = y < 0.65 ? label : y < 0.8 ? label.slice(0, 14) : slug(core(c).map((w) => w[0]!)) + r.pick(['inc', 'llc', 'co']);
    return `${t}${r.chance(0.15) ? r.int(2, 9) : ''}.onmicrosoft.com`;
  }
  if (x < 0.84) return `${r.pick([label + 'group', 'my' + label, label + '-mail'])}.com`;
  if (x < 0.89) return r.pick(FREE);
  return null;
}
