import { CATALOG, type CatalogProduct, type CatalogTerm, COMPANY_NAME_PARTS, PLACES } from './catalog';
import type { SandboxCompany, SandboxSubscription } from './types';

// Deterministic generation: the same seed, sizes and day give the same tenant.

/** mulberry32: small, fast, good enough for fixtures. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const hex = (length: number): string => Array.from({ length }, () => Math.floor(next() * 16).toString(16)).join('');
  const uuid = (): string => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  return { next, int, pick, hex, uuid };
}
export type Random = ReturnType<typeof createRandom>;

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Pax8's offset style without a colon, e.g. `2023-08-11T11:33:12.314-0600` (the instant is `day`T17:33:12.314Z). */
export function offsetDateTime(day: string, r: Random): string {
  const hour = r.int(0, 17);
  const offset = r.pick([6, 7, 5]);
  const local = `${String(hour).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.${String(r.int(0, 999)).padStart(3, '0')}`;
  return `${day}T${local}-0${offset}00`;
}

export function makeCompany(index: number, r: Random, names: Set<string>, today: string, namePrefix = ''): SandboxCompany {
  let name = '';
  for (let attempt = 0; attempt < 50 && (!name || names.has(name)); attempt++) {
    const suffix = r.pick(COMPANY_NAME_PARTS.suffix);
    name = `${namePrefix}${r.pick(COMPANY_NAME_PARTS.first)} ${r.pick(COMPANY_NAME_PARTS.second)}${suffix ? ` ${suffix}` : ''}`;
    if (attempt > 10) name = `${name} ${index + 1}`;
  }
  names.add(name);
  const place = r.pick(PLACES);
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const siteRoll = r.next();
  const postalCode = place.country === 'US' ? `${place.postal}${String(r.int(10, 99))}` : `${place.postal} ${r.int(1, 9)}AB`;
  return {
    id: r.uuid(),
    name,
    address: { street: `${r.int(100, 19999)} ${r.pick(['Liberty Lane', 'Pipeline St', 'Commerce Ave', 'Quebec St', 'King St W'])}`, city: place.city, stateOrProvince: place.stateOrProvince, postalCode, country: place.country },
    ...(r.next() < 0.7 ? { phone: `555-${r.int(100, 999)}-${r.int(1000, 9999)}` } : {}),
    // Pax8's examples hold bare hosts; some partners paste full URLs; some leave it empty.
    ...(siteRoll < 0.55 ? { website: `${slug}.com` } : siteRoll < 0.8 ? { website: `https://www.${slug}.com/` } : {}),
    ...(r.next() < 0.6 ? { externalId: `CW-${10000 + index}` } : {}),
    billOnBehalfOfEnabled: r.next() < 0.3,
    selfServiceAllowed: r.next() < 0.4,
    ...(r.next() < 0.5 ? { orderApprovalRequired: r.next() < 0.5 } : {}),
    status: r.next() < 0.9 ? 'Active' : r.pick(['Inactive', 'Deleted']),
    updatedDate: offsetDateTime(addDays(today, -r.int(1, 400)), r),
  };
}

const STATUS_WEIGHTS: [string, number][] = [
  ['Active', 0.74], ['Cancelled', 0.05], ['PendingCancel', 0.05], ['Trial', 0.03], ['Converted', 0.04], ['PendingManual', 0.02],
  ['PendingAutomated', 0.03], ['WaitingForDetails', 0.02], ['PendingActivation', 0.01], ['Activated', 0.01],
];

function weightedStatus(r: Random): string {
  let roll = r.next();
  for (const [status, weight] of STATUS_WEIGHTS) if ((roll -= weight) < 0) return status;
  return 'Active';
}

const cents = (value: number) => Math.round(value) / 100;

/** A subscription of `product` on `term`, shaped as the spec's `Subscription` (and its examples' mixed dates). */
export function makeSubscription(
  r: Random,
  o: { company: SandboxCompany; currency: string; product: CatalogProduct; term: CatalogTerm; today: string; parent?: SandboxSubscription },
): SandboxSubscription {
  const { product, term } = o;
  const status = o.product.usage || term.billingTerm === 'One-Time' ? 'Active' : weightedStatus(r);
  const created = addDays(o.today, -r.int(10, 900));
  const start = addDays(created, r.int(0, 5));
  const quantity = r.int(product.seats[0], product.seats[1]);
  const markup = 1 + r.int(0, 35) / 100;
  const trial = status === 'Trial';
  const sub: SandboxSubscription = {
    id: r.uuid(),
    ...(o.parent ? { parentSubscriptionId: o.parent.id } : {}),
    companyId: o.company.id,
    productId: product.product.id,
    ...(product.product.vendorName === 'Microsoft' ? { vendorSubscriptionId: r.uuid().toUpperCase(), vendorSkuId: product.product.vendorSku ?? '' } : {}),
    quantity,
    startDate: `${start}T08:30:00Z`,
    // Plain date or an offset without a colon, as the spec's examples mix them.
    createdDate: r.next() < 0.5 ? created : offsetDateTime(created, r),
    ...(r.next() < 0.7 ? { updatedDate: offsetDateTime(addDays(o.today, -r.int(0, 60)), r) } : {}),
    billingStart: start,
    status,
    price: trial ? 0 : cents(term.msrp * markup),
    currencyCode: o.currency,
    productName: product.product.name,
    billingTerm: trial ? 'Trial' : term.billingTerm,
  };
  // Pax8's own list examples omit partnerCost; most real subscriptions carry it.
  if (r.next() < 0.9) sub.partnerCost = trial ? 0 : cents(term.cost);
  if (term.commitment) {
    const months = term.commitment === '3-Year' ? 36 : 12;
    const end = new Date(`${start}T00:00:00Z`);
    while (end.toISOString().slice(0, 10) <= o.today) end.setUTCMonth(end.getUTCMonth() + months);
    sub.commitmentTerm = { id: r.uuid(), term: term.commitment, endDate: `${end.toISOString().slice(0, 10)}T23:59:59Z` };
  }
  if (status === 'PendingCancel') sub.endDate = r.next() < 0.5 ? addDays(o.today, r.int(1, 25)) : `${addDays(o.today, r.int(1, 25))}T08:30:00Z`;
  if (status === 'Cancelled') sub.endDate = addDays(o.today, -r.int(1, 200));
  if (trial) sub.endDate = `${addDays(o.today, r.int(1, 30))}T08:30:00Z`;
  return sub;
}

/** Picks a product and a term for a company; add-ons go onto an existing subscription of their base SKU. */
export function pickOffer(r: Random, existing: readonly SandboxSubscription[]): { product: CatalogProduct; term: CatalogTerm; parent?: SandboxSubscription } {
  const product = r.pick(CATALOG);
  const term = r.pick(product.terms);
  if (!product.addOnTo) return { product, term };
  const base = CATALOG.find((p) => p.product.sku === product.addOnTo);
  const parent = existing.find((s) => s.productId === base?.product.id && s.status === 'Active');
  return parent ? { product, term, parent } : { product, term };
}
