import { z } from 'zod';
import { Vendor } from './vendor';

export const CustomerStatus = z.enum(['active', 'inactive', 'suspended', 'deleted', 'unknown']);
export type CustomerStatus = z.infer<typeof CustomerStatus>;

/** A postal address as the distributor holds it. `country` is ISO 3166-1 alpha-2 where the vendor sends one. */
export const Address = z.object({
  street: z.string().optional(),
  street2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});
export type Address = z.infer<typeof Address>;

/** A domain seen on the customer, with where it came from (matching weighs them differently). */
export const CustomerDomain = z.object({
  domain: z.string(),
  source: z.enum(['website', 'contact_email', 'tenant']),
});
export type CustomerDomain = z.infer<typeof CustomerDomain>;

/**
 * A distributor's customer, normalized.
 *
 * - `externalId` is the distributor's own id; records are keyed by `(vendor, externalId)`.
 * - `externalRef` is the id the **reseller** set on the customer (e.g. the PSA company id):
 *   a strong matching signal. Ingram calls this field `externalId`.
 *
 * @example
 * Customer.parse({ vendor: 'ingram_micro', externalId: '1000001', name: 'Acme', status: 'active', rawStatus: 'active', raw: {} })
 */
export const Customer = z.object({
  vendor: Vendor,
  externalId: z.string().min(1),
  name: z.string(),
  status: CustomerStatus,
  rawStatus: z.string().optional(),
  externalRef: z.string().optional(),
  domains: z.array(CustomerDomain).optional(),
  email: z.string().optional(),
  address: Address.optional(),
  updatedAt: z.string().optional(),
  raw: z.unknown(),
});
export type Customer = z.infer<typeof Customer>;
