// A correct connector for the Acme reference vendor, built only from connector-core's kernel, plus
// switchable breakages that mimic real bugs. The contract suite must pass the first and fail each breakage.
import {
  type Batch,
  basicTokenAuth,
  type Customer,
  createHttpClient,
  type DistributorConnector,
  type PageResult,
  paginate,
  parseRecords,
  seatCount,
  type Subscription,
  type Usage,
} from '@vectis/connector-core';
import { z } from 'zod';
import type { ContractEnv } from '../src/index';
import { ACME_PASSWORD, ACME_USER } from './reference-vendor';

export type Breakage =
  | 'stops-on-short-page'
  | 'drops-filter-after-first-page'
  | 'keeps-duplicates'
  | 'ignores-401'
  | 'leaks-password'
  | 'first-product-only'
  | 'sends-post'
  | 'unknown-status-as-active'
  | 'ignores-abort'
  | 'declares-missing-snapshots'
  | 'follows-redirects'
  | 'fails-on-bad-record'
  | 'trusts-total';

const Product = z.object({ id: z.string(), sku: z.string(), name: z.string(), quantity: seatCount() });
const RawCustomer = z.object({ id: z.string(), name: z.string(), status: z.string() });
const RawSubscription = z.object({ id: z.string(), customerId: z.string(), status: z.string(), products: z.array(Product) });
const envelope = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), pagination: z.object({ offset: z.number(), limit: z.number(), total: z.number() }) });
// Records are validated one by one (a bad one is rejected, the page kept); the envelope as a whole.
const AnyPage = envelope(z.unknown());
const SubscriptionPage = envelope(RawSubscription);
type RawSubscription = z.infer<typeof RawSubscription>;

const CUSTOMER_STATUS: Record<string, Customer['status']> = { active: 'active', suspended: 'suspended' };
const SUBSCRIPTION_STATUS: Record<string, Subscription['status']> = { active: 'active', suspended: 'suspended' };

export function createAcmeConnector(env: ContractEnv, breaks: readonly Breakage[] = []): DistributorConnector {
  const broken = (b: Breakage) => breaks.includes(b);
  const auth = basicTokenAuth({
    username: ACME_USER,
    password: ACME_PASSWORD,
    path: '/token',
    parse: (json) => z.object({ token: z.string(), expiresInSeconds: z.number() }).parse(json),
    remedy: 'Check the Acme API user and password.',
  });
  const http = createHttpClient({
    connector: 'acme',
    baseUrl: env.baseUrl,
    auth: broken('ignores-401') ? { ...auth, invalidate: () => undefined } : auth,
    timeoutMs: env.tuning.timeoutMs,
    retry: env.tuning.retry,
    pacing: env.tuning.pacing,
    correlationIdHeader: 'x-correlation-id',
    errorBody: (body) => z.object({ message: z.string().optional() }).safeParse(body).data,
    // A hand-made fetch that asks for redirects to be followed: the kind of shortcut the suite must catch.
    ...(broken('follows-redirects') ? { fetch: (input: string | URL | Request, init?: RequestInit) => fetch(input, { ...init, redirect: 'follow' }) } : {}),
  });

  async function* pages<T>(path: string, item: z.ZodType<T>, stream: 'customers' | 'subscriptions', signal?: AbortSignal) {
    const s = broken('ignores-abort') ? undefined : signal;
    const fetchPage = async (offset: number, limit: number, first: boolean): Promise<PageResult<T>> => {
      const filter = broken('drops-filter-after-first-page') && !first ? {} : { view: 'full' };
      const schema = broken('fails-on-bad-record') ? envelope(item) : AnyPage;
      const { data } = await http.get(path, { searchParams: { offset, limit, ...filter }, schema, ...(s ? { signal: s } : {}) });
      const { items, rejected } = parseRecords(data.data, item, { stream, where: `GET ${path} offset ${offset}` });
      return { items, rejected, total: data.pagination.total };
    };
    if (broken('stops-on-short-page') || broken('keeps-duplicates') || broken('trusts-total')) {
      // The classic hand-rolled loops: stop on a short page, or never dedupe.
      for (let offset = 0, n = 0; ; n++) {
        const page = await fetchPage(offset, 100, n === 0);
        offset += page.items.length;
        // Trusting the total: stop at offset ≥ total and call it complete, whatever the data says.
        const done = broken('stops-on-short-page') ? page.items.length < 100 : page.items.length === 0 || offset >= (page.total ?? 0);
        yield done ? { items: page.items, coverage: { stream, fetched: offset, expected: page.total, pages: n + 1, duplicatesDropped: 0, complete: true } } : { items: page.items };
        if (done) return;
      }
    }
    let first = true;
    yield* paginate<T>({
      connector: 'acme',
      stream,
      style: 'offset',
      pageSize: 100,
      idOf: (item) => (item as { id: string }).id,
      ...(s ? { signal: s } : {}),
      fetchPage: async (cursor) => {
        if (!('offset' in cursor)) throw new Error('offset paging expected');
        const page = await fetchPage(cursor.offset, cursor.limit, first);
        first = false;
        return page;
      },
    });
  }

  function lines(sub: RawSubscription): Subscription[] {
    const products = broken('first-product-only') ? sub.products.slice(0, 1) : sub.products;
    const status = SUBSCRIPTION_STATUS[sub.status] ?? (broken('unknown-status-as-active') ? 'active' : 'unknown');
    return products.map((p) => ({
      vendor: 'sherweb',
      externalId: `${sub.id}:${p.id}`,
      parentExternalId: sub.id,
      customerExternalId: sub.customerId,
      sku: p.sku,
      productName: p.name,
      quantity: p.quantity,
      amountBasis: 'unknown',
      pricePeriod: 'unknown',
      billingFrequency: 'unknown',
      commitmentTerm: 'unknown',
      recurring: true,
      status,
      rawStatus: sub.status,
      raw: sub,
    }));
  }

  async function* listSubscriptions(o: { signal?: AbortSignal | undefined } = {}): AsyncGenerator<Batch<Subscription>> {
    for await (const batch of pages('/subscriptions', RawSubscription, 'subscriptions', o.signal)) yield { ...batch, items: batch.items.flatMap(lines) };
  }

  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (broken('leaks-password')) throw new Error(`Acme request as ${ACME_USER}:${ACME_PASSWORD} failed`, { cause: error });
      throw error;
    }
  };

  return {
    id: 'acme',
    vendor: 'sherweb',
    label: 'Acme Cloud',
    capabilities: { customers: true, subscriptions: true, seatSnapshots: 'purchased_quantity', incremental: false, stub: false },
    async testConnection(o = {}) {
      return guard(async () => {
        if (broken('sends-post')) await fetch(`${env.baseUrl}/customers/search`, { method: 'POST', body: '{}' });
        const { data } = await http.get('/subscriptions', { searchParams: { offset: 0, limit: 1 }, schema: SubscriptionPage, ...(o.signal ? { signal: o.signal } : {}) });
        const total = data.pagination.total;
        return { ok: true, vendor: 'sherweb', message: `Connected to Acme Cloud — ${total} subscriptions visible`, details: { total } };
      });
    },
    async *listCustomers(o = {}) {
      const stream = pages('/customers', RawCustomer, 'customers', o.signal);
      for (;;) {
        const next = await guard(() => stream.next());
        if (next.done) return;
        yield {
          ...next.value,
          items: next.value.items.map((c): Customer => ({
            vendor: 'sherweb',
            externalId: c.id,
            name: c.name,
            status: CUSTOMER_STATUS[c.status] ?? (broken('unknown-status-as-active') ? 'active' : 'unknown'),
            rawStatus: c.status,
            raw: c,
          })),
        };
      }
    },
    listSubscriptions,
    async *listSeatSnapshots(o) {
      if (broken('declares-missing-snapshots')) throw new Error('seat snapshots are not available');
      for await (const batch of listSubscriptions(o)) {
        const items = batch.items.map((l): Usage => ({ vendor: 'sherweb', week: o.week, asOf: o.asOf, customerExternalId: l.customerExternalId, subscriptionExternalId: l.externalId, sku: l.sku, quantity: l.quantity, source: 'purchased_quantity' }));
        yield { items, coverage: batch.coverage ? { ...batch.coverage, stream: 'seat_snapshots' } : undefined };
      }
    },
    async dispose() {
      http.dispose();
    },
  };
}
