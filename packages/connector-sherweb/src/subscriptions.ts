import {
  type Batch,
  type Coverage,
  type HttpClient,
  isHttpError,
  isNotFoundError,
  isPermissionError,
  type ProgressEvent,
  type RejectedRecord,
  type Subscription,
  type SubscriptionListOptions,
} from '@vectis/connector-core';
import { type CostLookup, readPayableCosts } from './costs';
import { readSherwebCustomers } from './customers';
import { billingCycle, mapSubscription } from './mappers';
import { parseItems } from './records';
import {
  type SherwebCustomer,
  SherwebItemsEnvelope,
  SherwebPricingInformation,
  SherwebSubscription,
  SherwebSubscriptionDetails,
} from './schemas';

export const DETAILS_PATH = '/service-provider/v1/billing/subscriptions/details';
export const PRICING_PATH = '/service-provider/v1/billing/subscriptions/pricing-information';
/** Deprecated by Sherweb ("use GetCustomerSubscriptionDetails and …PricingInformation instead"); the fallback. */
export const LIST_PATH = '/service-provider/v1/billing/subscriptions';

/** A route this tenant does not have: 404 (APIM "Resource not found"), 405 or 501. */
const routeMissing = (error: unknown) => isNotFoundError(error) || (isHttpError(error) && (error.status === 405 || error.status === 501));

/** Customers fetched together; the kernel's concurrency still caps requests in flight. */
const CHUNK = 8;

interface Run {
  http: HttpClient;
  o: SubscriptionListOptions;
  costs: CostLookup | undefined;
  /** Set once `/details` answered 404 while the deprecated list worked: the tenant has no details route. */
  detailsAbsent: boolean;
  pages: number;
  detailRequests: number;
  missing: number;
}

async function get(run: Run, path: string, customerId: string) {
  const { data } = await run.http.get(path, {
    searchParams: { customerId },
    schema: SherwebItemsEnvelope,
    ...(run.o.signal ? { signal: run.o.signal } : {}),
    ...(run.o.onProgress ? { onProgress: run.o.onProgress } : {}),
  });
  run.pages++;
  run.detailRequests++;
  return data.items;
}

const where = (path: string, customerId: string) => `GET ${path}?customerId=${customerId}`;

/** The deprecated plain list: it carries `billingCycle` and `fees` itself. */
async function fromList(run: Run, customer: SherwebCustomer): Promise<{ lines: Subscription[]; rejected: RejectedRecord[] }> {
  const items = await get(run, LIST_PATH, customer.id);
  const { good, rejected } = parseItems(items, SherwebSubscription, { stream: 'subscriptions', where: where(LIST_PATH, customer.id) });
  const lines = good.map(({ item, raw }) =>
    mapSubscription({ customer, details: item, pricing: item, cost: run.costs?.(customer.id, item.sku, billingCycle(item.billingCycle).period), raw: { subscription: raw } }),
  );
  return { lines, rejected };
}

/** Pricing information, or nothing when Sherweb withholds it for this customer ("call us to disable pricing visibility"). */
async function pricingOf(run: Run, customer: SherwebCustomer): Promise<unknown[] | null | undefined> {
  try {
    return await get(run, PRICING_PATH, customer.id);
  } catch (error) {
    if (!routeMissing(error) && !isPermissionError(error)) throw error;
    return undefined;
  }
}

async function linesOf(run: Run, customer: SherwebCustomer): Promise<{ lines: Subscription[]; rejected: RejectedRecord[] }> {
  try {
    if (run.detailsAbsent) return await fromList(run, customer);
    const [details, pricing] = await Promise.all([
      get(run, DETAILS_PATH, customer.id).catch((error: unknown) => {
        if (routeMissing(error)) return 'not-found' as const;
        throw error;
      }),
      pricingOf(run, customer),
    ]);
    if (details === 'not-found') {
      // The details route may be missing (beta API) or the customer gone: the plain list tells which.
      const viaList = await fromList(run, customer);
      run.detailsAbsent = true;
      return viaList;
    }
    const parsed = parseItems(details, SherwebSubscriptionDetails, { stream: 'subscriptions', where: where(DETAILS_PATH, customer.id) });
    const prices = parseItems(pricing, SherwebPricingInformation, { stream: 'subscriptions', where: where(PRICING_PATH, customer.id) });
    const byId = new Map(prices.good.map((p) => [p.item.id, p]));
    const lines = parsed.good.map(({ item, raw }) => {
      const price = byId.get(item.id);
      return mapSubscription({
        customer,
        details: item,
        pricing: price?.item,
        cost: run.costs?.(customer.id, item.sku, billingCycle(price?.item.billingCycle).period),
        raw: { subscription: raw, ...(price ? { pricing: price.raw } : {}) },
      });
    });
    // A pricing item that cannot be read only costs that line its price: reported, the line kept.
    return { lines, rejected: [...parsed.rejected, ...prices.rejected] };
  } catch (error) {
    // Deleted between the customer list and its subscriptions: incomplete coverage, not a failed run.
    if (!isNotFoundError(error)) throw error;
    run.missing++;
    return { lines: [], rejected: [] };
  }
}

/**
 * Subscriptions: `GET /customers`, then per customer `/billing/subscriptions/details` +
 * `/billing/subscriptions/pricing-information` in parallel (falling back to the deprecated
 * `/billing/subscriptions` when the details route answers 404), plus one payable-charges call for
 * unit costs when the `distributor` scope is configured. Cost: 1 + 2·C (+1) requests and the token.
 */
export async function* listSherwebSubscriptions(
  http: HttpClient,
  o: SubscriptionListOptions & { emit: (e: ProgressEvent) => void; costs: boolean },
): AsyncGenerator<Batch<Subscription>> {
  o.signal?.throwIfAborted();
  const run: Run = { http, o, costs: undefined, detailsAbsent: false, pages: 0, detailRequests: 0, missing: 0 };
  // Prices withheld for a customer or unreadable charges leave those lines without amounts (they say
  // so: no unitPrice/unitCost, amountBasis 'unknown'); they do not shorten the stream.
  if (o.costs) run.costs = (await readPayableCosts(http, o)).lookup;
  const { customers, rejected: badCustomers } = await readSherwebCustomers(http, o);
  run.pages++;
  const seen = new Set<string>();
  let duplicates = 0;
  let fetched = 0;
  let done = 0;
  let badRecords = 0;
  // The first customer goes alone: if the details route turns out absent, only its calls are wasted.
  for (let start = 0, size = 1; start === 0 || start < customers.length; start += size, size = CHUNK) {
    o.signal?.throwIfAborted();
    const chunk = customers.slice(start, start + size);
    const results = await Promise.all(chunk.map((c) => linesOf(run, c)));
    const items: Subscription[] = [];
    // Unreadable customers are reported by the customer stream; here they only make coverage incomplete.
    const rejected: RejectedRecord[] = [];
    for (const r of results) {
      rejected.push(...r.rejected);
      badRecords += r.rejected.length;
      for (const line of r.lines) {
        if (seen.has(line.externalId)) duplicates++;
        else (seen.add(line.externalId), items.push(line));
      }
    }
    fetched += items.length;
    done += chunk.length;
    o.emit({ type: 'detail', connector: 'sherweb', stream: 'subscriptions', done, total: customers.length, reused: 0 });
    if (start + size < customers.length) {
      yield { items, ...(rejected.length ? { rejected } : {}) };
      continue;
    }
    const reasons = [
      run.missing ? `${run.missing} customer(s) disappeared between the customer list and their subscriptions` : undefined,
      // A rejected subscription (or its pricing) was not read as sent: the stream cannot prove it holds everything.
      badRecords ? `${badRecords} subscription record(s) could not be read (see Batch.rejected)` : undefined,
      badCustomers.length ? `${badCustomers.length} customer record(s) could not be read, so their subscriptions were not listed` : undefined,
    ].filter((r): r is string => r !== undefined);
    const coverage: Coverage = {
      stream: 'subscriptions',
      fetched,
      pages: run.pages,
      duplicatesDropped: duplicates,
      detailRequests: run.detailRequests,
      complete: reasons.length === 0,
      ...(reasons.length ? { truncatedReason: reasons.join('; ') } : {}),
    };
    o.emit({ type: 'stream-done', connector: 'sherweb', coverage });
    yield { items, ...(rejected.length ? { rejected } : {}), coverage };
    o.signal?.throwIfAborted();
  }
}
