import { DOMAIN_PREFIXES, FREE_MAIL_DOMAINS } from './vocabulary';

// Second-level labels under which registrable names sit (acme.co.uk, acme.com.au).
const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'ac', 'gov', 'ltd', 'plc', 'edu', 'asn', 'id', 'gc', 'qc', 'on', 'bc']);

/**
 * Reduces a website, URL or e-mail address to a lower-case host without `www.`; undefined if empty.
 *
 * @example
 * normalizeDomain('https://WWW.Acme.com/about') // 'acme.com'
 * normalizeDomain('jane@acme.co.uk') // 'acme.co.uk'
 */
export function normalizeDomain(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  let s = value.trim().toLowerCase();
  const at = s.lastIndexOf('@');
  if (at >= 0) s = s.slice(at + 1);
  s = s.replace(/^[a-z]+:\/\//, '').replace(/[/?#:].*$/, '').replace(/\.+$/, '');
  s = s.replace(/^www\d*\./, '');
  return s.includes('.') ? s : undefined;
}

/**
 * The registrable part of a host (`mail.acme.co.uk` → `acme.co.uk`), so subdomains still agree.
 *
 * @example
 * registrableDomain('portal.acme.com') // 'acme.com'
 */
export function registrableDomain(host: string): string {
  const parts = host.split('.');
  if (parts.length <= 2) return host;
  const keep = parts.length >= 3 && parts[parts.length - 1]!.length === 2 && SECOND_LEVEL.has(parts[parts.length - 2]!) ? 3 : 2;
  return parts.slice(-keep).join('.');
}

/** The name-like label of a domain: `acme-dental.co.uk` → `acmedental`, with marketing prefixes available separately. */
export function domainLabel(host: string): string {
  const reg = registrableDomain(host);
  const label = reg.split('.')[0] ?? '';
  return label.replace(/[^a-z0-9]/g, '');
}

/**
 * The label variants a company might hide behind: as is, and without a marketing prefix (`getacme` → `acme`).
 *
 * @example
 * labelVariants('goacme') // ['goacme', 'acme']
 */
export function labelVariants(label: string): string[] {
  const out = [label];
  for (const p of DOMAIN_PREFIXES) if (label.length > p.length + 3 && label.startsWith(p)) out.push(label.slice(p.length));
  return out;
}

/**
 * True for free-mail and ISP domains (gmail.com, comcast.net, …), which prove nothing about a company.
 *
 * @example
 * isFreeMailDomain('comcast.net') // true
 */
export function isFreeMailDomain(host: string): boolean {
  return FREE_MAIL_DOMAINS.has(host) || FREE_MAIL_DOMAINS.has(registrableDomain(host));
}

/**
 * The tenant name of a Microsoft 365 `*.onmicrosoft.com` domain, lower-cased, with the numeric suffix
 * Microsoft adds to taken names removed (`acmecorp2.onmicrosoft.com` → `acmecorp`); undefined otherwise.
 *
 * @example
 * tenantName('AcmeCorp2.onmicrosoft.com') // 'acmecorp'
 */
export function tenantName(host: string): string | undefined {
  const m = /^([a-z0-9-]+)\.onmicrosoft\.(?:com|de|us)$/.exec(host.toLowerCase());
  if (!m?.[1]) return undefined;
  return m[1].replace(/-/g, '').replace(/\d+$/, '') || undefined;
}
