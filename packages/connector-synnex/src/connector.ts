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
import { createSynnexHttp } from './client';
import { listSynnexCustomers } from './customers';
import { SYNNEX_CROSS_CHECKS, SynnexConnectorOptions } from './options';
import { getPage } from './paging';
import { SynnexCustomerPage } from './schemas';
import { listSynnexSubscriptions } from './subscriptions';

/**
 * The connector's documentation page: setup, mapping, errors and the live-verification checklist.
 *
 * @example
 * console.log(`Setup steps: ${SYNNEX_DOCS_URL}`);
 */
export const SYNNEX_DOCS_URL = 'https://github.com/vectis/connectors/blob/main/docs/connectors/synnex.md';

const REMEDY = `Fix the options listed and create the connector again. The refresh token comes from ion.tdsynnex.com → Settings → Users → edit the integration user → OAuth credentials, the Account ID from Account Information; see ${SYNNEX_DOCS_URL}.`;

const CAPABILITIES: ConnectorCapabilities = Object.freeze({
  customers: true,
  subscriptions: true,
  // Seats are the purchased quantity; usage-billed lines add `consumed` from `billingData[].usageQuantity`
  // (already in the list payload, so it costs nothing extra).
  seatSnapshots: 'purchased_quantity',
  // Ion's list carries every field and has no modified-since filter: a full read is already the minimum.
  incremental: false,
  stub: false,
});

// One page this large counts most MSPs' customers exactly in the single testConnection request.
const TEST_PAGE = 1000;

/**
 * A read-only TD SYNNEX StreamOne Ion (v3) connector for one reseller account: refresh-token grant at
 * `https://ion.tdsynnex.com/oauth/token` with rotation (the new refresh token is saved through
 * `onRefreshTokenRotated` before the new access token is used), then GETs under
 * `/api/v3/accounts/{accountId}`, paced at 60 requests/min by default. Records are tagged `td_synnex`.
 *
 * @example
 * const ion = createSynnexConnector({
 *   accountId: '123456',
 *   refreshToken: await vault.read('ion-refresh-token'),
 *   onRefreshTokenRotated: (next) => vault.write('ion-refresh-token', next),
 * });
 * console.log((await ion.testConnection()).message); // Connected to TD SYNNEX — 42 customers visible
 */
export function createSynnexConnector(options: SynnexConnectorOptions): DistributorConnector {
  const o = parseConnectorOptions(SynnexConnectorOptions, options, { connector: 'synnex', remedy: REMEDY, checks: SYNNEX_CROSS_CHECKS });
  const http = createSynnexHttp(o);
  const emitter = (local?: ((e: ProgressEvent) => void) | undefined) => (event: ProgressEvent) => {
    o.onProgress?.(event);
    local?.(event);
  };
  const stream = (call: ListOptions) => ({ ...call, pageSize: o.pageSize, emit: emitter(call.onProgress) });

  async function testConnection(call: ListOptions = {}): Promise<ConnectionTestResult> {
    const { data, correlationId } = await getPage(http, '/customers', { pageSize: TEST_PAGE }, SynnexCustomerPage, call);
    const seen = data.customers?.length ?? 0;
    const more = Boolean(data.nextPageToken);
    return {
      ok: true,
      vendor: 'td_synnex',
      message: `Connected to TD SYNNEX — ${more ? `more than ${seen}` : seen} customers visible`,
      details: { customers: seen, morePages: more, accountId: o.accountId, apiUrl: o.apiUrl, clientCredentials: o.clientId !== undefined, correlationId },
    };
  }

  async function* listSeatSnapshots(call: SeatSnapshotOptions): AsyncGenerator<Batch<Usage>> {
    let rows = 0;
    for await (const batch of listSynnexSubscriptions(http, stream(call))) {
      const items: Usage[] = batch.items.map((line) => {
        const usage = (line.raw as { usageQuantity?: number }).usageQuantity;
        return {
          vendor: 'td_synnex',
          week: call.week,
          asOf: call.asOf,
          customerExternalId: line.customerExternalId,
          subscriptionExternalId: line.externalId,
          ...(line.sku ? { sku: line.sku } : {}),
          quantity: line.quantity,
          ...(line.billingFrequency === 'usage' && usage !== undefined ? { consumed: usage } : {}),
          source: 'purchased_quantity',
        };
      });
      rows += items.length;
      const rest = batch.rejected ? { rejected: batch.rejected.map((r) => ({ ...r, stream: 'seat_snapshots' as const })) } : {};
      yield batch.coverage ? { items, ...rest, coverage: { ...batch.coverage, stream: 'seat_snapshots', fetched: rows } } : { items, ...rest };
    }
  }

  return {
    id: 'synnex',
    vendor: 'td_synnex',
    label: 'TD SYNNEX',
    capabilities: CAPABILITIES,
    testConnection,
    listCustomers: (call: ListOptions = {}) => listSynnexCustomers(http, stream(call)),
    listSubscriptions: (call = {}) => listSynnexSubscriptions(http, stream(call)),
    listSeatSnapshots,
    async dispose() {
      http.dispose();
    },
  };
}
