import { z } from 'zod';
import { Vendor } from './vendor';

/** ISO week, e.g. `2026-W48`. */
export const IsoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected an ISO week such as 2026-W48');
export type IsoWeek = z.infer<typeof IsoWeek>;

/**
 * One weekly seat snapshot row (what `license_usage` stores): one subscription line in one ISO week.
 *
 * - `quantity` is the seats licensed/purchased; `assigned` and `consumed` are set only where the
 *   vendor reports them (Ingram has neither: its snapshot is the purchased quantity).
 * - `asOf` is the run's single cut-off instant, shared by every row of the run, so weeks compare like with like.
 *
 * @example
 * Usage.parse({ vendor: 'ingram_micro', week: '2026-W48', asOf: '2026-11-26T00:00:00.000Z',
 *   customerExternalId: '1', subscriptionExternalId: '10:4321', quantity: 10, source: 'purchased_quantity' })
 */
export const Usage = z.object({
  vendor: Vendor,
  week: IsoWeek,
  asOf: z.string(),
  customerExternalId: z.string().min(1),
  subscriptionExternalId: z.string().min(1),
  sku: z.string().optional(),
  quantity: z.number().finite().nonnegative(),
  assigned: z.number().finite().nonnegative().optional(),
  consumed: z.number().finite().nonnegative().optional(),
  source: z.enum(['purchased_quantity', 'vendor_usage']),
});
export type Usage = z.infer<typeof Usage>;

/** Alias: the weekly seat snapshot row is the `Usage` record. */
export const SeatSnapshot = Usage;
export type SeatSnapshot = Usage;

/**
 * The ISO 8601 week of an instant (UTC), e.g. `2026-W48`.
 *
 * @example
 * isoWeek(new Date('2026-11-26T12:00:00Z')) // '2026-W48'
 */
export function isoWeek(date: Date): IsoWeek {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const day = d.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  d.setUTCDate(d.getUTCDate() + 4 - day); // Thursday decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
