import type {
  BillingFrequency,
  Customer,
  DriftIssue,
  CustomerDomain,
  CustomerStatus,
  Money,
  Subscription,
  SubscriptionStatus,
  Term,
} from '@vectis/connector-core';
import type {
  IngramCustomer,
  IngramMoney,
  IngramPeriod,
  IngramSubscription,
  IngramSubscriptionDetailed,
  IngramSubscriptionProduct,
} from './schemas';

// Pure raw → normalized mapping (NORMALIZATION.md §3–§7). Never throws on typed input:
// unknown enum values become `unknown` with the vendor's string kept in `rawStatus`.

const CUSTOMER_STATUS: Record<string, CustomerStatus> = {
  active: 'active',
  pending: 'inactive',
  creditHold: 'suspended',
  adminHold: 'suspended',
  cancelled: 'deleted',
  error: 'unknown',
};

const SUBSCRIPTION_STATUS: Record<string, SubscriptionStatus> = {
  active: 'active',
  pending: 'pending',
  hold: 'suspended',
  terminated: 'cancelled',
  removed: 'cancelled',
};

// Free-mail domains say nothing about which company a contact belongs to, so they are not
// offered to matching as a customer domain.
const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
  'icloud.com', 'me.com', 'aol.com', 'gmx.com', 'gmx.de', 'web.de', 'proton.me', 'protonmail.com',
]);

const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * Ingram money (`{currency, amount: "1.989"}`) → normalized `Money`, exactly (the string is kept).
 * A missing, empty or non-decimal amount gives `undefined` (unknown), never zero.
 *
 * @example
 * toMoney({ currency: 'usd', amount: '1.989' }) // { amount: '1.989', currency: 'USD' }
 */
export function toMoney(value: IngramMoney | null | undefined): Money | undefined {
  if (!value) return undefined;
  const amount = value.amount.trim();
  const currency = value.currency.trim().toUpperCase();
  if (!DECIMAL.test(amount) || !/^[A-Z]{3}$/.test(currency)) return undefined;
  return { amount, currency };
}

/**
 * An Ingram `Period` as an ISO term: `{month,1}` → P1M, `{year,1}`/`{month,12}` → P1Y, 2/3 years →
 * P2Y/P3Y; `day`, `statement_day`, `unknown`, other lengths and a missing period → `unknown`.
 *
 * @example
 * periodTerm({ type: 'year', duration: 3 }) // 'P3Y'
 */
export function periodTerm(period: IngramPeriod | null | undefined): Term {
  if (!period?.type || typeof period.duration !== 'number') return 'unknown';
  const months = period.type === 'month' ? period.duration : period.type === 'year' ? period.duration * 12 : undefined;
  const byMonths: Record<number, Term> = { 1: 'P1M', 12: 'P1Y', 24: 'P2Y', 36: 'P3Y' };
  return (months !== undefined && byMonths[months]) || 'unknown';
}

function billingFrequency(sub: IngramSubscription): BillingFrequency {
  // Vendor-rated consumption (e.g. Azure) is usage whatever its billing period says.
  if (sub.billingModel === 'chargeExternalRating') return 'usage';
  const period = sub.billingPeriod;
  if (!period?.type || period.type === 'unknown') return 'unknown';
  const term = periodTerm(period);
  if (term === 'P1M') return 'monthly';
  if (term === 'P1Y') return 'annual';
  return 'other';
}

function emailDomain(email: string | null | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 1) return undefined;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) ? domain : undefined;
}

function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

// Own keys only: a vendor value such as "constructor" must not hit Object.prototype.
function lookup<T extends string>(table: Record<string, T>, key: string | undefined): T | 'unknown' {
  return key !== undefined && Object.hasOwn(table, key) ? (table[key] as T) : 'unknown';
}

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Ingram `Customer` → normalized `Customer`.
 *
 * - `externalId` is **Ingram's `id`**; Ingram's own `externalId` (the id the reseller set, e.g. a PSA id)
 *   becomes `externalRef`.
 * - Contact e-mail domains (free-mail excluded) become `domains` with source `contact_email`.
 *
 * @example
 * mapCustomer({ id: '1000001', externalId: 'PSA-42', name: 'Acme Ltd', status: 'active' }).externalRef // 'PSA-42'
 */
export function mapCustomer(raw: IngramCustomer): Customer {
  const rawStatus = text(raw.status);
  const contacts = raw.contactPersons ?? [];
  const domains: CustomerDomain[] = [];
  for (const contact of contacts) {
    const domain = emailDomain(contact.email);
    if (domain && !FREE_MAIL.has(domain) && !domains.some((d) => d.domain === domain)) {
      domains.push({ domain, source: 'contact_email' });
    }
  }
  const primary = contacts.find((c) => c.type === 'admin' && text(c.email)) ?? contacts.find((c) => text(c.email));
  const a = raw.address;
  const address = a
    ? defined({
        street: text(a.streetAddress),
        street2: text(a.addressExtension),
        city: text(a.city),
        state: text(a.state),
        postalCode: text(a.postalCode),
        country: text(a.countryCode)?.toUpperCase(),
      })
    : undefined;
  return defined({
    vendor: 'ingram_micro' as const,
    externalId: raw.id,
    name: text(raw.name) ?? '',
    status: lookup(CUSTOMER_STATUS, rawStatus),
    rawStatus,
    externalRef: text(raw.externalId),
    domains: domains.length ? domains : undefined,
    email: text(primary?.email ?? undefined),
    address: address && Object.keys(address).length ? address : undefined,
    raw,
  });
}

/** True when a customer list item lacks the address or contacts that only the detail call carries. */
export function needsCustomerDetail(raw: IngramCustomer): boolean {
  return !raw.address || !raw.contactPersons;
}

/** The `domain` order parameter (e.g. `contoso.onmicrosoft.com`), when the subscription has one. */
export function orderDomain(detail: IngramSubscriptionDetailed): string | undefined {
  const param = detail.orderParameters?.find((p) => p.name?.toLowerCase() === 'domain');
  return typeof param?.value === 'string' && param.value ? param.value : undefined;
}

/**
 * Why a product's `quantity` cannot be used as a seat count: it must be a finite number ≥ 0.
 * Missing, negative or non-finite is unknown, never "0 seats".
 *
 * @example
 * quantityIssues({ quantity: -1 }) // [{ path: 'quantity', message: '…' }]
 */
export function quantityIssues(product: IngramSubscriptionProduct): DriftIssue[] {
  const q = product.quantity;
  if (typeof q === 'number' && Number.isFinite(q) && q >= 0) return [];
  return [{ path: 'quantity', message: q === undefined || q === null ? 'is missing: the seat count is unknown (not 0)' : 'must be a seat count (a finite number ≥ 0)', code: 'invalid_quantity' }];
}

/**
 * One Ingram subscription (detail, optionally merged over its list item) → one normalized line per
 * `products[]` entry. Every product becomes a line, add-ons and quantity-0 dependants included; a
 * product without a valid quantity ({@link quantityIssues}) becomes no line (the connector reports it as rejected).
 * Subscription totals stay in `raw` only, so nothing is counted twice.
 *
 * @example
 * const lines = mapSubscriptionLines(detail, listItem); // 3 products → 3 lines `<subId>:<productId>`
 */
export function mapSubscriptionLines(detail: IngramSubscriptionDetailed, listItem?: IngramSubscription): Subscription[] {
  // The list item may carry 1.15 fields (periods, billing model) the detail lacks on an older gateway.
  const sub: IngramSubscriptionDetailed = { ...listItem, ...stripNullish(detail), id: detail.id };
  const { products, ...subscription } = sub;
  const rawStatus = text(sub.status) ?? '';
  const commitmentTerm = periodTerm(sub.subscriptionPeriod);
  const pricePeriod = sub.billingModel === 'chargeExternalRating' ? 'unknown' : periodTerm(sub.billingPeriod);
  const frequency = billingFrequency(sub);
  const domain = orderDomain(sub);
  const seen = new Map<string, number>();
  const lines = (products ?? []).map((product, index) => {
    let key = text(product.id) ?? text(product.mpn) ?? `line${index + 1}`;
    const repeats = seen.get(key) ?? 0;
    seen.set(key, repeats + 1);
    if (repeats) key = `${key}#${repeats + 1}`; // the same MPN twice without product ids
    if (quantityIssues(product).length) return undefined;
    const quantity = product.quantity as number;
    return defined({
      vendor: 'ingram_micro' as const,
      externalId: `${sub.id}:${key}`,
      parentExternalId: sub.id,
      vendorSubscriptionId: text(product.vendorSubscriptionId),
      customerExternalId: text(sub.customerId) ?? 'unknown',
      productExternalId: text(product.id),
      sku: text(product.mpn),
      productName: text(product.name) ?? text(sub.name) ?? text(product.mpn) ?? '',
      quantity,
      unitCost: toMoney(product.unitCost),
      unitPrice: toMoney(product.unitPrice),
      amountBasis: 'unit' as const,
      pricePeriod,
      billingFrequency: frequency,
      commitmentTerm,
      // Vendor-rated usage has no fixed run-rate; it is tracked as usage, not MRR.
      recurring: frequency !== 'usage',
      status: lookup(SUBSCRIPTION_STATUS, rawStatus),
      rawStatus,
      startDate: text(sub.creationDate),
      endDate: text(sub.expirationDate),
      renewalDate: text(sub.renewalDate),
      autoRenew: typeof sub.renewalStatus === 'boolean' ? sub.renewalStatus : undefined,
      updatedAt: text(sub.lastModifiedDate),
      raw: { subscription, product, ...(domain ? { domain } : {}) },
    });
  });
  return lines.filter((line) => line !== undefined);
}

function stripNullish<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
