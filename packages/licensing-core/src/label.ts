import { ConfigurationError, VENDOR_LABELS, normalizeVendor, type Vendor } from '@vectis/connector-core';
import type { VendorTag } from './types';

/**
 * The QBR vendor label: one distributor's display name, or "Mixed".
 *
 * @example
 * const label: QbrVendorLabel | undefined = report.qbrVendorLabel;
 */
export type QbrVendorLabel = 'Ingram Micro' | 'Pax8' | 'Sherweb' | 'TD SYNNEX' | 'Mixed';

/**
 * The QBR vendor label for the licensing lines in scope: the single distributor's name when every
 * line comes from one distributor, "Mixed" when several contributed, `undefined` when there are no
 * lines (omit the label). `synnex` reads as TD SYNNEX. An unknown tag throws `ConfigurationError`
 * rather than producing a wrong label.
 *
 * @example
 * qbrVendorLabel([{ vendor: 'synnex' }, { vendor: 'td_synnex' }]) // 'TD SYNNEX'
 * qbrVendorLabel([{ vendor: 'pax8' }, { vendor: 'sherweb' }])     // 'Mixed'
 * qbrVendorLabel([])                                              // undefined
 */
export function qbrVendorLabel(lines: Iterable<{ vendor: VendorTag | string }>): QbrVendorLabel | undefined {
  const vendors = new Set<Vendor>();
  for (const [i, line] of [...lines].entries()) {
    const vendor = normalizeVendor(String(line.vendor));
    if (vendor === undefined) {
      throw new ConfigurationError({
        issues: [{ field: `lines[${i}].vendor`, message: 'not a known distributor tag' }],
        remedy: 'Use ingram_micro, pax8, sherweb or td_synnex (synnex is read as td_synnex).',
      });
    }
    vendors.add(vendor);
  }
  return vendorLabelOf([...vendors]);
}

// A Map: 200k lookups per report with a variable key, where an object's keyed load goes megamorphic.
const LABELS = new Map(Object.entries(VENDOR_LABELS) as [Vendor, QbrVendorLabel][]);

/** The display name of one vendor. */
export function labelOfVendor(vendor: Vendor): QbrVendorLabel | undefined {
  return LABELS.get(vendor);
}

/** Label for an already-normalized vendor set. */
export function vendorLabelOf(vendors: readonly Vendor[]): QbrVendorLabel | undefined {
  if (vendors.length === 1) return labelOfVendor(vendors[0] as Vendor);
  const distinct = new Set(vendors);
  if (distinct.size === 0) return undefined;
  if (distinct.size > 1) return 'Mixed';
  return LABELS.get([...distinct][0] as Vendor);
}
