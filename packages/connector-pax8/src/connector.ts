import {
  type ConnectionTestResult,
  type ConnectorCapabilities,
  type DistributorConnector,
  type ListOptions,
  parseConnectorOptions,
  type ProgressEvent,
  type SeatSnapshotOptions,
} from '@vectis/connector-core';
import { createPax8Http } from './client';
import { listPax8Customers } from './customers';
import { PAX8_CROSS_CHECK, Pax8ConnectorOptions } from './options';
import { Pax8Envelope } from './schemas';
import { listPax8Subscriptions } from './subscriptions';
import { listPax8SeatSnapshots } from './usage';

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
  // Each line's purchased quantity; usage-rated products are flagged (billingFrequency "usage").
  seatSnapshots: 'purchased_quantity',
  // …and their month-to-date charges from usage summaries, 1 request per usage line (docs/connectors/pax8.md, "Usage").
  usageCharges: true,
  // The checkpoint carries the product facts, so a steady-state sync skips known product lookups.
  incremental: true,
  stub: false,
});

/** `usageSummaries: false`: no summary requests, so no charges (usage lines still flagged). */
const WITHOUT_USAGE_CHARGES: ConnectorCapabilities = Object.freeze({ ...CAPABILITIES, usageCharges: false });

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

  return {
    id: 'pax8',
    vendor: 'pax8',
    label: 'Pax8',
    capabilities: o.usageSummaries ? CAPABILITIES : WITHOUT_USAGE_CHARGES,
    testConnection,
    listCustomers: (call: ListOptions = {}) => listPax8Customers(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress) }),
    listSubscriptions: (call = {}) => listPax8Subscriptions(http, { ...call, pageSize: o.pageSize, emit: emitter(call.onProgress) }),
    listSeatSnapshots: (call: SeatSnapshotOptions) =>
      listPax8SeatSnapshots(http, { ...call, pageSize: o.pageSize, usageSummaries: o.usageSummaries, emit: emitter(call.onProgress) }),
    async dispose() {
      http.dispose();
    },
  };
}
