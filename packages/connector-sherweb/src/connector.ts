import {
  type Batch,
  type ConnectionTestResult,
  type ConnectorCapabilities,
  type DistributorConnector,
  type ListOptions,
  parseConnectorOptions,
  type ProgressEvent,
  type SeatSnapshotOptions,
  type SubscriptionListOptions,
  type Usage,
} from '@vectis/connector-core';
import { createSherwebHttp } from './client';
import { CUSTOMERS_PATH, listSherwebCustomers } from './customers';
import { SHERWEB_CROSS_CHECK, SherwebConnectorOptions } from './options';
import { SherwebItemsEnvelope } from './schemas';
import { readMeterUsage } from './meters';
import { listSherwebSubscriptions } from './subscriptions';

/**
 * Where the connector's setup, mapping, errors and live checklist are documented.
 *
 * @example
 * console.log(`Sherweb setup: ${SHERWEB_DOCS_URL}`);
 */
export const SHERWEB_DOCS_URL = 'https://github.com/vectis/connectors/blob/main/docs/connectors/sherweb.md';

const REMEDY = `Fix the options listed and create the connector again. Client Id, Client Secret and Subscription Key come from cumulus.sherweb.com → Security → APIs; see ${SHERWEB_DOCS_URL}.`;

const CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: true,
  subscriptions: true,
  // The weekly row is each subscription's purchased quantity (Sherweb's meters cover only some platforms).
  seatSnapshots: 'purchased_quantity',
  // No modified-since filter and no paging: every run reads the whole tenant.
  incremental: false,
  stub: false,
});

/**
 * A read-only Sherweb connector (Service Provider API, plus the Distributor API's payable charges
 * for unit cost when `scopes` includes `distributor`): client credentials with `scope`, the APIM
 * subscription key on every call, GETs only, paced at 120 requests/min by default.
 *
 * @example
 * const sherweb = createSherwebConnector({ clientId, clientSecret, subscriptionKey, scopes: ['service-provider', 'distributor'] });
 * console.log((await sherweb.testConnection()).message); // Connected to Sherweb — 42 customers visible
 * for await (const batch of sherweb.listSubscriptions()) save(batch.items, batch.rejected);
 */
export function createSherwebConnector(options: SherwebConnectorOptions): DistributorConnector {
  const o = parseConnectorOptions(SherwebConnectorOptions, options, { connector: 'sherweb', remedy: REMEDY, checks: [SHERWEB_CROSS_CHECK] });
  const http = createSherwebHttp(o);
  const costs = o.scopes.includes('distributor');
  const emitter = (local?: ((e: ProgressEvent) => void) | undefined) => (event: ProgressEvent) => {
    o.onProgress?.(event);
    local?.(event);
  };
  const subscriptions = (call: SubscriptionListOptions = {}) => listSherwebSubscriptions(http, { ...call, emit: emitter(call.onProgress), costs });

  async function testConnection(call: ListOptions = {}): Promise<ConnectionTestResult> {
    // The cheapest proof there is: one list call (Sherweb has no count or single-record endpoint).
    const { data, correlationId } = await http.get(CUSTOMERS_PATH, {
      schema: SherwebItemsEnvelope,
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.onProgress ? { onProgress: call.onProgress } : {}),
    });
    const count = data.items?.length ?? 0;
    return {
      ok: true,
      vendor: 'sherweb',
      message: `Connected to Sherweb — ${count} customers visible`,
      details: { customers: count, apiUrl: o.apiUrl, scopes: o.scopes.join(' '), correlationId },
    };
  }

  async function* listSeatSnapshots(call: SeatSnapshotOptions): AsyncGenerator<Batch<Usage>> {
    let rows = 0;
    for await (const batch of subscriptions(call)) {
      const customers = [...new Set(batch.items.map((line) => line.customerExternalId))];
      const readings = o.meterUsage ? new Map((await Promise.all(customers.map((id) => readMeterUsage(http, id, call)))).flatMap((m) => [...m])) : undefined;
      const items: Usage[] = batch.items.map((line) => {
        const meter = readings?.get(line.externalId);
        return {
          vendor: 'sherweb',
          week: call.week,
          asOf: call.asOf,
          customerExternalId: line.customerExternalId,
          subscriptionExternalId: line.externalId,
          ...(line.sku ? { sku: line.sku } : {}),
          quantity: line.quantity,
          // The meter's consumed units where the platform exposes one; the row stays the purchased quantity.
          ...(meter ? { consumed: meter.consumed } : {}),
          source: 'purchased_quantity',
        };
      });
      rows += items.length;
      const rejected = batch.rejected?.map((r) => ({ ...r, stream: 'seat_snapshots' as const }));
      if (!batch.coverage) {
        yield { items, ...(rejected ? { rejected } : {}) };
        continue;
      }
      yield { items, ...(rejected ? { rejected } : {}), coverage: { ...batch.coverage, stream: 'seat_snapshots', fetched: rows } };
    }
  }

  return {
    id: 'sherweb',
    vendor: 'sherweb',
    label: 'Sherweb',
    capabilities: CAPABILITIES,
    testConnection,
    listCustomers: (call: ListOptions = {}) => listSherwebCustomers(http, { ...call, emit: emitter(call.onProgress) }),
    listSubscriptions: subscriptions,
    listSeatSnapshots,
    async dispose() {
      http.dispose();
    },
  };
}
