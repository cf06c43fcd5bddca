import type { Batch, HttpClient, ListOptions, ProgressEvent, RejectedRecord, Subscription } from '@vectis/connector-core';
import { mapSubscription } from './mappers';
import { getPage, looseId, pageSubscriptions, readItems } from './paging';
import { SynnexSubscription, SynnexSubscriptionPage } from './schemas';

/**
 * Subscriptions: the account-wide `GET /subscriptions` (every customer in one list), one normalized
 * line per item (an Ion subscription is one product/SKU/plan). A full sync costs ⌈S / pageSize⌉ + 1
 * requests with offset paging (the SDK's stop rule needs the final empty page), ⌈S / pageSize⌉ with tokens.
 *
 * Items that fail the schema, or have no readable quantity, go to `rejected` and the stream goes on.
 */
export async function* listSynnexSubscriptions(
  http: HttpClient,
  o: ListOptions & { pageSize: number; emit: (e: ProgressEvent) => void },
): AsyncGenerator<Batch<Subscription>> {
  let unmappable = 0;
  for await (const page of pageSubscriptions<SynnexSubscription>({
    pageSize: o.pageSize,
    signal: o.signal,
    emit: o.emit,
    fetchPage: async ({ offset, limit, pageToken }, n) => {
      const params = pageToken
        ? { 'pagination.limit': limit, pageSize: limit, pageToken }
        : { 'pagination.limit': limit, 'pagination.offset': offset };
      const { data } = await getPage(http, '/subscriptions', params, SynnexSubscriptionPage, o);
      const where = `GET /subscriptions page ${n}`;
      return {
        entries: readItems(data.items ?? [], SynnexSubscription, (s) => s.id, (item) => looseId(item, 'id'), 'subscriptions', where),
        nextPageToken: data.nextPageToken ?? undefined,
      };
    },
  })) {
    const items: Subscription[] = [];
    const rejected: RejectedRecord[] = [];
    for (const entry of page.entries) {
      if (!('record' in entry)) {
        rejected.push(entry.rejected);
        continue;
      }
      const mapped = mapSubscription(entry.record);
      if ('line' in mapped) items.push(mapped.line);
      else unmappable++, rejected.push({ stream: 'subscriptions', id: entry.record.id, where: `GET /subscriptions item ${entry.record.id}`, issues: mapped.issues });
    }
    // `fetched` counts lines the caller received: parsed items that could not be mapped are not among them.
    if (page.coverage) page.coverage.fetched -= unmappable;
    yield { items, ...(rejected.length ? { rejected } : {}), ...(page.coverage ? { coverage: page.coverage } : {}) };
  }
}
