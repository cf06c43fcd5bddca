import type { BillingFrequency, Customer, CustomerStatus, Money, Subscription, SubscriptionStatus, Term } from '@vectis/connector-core';
import type { SherwebCommitmentTerm, SherwebCustomer, SherwebFees, SherwebPricingInformation, SherwebSubscriptionDetails } from './schemas';

// Pure raw → normalized mapping. The meaning of every amount is decided here, in one place
// (docs/connectors/sherweb.md "Amounts" and the live checklist repeat it):
// - unitPrice = pricing-information (or the deprecated list's) `fees.recurringFee`: the price per
//   seat per billing cycle the service provider charges this customer [U: NOTES §9 open question 4];
// - unitCost  = Distributor API payable charge `netPrice` (list − deductions − fees, per unit),
//   attributed to the subscription by costs.ts, or absent (never an invented zero);
// - setupFee is a one-time amount and is not a unit price: it stays in `raw`.

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})/;

/** `2024-11-21T20:27:05.7613888` (7-digit fractions, no zone) or `2024-11-21` → `2024-11-21`. */
export function isoDay(value: string | null | undefined): string | undefined {
  return value ? ISO_DAY.exec(value.trim())?.[1] : undefined;
}

/**
 * A JSON number (or decimal string) as an exact decimal string: `10.5` → `"10.5"`, `1e-7` → `"0.0000001"`.
 *
 * @example
 * toDecimal(12.9) // '12.9'
 */
export function toDecimal(value: number | string | null | undefined): string | undefined {
  if (typeof value === 'string') return /^-?\d+(\.\d+)?$/.test(value.trim()) ? value.trim() : undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const plain = String(value);
  if (!/e/i.test(plain)) return plain;
  // Exponent form: JSON doubles print their shortest round-trip digits; expand without adding any.
  return value.toFixed(20).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/**
 * Sherweb's currency enum (`Cad`, `Usd`, `Eur`, `Gbp`, title case) as ISO 4217; `Undefined`,
 * empty or unreadable → `undefined` (unknown, never assumed USD).
 *
 * @example
 * currencyCode('Cad') // 'CAD'
 */
export function currencyCode(value: string | null | undefined): string | undefined {
  const code = value?.trim().toUpperCase();
  return code && /^[A-Z]{3}$/.test(code) ? code : undefined;
}

/**
 * An amount with its currency, or `undefined` when either is unknown.
 *
 * @example
 * toMoney(30.2, 'Cad') // { amount: '30.2', currency: 'CAD' }
 */
export function toMoney(amount: number | string | null | undefined, currency: string | null | undefined): Money | undefined {
  const a = toDecimal(amount);
  const c = currencyCode(currency);
  return a !== undefined && c !== undefined ? { amount: a, currency: c } : undefined;
}

/** `suspendedOn`: null → active; a date → suspended; anything unreadable → unknown, its text kept. */
export function customerStatus(c: SherwebCustomer): { status: CustomerStatus; rawStatus?: string } {
  if (c.suspendedOn === null || c.suspendedOn === undefined || c.suspendedOn === '') return { status: 'active' };
  return { status: isoDay(c.suspendedOn) ? 'suspended' : 'unknown', rawStatus: c.suspendedOn };
}

/**
 * A Sherweb customer. Sherweb exposes only `displayName` (no address, domain or reseller ref).
 *
 * @example
 * mapCustomer({ id: 'c1', displayName: 'Acme', path: [], suspendedOn: null }).status // 'active'
 */
export function mapCustomer(c: SherwebCustomer): Customer {
  const { status, rawStatus } = customerStatus(c);
  return { vendor: 'sherweb', externalId: c.id, name: c.displayName, status, ...(rawStatus ? { rawStatus } : {}), raw: c };
}

const TERMS: Record<string, Term> = { monthly: 'P1M', annual: 'P1Y', biennial: 'P2Y', triennial: 'P3Y' };

/**
 * `commitmentTerm.type` → ISO term; null (uncommitted) → `none`; a new value → `unknown`.
 *
 * @example
 * commitmentTerm({ type: 'Triennial', termEndDate: '2029-01-31' }) // 'P3Y'
 */
export function commitmentTerm(term: SherwebCommitmentTerm | null | undefined): Term {
  if (!term) return 'none';
  return TERMS[term.type.trim().toLowerCase()] ?? 'unknown';
}

/**
 * Free-text `billingCycle` (none, daily, weekly, monthly, yearly, once, unknown) → frequency and price period.
 *
 * @example
 * billingCycle('yearly') // { frequency: 'annual', period: 'P1Y' }
 */
export function billingCycle(value: string | null | undefined): { frequency: BillingFrequency; period: Term } {
  const v = value?.trim().toLowerCase();
  if (v === 'monthly') return { frequency: 'monthly', period: 'P1M' };
  if (v === 'yearly' || v === 'annual' || v === 'annually') return { frequency: 'annual', period: 'P1Y' };
  if (v === 'once' || v === 'onetime' || v === 'one_time') return { frequency: 'one_time', period: 'none' };
  if (v === 'daily' || v === 'weekly' || v === 'none') return { frequency: 'other', period: 'unknown' };
  return { frequency: 'unknown', period: 'unknown' };
}

const STATUSES: Record<string, SubscriptionStatus> = {
  active: 'active',
  pending: 'pending',
  suspended: 'suspended',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  expired: 'expired',
  trial: 'trial',
};

/** Status is derived: a suspended customer suspends every line; else the `/details` status if sent [U]; else active. */
export function subscriptionStatus(sub: { status?: string | null | undefined }, customer: SherwebCustomer): { status: SubscriptionStatus; rawStatus: string } {
  const raw = sub.status?.trim();
  if (customerStatus(customer).status === 'suspended') return { status: 'suspended', rawStatus: raw || 'customer suspendedOn' };
  if (raw) return { status: STATUSES[raw.toLowerCase()] ?? 'unknown', rawStatus: raw };
  return { status: 'active', rawStatus: '' };
}

/** What a line's amounts come from; `cost` is attributed by costs.ts. */
export interface LineSources {
  customer: SherwebCustomer;
  details: SherwebSubscriptionDetails;
  /** Pricing information, or the deprecated list item's own `billingCycle`/`fees`. */
  pricing?: { billingCycle: string; fees?: SherwebFees | null | undefined; commitmentTerm?: SherwebCommitmentTerm | null | undefined } | undefined;
  cost?: { unitCost: Money; period: Term } | undefined;
  raw: unknown;
}

/**
 * One normalized line per Sherweb subscription (one SKU each).
 *
 * @example
 * mapSubscription({ customer, details, pricing, raw }).unitPrice // { amount: '12.9', currency: 'CAD' }
 */
export function mapSubscription(s: LineSources): Subscription {
  const d = s.details;
  const term = d.commitmentTerm ?? s.pricing?.commitmentTerm ?? null;
  const { frequency, period } = billingCycle(s.pricing?.billingCycle);
  const unitPrice = s.pricing?.fees ? toMoney(s.pricing.fees.recurringFee, s.pricing.fees.currency) : undefined;
  // A cost for another billing period than the price would mislabel one of them: leave it unknown.
  const unitCost = s.cost && (period === 'unknown' || s.cost.period === period) ? s.cost.unitCost : undefined;
  const { status, rawStatus } = subscriptionStatus(d, s.customer);
  const renewal = term?.renewalConfiguration;
  const line: Subscription = {
    vendor: 'sherweb',
    externalId: d.id,
    customerExternalId: s.customer.id,
    productExternalId: d.sku,
    sku: d.sku,
    productName: d.productName,
    quantity: d.quantity,
    ...(unitCost ? { unitCost } : {}),
    ...(unitPrice ? { unitPrice } : {}),
    amountBasis: unitPrice || unitCost ? 'unit' : 'unknown',
    pricePeriod: period === 'unknown' && s.cost ? s.cost.period : period,
    billingFrequency: frequency,
    commitmentTerm: commitmentTerm(term),
    recurring: frequency !== 'one_time',
    status,
    rawStatus,
    raw: s.raw,
  };
  const start = isoDay(d.purchaseDate);
  const end = isoDay(term?.termEndDate);
  const renewalDate = isoDay(renewal?.renewalDate);
  if (start) line.startDate = start;
  if (end) line.endDate = end;
  if (renewalDate) line.renewalDate = renewalDate;
  if (term) line.autoRenew = renewal !== null && renewal !== undefined;
  return line;
}
