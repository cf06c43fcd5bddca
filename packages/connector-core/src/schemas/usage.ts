import { z } from 'zod';
import { Money } from './money';
import { Vendor } from './vendor';

/** ISO week, e.g. `2026-W48`. */
export const IsoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected an ISO week such as 2026-W48');
export type IsoWeek = z.infer<typeof IsoWeek>;

/**
 * What a usage-rated line has cost so far in the vendor's current billing period, as the vendor
 * reports it (e.g. Pax8's usage summaries). Amounts are exact decimal strings with their currency;
 * `customer` and `partner` always share one currency, because amounts of different currencies are
 * never added: a connector that finds several currencies on one line leaves `charges` out and marks
 * the stream incomplete instead.
 *
 * - `period: 'month_to_date'`: from `from` (the first day of the month, `YYYY-MM-DD`) to the row's
 *   `asOf`. Vendors overwrite these totals as usage is rated, so a later row replaces an earlier one.
 * - `customer`: what the customer is charged (Pax8 `currentCharges`); `partner`: the partner's cost
 *   (Pax8 `partnerTotal`). Either may be absent when the vendor did not report it.
 *
 * @example
 * UsageCharges.parse({ period: 'month_to_date', from: '2026-12-01', customer: { amount: '100.56', currency: 'USD' }, partner: { amount: '86.456', currency: 'USD' } })
 */
export const UsageCharges = z
  .object({
    period: z.literal('month_to_date'),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date such as 2026-12-01').optional(),
    customer: Money.optional(),
    partner: Money.optional(),
  })
  .refine((c) => !c.customer || !c.partner || c.customer.currency === c.partner.currency, {
    message: 'customer and partner charges must share one currency (amounts of different currencies are never combined)',
    path: ['partner', 'currency'],
  });
export type UsageCharges = z.infer<typeof UsageCharges>;

/**
 * One weekly seat snapshot row (what `license_usage` stores): one subscription line in one ISO week.
 *
 * - `quantity` is the seats licensed/purchased; `assigned` and `consumed` are set only where the
 *   vendor reports them (Ingram has neither: its snapshot is the purchased quantity).
 * - `asOf` is the run's single cut-off instant, shared by every row of the run, so weeks compare like with like.
 * - `charges` (optional): the vendor's month-to-date charges of a usage-rated line. They never go
 *   into `consumed`, and `quantity` stays the purchased quantity; `source` still names where
 *   `quantity` came from (`purchased_quantity` for a Pax8 usage line with charges).
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
  charges: UsageCharges.optional(),
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
