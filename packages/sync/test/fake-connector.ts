// A deterministic in-process DistributorConnector with knobs for the fault tests: page size,
// failing after N pages, a hook per page (to abort mid-run), invalid records, and an incremental
// mode that reuses `previousLines` for parents unchanged since the checkpoint.
import type {
  Batch, Checkpoint, ConnectorCapabilities, Customer, DistributorConnector, SeatSnapshotOptions, StreamName,
  Subscription, SubscriptionListOptions, Usage, Vendor,
} from '@vectis/connector-core';

export interface FakeOptions {
  vendor?: Vendor;
  id?: string;
  customers?: unknown[];
  lines?: unknown[];
  pageSize?: number;
  seatSnapshots?: ConnectorCapabilities['seatSnapshots'];
  incremental?: boolean;
  /** Throw `error` after emitting this many pages of `stream`. */
  failAfter?: { stream: StreamName; pages: number; error?: Error } | undefined;
  /** Called before each page is emitted (pages count from 1). */
  onPage?: ((stream: StreamName, page: number) => void) | undefined;
  /** Extra usage for 'vendor_usage' connectors: assigned seats per line id. */
  assigned?: Record<string, number>;
  /** Report the stream as incomplete (e.g. a vendor page cap). */
  truncate?: StreamName | undefined;
}

export function makeCustomers(vendor: Vendor, count: number, from = 0): Customer[] {
  return Array.from({ length: count }, (_, i) => ({
    vendor, externalId: `c${String(from + i).padStart(5, '0')}`, name: `Customer ${from + i}`, status: 'active' as const,
    rawStatus: 'active', domains: [{ domain: `c${from + i}.example.com`, source: 'website' as const }],
    address: { city: 'Lyon', country: 'FR' }, raw: { id: from + i, nested: { tags: ['a', 'b'] } },
  }));
}

/** `count` lines spread over `customers` customers, two lines per parent subscription. */
export function makeLines(vendor: Vendor, count: number, customers = 10, from = 0): Subscription[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const parent = `s${String(Math.floor(i / 2)).padStart(5, '0')}`;
    return {
      vendor, externalId: `${parent}:p${i % 2}`, parentExternalId: parent, customerExternalId: `c${String(i % customers).padStart(5, '0')}`,
      sku: `SKU-${i % 7}`, productName: `Product ${i % 7}`, quantity: (i % 25) + 1,
      unitCost: { amount: `${(i % 9) + 1}.989`, currency: 'USD' }, unitPrice: { amount: '12.10', currency: 'USD' },
      amountBasis: 'unit' as const, pricePeriod: 'P1M' as const, billingFrequency: 'monthly' as const,
      commitmentTerm: 'P1Y' as const, recurring: true, status: 'active' as const, rawStatus: 'active',
      startDate: '2026-01-01', autoRenew: i % 3 === 0, raw: { id: i, products: [{ mpn: `SKU-${i % 7}` }] },
    };
  });
}

export interface FakeConnector extends DistributorConnector {
  data: { customers: unknown[]; lines: unknown[] };
  /** Parent subscriptions fetched in full (not reused from previousLines) by the last listSubscriptions. */
  detailFetches: number;
  reused: number;
  receivedCheckpoints: (Checkpoint | undefined)[];
  options: FakeOptions;
}

const parentOf = (line: unknown): string => String((line as { parentExternalId?: string; externalId?: string }).parentExternalId ?? (line as { externalId?: string }).externalId);
const versionOf = (lines: unknown[]): string => JSON.stringify(lines);

export function createFakeConnector(options: FakeOptions = {}): FakeConnector {
  const vendor = options.vendor ?? 'ingram_micro';
  const id = options.id ?? 'fake';
  const pageSize = options.pageSize ?? 10;

  async function* paged<T>(stream: StreamName, items: T[], extra: () => Checkpoint | undefined = () => undefined): AsyncGenerator<Batch<T>> {
    const pages = Math.max(1, Math.ceil(items.length / pageSize));
    for (let page = 1; page <= pages; page++) {
      const f = fake.options.failAfter;
      if (f && f.stream === stream && page > f.pages) throw f.error ?? new Error(`fake ${stream} failure after ${f.pages} pages`);
      fake.options.onPage?.(stream, page);
      await Promise.resolve();
      const last = page === pages;
      const complete = fake.options.truncate !== stream;
      const batch: Batch<T> = { items: items.slice((page - 1) * pageSize, page * pageSize) };
      if (last) {
        batch.coverage = { stream, fetched: items.length, pages, duplicatesDropped: 0, complete, ...(complete ? {} : { truncatedReason: 'page cap reached' }) };
        const cp = extra();
        if (cp !== undefined) batch.checkpoint = cp;
      }
      yield batch;
    }
  }

  async function* subscriptions(opts: SubscriptionListOptions = {}): AsyncGenerator<Batch<Subscription>> {
    fake.receivedCheckpoints.push(opts.checkpoint);
    fake.detailFetches = 0;
    fake.reused = 0;
    const lines = fake.data.lines;
    if (!fake.options.incremental) {
      yield* paged('subscriptions', lines as Subscription[]);
      return;
    }
    // Group by parent; a parent whose version matches the checkpoint is served from previousLines.
    const byParent = new Map<string, unknown[]>();
    for (const line of lines) byParent.set(parentOf(line), [...(byParent.get(parentOf(line)) ?? []), line]);
    const before = (opts.checkpoint ?? {}) as Record<string, string>;
    const out: Subscription[] = [];
    for (const [parent, group] of byParent) {
      const previous = before[parent] === versionOf(group) ? await opts.previousLines?.(parent) : undefined;
      if (previous && previous.length === group.length) {
        fake.reused++;
        out.push(...previous);
      } else {
        fake.detailFetches++;
        out.push(...(group as Subscription[]));
      }
    }
    const next = Object.fromEntries([...byParent].map(([parent, group]) => [parent, versionOf(group)]));
    yield* paged('subscriptions', out, () => next);
  }

  const fake: FakeConnector = {
    id, vendor, label: `Fake ${vendor}`, options,
    capabilities: {
      customers: true, subscriptions: true, seatSnapshots: options.seatSnapshots ?? 'purchased_quantity',
      incremental: options.incremental ?? false, stub: false,
    },
    data: { customers: options.customers ?? makeCustomers(vendor, 25), lines: options.lines ?? makeLines(vendor, 40) },
    detailFetches: 0,
    reused: 0,
    receivedCheckpoints: [],
    testConnection: async () => ({ ok: true, vendor, message: 'ok', details: {} }),
    listCustomers: () => paged('customers', fake.data.customers as Customer[]),
    listSubscriptions: (opts) => subscriptions(opts),
    async *listSeatSnapshots(opts: SeatSnapshotOptions): AsyncGenerator<Batch<Usage>> {
      const rows = (fake.data.lines as Subscription[]).map((l) => ({
        vendor, week: opts.week, asOf: opts.asOf, customerExternalId: l.customerExternalId, subscriptionExternalId: l.externalId,
        quantity: l.quantity, assigned: fake.options.assigned?.[l.externalId] ?? Math.max(0, l.quantity - 1), source: 'vendor_usage' as const,
      }));
      yield* paged('seat_snapshots', rows);
    },
    dispose: async () => undefined,
  };
  return fake;
}
