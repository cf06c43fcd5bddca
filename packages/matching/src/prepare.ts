import { domainLabel, isFreeMailDomain, labelVariants, normalizeDomain, registrableDomain, tenantName } from './domain';
import { normalizeCity, normalizeCountry, normalizePostalCode } from './location';
import { compact, normalizeName, rawTokens, type NormalizedName } from './normalize';
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
  website: string | undefined;
  websiteLabels: string[];
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
  city: string | undefined;
  postal: string | undefined;
  country: string | undefined;
  externalRef: string | undefined;
}

const ACRONYM_SUFFIXES = ['', 'inc', 'llc', 'ltd', 'co', 'corp', 'pc', 'group', 'grp', 'pllc', 'llp', 'plc', 'gmbh'];

/**
 * Precomputes the comparable form of a PSA company.
 *
 * @example
 * preparePsa({ id: 1, name: 'Acme Dental, Inc.', website: 'www.acmedental.com' }).website // 'acmedental.com'
 */
export function preparePsa(company: PsaCompany): PreparedPsa {
  const name = normalizeName(company.name);
  const raw = rawTokens(company.name);
  const compacts = new Set<string>([
    compact(name.tokens),
    compact([...name.tokens, ...name.legal]),
    compact(raw),
    compact(raw.filter((t) => t !== 'the')),
    compact(raw.filter((t) => t !== 'and' && t !== 'the')),
  ]);
  const acronyms = new Set<string>();
  if (name.tokens.length >= 2) {
    const initials = name.tokens.map((t) => t[0]).join('');
    for (const s of ACRONYM_SUFFIXES) acronyms.add(initials + s);
    acronyms.add(initials + name.legal.map((t) => t[0]).join(''));
  }
  const website = normalizeDomain(company.website);
  const country = normalizeCountry(company.country);
  return {
    company,
    id: String(company.id),
    name,
    compacts,
    acronyms,
    website: website && registrableDomain(website),
    websiteLabels: website ? labelVariants(domainLabel(website)) : [],
    city: normalizeCity(company.city),
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
export function prepareCustomer(customer: DistributorCustomer): PreparedCustomer {
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
  const country = normalizeCountry(customer.address?.country);
  return {
    customer,
    id: `${customer.vendor}:${customer.externalId}`,
    name: normalizeName(customer.name),
    domains: [...new Set(domains)],
    domainLabels: [...new Set(domains.flatMap((d) => labelVariants(domainLabel(d))))],
    freeMail,
    tenants: [...new Set(tenants)],
    city: normalizeCity(customer.address?.city),
    postal: normalizePostalCode(customer.address?.postalCode, country),
    country,
    externalRef: customer.externalRef?.trim().toLowerCase() || undefined,
  };
}
