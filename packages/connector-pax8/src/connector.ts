import {
  type Batch,
  type ConnectionTestResult,
  type ConnectorCapabilities,
  type DistributorConnector,
  type ListOptions,
  parseConnectorOptions,
  type ProgressEvent,
  type SeatSnapshotOptions,
  type Usage,
} from '@vectis/connector-core';
import { createPax8Http } from './client';
import { listPax8Customers } from './customers';
import { PAX8_CROSS_CHECK, Pax8ConnectorOptions } from './options';
import { Pax8Envelope } from './schemas';
import { listPax8Subscriptions } from './subscriptions';

/**
 * Where the connector's setup, mapping, errors and live-verification checklist are documented.
 *
 * @example
 * console.log(`Pax8 setup: ${PAX8_DOCS_URL}`);
 */
export const PAX8_DOCS_URL = 'https://github.com/vectis/connectors/blob/main/docs/connectors/pax8.md';

const REMEDY = `Fix the options listed and create the connector again. API credentials are minted under app.pax8.com → Settings → Integrations → Credentials; see ${PAX8_DOCS_URL}.`;

const CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: true,
  subscriptions: true,
  // Each line's purchased quantity; usage-rated products are flagged (billingFrequency "usage"), their
  // month-to-date charges are not read (see docs/connectors/pax8.md, "Usage").
  seatSnapshots: 'purchased_quantity',
  // The checkpoint carries the product facts, so a steady-state sync skips known product lookups.
  incremental: true,
  stub: false,
});

/**
 * A read-only Pax8 Partner API connector: OAuth2 client credentials (JSON body, `audience`) →
 * `POST /v1/token` once per token lifetime, then GETs, paced at 900 requests/min by default.
 *
 * @example
 * const pax8 = createPax8Connector({ clientId: process.env.PAX8_CLIENT_ID!, clientSecret: process.env.PAX8_CLIENT_SECRET! });
 * console.log((await pax8.testConnection()).message); // Connected to Pax8 — 42 companies visible
 * for await (const batch of pax8.listSubscriptions({ checkpoint })) save(batch.items);
 */
export function createPax8Connector(options: Pax8ConnectorOptions): DistributorConnector {
  const o = parseConnectorOptions(Pax8ConnectorOptions, options, { connector: 'pax8', remedy: REMEDY, checks: [PAX8_CROSS_CHECK] });
  const http = createPax8Http(o);
  const emitter = (local?: ((e: ProgressEvent) => void) | undefined) => (event: ProgressEvent) => {
    o.onProgress?.(event);
    local?.(event);
  };

  async function testConnection(call: ListOptions = {}): Promise<ConnectionTestResult> {
    const { data } = await http.get('/companies', {
      searchParams: { page: 0, size: 1 },
      schema: Pax8Envelope,
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.onProgress ? { onProgress: call.onProgress } : {}),
    });
    const total = data.page.totalElements;
    return {
      ok: true,
      vendor: 'pax8',
      message: `Connected to Pax8 — ${total} ${total === 1 ? 'company' : 'companies'} visible`,
      details: { companies: total, apiUrl: o.apiUrl, tokenUrl: o.tokenUrl, audience: o.audience, auth: o.auth ? 'custom' : 'client_credentials' },
    };
  }

  async function* listSeatSnapshots(call: SeatSnapshotOptions): AsyncGenerator<Batch<Usage>> {
    let rows = 0;
    for await (const batch of listPax8Subscriptions(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress) })) {
      const items: Usage[] = batch.items.map((line) => ({
        vendor: 'pax8',
        week: call.week,
        asOf: call.asOf,
        customerExternalId: line.customerExternalId,
        subscriptionExternalId: line.externalId,
        ...(line.sku ? { sku: line.sku } : {}),
        // The purchased quantity, as the sync derives it from lines: PendingCancel lines keep their
        // seats (they are billed until endDate), which the line's status and endDate tell apart.
        quantity: line.quantity,
        source: 'purchased_quantity',
      }));
      rows += items.length;
      const rejected = batch.rejected?.map((r) => ({ ...r, stream: 'seat_snapshots' as const }));
      if (!batch.coverage) {
        yield { items, ...(rejected?.length ? { rejected } : {}) };
        continue;
      }
      yield { items, ...(rejected?.length ? { rejected } : {}), coverage: { ...batch.coverage, stream: 'seat_snapshots', fetched: rows, expected: undefined }, checkpoint: batch.checkpoint };
    }
  }

  return {
    id: 'pax8',
    vendor: 'pax8',
    label: 'Pax8',
    capabilities: CAPABILITIES,
    testConnection,
    listCustomers: (call: ListOptions = {}) => listPax8Customers(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress) }),
    listSubscriptions: (call = {}) => listPax8Subscriptions(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress) }),
    listSeatSnapshots,
    async dispose() {
      http.dispose();
    },
  };
}
