import type { SandboxCustomer, SandboxSubscription } from './types';

// Deterministic generation: the same seed and sizes give the same tenant.

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

const FIRST = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adatum', 'Proseware', 'Woodgrove', 'Lucerne', 'Alpine', 'Coho', 'Wingtip', 'Humongous', 'Trey', 'Margie', 'Blue Yonder'];
const SECOND = ['Traders', 'Dental', 'Logistics', 'Legal', 'Builders', 'Clinic', 'Foods', 'Partners', 'Media', 'Labs', 'Freight', 'Studio'];
const SUFFIX = ['Inc', 'LLC', 'Ltd', 'Corp', 'Group'];
const PEOPLE = ['Ana Lopez', 'Ben Carter', 'Chloe Kim', 'Dev Patel', 'Eva Novak', 'Finn Berg', 'Gina Rossi', 'Hugo Weber'];
const PLACES = [
  { city: 'Austin', state: 'TX', zip: '78701', country: 'US' },
  { city: 'Denver', state: 'CO', zip: '80202', country: 'US' },
  { city: 'Tampa', state: 'FL', zip: '33602', country: 'US' },
  { city: 'Toronto', state: 'ON', zip: 'M5H 2N2', country: 'CA' },
];

/** Catalog: per-seat licences (price/cost/msrp per seat per cycle) and one usage-billed plan. */
export const CATALOG = [
  { product: 'MS-M365BP', productName: 'Microsoft 365 Business Premium', sku: 'CFQ7TTC0LCHC-0002', skuName: 'Microsoft 365 Business Premium', price: 22, cost: 19.8, msrp: 22, billing: 'license' },
  { product: 'MS-M365BS', productName: 'Microsoft 365 Business Standard', sku: 'CFQ7TTC0LDPB-0001', skuName: 'Microsoft 365 Business Standard', price: 12.5, cost: 11.25, msrp: 12.5, billing: 'license' },
  { product: 'MS-EXO1', productName: 'Exchange Online (Plan 1)', sku: 'CFQ7TTC0LH16-0001', skuName: 'Exchange Online (Plan 1)', price: 4, cost: 3.6, msrp: 4, billing: 'license' },
  { product: 'MS-TEAMSESS', productName: 'Microsoft Teams Essentials', sku: 'CFQ7TTC0RL1G-0001', skuName: 'Teams Essentials', price: 4, cost: 3.4, msrp: 4, billing: 'license' },
  { product: 'ACRONIS-CP', productName: 'Acronis Cyber Protect Cloud', sku: 'ACR-CPC-WS', skuName: 'Workstation', price: 6.99, cost: 4.19, msrp: 7.5, billing: 'license' },
  { product: 'MS-AZUREPLAN', productName: 'Azure plan', sku: 'DZH318Z0BPS6-0001', skuName: 'Azure plan', price: 0, cost: 0, msrp: 0, billing: 'usage' },
] as const;

const TERMS = [
  { term: 'P1M', cycle: 'monthly', months: 1 },
  { term: 'P1Y', cycle: 'monthly', months: 12 },
  { term: 'P1Y', cycle: 'annual', months: 12 },
  { term: 'P3Y', cycle: 'annual', months: 36 },
] as const;

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const addMonths = (ms: number, months: number) => {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
};
/** Integer hundredths → JSON number (what Ion's sample sends), computed without float drift. */
const cents = (n: number) => Number((n / 100).toFixed(2));

export function makeCustomer(accountId: string, id: number, rnd: Random, createdMs: number): SandboxCustomer {
  const base = `${rnd.pick(FIRST)} ${rnd.pick(SECOND)}`;
  const [first = 'Ana', last = 'Lopez'] = rnd.pick(PEOPLE).split(' ');
  const domain = `${base.toLowerCase().replace(/[^a-z0-9]+/g, '')}${id}.com`;
  const place = rnd.pick(PLACES);
  const roll = rnd.next();
  const customer: SandboxCustomer = {
    name: `accounts/${accountId}/customers/${id}`,
    customerOrganization: `${base} ${rnd.pick(SUFFIX)}`,
    customerName: `${first} ${last}`,
    createTime: iso(createdMs),
    updateTime: iso(createdMs + rnd.int(1, 90) * 86_400_000),
    languageCode: 'EN',
    uid: rnd.hex(13),
    customerStatus: roll < 0.93 ? 'ACTIVE' : roll < 0.97 ? 'INACTIVE' : 'SUSPENDED',
  };
  // Real tenants leave fields out: about one customer in ten has no address, one in twelve no e-mail.
  if (rnd.next() > 0.1) {
    customer.customerAddress = { street: `${rnd.int(1, 2999)} Main St`, city: place.city, zip: place.zip, country: place.country };
    if (rnd.next() > 0.2) customer.customerAddress.state = place.state;
  }
  if (rnd.next() > 0.08) customer.customerEmail = `${first.toLowerCase()}.${last.toLowerCase()}@${rnd.next() < 0.1 ? 'gmail.com' : domain}`;
  if (rnd.next() > 0.5) customer.customerPhone = `+1${rnd.int(200, 999)}${rnd.int(1000000, 9999999)}`;
  if (rnd.next() > 0.7) customer.customerTitle = rnd.pick(['Mr', 'Ms', 'Dr']);
  return customer;
}

export function makeSubscription(
  o: { accountId: string; id: number; customer: SandboxCustomer; rnd: Random; purchasedMs: number; nowMs: number; currency: string },
): SandboxSubscription {
  const { rnd } = o;
  const item = o.rnd.next() < 0.06 ? CATALOG[5] : rnd.pick(CATALOG.slice(0, 5));
  const usage = item.billing === 'usage';
  const t = usage ? TERMS[0] : rnd.pick(TERMS);
  const seats = usage ? 1 : rnd.int(1, 60);
  const start = o.purchasedMs;
  let end = addMonths(start, t.months);
  const customerId = o.customer.name.split('/').at(-1) as string;
  const plan = `${item.sku}:${t.term}:${t.cycle === 'monthly' ? 'M' : 'A'}`;
  const roll = rnd.next();
  const status = roll < 0.86 ? 'active' : roll < 0.9 ? 'suspended' : roll < 0.94 ? 'cancelled' : roll < 0.97 ? 'pending' : 'expired';
  // A live subscription that renewed reports its current term: the end date rolls forward past "now"
  // (a sandbox seeded in 2024 would otherwise show every active line as lapsed).
  if (status === 'active' || status === 'suspended' || status === 'pending') while (end <= o.nowMs) end = addMonths(end, t.months);
  const cycleFactor = t.cycle === 'annual' ? 12 : 1;
  const priceC = Math.round(item.price * 100) * cycleFactor;
  const costC = Math.round(item.cost * 100) * cycleFactor;
  const sub: SandboxSubscription = {
    id: String(o.id),
    customerId,
    resellerId: o.accountId,
    isvId: o.accountId,
    cloudProviderId: item.product.startsWith('MS-') ? '1' : '7',
    subscriptionId: `${rnd.hex(8)}-${rnd.hex(4)}-${rnd.hex(4)}-${rnd.hex(4)}-${rnd.hex(12)}`,
    subscriptionName: item.productName,
    resourceType: item.product.startsWith('MS-') ? 'MICROSOFT::CSP' : 'ISV::Licence',
    ccpProductId: item.product,
    ccpSkuId: item.sku,
    ccpPlanId: plan,
    subscriptionProductId: item.sku.split('-')[0] as string,
    subscriptionSkuId: item.sku.split('-')[1] ?? '0001',
    subscriptionOfferId: `${item.sku.replace('-', ':')}:${t.term}`,
    unitType: usage ? 'Usage' : 'Licenses',
    subscriptionTotalLicenses: String(seats),
    subscriptionStatus: status,
    subscriptionPurchasedDate: iso(start),
    subscriptionStartDate: iso(start),
    subscriptionEndDate: iso(end),
    cancellationAllowedUntilDate: iso(start + 7 * 86_400_000),
    subscriptionBillingType: usage ? 'usage' : 'license',
    subscriptionBillingCycle: t.cycle,
    subscriptionBillingTerm: t.term,
    subscriptionRenewStatus: status === 'active' ? 'ENABLED' : 'DISABLED',
    ccpProductInfo: { productId: item.product, productDisplayName: item.productName, skuId: item.sku, skuDisplayName: item.skuName, planId: plan, planDisplayName: `${t.term} ${t.cycle}` },
    isTrial: !usage && rnd.next() < 0.03,
    autoRenew: rnd.next() < 0.8,
    customerName: o.customer.customerOrganization,
    partnerName: 'Vectis Sandbox Reseller',
    lastUpdatedDate: iso(start + rnd.int(0, 30) * 86_400_000),
    renewalDate: iso(end),
    mfgPartNumber: `${item.sku.replace('-', ':')}:${t.term}:${t.cycle === 'monthly' ? 'M' : 'A'}`,
  };
  if (usage) {
    // Usage-billed: no per-seat price; the billed month is in billingData (PHP model).
    const seller = rnd.int(5_000, 400_000);
    const customerCost = Math.round(seller * 1.12);
    sub.billingCurrency = o.currency;
    sub.billingData = [{
      id: `${o.id}-bd1`, accountId: o.accountId, customerName: o.customer.customerOrganization, productName: item.productName,
      skuName: item.skuName, billingCycle: 'monthly', sellerCost: cents(seller), customerCost: cents(customerCost),
      margin: cents(customerCost - seller), usageQuantity: rnd.int(10, 900), currency: o.currency,
    }];
    return sub;
  }
  // The SDK sample's per-line fields: price, cost, margin, total, msrp, currency (per seat, `total` = price × seats).
  sub.price = cents(priceC);
  sub.cost = cents(costC);
  sub.margin = cents(priceC - costC);
  sub.total = cents(priceC * seats);
  sub.msrp = cents(Math.round(item.msrp * 100) * cycleFactor);
  sub.currency = o.currency;
  // Some tenants send amounts as strings (the PHP model's reading).
  if (rnd.next() < 0.15) {
    sub.price = cents(priceC).toFixed(2);
    sub.cost = cents(costC).toFixed(2);
  }
  return sub;
}
