import type {
  Batch,
  ConnectionTestResult,
  ConnectorCapabilities,
  DistributorConnector,
  ListOptions,
  ProgressEvent,
  SeatSnapshotOptions,
  Usage,
} from '@vectis/connector-core';
import { createIngramHttp } from './client';
import { listIngramCustomers } from './customers';
import { type IngramConnectorOptions, resolveOptions } from './options';
import { ingramList } from './schemas';
import { z } from 'zod';

// testConnection needs the total only: one drifted record must not make the connection look broken.
const AnyList = ingramList(z.unknown());
import { listIngramSubscriptions } from './subscriptions';

const CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: true,
  subscriptions: true,
  // Ingram has no usage endpoint: the weekly snapshot is each line's purchased quantity.
  seatSnapshots: 'purchased_quantity',
  incremental: true,
  stub: false,
});

/**
 * A read-only Ingram Micro Cloud Marketplace connector (Marketplace API 1.6): HTTP Basic → `POST /token`,
 * then GETs with the bearer token and `X-Subscription-Key`, paced at 45 requests/min by default.
 *
 * @example
 * const ingram = createIngramConnector({ username: 'acme.api', password, subscriptionKey, region: 'us.na' });
 * console.log((await ingram.testConnection()).message); // Connected to Ingram Micro — 42 subscriptions visible
 * for await (const batch of ingram.listSubscriptions({ checkpoint, previousLines })) save(batch.items);
 */
export function createIngramConnector(options: IngramConnectorOptions): DistributorConnector {
  const o = resolveOptions(options);
  const http = createIngramHttp(o);
  const now = o.now ?? Date.now;
  const emitter = (local?: ((e: ProgressEvent) => void) | undefined) => (event: ProgressEvent) => {
    o.onProgress?.(event);
    local?.(event);
  };

  async function testConnection(call: ListOptions = {}): Promise<ConnectionTestResult> {
    const { data, correlationId } = await http.get('/subscriptions', {
      searchParams: { offset: 0, limit: 1 },
      schema: AnyList,
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.onProgress ? { onProgress: call.onProgress } : {}),
    });
    const total = data.pagination.total;
    return {
      ok: true,
      vendor: 'ingram_micro',
      message: `Connected to Ingram Micro — ${total} subscriptions visible`,
      details: {
        subscriptions: total,
        apiUrl: o.endpoint.apiUrl,
        apiUrlSource: o.endpoint.apiUrlSource,
        marketplace: o.endpoint.marketplace,
        marketplaceSource: o.endpoint.marketplaceSource,
        region: o.region,
        clientId: o.clientId !== undefined,
        correlationId,
      },
    };
  }

  async function* listSeatSnapshots(call: SeatSnapshotOptions): AsyncGenerator<Batch<Usage>> {
    let rows = 0;
    for await (const batch of listIngramSubscriptions(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress), now })) {
      const items: Usage[] = batch.items.map((line) => ({
        vendor: 'ingram_micro',
        week: call.week,
        asOf: call.asOf,
        customerExternalId: line.customerExternalId,
        subscriptionExternalId: line.externalId,
        ...(line.sku ? { sku: line.sku } : {}),
        quantity: line.quantity,
        source: 'purchased_quantity',
      }));
      rows += items.length;
      // A line that could not be read has no snapshot row either: the sync must see it as rejected here too.
      const rejected = batch.rejected?.map((r) => ({ ...r, stream: 'seat_snapshots' as const }));
      const extra = rejected?.length ? { rejected } : {};
      if (!batch.coverage) {
        yield { items, ...extra };
        continue;
      }
      // Rows are lines, not vendor subscriptions: `expected` (a subscription count) would not compare.
      const coverage = { ...batch.coverage, stream: 'seat_snapshots' as const, expected: undefined, fetched: rows };
      yield { items, ...extra, coverage, checkpoint: batch.checkpoint };
    }
  }

  return {
    id: 'ingram',
    vendor: 'ingram_micro',
    label: 'Ingram Micro',
    capabilities: CAPABILITIES,
    testConnection,
    listCustomers: (call: ListOptions = {}) => listIngramCustomers(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress) }),
    listSubscriptions: (call = {}) => listIngramSubscriptions(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress), now }),
    listSeatSnapshots,
    async dispose() {
      http.dispose();
    },
  };
}
