import { nameParts, type NamePart, type NormalizedName } from './normalize';
import { editDistance, compareNames, identicalNames, significant, type NameComparison, type Weight } from './similarity';
import type { PreparedCustomer, PreparedPsa } from './prepare';
import type { MatchReason } from './types';

/** Everything known about one customer–company pair, before the tier decision. */
export interface PairEvidence {
  psa: PreparedPsa;
  /** Log-odds-like sum of the signals; see docs/matching.md for the weights. */
  points: number;
  score: number;
  reasons: MatchReason[];
  externalRef: boolean;
  domain: 'match' | 'conflict' | 'none';
  tenant: 'exact' | 'partial' | 'acronym' | 'none';
  /** The customer's own domain spells the PSA name (`exact`) or starts with it (`partial`, e.g. `acmegroup.com`). */
  domainName: 'exact' | 'partial' | 'none';
  /** Longest tenant name that agreed, for judging truncations. */
  tenantLength: number;
  /** The tenant spelling that equals a PSA spelling (`exact` only). */
  tenantMatched: string;
  /** Length of the PSA spelling the customer's domain starts with. */
  domainNameLength: number;
  name: ComparedName;
  /** Which spellings agreed best, when a trade name or parenthesized alternative was involved. */
  via: string | undefined;
  /** Set when added words were read as the other side's city (see `locationQualifier`). */
  placeNote: string | undefined;
  city: 'match' | 'conflict' | 'unknown';
  postal: 'match' | 'near' | 'conflict' | 'unknown';
  country: 'match' | 'conflict' | 'unknown';
}

/** Signal weights (points). Positive agrees, negative conflicts. */
export const WEIGHTS = {
  externalRef: 12,
  domain: 7,
  domainConflict: -1,
  tenantExact: 3.5,
  tenantPartial: 2,
  tenantAcronym: 0.75,
  domainSpellsName: 3,
  domainExtendsName: 2,
  nameExact: 5,
  typo: -1,
  nameContained: 2,
  distinguishingWord: -1.5,
  cityMatch: 1.5,
  cityConflict: -3,
  postalMatch: 2,
  postalConflict: -0.5,
  countryConflict: -6,
} as const;

/**
 * Maps points to 0..1: an exact name alone (5 points) lands near 0.88, just under the default auto threshold.
 *
 * @example
 * toScore(5) // 0.881
 */
export function toScore(points: number): number {
  return Math.round((1 / (1 + Math.exp(-(points - 3)))) * 1000) / 1000;
}

function tenantEvidence(c: PreparedCustomer, p: PreparedPsa): [PairEvidence['tenant'], number, string] {
  let best: PairEvidence['tenant'] = 'none';
  let length = 0;
  for (const t of c.tenantSpellings) {
    for (const k of p.spellings) {
      if (k === t || (t.length >= 10 && editDistance(k, t, 1) <= 1)) return ['exact', t.length, t];
      // Microsoft truncates long tenant names; a long enough prefix still says a lot.
      if (t.length >= 6 && k.startsWith(t) && t.length > length) [best, length] = ['partial', t.length];
    }
    if (best === 'none' && p.acronyms.has(t)) [best, length] = ['acronym', t.length];
  }
  return [best, length, ''];
}

function domainNameEvidence(c: PreparedCustomer, p: PreparedPsa): [PairEvidence['domainName'], number] {
  let best: PairEvidence['domainName'] = 'none';
  let length = 0;
  for (const l of c.domainLabels) {
    for (const k of p.spellings) {
      if (l === k) return ['exact', k.length];
      if (k.length >= 8 && l.startsWith(k) && l.length - k.length <= 12 && k.length > length) [best, length] = ['partial', k.length];
    }
  }
  return [best, length];
}

function cityEvidence(a: string | undefined, b: string | undefined): PairEvidence['city'] {
  if (!a || !b) return 'unknown';
  if (a === b || (Math.min(a.length, b.length) >= 6 && editDistance(a, b, 1) <= 1)) return 'match';
  return 'conflict';
}

function postalEvidence(a: string | undefined, b: string | undefined, country: string | undefined): PairEvidence['postal'] {
  if (!a || !b) return 'unknown';
  if (a === b) return 'match';
  // Same US 3-digit ZIP prefix or same UK/CA outward part: same area, may still be the same company.
  const area = country === 'US' || /^\d{5}$/.test(a) ? 3 : country === 'CA' ? 3 : Math.max(2, a.length - 3);
  return a.slice(0, area) === b.slice(0, area) ? 'near' : 'conflict';
}

/**
 * Collects every signal for one pair, with a human-readable reason for each one that fired
 * (`explain` false: the same points and fields without the reasons, for candidates nobody will read).
 *
 * @example
 * const ev = collectEvidence(prepareCustomer(customer), preparePsa(company), () => 1);
 * ev.reasons.map((r) => r.detail);
 */
export function collectEvidence(c: PreparedCustomer, p: PreparedPsa, weight: Weight, explain = true, prior?: PairEvidence): PairEvidence {
  const reasons: MatchReason[] = [];
  let points = 0;
  const note = (signal: MatchReason['signal'], effect: MatchReason['effect'], detail: string | false, pts: number) => {
    if (detail !== false) reasons.push({ signal, effect, detail });
    points += pts;
  };

  const externalRef = c.externalRef !== undefined && (p.id.toLowerCase() === c.externalRef || p.externalIds.includes(c.externalRef));
  if (externalRef) note('external_ref', 'agrees', explain && `reseller reference "${c.customer.externalRef}" is this PSA company's id`, WEIGHTS.externalRef);

  let domain: PairEvidence['domain'] = 'none';
  const [domainName, domainNameLength] = p.website && c.domains.includes(p.website) ? (['none', 0] as const) : domainNameEvidence(c, p);
  if (p.website && c.domains.includes(p.website)) {
    domain = 'match';
    note('domain', 'agrees', explain && `customer domain ${p.website} is the PSA website`, WEIGHTS.domain);
  } else if (p.website && c.domains.length > 0 && domainName === 'none') {
    domain = 'conflict';
    note('domain', 'conflicts', explain && `customer domain ${c.domains.join(', ')} differs from PSA website ${p.website}`, WEIGHTS.domainConflict);
  }
  if (explain) for (const f of c.freeMail) reasons.push({ signal: 'domain', effect: 'neutral', detail: `${f} is a free-mail/ISP domain and proves nothing` });

  const [tenant, tenantLength, tenantMatched] = tenantEvidence(c, p);
  if (tenant !== 'none') {
    const pts = tenant === 'exact' ? WEIGHTS.tenantExact : tenant === 'partial' ? WEIGHTS.tenantPartial : WEIGHTS.tenantAcronym;
    const how = tenant === 'exact' ? 'spells' : tenant === 'partial' ? 'is a truncation of' : 'matches the initials of';
    note('tenant', 'agrees', explain && `M365 tenant "${c.tenants.join(', ')}" ${how} the PSA name`, pts);
  }
  if (domainName === 'exact') note('domain', 'agrees', explain && `customer domain ${c.domains.join(', ')} spells the PSA name or website`, WEIGHTS.domainSpellsName);
  if (domainName === 'partial') note('domain', 'agrees', explain && `customer domain ${c.domains.join(', ')} starts with the PSA name or website`, WEIGHTS.domainExtendsName);

  // Writing the reasons for a pair already scored reuses its name comparison (the costliest part).
  const { name, via } = prior ?? bestNameComparison(c.name, p.name, weight);
  const placeNote = prior ? prior.placeNote : locationQualifier(name, c.city, p.city);
  const through = via ? ` (${via})` : '';
  if (placeNote) note('name', 'neutral', explain && placeNote, 0);
  if (name.exact) note('name', 'agrees', explain && `normalized names are identical ("${name.leftTokens.join(' ')}")${through}`, WEIGHTS.nameExact);
  else if (name.equivalent) {
    note('name', 'agrees', explain && `names agree up to ${name.typos} typo(s), initials or split words${through}`, WEIGHTS.nameExact + WEIGHTS.typo * Math.max(1, name.typos));
  } else if (name.contained) {
    const [side, extra] = name.onlyLeft.some(significant) ? ['customer', name.onlyLeft] : ['PSA', name.onlyRight];
    const words = extra.filter(significant).map((t) => `"${t}"`).join(', ');
    note('name', 'neutral', explain && `one name contains the other; the ${side} name adds ${words}${through}: links only with strong evidence (same website, tenant or reference)`, WEIGHTS.nameContained);
  } else {
    const distinguishing = [...name.onlyLeft, ...name.onlyRight].filter(significant);
    const pts = 8 * (name.similarity - 0.6) + WEIGHTS.distinguishingWord * Math.min(2, distinguishing.length);
    note('name', 'conflicts', explain && `names differ in ${distinguishing.map((t) => `"${t}"`).join(', ')} (similarity ${name.similarity.toFixed(2)})`, pts);
  }

  const city = cityEvidence(c.city, p.city);
  if (city === 'match') note('city', 'agrees', explain && `city ${p.city}`, WEIGHTS.cityMatch);
  else if (city === 'conflict') note('city', 'conflicts', explain && `city ${c.city} vs ${p.city}`, WEIGHTS.cityConflict);
  const postal = postalEvidence(c.postal, p.postal, p.country ?? c.country);
  if (postal === 'match') note('postal_code', 'agrees', explain && `postal code ${p.postal}`, WEIGHTS.postalMatch);
  else if (postal === 'near') note('postal_code', 'neutral', explain && `postal codes ${c.postal} and ${p.postal} are in the same area`, 0);
  else if (postal === 'conflict') note('postal_code', 'conflicts', explain && `postal code ${c.postal} vs ${p.postal}`, WEIGHTS.postalConflict);
  const country = !c.country || !p.country ? 'unknown' : c.country === p.country ? 'match' : 'conflict';
  if (country === 'conflict') note('country', 'conflicts', explain && `country ${c.country} vs ${p.country}`, WEIGHTS.countryConflict);

  return { psa: p, points, score: toScore(points), reasons, externalRef, domain, tenant, tenantLength, tenantMatched, domainName, domainNameLength, name, via, placeNote, city, postal, country };
}

/** A name comparison plus the customer-side spelling that took part in it. */
export type ComparedName = NameComparison & { leftTokens: string[]; /** The customer-side spelling's normalized key. */ leftKey: string };
type Compared = ComparedName;

/**
 * "Valdivia Insurance Agency of Spokane" for the PSA's "Valdivia Insurance Agency" in Spokane: words
 * that only name the other side's own city locate the company, they do not distinguish it. The
 * comparison becomes equivalent (not exact), so it still needs the usual corroboration.
 */
function locationQualifier(name: ComparedName, customerCity: string | undefined, psaCity: string | undefined): string | undefined {
  if (!name.contained) return undefined;
  const leftExtra = name.onlyLeft.filter(significant);
  const [extra, city] = leftExtra.length > 0 ? [leftExtra, psaCity] : [name.onlyRight.filter(significant), customerCity];
  if (!city) return undefined;
  const words = city.split(' ');
  // A city name misspelt inside the company name ("of Sdubury") still names the city: one typo from 6 letters.
  const isCityWord = (w: string) => words.some((x) => x === w || (Math.min(x.length, w.length) >= 6 && editDistance(x, w, 1) <= 1));
  if (!extra.every(isCityWord)) return undefined;
  Object.assign(name, { contained: false, equivalent: true, typos: name.typos });
  return `the added ${extra.map((w) => `"${w}"`).join(', ')} is the other side's city, not a distinguishing word`;
}
const rank = (n: NameComparison) => (n.exact ? 4 : n.equivalent ? 3 - 0.1 * n.typos : n.contained ? 2 + n.similarity / 2 : n.similarity);

/** Compares every spelling of both names (main name, trade names, parenthesized names) and keeps the best pair. */
export function bestNameComparison(left: NormalizedName, right: NormalizedName, weight: Weight): { name: Compared; via: string | undefined } {
  let best: Compared | undefined;
  let bestPair: [NamePart, NamePart] | undefined;
  // Every spelling of each side: the main name (index -1) and its alternatives, without building the
  // `nameParts` arrays (this runs for every compared pair).
  search: for (let i = -1; i < left.alternatives.length; i++) {
    const a: NamePart = i < 0 ? left : left.alternatives[i]!;
    for (let j = -1; j < right.alternatives.length; j++) {
      const b: NamePart = j < 0 ? right : right.alternatives[j]!;
      // Equal keys are equal token multisets: the alignment is known without running it.
      const same = a.key === b.key && a.tokens.length > 0;
      const optional = !same && a.optional.length + b.optional.length > 0 ? new Set([...a.optional, ...b.optional]) : undefined;
      const cmp = (same ? identicalNames(a.tokens, b.tokens, weight) : compareNames(a.tokens, b.tokens, weight, { left: a.spelled, right: b.spelled }, optional)) as Compared;
      if (a.titles.length > 0 && b.titles.length > 0 && !a.titles.some((x) => b.titles.includes(x))) {
        // "Aurora Okonkwo DDS" and "Aurora Okonkwo CPA": the same name, two different practices.
        Object.assign(cmp, { exact: false, equivalent: false, contained: false, onlyLeft: [...cmp.onlyLeft, ...a.titles], onlyRight: [...cmp.onlyRight, ...b.titles] });
      }
      if (!best || rank(cmp) > rank(best)) {
        cmp.leftTokens = a.tokens;
        cmp.leftKey = a.key;
        [best, bestPair] = [cmp, [a, b]];
        // Nothing outranks an exact pair (rank 4), and a later tie never replaces the first.
        if (cmp.exact) break search;
      }
    }
  }
  const [a, b] = bestPair!;
  const via = a === left && b === right ? undefined : `through the alternative name ${a === left ? `"${b.tokens.join(' ')}" on the PSA side` : `"${a.tokens.join(' ')}" on the customer side`}`;
  return { name: best!, via };
}
