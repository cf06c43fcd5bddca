import { ADD_ONS, type CatalogProduct, MARKETPLACES, type MarketplaceInfo, NAME_PARTS, PRODUCTS } from './catalog';
import type { SandboxCustomer, SandboxMoney, SandboxPeriod, SandboxProduct, SandboxSubscription } from './types';

// Deterministic generation: the same seed, size, marketplace and day give the same tenant.

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
  return { next, int, pick, hex };
}
export type Random = ReturnType<typeof createRandom>;

/** Amounts are integers in ten-thousandths (1.989 → 19890) so no float ever touches money. */
export function money(tenThousandths: number, currency: string): SandboxMoney {
  const sign = tenThousandths < 0 ? '-' : '';
  const abs = Math.abs(Math.round(tenThousandths));
  const fraction = String(abs % 10000).padStart(4, '0').replace(/0+$/, '');
  return { currency, amount: `${sign}${Math.floor(abs / 10000)}${fraction ? `.${fraction}` : ''}` };
}

/** Parses a sandbox decimal string back to ten-thousandths. */
export function units(amount: string): number {
  const [whole = '0', fraction = ''] = amount.replace('-', '').split('.');
  const value = Number(whole) * 10000 + Number(fraction.padEnd(4, '0').slice(0, 4));
  return amount.startsWith('-') ? -value : value;
}

export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function marketplaceInfo(code: string): MarketplaceInfo {
  return (Object.hasOwn(MARKETPLACES, code) ? MARKETPLACES[code] : MARKETPLACES.us) as MarketplaceInfo;
}

function slug(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '').slice(0, 24) || 'company';
}

export function makeCustomer(index: number, rnd: Random, market: MarketplaceInfo, taken: Set<string>): SandboxCustomer {
  let base = `${rnd.pick(NAME_PARTS.first)} ${rnd.pick(NAME_PARTS.second)}`;
  for (let n = 2; taken.has(base); n++) base = `${rnd.pick(NAME_PARTS.first)} ${rnd.pick(NAME_PARTS.second)}${n > 6 ? ` ${n}` : ''}`;
  taken.add(base);
  const name = `${base} ${rnd.pick(market.suffixes)}`;
  const domain = `${slug(base)}.${market.country === 'US' ? 'com' : market.country.toLowerCase()}`;
  const place = rnd.pick(market.cities);
  const person = (type: 'admin' | 'billing' | 'technical') => {
    const [firstName = 'Jane', lastName = 'Doe'] = rnd.pick(NAME_PARTS.people).split(' ');
    // Some billing contacts use a personal mailbox, as real tenants do.
    const mailDomain = type === 'billing' && rnd.next() < 0.15 ? 'gmail.com' : domain;
    return {
      type,
      firstName,
      lastName,
      email: `${firstName.toLowerCase()}.${lastName.toLowerCase()}@${mailDomain}`,
      phoneNumber: `${market.phonePrefix}##${rnd.int(200, 999)}${rnd.int(1000000, 9999999)}#`,
    };
  };
  const roll = rnd.next();
  const status = roll < 0.92 ? 'active' : roll < 0.94 ? 'pending' : roll < 0.96 ? 'creditHold' : roll < 0.97 ? 'adminHold' : 'cancelled';
  const customer: SandboxCustomer = {
    id: String(1000001 + index),
    name,
    status,
    address: {
      streetAddress: `${rnd.int(1, 2999)} ${rnd.pick(market.streets)}`,
      postalCode: place.postalCode,
      city: place.city,
      countryCode: market.country,
      ...(place.state ? { state: place.state } : {}),
      ...(rnd.next() < 0.3 ? { addressExtension: `Suite ${rnd.int(100, 900)}` } : {}),
    },
    contactPersons: rnd.next() < 0.6 ? [person('admin'), person('billing')] : [person('admin')],
    language: market.language,
    attributes: {},
    resellerId: '1000000',
  };
  // Most MSPs set their PSA id as the customer's externalId; some never did.
  if (rnd.next() < 0.65) customer.externalId = `CW-${20000 + index * 7}`;
  if (rnd.next() < 0.5) customer.taxRegId = `${rnd.int(10, 99)}-${rnd.int(1000000, 9999999)}`;
  return customer;
}

interface TermChoice {
  billing: SandboxPeriod;
  commitment: SandboxPeriod;
  suffix: string;
  /** Price premium in percent (NCE monthly-term premium). */
  premium: number;
}

const TERMS: readonly (TermChoice & { weight: number })[] = [
  { weight: 50, billing: { type: 'month', duration: 1 }, commitment: { type: 'year', duration: 1 }, suffix: 'P1Y_M', premium: 100 },
  { weight: 28, billing: { type: 'month', duration: 1 }, commitment: { type: 'month', duration: 1 }, suffix: 'P1M_M', premium: 120 },
  { weight: 14, billing: { type: 'year', duration: 1 }, commitment: { type: 'year', duration: 1 }, suffix: 'P1Y_A', premium: 100 },
  { weight: 5, billing: { type: 'year', duration: 1 }, commitment: { type: 'year', duration: 3 }, suffix: 'P3Y_A', premium: 100 },
  { weight: 3, billing: { type: 'statement_day', duration: 1 }, commitment: { type: 'month', duration: 1 }, suffix: 'P1M_M', premium: 120 },
];

function pickTerm(rnd: Random): TermChoice {
  let roll = rnd.next() * 100;
  for (const term of TERMS) if ((roll -= term.weight) < 0) return term;
  return TERMS[0] as TermChoice;
}

function months(period: SandboxPeriod): number {
  return period.type === 'year' ? period.duration * 12 : period.type === 'month' ? period.duration : 1;
}

/** Builds a product line priced per billing period in the marketplace currency. */
export function priceLine(
  item: { code: string; name: string; monthly: number },
  term: TermChoice,
  quantity: number,
  market: MarketplaceInfo,
  rnd: Random,
  catalogIndex: number,
): SandboxProduct {
  const unit = Math.round((item.monthly * months(term.billing) * term.premium * market.fxPercent) / 10000 / 100) * 100;
  const costPercent = rnd.int(85, 92);
  const product: SandboxProduct = {
    mpn: `${item.code}_${term.suffix}`,
    vendor: 'Microsoft',
    id: String(4000 + catalogIndex * 10 + TERMS.findIndex((t) => t.suffix === term.suffix)),
    name: item.name,
    quantity,
    vendorSubscriptionId: `${rnd.hex(8)}-${rnd.hex(4)}-${rnd.hex(4)}-${rnd.hex(4)}-${rnd.hex(12)}`,
  };
  if (item.monthly > 0) {
    product.unitPrice = money(unit, market.currency);
    product.unitCost = money(Math.round((unit * costPercent) / 100), market.currency);
    product.extendedPrice = money(unit * quantity, market.currency);
  }
  return product;
}

/** Recomputes the subscription-level totals from its products (kept in `raw` by the connector). */
export function retotal(sub: SandboxSubscription, currency: string): void {
  const priced = sub.products.filter((p) => p.unitPrice);
  if (!priced.length) return;
  const perBilling = priced.reduce((sum, p) => sum + units(p.unitPrice?.amount ?? '0') * p.quantity, 0);
  const cost = priced.reduce((sum, p) => sum + units(p.unitCost?.amount ?? '0') * p.quantity, 0);
  const periods = Math.max(1, months(sub.subscriptionPeriod) / months(sub.billingPeriod));
  sub.totalPrice = money(perBilling, currency);
  sub.totalSubscriptionPrice = money(perBilling * periods, currency);
  sub.totalSubscriptionCost = money(cost * periods, currency);
  for (const p of sub.products) if (p.unitPrice) p.extendedPrice = money(units(p.unitPrice.amount) * p.quantity, currency);
}

export function makeSubscription(
  id: string,
  customer: SandboxCustomer,
  rnd: Random,
  market: MarketplaceInfo,
  today: string,
): SandboxSubscription {
  const catalogIndex = rnd.int(0, PRODUCTS.length - 1);
  const item = PRODUCTS[catalogIndex] as CatalogProduct;
  const term: TermChoice = item.usage
    ? { billing: { type: 'month', duration: 1 }, commitment: { type: 'month', duration: 1 }, suffix: 'P1M_M', premium: 100 }
    : pickTerm(rnd);
  const seats = item.usage ? 1 : Math.max(1, Math.round(Math.pow(rnd.next(), 2.2) * 60));
  const products = [priceLine(item, term, seats, market, rnd, catalogIndex)];
  for (const code of item.addOns ?? []) {
    const addOn = ADD_ONS[code];
    if (addOn && rnd.next() < 0.22) {
      products.push(priceLine({ code, ...addOn }, term, rnd.int(1, seats), market, rnd, 50 + Object.keys(ADD_ONS).indexOf(code)));
    }
  }
  // A dependent resource the plan carries at quantity 0 (kept as a line, worth nothing).
  if (!item.usage && rnd.next() < 0.12) {
    products.push({ mpn: `${item.code}-DEP`, vendor: 'Microsoft', id: String(9000 + catalogIndex), name: `${item.name} - tenant dependency`, quantity: 0 });
  }
  const created = addDays(today, -rnd.int(20, 1100));
  const termMonths = months(term.commitment);
  let renewal = created;
  while (renewal <= today) renewal = addMonths(renewal, termMonths);
  const roll = rnd.next();
  const status = roll < 0.88 ? 'active' : roll < 0.9 ? 'pending' : roll < 0.92 ? 'hold' : roll < 0.97 ? 'terminated' : 'removed';
  const sub: SandboxSubscription = {
    id,
    name: item.name,
    customerId: customer.id,
    status,
    attributes: {},
    renewalStatus: status === 'active' ? rnd.next() < 0.85 : false,
    creationDate: created,
    renewalDate: renewal,
    // Seeded history ends yesterday: "today" belongs to the next sync's changes.
    lastModifiedDate: addDays(created, rnd.int(0, Math.max(0, daysBetween(created, today) - 1))),
    expirationDate: addDays(renewal, 1),
    billingModel: item.usage ? 'chargeExternalRating' : 'chargeBeforeBillingPeriod',
    billingPeriod: term.billing,
    subscriptionPeriod: term.commitment,
    products,
    orderParameters: [{ name: 'domain', value: `${slug(customer.name)}.onmicrosoft.com` }],
    fulfillmentParameters: [],
    planId: 10000 + catalogIndex,
  };
  retotal(sub, market.currency);
  return sub;
}

function addMonths(day: string, count: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + count);
  return d.toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
