import type { BillingFrequency, Customer, CustomerStatus, DriftIssue, Subscription, SubscriptionStatus, Term } from '@vectis/connector-core';
import { decimal, linePricing } from './money';
import type { SynnexCustomer, SynnexSubscription } from './schemas';

// Pure raw → normalized mapping. Never throws on typed input: unknown enum values become `unknown`
// with the vendor's string in `rawStatus`; a record that cannot be mapped is returned as issues
// (ids and paths, no values) for `Batch.rejected`.

// Ion sends lower-case statuses in payloads and filters with upper-case ones (NOTES §8): compared lower-cased.
const CUSTOMER_STATUS: Record<string, CustomerStatus> = {
  active: 'active',
  inactive: 'inactive',
  disabled: 'inactive',
  pending: 'inactive',
  suspended: 'suspended',
  deleted: 'deleted',
  cancelled: 'deleted',
};

const SUBSCRIPTION_STATUS: Record<string, SubscriptionStatus> = {
  active: 'active',
  enabled: 'active',
  accepted: 'pending',
  confirmed: 'pending',
  initiated: 'pending',
  in_progress: 'pending',
  pending: 'pending',
  paused: 'suspended',
  suspended: 'suspended',
  disabled: 'suspended',
  stopped: 'suspended',
  cancelled: 'cancelled',
  deleted: 'cancelled',
  expired: 'expired',
};

const FREE_MAIL = new Set([
  'gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com',
  'icloud.com', 'me.com', 'aol.com', 'gmx.com', 'gmx.de', 'web.de', 'proton.me', 'protonmail.com',
]);

function text(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function lookup<T extends string>(table: Record<string, T>, key: string | undefined): T | 'unknown' {
  const k = key?.toLowerCase();
  return k !== undefined && Object.hasOwn(table, k) ? (table[k] as T) : 'unknown';
}

function defined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}

/**
 * The customer id Ion encodes in `name` (`accounts/{accountId}/customers/{customerId}`), as TD SYNNEX's SDK reads it.
 *
 * @example
 * customerIdOf('accounts/100200/customers/42') // '42'
 */
export function customerIdOf(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * Ion `Customer` → normalized `Customer`: id from `name`, display name from `customerOrganization`
 * (`customerName` is the contact person), the contact e-mail's domain (free mail excluded) as a weak domain.
 *
 * @example
 * mapCustomer({ name: 'accounts/1/customers/7', customerOrganization: 'Acme Ltd', customerStatus: 'ACTIVE' }).externalId // '7'
 */
export function mapCustomer(raw: SynnexCustomer): Customer {
  const rawStatus = text(raw.customerStatus);
  const email = text(raw.customerEmail);
  const at = email?.lastIndexOf('@') ?? -1;
  const domain = email && at > 0 ? email.slice(at + 1).toLowerCase() : undefined;
  const a = raw.customerAddress;
  const address = a
    ? defined({ street: text(a.street), city: text(a.city), state: text(a.state), postalCode: text(a.zip), country: text(a.country)?.toUpperCase() })
    : undefined;
  return defined({
    vendor: 'td_synnex' as const,
    externalId: customerIdOf(raw.name),
    name: text(raw.customerOrganization) ?? text(raw.customerName) ?? '',
    status: lookup(CUSTOMER_STATUS, rawStatus),
    rawStatus,
    domains: domain && /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) && !FREE_MAIL.has(domain) ? [{ domain, source: 'contact_email' as const }] : undefined,
    email,
    address: address && Object.keys(address).length ? address : undefined,
    updatedAt: text(raw.updateTime),
    raw,
  });
}

/**
 * An Ion term (`P1M`, `P1Y`, `P3Y` already ISO 8601 in `subscriptionBillingTerm`; `Monthly`/`Annual` as
 * the SDK's filter example writes it) → `Term`; anything else → `unknown`.
 *
 * @example
 * ionTerm('P1Y') // 'P1Y'
 */
export function ionTerm(value: string | null | undefined): Term {
  const v = value?.trim().toUpperCase();
  if (!v) return 'unknown';
  if (v === 'P1M' || v === 'P1Y' || v === 'P2Y' || v === 'P3Y') return v;
  if (v === 'P12M') return 'P1Y';
  if (v === 'P36M') return 'P3Y';
  if (v === 'MONTHLY') return 'P1M';
  if (v === 'ANNUAL' || v === 'YEARLY' || v === 'ANNUALLY') return 'P1Y';
  return 'unknown';
}

function isUsage(raw: SynnexSubscription): boolean {
  const type = raw.subscriptionBillingType?.toLowerCase() ?? '';
  return type.includes('usage') || type.includes('consumption');
}

function frequency(raw: SynnexSubscription): BillingFrequency {
  if (isUsage(raw)) return 'usage';
  const cycle = raw.subscriptionBillingCycle?.trim().toLowerCase();
  if (!cycle) return 'unknown';
  if (cycle === 'monthly' || cycle === 'month') return 'monthly';
  if (cycle === 'annual' || cycle === 'annually' || cycle === 'yearly' || cycle === 'year') return 'annual';
  if (cycle === 'one_time' || cycle === 'onetime' || cycle === 'one-time') return 'one_time';
  return 'other';
}

/**
 * Seats from `subscriptionTotalLicenses` (a string in Ion's payloads); `undefined` when missing,
 * negative or not a number — never 0.
 *
 * @example
 * seats('25') // 25
 */
export function seats(value: number | string | null | undefined): number | undefined {
  const d = decimal(value);
  if (d === undefined) return undefined;
  const n = Number(d);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * One Ion subscription item → one normalized line (each item is one product/SKU/plan), or the
 * issues that make it unusable (no readable quantity).
 *
 * @example
 * const result = mapSubscription(item);
 * if ('line' in result) save(result.line);
 */
export function mapSubscription(raw: SynnexSubscription): { line: Subscription } | { issues: DriftIssue[] } {
  const quantity = seats(raw.subscriptionTotalLicenses);
  if (quantity === undefined) {
    const present = raw.subscriptionTotalLicenses !== undefined && raw.subscriptionTotalLicenses !== null;
    return { issues: [{ path: 'subscriptionTotalLicenses', message: present ? 'is not a non-negative number' : 'is missing', code: present ? 'invalid_value' : 'invalid_type' }] };
  }
  const rawStatus = text(raw.subscriptionStatus) ?? '';
  const info = raw.ccpProductInfo;
  const pricing = linePricing(raw, quantity);
  const freq = frequency(raw);
  const trial = raw.isTrial === true;
  let status = lookup(SUBSCRIPTION_STATUS, rawStatus);
  if (trial && status === 'active') status = 'trial';
  const usage = (raw.billingData ?? []).map((b) => seats(b.usageQuantity)).filter((n): n is number => n !== undefined);
  return {
    line: defined({
      vendor: 'td_synnex' as const,
      externalId: raw.id,
      parentExternalId: raw.id,
      vendorSubscriptionId: text(raw.subscriptionId),
      customerExternalId: raw.customerId,
      productExternalId: text(raw.ccpProductId) ?? text(info?.productId),
      sku: text(raw.mfgPartNumber) ?? text(raw.ccpSkuId) ?? text(info?.skuId),
      productName: text(info?.skuDisplayName) ?? text(info?.productDisplayName) ?? text(raw.subscriptionName) ?? text(raw.mfgPartNumber) ?? '',
      quantity,
      unitCost: pricing.unitCost,
      unitPrice: pricing.unitPrice,
      msrp: pricing.msrp,
      amountBasis: pricing.amountBasis,
      pricePeriod: freq === 'usage' ? ('unknown' as const) : ionTerm(raw.subscriptionBillingCycle),
      billingFrequency: freq,
      commitmentTerm: ionTerm(raw.subscriptionBillingTerm),
      recurring: freq !== 'usage' && freq !== 'one_time' && !trial,
      status,
      rawStatus,
      startDate: text(raw.subscriptionStartDate),
      endDate: text(raw.subscriptionEndDate),
      renewalDate: text(raw.renewalDate),
      autoRenew: typeof raw.autoRenew === 'boolean' ? raw.autoRenew : undefined,
      updatedAt: text(raw.lastUpdatedDate),
      raw: { subscription: raw, pricingSource: pricing.source, ...(usage.length ? { usageQuantity: usage.at(-1) } : {}) },
    }),
  };
}
