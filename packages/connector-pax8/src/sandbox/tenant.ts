import { CATALOG, PLACES } from './catalog';
import { addDays, createRandom, makeCompany, makeSubscription, offsetDateTime, pickOffer } from './seed';
import type { SandboxCompany, SandboxSubscription } from './types';

/** One change to the tenant, as `mutate()` takes it and `simulateWeek()` reports it. */
export type SandboxChange =
  | { kind: 'seats'; subscriptionId: string; quantity: number }
  | { kind: 'new-subscription'; companyId?: string; subscriptionId?: string }
  /** Cancel: Pax8 shows `PendingCancel` with an `endDate` until the seats are deprovisioned. */
  | { kind: 'cancel'; subscriptionId: string }
  | { kind: 'cost-increase'; subscriptionId: string; percent: number }
  | { kind: 'new-company'; companyId?: string; name?: string };

/** A company the caller wants in the tenant (e.g. a client the MSP also buys for through another distributor). */
export interface SandboxCompanySeed {
  name: string;
  website?: string;
  externalId?: string;
  address?: { [K in keyof SandboxCompany['address']]?: string | undefined };
  /** Subscriptions generated for it (default 3). */
  subscriptions?: number;
  /** Products it buys first, by the vendor's SKU (e.g. Microsoft's `CFQ7TTC0LDPB:0001`); unknown ones are skipped. */
  vendorSkus?: readonly string[];
}

const currencyOf = (c: SandboxCompany) => PLACES.find((p) => p.country === c.address.country)?.currency ?? 'USD';

/** The tenant's data and its mutations; every change stamps `updatedDate`. */
export function createTenant(o: { seed: number; today: () => string; companies?: readonly SandboxCompanySeed[] }) {
  let rnd = createRandom(o.seed);
  let companies: SandboxCompany[] = [];
  let subscriptions: SandboxSubscription[] = [];
  const companyById = new Map<string, SandboxCompany>();
  const subscriptionById = new Map<string, SandboxSubscription>();
  const names = new Set<string>();
  // Bumped on every change, so list views (filtered and sorted) can be cached between changes.
  let version = 0;

  function addCompany(seed?: SandboxCompanySeed, namePrefix = ''): SandboxCompany {
    const company = makeCompany(companies.length, rnd, names, o.today(), namePrefix);
    if (seed) {
      company.name = seed.name;
      company.status = 'Active';
      if (seed.website) company.website = seed.website;
      if (seed.externalId) company.externalId = seed.externalId;
      if (seed.address) company.address = { ...company.address, ...(Object.fromEntries(Object.entries(seed.address).filter(([, v]) => v)) as Partial<SandboxCompany['address']>) };
    }
    companies.push(company);
    companyById.set(company.id, company);
    version++;
    return company;
  }

  function addSubscription(company?: SandboxCompany, vendorSku?: string): SandboxSubscription {
    // Skewed towards the first companies: a few big clients, a long tail of small ones.
    const owner = company ?? companies[Math.floor(Math.pow(rnd.next(), 1.6) * companies.length)] ?? addCompany();
    const chosen = vendorSku === undefined ? undefined : CATALOG.find((p) => p.product.vendorSku === vendorSku);
    const offer = chosen ? { product: chosen, term: rnd.pick(chosen.terms) } : pickOffer(rnd, subscriptions.filter((s) => s.companyId === owner.id));
    const sub = makeSubscription(rnd, { company: owner, currency: currencyOf(owner), today: o.today(), ...offer });
    subscriptions.push(sub);
    subscriptionById.set(sub.id, sub);
    version++;
    return sub;
  }

  function seed(size: { customers: number; subscriptions: number }): void {
    rnd = createRandom(o.seed);
    companies = [];
    subscriptions = [];
    companyById.clear();
    subscriptionById.clear();
    names.clear();
    const extra = o.companies ?? [];
    for (let i = 0; i < size.customers; i++) addCompany(extra[i]);
    let left = size.subscriptions;
    // Seeded companies get their own subscriptions first, so they show up in reports.
    for (const [i, s] of extra.slice(0, size.customers).entries()) {
      const wanted = (s.vendorSkus ?? []).filter((v) => CATALOG.some((p) => p.product.vendorSku === v));
      for (let n = 0; n < Math.max(s.subscriptions ?? 3, wanted.length) && left > 0; n++, left--) addSubscription(companies[i], wanted[n]);
    }
    for (; left > 0; left--) addSubscription();
  }

  function subscription(id: string): SandboxSubscription {
    const sub = subscriptionById.get(id);
    if (!sub) throw new Error(`sandbox: no subscription ${id}`);
    return sub;
  }

  const touch = (sub: SandboxSubscription) => void (sub.updatedDate = offsetDateTime(o.today(), rnd));

  function mutate(change: SandboxChange): SandboxChange {
    version++;
    switch (change.kind) {
      case 'seats': {
        const sub = subscription(change.subscriptionId);
        sub.quantity = change.quantity;
        touch(sub);
        return change;
      }
      case 'new-subscription': {
        const owner = change.companyId === undefined ? undefined : companyById.get(change.companyId);
        const sub = addSubscription(owner);
        sub.status = 'Active';
        sub.createdDate = o.today();
        touch(sub);
        return { kind: 'new-subscription', companyId: sub.companyId, subscriptionId: sub.id };
      }
      case 'cancel': {
        const sub = subscription(change.subscriptionId);
        sub.status = 'PendingCancel';
        sub.endDate = addDays(o.today(), 7);
        touch(sub);
        return change;
      }
      case 'cost-increase': {
        const sub = subscription(change.subscriptionId);
        if (sub.partnerCost !== undefined) sub.partnerCost = Math.round(sub.partnerCost * (100 + change.percent)) / 100;
        touch(sub);
        return change;
      }
      case 'new-company': {
        // Names that sort first ("0…"), like the digit-led names in Pax8's examples: inserted before
        // a name-sorted walk's cursor, so later pages shift.
        const company = addCompany(change.name ? { name: change.name } : undefined, change.name ? '' : '0');
        return { kind: 'new-company', companyId: company.id, name: company.name };
      }
    }
  }

  /** Active, priced seat subscriptions in a seeded order, for picking change targets. */
  function candidates(): SandboxSubscription[] {
    const usage = new Set(CATALOG.filter((p) => p.usage).map((p) => p.product.id));
    const pool = subscriptions.filter((s) => s.status === 'Active' && s.price > 0 && !usage.has(s.productId));
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rnd.next() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as SandboxSubscription, pool[i] as SandboxSubscription];
    }
    return pool;
  }

  function simulateWeek(plan: { seatChanges?: number; newSubscriptions?: number; cancellations?: number; costIncreases?: number }): SandboxChange[] {
    const pool = candidates();
    const take = () => {
      const sub = pool.pop();
      if (!sub) throw new Error('sandbox: not enough active subscriptions to change');
      return sub;
    };
    const changes: SandboxChange[] = [];
    for (let i = 0; i < (plan.seatChanges ?? 3); i++) {
      const sub = take();
      const delta = rnd.next() < 0.7 ? rnd.int(1, 5) : -Math.min(rnd.int(1, 3), sub.quantity - 1);
      changes.push(mutate({ kind: 'seats', subscriptionId: sub.id, quantity: Math.max(1, sub.quantity + (delta || 1)) }));
    }
    for (let i = 0; i < (plan.cancellations ?? 1); i++) changes.push(mutate({ kind: 'cancel', subscriptionId: take().id }));
    for (let i = 0; i < (plan.costIncreases ?? 1); i++) changes.push(mutate({ kind: 'cost-increase', subscriptionId: take().id, percent: 7 }));
    for (let i = 0; i < (plan.newSubscriptions ?? 1); i++) changes.push(mutate({ kind: 'new-subscription' }));
    return changes;
  }

  return {
    version: () => version,
    /** Call after changing a record in place (e.g. an injected unknown status). */
    touched: () => void version++,
    seed,
    mutate,
    simulateWeek,
    companies: () => companies,
    subscriptions: () => subscriptions,
    company: (id: string) => companyById.get(id),
    subscription: (id: string) => subscriptionById.get(id),
  };
}

export type Tenant = ReturnType<typeof createTenant>;
