import { type Batch, type Customer, type HttpClient, isNotFoundError, type ListOptions, type ProgressEvent } from '@vectis/connector-core';
import { mapCustomer, needsCustomerDetail } from './mappers';
import { pageIngramList } from './paging';
import { IngramCustomer, IngramCustomerList } from './schemas';

/**
 * Customers: `GET /customers` pages, plus `GET /customers/{id}` for each list item that lacks the
 * address or contacts (Ingram's list items usually hold only `id, externalId, name, status`), so a
 * full customer sync costs ⌈C/100⌉ list calls + up to C detail calls.
 */
export async function* listIngramCustomers(
  http: HttpClient,
  o: ListOptions & { pageSize: number; emit: (e: ProgressEvent) => void },
): AsyncGenerator<Batch<Customer>> {
  const onProgress = o.onProgress;
  let detailRequests = 0;
  let done = 0;
  for await (const batch of pageIngramList({
    http,
    path: '/customers',
    schema: IngramCustomerList,
    stream: 'customers',
    pageSize: o.pageSize,
    signal: o.signal,
    onProgress,
    emit: o.emit,
  })) {
    const items = await Promise.all(
      batch.items.map(async (item) => {
        if (!needsCustomerDetail(item)) return mapCustomer(item);
        detailRequests++;
        try {
          const { data } = await http.get(`/customers/${encodeURIComponent(item.id)}`, {
            schema: IngramCustomer,
            ...(o.signal ? { signal: o.signal } : {}),
            ...(onProgress ? { onProgress } : {}),
          });
          // The list item's fields win for the few both carry: they are what paging just saw.
          return mapCustomer({ ...data, ...stripEmpty(item), id: item.id });
        } catch (error) {
          // Deleted between list and detail: keep what the list said rather than fail the sync.
          if (isNotFoundError(error)) return mapCustomer(item);
          throw error;
        } finally {
          done++;
          o.emit({ type: 'detail', connector: 'ingram', stream: 'customers', done, reused: 0 });
        }
      }),
    );
    yield batch.coverage ? { items, coverage: { ...batch.coverage, detailRequests } } : { items };
  }
}

function stripEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
