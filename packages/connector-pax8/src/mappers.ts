import type { BillingFrequency, Customer, CustomerDomain, CustomerStatus, Subscription, SubscriptionStatus, Term } from '@vectis/connector-core';
import type { Pax8Company, Pax8Pricing, Pax8Product, Pax8Subscription } from './schemas';
import { defined, lookup, pax8Date, text, toMoney } from './values';

// Pure raw → normalized mapping (NORMALIZATION.md §4–§7, Pax8 columns). Never throws on typed
// input: unknown enum values become `unknown` with the vendor's string kept in `rawStatus`.

const COMPANY_STATUS: Record<string, CustomerStatus> = { Active: 'active', Inactive: 'inactive', Deleted: 'deleted' };

const SUBSCRIPTION_STATUS: Record<string, SubscriptionStatus> = {
  Active: 'active',
  Converted: 'active', // a trial converted to paid
  Activated: 'active', // legacy
  PendingManual: 'pending', // shown as "Provisioning" in Pax8's UI; can get stuck
  PendingAutomated: 'pending',
  WaitingForDetails: 'pending',
  PendingActivation: 'pending', // legacy; billing starts at activation
  Trial: 'trial',
  Cancelled: 'cancelled',
  // Cancelled with an endDate but not yet deprovisioned: seats still count until endDate (see seatQuantity).
  PendingCancel: 'cancelled',
};

/** What the connector keeps of a product (`GET /products/{id}` + `/pricing`), also across runs in the checkpoint. */
export interface ProductInfo {
  sku?: string | undefined;
  vendorSku?: string | undefined;
  name?: string | undefined;
  vendorName?: string | undefined;
  /** Usage-rated (e.g. Azure plan): every pricing rate is 0 **and** the unit is a container such as "Each". */
  usage: boolean;
}

// Units that mean "one container whose consumption is rated", not a seat (devx.pax8.com/docs/understanding-usage-products). [U] list
const CONTAINER_UNITS = new Set(['each']);

/**
 * Whether a product is usage-based, from its `/pricing` entries: a $0 rate alone is not proof
 * (trials and promos are $0 too), so every rate must be 0 **and** the unit a container.
 *
 * @example
 * isUsageProduct([{ unitOfMeasurement: 'Each', rates: [{ partnerBuyRate: 0, suggestedRetailPrice: 0 }] }]) // true
 */
export function isUsageProduct(pricing: readonly Pax8Pricing[]): boolean {
  if (!pricing.length) return false;
  return pricing.every((p) => {
    const unit = text(p.unitOfMeasurement)?.toLowerCase();
    const rates = p.rates ?? [];
    return unit !== undefined && CONTAINER_UNITS.has(unit) && rates.length > 0 && rates.every((r) => (r.partnerBuyRate ?? 0) === 0 && (r.suggestedRetailPrice ?? 0) === 0);
  });
}

/**
 * `ProductDetail` + its pricing → the product facts a line needs.
 *
 * @example
 * productInfo({ id, sku: 'MST-OFC-EE3-C100', vendorSku: '796B…', name: 'Microsoft Office 365 E3' }, [])
 */
export function productInfo(product: Pax8Product, pricing: readonly Pax8Pricing[]): ProductInfo {
  return defined({
    sku: text(product.sku),
    vendorSku: text(product.vendorSku),
    name: text(product.name),
    vendorName: text(product.vendorName),
    usage: isUsageProduct(pricing),
  });
}

function websiteDomain(website: string | null | undefined): string | undefined {
  const value = text(website);
  if (!value) return undefined;
  // Pax8's own examples store bare hosts ("vfc-network-inc-liberty.com") as well as full URLs.
  try {
    const host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`).hostname.toLowerCase().replace(/^www\./, '');
    return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : undefined;
  } catch {
    return undefined;
  }
}

const FREE_MAIL = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'yahoo.com', 'icloud.com', 'me.com', 'aol.com', 'gmx.com', 'proton.me', 'protonmail.com']);

function emailDomain(email: string | null | undefined): string | undefined {
  const at = email?.lastIndexOf('@') ?? -1;
  if (!email || at < 1) return undefined;
  const domain = email.slice(at + 1).trim().toLowerCase();
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(domain) && !FREE_MAIL.has(domain) ? domain : undefined;
}

/**
 * Pax8 `Company` → normalized `Customer`. Pax8's `externalId` (set by the partner, often the PSA
 * id: the strongest matching signal) becomes `externalRef`; the website host and contact e-mail
 * domains become `domains`.
 *
 * @example
 * mapCompany({ id: 'a4df…', name: 'VFC Network, Inc', externalId: 'A123', website: 'vfc-network-inc-liberty.com', status: 'Active' }).externalRef // 'A123'
 */
export function mapCompany(raw: Pax8Company): Customer {
  const rawStatus = text(raw.status);
  const domains: CustomerDomain[] = [];
  const site = websiteDomain(raw.website);
  if (site) domains.push({ domain: site, source: 'website' });
  for (const contact of raw.contacts ?? []) {
    const domain = emailDomain(contact.email);
    if (domain && !domains.some((d) => d.domain === domain)) domains.push({ domain, source: 'contact_email' });
  }
  const primary = raw.contacts?.find((c) => c.types?.some((t) => t.type === 'Admin' && t.primary) && text(c.email)) ?? raw.contacts?.find((c) => text(c.email));
  const a = raw.address;
  const address = a
    ? defined({
        street: text(a.street),
        street2: text(a.street2),
        city: text(a.city),
        state: text(a.stateOrProvince),
        postalCode: text(a.postalCode),
        country: text(a.country)?.toUpperCase(),
      })
    : undefined;
  return defined({
    vendor: 'pax8' as const,
    externalId: raw.id,
    name: text(raw.name) ?? '',
    status: lookup(COMPANY_STATUS, rawStatus),
    rawStatus,
    externalRef: text(raw.externalId),
    domains: domains.length ? domains : undefined,
    email: text(primary?.email),
    address: address && Object.keys(address).length ? address : undefined,
    updatedAt: pax8Date(raw.updatedDate),
    raw,
  });
}

/**
 * A Pax8 term string (`1-Year`, `Annual`, `3-Year`, `Monthly`, …) → ISO term; empty → `none`; others → `unknown`.
 *
 * @example
 * termOf('3-Year') // 'P3Y'
 */
export function termOf(value: string | null | undefined): Term {
  const v = text(value)?.toLowerCase().replace(/\s+/g, '-');
  if (!v) return 'none';
  const table: Record<string, Term> = {
    monthly: 'P1M', '1-month': 'P1M', '1-year': 'P1Y', annual: 'P1Y', '12-month': 'P1Y', '2-year': 'P2Y', '24-month': 'P2Y', '3-year': 'P3Y', '36-month': 'P3Y',
  };
  return lookup(table, v);
}

/**
 * **The one place that decides what `price`/`partnerCost` mean** (NOTES §8: not stated by Pax8).
 *
 * - Basis: **per unit**. Evidence: the spec's examples (Google Workspace Business Starter, 8 seats,
 *   `price: 6`, which is its per-user list price), community MRR tools multiply by `quantity`, and
 *   InvoiceItem `price`/`cost` are documented per unit.
 * - Period: **one billing period of the `billingTerm`** (Monthly → P1M, Annual → P1Y, 2-Year → P2Y,
 *   3-Year → P3Y): Pax8 prices are keyed by billing term in `/pricing`, and reading 2-/3-year amounts
 *   as monthly over-counted 24×/36× in pax8-cli (PR #439). One-Time / Activation: no period.
 *   Trial: P1M, but not recurring. Anything else: `unknown` (no run-rate is computed).
 * - Usage-rated products: `unknown` basis and period (their seat price is not the charge).
 *
 * Live check: docs/connectors/pax8.md, checklist item 3 (compare with `/invoices/draftItems`).
 *
 * @example
 * PRICE_BASIS['Annual'] // { frequency: 'annual', pricePeriod: 'P1Y', commitment: 'P1Y', recurring: true }
 */
export const PRICE_BASIS: Readonly<Record<string, { frequency: BillingFrequency; pricePeriod: Term; commitment: Term; recurring: boolean }>> = {
  Monthly: { frequency: 'monthly', pricePeriod: 'P1M', commitment: 'none', recurring: true },
  Annual: { frequency: 'annual', pricePeriod: 'P1Y', commitment: 'P1Y', recurring: true },
  '2-Year': { frequency: 'other', pricePeriod: 'P2Y', commitment: 'P2Y', recurring: true },
  '3-Year': { frequency: 'other', pricePeriod: 'P3Y', commitment: 'P3Y', recurring: true },
  'One-Time': { frequency: 'one_time', pricePeriod: 'none', commitment: 'none', recurring: false },
  Activation: { frequency: 'one_time', pricePeriod: 'none', commitment: 'none', recurring: false },
  Trial: { frequency: 'monthly', pricePeriod: 'P1M', commitment: 'none', recurring: false },
};

const UNKNOWN_BASIS = { frequency: 'unknown', pricePeriod: 'unknown', commitment: 'unknown', recurring: true } as const;

/**
 * Pax8 `Subscription` (+ its product, when known) → one normalized line. Add-ons are lines of
 * their own; their `parentSubscriptionId` is kept in `raw.parentSubscriptionId` (core's
 * `parentExternalId` means "the vendor record holding this line", which for Pax8 is the line itself).
 *
 * @example
 * mapSubscription(sub, { sku: 'MST-OFC-EE3-C100', usage: false }).unitPrice // { amount: '32.01', currency: 'USD' }
 */
export function mapSubscription(raw: Pax8Subscription, product?: ProductInfo): Subscription {
  const rawStatus = text(raw.status) ?? '';
  const billingTerm = text(raw.billingTerm);
  const basis = billingTerm !== undefined && Object.hasOwn(PRICE_BASIS, billingTerm) ? (PRICE_BASIS[billingTerm] as (typeof PRICE_BASIS)[string]) : UNKNOWN_BASIS;
  const usage = product?.usage === true;
  const trial = rawStatus === 'Trial' || billingTerm === 'Trial';
  const committed = raw.commitmentTerm?.term ? termOf(raw.commitmentTerm.term) : basis.commitment;
  const currency = raw.currencyCode;
  const parent = text(raw.parentSubscriptionId);
  return defined({
    vendor: 'pax8' as const,
    externalId: raw.id,
    vendorSubscriptionId: text(raw.vendorSubscriptionId),
    customerExternalId: raw.companyId,
    productExternalId: text(raw.productId),
    sku: product?.sku ?? text(raw.vendorSkuId),
    productName: text(raw.productName) ?? product?.name ?? '',
    quantity: raw.quantity,
    unitCost: toMoney(raw.partnerCost, currency),
    unitPrice: toMoney(raw.price, currency),
    amountBasis: usage ? ('unknown' as const) : ('unit' as const),
    pricePeriod: usage ? ('unknown' as const) : basis.pricePeriod,
    billingFrequency: usage ? ('usage' as const) : basis.frequency,
    commitmentTerm: committed,
    // Usage is tracked as usage, trials and one-time charges never count as MRR.
    recurring: !usage && !trial && basis.recurring,
    status: lookup(SUBSCRIPTION_STATUS, rawStatus),
    rawStatus,
    startDate: pax8Date(raw.startDate) ?? pax8Date(raw.billingStart),
    endDate: pax8Date(raw.endDate),
    renewalDate: pax8Date(raw.commitmentTerm?.endDate),
    updatedAt: pax8Date(raw.updatedDate),
    raw: defined({ subscription: raw, product, parentSubscriptionId: parent }),
  });
}
