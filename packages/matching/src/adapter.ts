import { isFreeMailDomain, normalizeDomain, tenantName } from './domain';
import type { DistributorCustomer } from './types';

/**
 * One distributor row in the shared matching data format (`distributor.json`).
 *
 * @example
 * const row: MatchingRow = { id: 'pax8:1', vendor: 'pax8', name: 'Acme', domain: 'acme.com', city: null, postalCode: null, country: 'US' };
 */
export interface MatchingRow {
  id: string;
  vendor: string;
  name: string;
  domain?: string | null;
  city?: string | null;
  postalCode?: string | null;
  country?: string | null;
  /** Optional: a reference the partner set on the distributor side (e.g. the PSA company id). Not in the dev set. */
  externalRef?: string | null;
}

/**
 * Adapts a row of the shared matching data format to the customer shape {@link matchCustomers} takes.
 * The id keeps its `<vendor>:` prefix semantics, so results come back under the row's own id. A
 * `*.onmicrosoft.com` domain becomes a tenant, a free-mail domain a contact e-mail domain, anything else a website.
 *
 * @example
 * fromMatchingRow({ id: 'pax8:1', vendor: 'pax8', name: 'Acme', domain: 'acme.onmicrosoft.com' }).domains
 * // [{ domain: 'acme.onmicrosoft.com', source: 'tenant' }]
 */
export function fromMatchingRow(row: MatchingRow): DistributorCustomer {
  const prefix = `${row.vendor}:`;
  const externalId = row.id.startsWith(prefix) ? row.id.slice(prefix.length) : row.id;
  const host = normalizeDomain(row.domain);
  const source = !host ? undefined : tenantName(host) ? 'tenant' : isFreeMailDomain(host) ? 'contact_email' : 'website';
  const address = {
    ...(row.city ? { city: row.city } : {}),
    ...(row.postalCode ? { postalCode: row.postalCode } : {}),
    ...(row.country ? { country: row.country } : {}),
  };
  return {
    vendor: row.vendor,
    externalId,
    name: row.name,
    status: 'active',
    ...(row.externalRef ? { externalRef: row.externalRef } : {}),
    ...(host && source ? { domains: [{ domain: host, source }] } : {}),
    ...(Object.keys(address).length ? { address } : {}),
  };
}
