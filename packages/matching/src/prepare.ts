import { domainLabel, isFreeMailDomain, labelVariants, normalizeDomain, registrableDomain, tenantName } from './domain';
import { normalizeCity, normalizeCountry, normalizePostalCode } from './location';
import { compact, nameParts, normalizeName, type NormalizedName } from './normalize';
import { compileTables, DEFAULT_NAME_TABLES, type NameTables } from './tables';
import type { DistributorCustomer, PsaCompany } from './types';

/** A PSA company with everything matching compares precomputed once. */
export interface PreparedPsa {
  company: PsaCompany;
  id: string;
  name: NormalizedName;
  /** Spellings a domain or tenant name would use for this company. */
  compacts: Set<string>;
  /** Initials, alone and with a legal-form suffix (`cmmg`, `cmmginc`): weak tenant evidence. */
  acronyms: Set<string>;
  /** The bare initials of each multi-word name part (`cmmg`) and with the name's own legal initials: what the index stores. */
  initials: string[];
  website: string | undefined;
  websiteLabels: string[];
  /** `compacts` and `websiteLabels` in one list: what a tenant or domain label is compared with. */
  spellings: string[];
  city: string | undefined;
  postal: string | undefined;
  country: string | undefined;
  externalIds: string[];
}

/** A distributor customer prepared the same way. */
export interface PreparedCustomer {
  customer: DistributorCustomer;
  id: string;
  name: NormalizedName;
  /** Company-owned domains (website or non-free e-mail domain), registrable form. */
  domains: string[];
  /** Labels of those domains, for "the domain spells the PSA name" evidence. */
  domainLabels: string[];
  freeMail: string[];
  tenants: string[];
  /** The customer's own name spelled the way a tenant would be (`acmedentallab`), per name part. */
  compacts: string[];
  /** Words of the name tables that describe a business's form, not its identity (`group`, `services`). */
  generic: ReadonlySet<string>;
  /** Tenant names and their forms without a suffix that is not part of the name (`acmellc` → `acme`). */
  tenantSpellings: string[];
  city: string | undefined;
  postal: string | undefined;
  country: string | undefined;
  externalRef: string | undefined;
}

/**
 * Cities and countries repeat across thousands of rows (83 distinct cities on the 20k bench set), so
 * each distinct spelling is folded once. Bounded: the cache starts over past a few thousand entries.
 */
function memo(fn: (value: string | null | undefined) => string | undefined): (value: string | null | undefined) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (value) => {
    if (!value) return fn(value);
    if (cache.has(value)) return cache.get(value);
    if (cache.size >= 4096) cache.clear();
    const out = fn(value);
    cache.set(value, out);
    return out;
  };
}
const cityOf = memo(normalizeCity);
const countryOf = memo(normalizeCountry);

export const ACRONYM_SUFFIXES = ['', 'inc', 'llc', 'ltd', 'co', 'corp', 'pc', 'group', 'grp', 'pllc', 'llp', 'plc', 'gmbh'];

/**
 * Precomputes the comparable form of a PSA company.
 *
 * @example
 * preparePsa({ id: 1, name: 'Acme Dental, Inc.', website: 'www.acmedental.com' }).website // 'acmedental.com'
 */
export function preparePsa(company: PsaCompany, tables: NameTables = DEFAULT_NAME_TABLES): PreparedPsa {
  const name = normalizeName(company.name, tables);
  const compacts = new Set<string>();
  const acronyms = new Set<string>();
  const initialsOf = new Set<string>();
  for (const p of nameParts(name)) {
    const raw = p.surface;
    for (const spelling of [p.tokens, [...p.tokens, ...p.legal], raw, raw.filter((t) => t !== 'the'), raw.filter((t) => t !== 'and' && t !== 'the')]) {
      compacts.add(compact(spelling));
    }
    if (p.tokens.length >= 2) {
      const initials = p.tokens.map((t) => t[0]).join('');
      for (const s of ACRONYM_SUFFIXES) acronyms.add(initials + s);
      acronyms.add(initials + p.legal.map((t) => t[0]).join(''));
      initialsOf.add(initials);
    }
  }
  compacts.delete('');
  const website = normalizeDomain(company.website);
  const websiteLabels = website ? labelVariants(domainLabel(website)) : [];
  const country = countryOf(company.country);
  return {
    company,
    id: String(company.id),
    name,
    compacts,
    acronyms,
    initials: [...initialsOf],
    website: website && registrableDomain(website),
    websiteLabels,
    spellings: [...new Set([...compacts, ...websiteLabels])],
    city: cityOf(company.city),
    postal: normalizePostalCode(company.postalCode, country),
    country,
    externalIds: (company.externalIds ?? []).map((x) => x.trim().toLowerCase()),
  };
}

/**
 * Precomputes the comparable form of a distributor customer; domains are sorted into company-owned,
 * free-mail and Microsoft 365 tenant names.
 *
 * @example
 * prepareCustomer({ vendor: 'pax8', externalId: '1', name: 'Acme', domains: [{ domain: 'acme.onmicrosoft.com', source: 'tenant' }] }).tenants // ['acme']
 */
export function prepareCustomer(customer: DistributorCustomer, tables: NameTables = DEFAULT_NAME_TABLES): PreparedCustomer {
  const compiled = compileTables(tables);
  const suffixes = compiled.tenantSuffixes;
  const hosts = [...(customer.domains ?? []).map((d) => d.domain), customer.email]
    .map((d) => normalizeDomain(d))
    .filter((d): d is string => d !== undefined);
  const domains: string[] = [];
  const freeMail: string[] = [];
  const tenants: string[] = [];
  for (const host of new Set(hosts)) {
    const tenant = tenantName(host);
    if (tenant) tenants.push(tenant);
    else if (isFreeMailDomain(host)) freeMail.push(host);
    else domains.push(registrableDomain(host));
  }
  const country = countryOf(customer.address?.country);
  const name = normalizeName(customer.name, tables);
  return {
    customer,
    id: `${customer.vendor}:${customer.externalId}`,
    name,
    compacts: nameParts(name).flatMap((p) => [compact(p.surface.filter((w) => w !== 'the' && w !== 'and')), compact(p.tokens)]),
    generic: compiled.generic,
    domains: [...new Set(domains)],
    domainLabels: [...new Set(domains.flatMap((d) => labelVariants(domainLabel(d))))],
    freeMail,
    tenants: [...new Set(tenants)],
    tenantSpellings: [...new Set(tenants.flatMap((t) => tenantSpellings(t, suffixes)))],
    city: cityOf(customer.address?.city),
    postal: normalizePostalCode(customer.address?.postalCode, country),
    country,
    externalRef: customer.externalRef?.trim().toLowerCase() || undefined,
  };
}

/** A tenant name and its forms without trailing suffixes (`acmeinc365` → `acmeinc`, `acme`), keeping 4+ letters. */
function tenantSpellings(tenant: string, suffixes: readonly string[]): string[] {
  const out = [tenant];
  let t = tenant;
  for (let again = true; again; ) {
    again = false;
    for (const s of suffixes) {
      if (t.length - s.length >= 4 && t.endsWith(s)) {
        t = t.slice(0, -s.length);
        out.push(t);
        again = true;
        break;
      }
    }
  }
  if (t.startsWith('the') && t.length > 7) out.push(t.slice(3));
  return out;
}
