import type { SandboxCharge, SandboxCommitmentTerm, SandboxCurrency, SandboxCustomer, SandboxSubscription } from './types';

// A deterministic tenant: same seed and sizes → same records. Prices are per seat per billing
// cycle in the customer's currency; the MSP's cost (payable `netPrice`) is the list price minus a
// partner deduction, so margins exist and differ by SKU.

interface CatalogItem {
  sku: string;
  name: string;
  /** Monthly list price per seat, per currency. */
  price: { Cad: number; Usd: number };
  /** Share of the list price the MSP pays Sherweb. */
  costRatio: number;
  nce: boolean;
}

const CATALOG: CatalogItem[] = [
  { sku: 'CFQ7TTC0LF8Q:0001', name: 'Microsoft 365 Business Premium', price: { Cad: 30.2, Usd: 22 }, costRatio: 0.85, nce: true },
  { sku: 'CFQ7TTC0LDPB:0001', name: 'Microsoft 365 Business Standard', price: { Cad: 17.2, Usd: 12.5 }, costRatio: 0.85, nce: true },
  { sku: 'CFQ7TTC0LH18:0001', name: 'Microsoft 365 Business Basic', price: { Cad: 8.3, Usd: 6 }, costRatio: 0.85, nce: true },
  { sku: 'CFQ7TTC0LFLX:0001', name: 'Office 365 E3', price: { Cad: 31.6, Usd: 23 }, costRatio: 0.88, nce: true },
  { sku: 'CFQ7TTC0LF8R:0001', name: 'Exchange Online (Plan 1)', price: { Cad: 5.5, Usd: 4 }, costRatio: 0.9, nce: true },
  { sku: 'CFQ7TTC0LH16:0001', name: 'Microsoft Teams Essentials', price: { Cad: 5.5, Usd: 4 }, costRatio: 0.9, nce: true },
  { sku: 'SW-ACRONIS-CB-250', name: 'Acronis Cyber Backup 250 GB', price: { Cad: 12.95, Usd: 9.95 }, costRatio: 0.6, nce: false },
  { sku: 'SW-KEEPER-BUS', name: 'Keeper Business', price: { Cad: 4.65, Usd: 3.75 }, costRatio: 0.7, nce: false },
  { sku: 'SW-DROPSUITE-M365', name: 'Dropsuite Microsoft 365 Backup', price: { Cad: 3.1, Usd: 2.35 }, costRatio: 0.65, nce: false },
];

const NAMES = ['Maple', 'Northwind', 'Laurentian', 'Fraser', 'Boreal', 'Harbour', 'Prairie', 'Summit', 'Granite', 'Cedar', 'Lakeshore', 'Aurora'];
const KINDS = ['Dental', 'Logistics', 'Law Group', 'Engineering', 'Clinic', 'Consulting', 'Foods', 'Realty', 'Accounting', 'Studios'];
const SUFFIX = ['Inc.', 'Ltd.', 'LLC', 'Corp.', 'Ltée', ''];

/** mulberry32: small, fast, deterministic. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(next() * 16).toString(16)).join('');
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(next() * 4)]}${hex(3)}-${hex(12)}`,
  };
}

const money = (n: number) => Math.round(n * 100) / 100;
/** Sherweb's timestamp format: 7-digit fractions, no zone designator (UTC). */
const stamp = (day: string, r: ReturnType<typeof createRandom>) =>
  `${day}T${String(r.int(0, 23)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:05.${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function createTenant(o: { seed: number; today: () => string; currencies: readonly ('Cad' | 'Usd')[] }) {
  const r = createRandom(o.seed);
  let customers: SandboxCustomer[] = [];
  let subscriptions: SandboxSubscription[] = [];
  const currencyOf = new Map<string, 'Cad' | 'Usd'>();
  const serviceProvider = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607';

  function addCustomer(): SandboxCustomer {
    const n = customers.length;
    const customer: SandboxCustomer = {
      id: r.uuid(),
      displayName: `${r.pick(NAMES)} ${r.pick(KINDS)} ${r.pick(SUFFIX)}`.trim() + (n >= NAMES.length * 2 ? ` ${n}` : ''),
      path: [serviceProvider],
      // A few suspended customers: Sherweb's only status signal.
      suspendedOn: n % 17 === 16 ? stamp(addDays(o.today(), -r.int(5, 90)), r) : null,
    };
    customers.push(customer);
    currencyOf.set(customer.id, o.currencies[n % o.currencies.length] ?? 'Cad');
    return customer;
  }

  function addSubscription(customerId: string): SandboxSubscription {
    const item = r.pick(CATALOG);
    const n = subscriptions.length;
    const yearly = item.nce && n % 4 === 1;
    const currency: SandboxCurrency = n % 23 === 7 ? 'Undefined' : (currencyOf.get(customerId) ?? 'Cad');
    const unit = item.price[currency === 'Undefined' ? 'Cad' : currency] * (yearly ? 12 : 1);
    const purchased = addDays(o.today(), -r.int(20, 700));
    let commitmentTerm: SandboxCommitmentTerm | null = null;
    if (item.nce) {
      const type = yearly || n % 3 === 0 ? (n % 29 === 5 ? 'Triennial' : 'Annual') : 'Monthly';
      const termEnd = addDays(o.today(), r.int(3, type === 'Monthly' ? 30 : 330));
      const quantity = r.int(1, 40);
      commitmentTerm = {
        type,
        termEndDate: termEnd,
        renewalConfiguration: n % 9 === 4 ? null : { renewalDate: addDays(termEnd, 1), scheduledQuantity: n % 5 === 0 ? quantity + 2 : null },
        committedMinimalQuantities: [{ committedUntil: stamp(addDays(purchased, 7), r), quantity }],
      };
    }
    const sub: SandboxSubscription = {
      id: r.uuid(),
      customerId,
      productName: item.name,
      description: `${item.name} (${commitmentTerm ? `${commitmentTerm.type} commitment` : 'no commitment'})`,
      sku: item.sku,
      quantity: commitmentTerm?.committedMinimalQuantities?.[0]?.quantity ?? r.int(1, 60),
      billingCycle: yearly ? 'yearly' : 'monthly',
      purchaseDate: stamp(purchased, r),
      // No catalog item behind a few subscriptions: Sherweb sends fees: null.
      fees: n % 19 === 11 ? null : { recurringFee: money(unit), setupFee: 0, currency },
      commitmentTerm,
    };
    subscriptions.push(sub);
    return sub;
  }

  function seed(size: { customers: number; subscriptions: number }): void {
    customers = [];
    subscriptions = [];
    currencyOf.clear();
    for (let i = 0; i < size.customers; i++) addCustomer();
    // Every customer but the last few gets at least one; the rest are spread at random.
    for (let i = 0; i < size.subscriptions; i++) {
      const index = i < size.customers - 2 ? i : r.int(0, Math.max(0, size.customers - 3));
      const customer = customers[index];
      if (customer) addSubscription(customer.id);
    }
  }

  /** What the MSP owes Sherweb this period: one recurring charge per priced subscription, plus setup fees. */
  function payableCharges(): SandboxCharge[] {
    const today = o.today();
    const periodFrom = `${today.slice(0, 7)}-01`;
    const periodTo = addDays(`${addDays(periodFrom, 32).slice(0, 7)}-01`, -1);
    const charges: SandboxCharge[] = [];
    subscriptions.forEach((s, n) => {
      const item = CATALOG.find((c) => c.sku === s.sku);
      const currency = currencyOf.get(s.customerId) ?? 'Cad';
      if (!item) return;
      const list = item.price[currency] * (s.billingCycle === 'yearly' ? 12 : 1);
      const deduction = money(list * (1 - item.costRatio));
      const net = money(list - deduction);
      charges.push({
        productId: `${item.sku.replace(/[^A-Z0-9]/gi, '').slice(0, 8).toLowerCase().padEnd(8, '0')}-0000-4000-8000-000000000000`,
        productName: item.name,
        sku: item.sku,
        chargeId: r.uuid(),
        chargeName: `${item.name} - Recurring`,
        chargeType: 'Recurring',
        billingCycleType: s.billingCycle === 'yearly' ? 'Yearly' : 'Monthly',
        periodFrom,
        periodTo,
        quantity: s.quantity,
        listPrice: money(list),
        netPrice: net,
        netPriceProrated: net,
        subTotal: money(net * s.quantity),
        currency: currency.toUpperCase(),
        isBilled: false,
        isProratable: true,
        deductions: [{ code: 'PERF', name: 'Partner performance', deductionType: 'PerformancePercentage', value: money((1 - item.costRatio) * 100), unitValue: deduction, totalValue: money(deduction * s.quantity) }],
        fees: [],
        invoice: null,
        taxes: [{ name: currency === 'Cad' ? 'GST' : 'Sales tax', appliedRate: currency === 'Cad' ? 0.05 : 0 }],
        // Most charges name the customer in a tag; some carry none (the ugly part: no customer id field exists).
        tags: n % 4 === 3 ? null : [{ name: 'CustomerId', value: s.customerId }],
      });
      if (n % 13 === 0) {
        charges.push({ ...structuredClone(charges[charges.length - 1] as SandboxCharge), chargeId: r.uuid(), chargeName: 'Activation fee', chargeType: 'Setup', billingCycleType: 'OneTime', quantity: 1, listPrice: 25, netPrice: 25, netPriceProrated: 25, subTotal: 25, deductions: null });
      }
    });
    return charges;
  }

  return {
    customers: () => customers,
    subscriptions: () => subscriptions,
    customer: (id: string) => customers.find((c) => c.id === id),
    subscription: (id: string) => subscriptions.find((s) => s.id === id),
    subscriptionsOf: (customerId: string) => subscriptions.filter((s) => s.customerId === customerId),
    payableCharges,
    addCustomer,
    addSubscription,
    seed,
  };
}
