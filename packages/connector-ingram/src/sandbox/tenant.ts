import type { MarketplaceInfo } from './catalog';
import { addDays, createRandom, makeCustomer, makeSubscription, marketplaceInfo, money, retotal, units } from './seed';
import type { SandboxCustomer, SandboxSubscription } from './types';

/** One change to the tenant, as `mutate()` takes it and `simulateWeek()` reports it. */
export type SandboxChange =
  /** Set the seat count of one product line (the first product when `productId` is omitted). */
  | { kind: 'seats'; subscriptionId: string; quantity: number; productId?: string }
  /** Order a new subscription (for `customerId`, or a seeded pick). */
  | { kind: 'new-subscription'; customerId?: string; subscriptionId?: string }
  /** Terminate a subscription. */
  | { kind: 'cancel'; subscriptionId: string }
  /** Raise the reseller cost (`unitCost`) of every product line by `percent`. */
  | { kind: 'cost-increase'; subscriptionId: string; percent: number }
  /** Add a customer. */
  | { kind: 'new-customer'; customerId?: string };

/**
 * The tenant's data and its mutations. Lists are served newest first (highest id first), as
 * Ingram has done since 1.5; every change stamps `lastModifiedDate` with the sandbox's today.
 */
export function createTenant(o: { seed: number; marketplace: string; today: () => string }) {
  const market: MarketplaceInfo = marketplaceInfo(o.marketplace);
  let rnd = createRandom(o.seed);
  let customers: SandboxCustomer[] = [];
  let subscriptions: SandboxSubscription[] = [];
  const customerById = new Map<string, SandboxCustomer>();
  const subscriptionById = new Map<string, SandboxSubscription>();
  const names = new Set<string>();

  function addCustomer(): SandboxCustomer {
    const customer = makeCustomer(customers.length, rnd, market, names);
    customers.push(customer);
    customerById.set(customer.id, customer);
    return customer;
  }

  function addSubscription(customer?: SandboxCustomer): SandboxSubscription {
    // Skewed towards the first customers: a few big clients, a long tail of small ones.
    const owner = customer ?? customers[Math.floor(Math.pow(rnd.next(), 1.6) * customers.length)] ?? addCustomer();
    const sub = makeSubscription(String(5000001 + subscriptions.length), owner, rnd, market, o.today());
    subscriptions.push(sub);
    subscriptionById.set(sub.id, sub);
    return sub;
  }

  function seed(size: { customers: number; subscriptions: number }): void {
    rnd = createRandom(o.seed);
    customers = [];
    subscriptions = [];
    customerById.clear();
    subscriptionById.clear();
    names.clear();
    for (let i = 0; i < size.customers; i++) addCustomer();
    for (let i = 0; i < size.subscriptions; i++) addSubscription();
  }

  function subscription(id: string): SandboxSubscription {
    const sub = subscriptionById.get(id);
    if (!sub) throw new Error(`sandbox: no subscription ${id}`);
    return sub;
  }

  function touch(sub: SandboxSubscription): void {
    retotal(sub, market.currency);
    sub.lastModifiedDate = o.today();
  }

  function mutate(change: SandboxChange): SandboxChange {
    switch (change.kind) {
      case 'seats': {
        const sub = subscription(change.subscriptionId);
        const product = sub.products.find((p) => change.productId === undefined || p.id === change.productId);
        if (!product) throw new Error(`sandbox: subscription ${sub.id} has no product ${change.productId}`);
        product.quantity = change.quantity;
        touch(sub);
        return { ...change, productId: product.id };
      }
      case 'new-subscription': {
        const owner = change.customerId === undefined ? undefined : customerById.get(change.customerId);
        const sub = addSubscription(owner);
        sub.status = 'active';
        sub.creationDate = o.today();
        sub.lastModifiedDate = o.today();
        return { kind: 'new-subscription', customerId: sub.customerId, subscriptionId: sub.id };
      }
      case 'cancel': {
        const sub = subscription(change.subscriptionId);
        sub.status = 'terminated';
        sub.renewalStatus = false;
        sub.expirationDate = o.today();
        touch(sub);
        return change;
      }
      case 'cost-increase': {
        const sub = subscription(change.subscriptionId);
        for (const p of sub.products) {
          if (p.unitCost) p.unitCost = money(Math.round((units(p.unitCost.amount) * (100 + change.percent)) / 100), p.unitCost.currency);
        }
        touch(sub);
        return change;
      }
      case 'new-customer':
        return { kind: 'new-customer', customerId: addCustomer().id };
    }
  }

  /** Active subscriptions with a priced seat line, in a seeded order, for picking change targets. */
  function candidates(): SandboxSubscription[] {
    const pool = subscriptions.filter((s) => s.status === 'active' && s.products.some((p) => p.unitPrice && p.quantity > 0));
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
      const line = sub.products.find((p) => p.unitPrice && p.quantity > 0) ?? sub.products[0];
      const delta = rnd.next() < 0.7 ? rnd.int(1, 5) : -Math.min(rnd.int(1, 3), (line?.quantity ?? 1) - 1);
      changes.push(mutate({ kind: 'seats', subscriptionId: sub.id, quantity: Math.max(1, (line?.quantity ?? 1) + (delta || 1)), ...(line ? { productId: line.id } : {}) }));
    }
    for (let i = 0; i < (plan.cancellations ?? 1); i++) changes.push(mutate({ kind: 'cancel', subscriptionId: take().id }));
    for (let i = 0; i < (plan.costIncreases ?? 1); i++) changes.push(mutate({ kind: 'cost-increase', subscriptionId: take().id, percent: 7 }));
    for (let i = 0; i < (plan.newSubscriptions ?? 1); i++) changes.push(mutate({ kind: 'new-subscription' }));
    return changes;
  }

  return {
    market,
    seed,
    mutate,
    simulateWeek,
    addCustomer,
    addSubscription,
    customers: () => customers,
    subscriptions: () => subscriptions,
    customer: (id: string) => customerById.get(id),
    subscription: (id: string) => subscriptionById.get(id),
    yesterday: () => addDays(o.today(), -1),
  };
}

export type Tenant = ReturnType<typeof createTenant>;
