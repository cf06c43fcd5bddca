import type { Batch, HttpClient, ListOptions, ProgressEvent, RejectedRecord, Subscription } from '@vectis/connector-core';
import { mapSubscription } from './mappers';
import { type Entry, getPage, looseId, pageSubscriptions, readItems } from './paging';
import { listCount, SynnexSubscription, SynnexSubscriptionPage } from './schemas';

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
  for await (const page of pageSubscriptions<Subscription>({
    pageSize: o.pageSize,
    signal: o.signal,
    emit: o.emit,
    fetchPage: async ({ offset, limit, pageToken }, n) => {
      const params = pageToken
        ? { 'pagination.limit': limit, pageSize: limit, pageToken }
        : { 'pagination.limit': limit, 'pagination.offset': offset };
      const { data } = await getPage(http, '/subscriptions', params, SynnexSubscriptionPage, o);
      const where = `GET /subscriptions page ${n}`;
      const parsed = readItems(data.items ?? [], SynnexSubscription, (s) => s.id, (item) => looseId(item, 'id'), 'subscriptions', where);
      return { entries: parsed.map(toLine), nextPageToken: data.nextPageToken ?? undefined, total: listCount(data.paginationResponse) };
    },
  })) {
    const items: Subscription[] = [];
    const rejected: RejectedRecord[] = [];
    for (const entry of page.entries) 'record' in entry ? items.push(entry.record) : rejected.push(entry.rejected);
    yield { items, ...(rejected.length ? { rejected } : {}), ...(page.coverage ? { coverage: page.coverage } : {}) };
  }
}

// Mapped inside the pager, so an item with no readable quantity is rejected like one that fails the
// schema: both count as rejected in the coverage (which is then incomplete), not as lines received.
function toLine(entry: Entry<SynnexSubscription>): Entry<Subscription> {
  if (!('record' in entry)) return entry;
  const mapped = mapSubscription(entry.record);
  if ('line' in mapped) return { id: entry.id, record: mapped.line };
  return { id: entry.id, rejected: { stream: 'subscriptions', id: entry.record.id, where: `GET /subscriptions item ${entry.record.id}`, issues: mapped.issues } };
}
