import { z } from 'zod';
import { Money } from './money';
import { BillingFrequency, Term } from './terms';
import { Vendor } from './vendor';

export const SubscriptionStatus = z.enum(['active', 'pending', 'trial', 'suspended', 'cancelled', 'expired', 'unknown']);
export type SubscriptionStatus = z.infer<typeof SubscriptionStatus>;

/** `YYYY-MM-DD`; vendors that send dates only keep them as dates (no invented time zone). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/**
 * One subscription **line**: one SKU. A vendor subscription holding several products becomes
 * several lines sharing `parentExternalId`.
 *
 * - `externalId` is unique per vendor (Ingram: `<subscription id>:<product id>`).
 * - `unitCost` is what the reseller pays, `unitPrice` what the reseller charges; both per seat
 *   when `amountBasis` is `unit`, and covering `pricePeriod`.
 * - `recurring: false` for one-time, setup, activation and in-trial lines: they never count as MRR.
 * - `status` is normalized; `rawStatus` keeps the vendor's value (unknown values map to `unknown`).
 *
 * @example
 * for await (const batch of connector.listSubscriptions()) for (const line of batch.items) console.log(line.sku, line.quantity);
 */
export const Subscription = z.object({
  vendor: Vendor,
  externalId: z.string().min(1),
  parentExternalId: z.string().optional(),
  vendorSubscriptionId: z.string().optional(),
  customerExternalId: z.string().min(1),
  productExternalId: z.string().optional(),
  sku: z.string().optional(),
  productName: z.string(),
  quantity: z.number().finite().nonnegative(),
  unitCost: Money.optional(),
  unitPrice: Money.optional(),
  msrp: Money.optional(),
  amountBasis: z.enum(['unit', 'extended', 'unknown']),
  pricePeriod: Term,
  billingFrequency: BillingFrequency,
  commitmentTerm: Term,
  recurring: z.boolean(),
  status: SubscriptionStatus,
  rawStatus: z.string(),
  startDate: z.string().optional(),
  endDate: z.string().optional(),
  renewalDate: z.string().optional(),
  autoRenew: z.boolean().optional(),
  updatedAt: z.string().optional(),
  raw: z.unknown(),
});
export type Subscription = z.infer<typeof Subscription>;
