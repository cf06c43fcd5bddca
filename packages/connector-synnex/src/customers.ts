import { type Batch, type Customer, type HttpClient, type ListOptions, paginate, type ProgressEvent, type RejectedRecord } from '@vectis/connector-core';
import { customerIdOf, mapCustomer } from './mappers';
import { getPage, looseId, readItems } from './paging';
import { listCount, SynnexCustomer, SynnexCustomerPage } from './schemas';

/**
 * Customers: `GET /customers?pageSize=…&pageToken=…` to the last page (no `nextPageToken`). List items
 * are full customers (SDK sample), so a full customer sync costs ⌈C / pageSize⌉ requests.
 */
export async function* listSynnexCustomers(
  http: HttpClient,
  o: ListOptions & { pageSize: number; emit: (e: ProgressEvent) => void },
): AsyncGenerator<Batch<Customer>> {
  let emitted = 0;
  const pages = paginate<SynnexCustomer>({
    connector: 'synnex',
    stream: 'customers',
    style: 'token',
    pageSize: o.pageSize,
    idOf: (customer) => customerIdOf(customer.name),
    fetchPage: async (cursor) => {
      const { token, size } = cursor as { token: string | undefined; size: number };
      const { data } = await getPage(http, '/customers', { pageSize: size, pageToken: token }, SynnexCustomerPage, o);
      const where = `GET /customers page ${token ? `after token ${token.slice(0, 16)}` : 1}`;
      const entries = readItems(data.customers ?? [], SynnexCustomer, (c) => customerIdOf(c.name), (item) => looseId(item, 'name'), 'customers', where);
      // Rejected items go to the paginator as such: they count as received and make the coverage incomplete.
      const items: SynnexCustomer[] = [];
      const rejected: RejectedRecord[] = [];
      for (const entry of entries) 'record' in entry ? items.push(entry.record) : rejected.push(entry.rejected);
      return { items, rejected, nextToken: data.nextPageToken ?? undefined, total: listCount(data) };
    },
    ...(o.signal ? { signal: o.signal } : {}),
    onProgress: o.emit,
  });
  for await (const batch of pages) {
    const items = batch.items.map(mapCustomer);
    emitted += items.length;
    yield {
      items,
      ...(batch.rejected?.length ? { rejected: batch.rejected } : {}),
      // Rejected items are not records emitted: `fetched` counts what the caller received.
      ...(batch.coverage ? { coverage: { ...batch.coverage, fetched: emitted } } : {}),
    };
  }
}
