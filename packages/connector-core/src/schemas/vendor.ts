import { z } from 'zod';

/** The vendor tags written on every record. */
export const VENDORS = ['ingram_micro', 'pax8', 'sherweb', 'td_synnex'] as const;

/**
 * A distributor's vendor tag. Reading also accepts `synnex` (the product's pages write it)
 * and normalizes it to `td_synnex`, so one tenant never ends up in two buckets.
 *
 * @example
 * Vendor.parse('synnex') // 'td_synnex'
 */
export const Vendor = z.preprocess((v) => (v === 'synnex' ? 'td_synnex' : v), z.enum(VENDORS));
export type Vendor = (typeof VENDORS)[number];

/** Display names, as shown in reports and the QBR vendor label. */
export const VENDOR_LABELS: Readonly<Record<Vendor, string>> = {
  ingram_micro: 'Ingram Micro',
  pax8: 'Pax8',
  sherweb: 'Sherweb',
  td_synnex: 'TD SYNNEX',
};

/**
 * Normalizes a vendor tag (accepting the `synnex` alias); `undefined` for anything else.
 *
 * @example
 * normalizeVendor('synnex') // 'td_synnex'
 */
export function normalizeVendor(value: string): Vendor | undefined {
  const v = value === 'synnex' ? 'td_synnex' : value;
  return (VENDORS as readonly string[]).includes(v) ? (v as Vendor) : undefined;
}
