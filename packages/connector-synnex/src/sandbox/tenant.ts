import { createRandom, makeCustomer, makeSubscription } from './seed';
import type { SandboxCustomer, SandboxSubscription } from './types';

const DAY = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 2);

/** The tenant's records in creation order (oldest first); lists serve them newest first. */
export function createTenant(o: { seed: number; accountId: string; now: () => number }) {
  let customers: SandboxCustomer[] = [];
  let subscriptions: SandboxSubscription[] = [];
  let byCustomerId = new Map<string, SandboxCustomer>();
  let rnd = createRandom(o.seed);
  let nextCustomer = 1;
  let nextSubscription = 5001;

  const currencyOf = (c: SandboxCustomer) => (c.customerAddress?.country === 'CA' ? 'CAD' : 'USD');

  function addCustomer(): SandboxCustomer {
    const id = nextCustomer++;
    const customer = makeCustomer(o.accountId, id, rnd, EPOCH + id * 3_600_000);
    customers.push(customer);
    byCustomerId.set(String(id), customer);
    return customer;
  }

  function addSubscription(customer?: SandboxCustomer): SandboxSubscription {
    const owner = customer ?? (customers[rnd.int(0, customers.length - 1)] as SandboxCustomer);
    const id = nextSubscription++;
    const sub = makeSubscription({ accountId: o.accountId, id, customer: owner, rnd, purchasedMs: EPOCH + (id - 5000) * 7_200_000 + rnd.int(0, 30) * DAY, nowMs: o.now(), currency: currencyOf(owner) });
    subscriptions.push(sub);
    return sub;
  }

  return {
    seed(size: { customers: number; subscriptions: number }): void {
      customers = [];
      subscriptions = [];
      byCustomerId = new Map();
      rnd = createRandom(o.seed);
      nextCustomer = 1;
      nextSubscription = 5001;
      for (let i = 0; i < size.customers; i++) addCustomer();
      // Every customer with at least one subscription while there are enough, the rest at random.
      for (let i = 0; i < size.subscriptions && customers.length; i++) addSubscription(i < customers.length ? customers[i] : undefined);
    },
    addCustomer,
    addSubscription,
    customers: () => customers,
    subscriptions: () => subscriptions,
    customer: (id: string) => byCustomerId.get(id),
    subscription: (id: string) => subscriptions.find((s) => s.id === id),
  };
}
export type Tenant = ReturnType<typeof createTenant>;
