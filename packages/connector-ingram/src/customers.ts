import {
  type Batch,
  type Coverage,
  type Customer,
  type HttpClient,
  isNotFoundError,
  type ListOptions,
  parseRecord,
  type ProgressEvent,
  type RejectedRecord,
  rejectedReason,
} from '@vectis/connector-core';
import { z } from 'zod';
import { mapCustomer, needsCustomerDetail } from './mappers';
import { pageIngramList } from './paging';
import { IngramCustomer } from './schemas';

/**
 * Customers: `GET /customers` pages, plus `GET /customers/{id}` for each list item that lacks the
 * address or contacts (Ingram's list items usually hold only `id, externalId, name, status`), so a
 * full customer sync costs ⌈C/100⌉ list calls + up to C detail calls. A list item or detail that
 * breaks the schema is rejected (`Batch.rejected`), the rest of the page is kept.
 */
export async function* listIngramCustomers(
  http: HttpClient,
  o: ListOptions & { pageSize: number; emit: (e: ProgressEvent) => void },
): AsyncGenerator<Batch<Customer>> {
  const onProgress = o.onProgress;
  let detailRequests = 0;
  let detailRejected = 0;
  let done = 0;
  for await (const batch of pageIngramList({
    http,
    path: '/customers',
    item: IngramCustomer,
    stream: 'customers',
    pageSize: o.pageSize,
    signal: o.signal,
    onProgress,
    emit: o.emit,
  })) {
    const rejected: RejectedRecord[] = [...(batch.rejected ?? [])];
    const mapped = await Promise.all(
      batch.items.map(async (item): Promise<Customer | undefined> => {
        if (!needsCustomerDetail(item)) return mapCustomer(item);
        detailRequests++;
        const where = `GET /customers/${item.id}`;
        try {
          const { data } = await http.get(`/customers/${encodeURIComponent(item.id)}`, {
            schema: z.unknown(),
            ...(o.signal ? { signal: o.signal } : {}),
            ...(onProgress ? { onProgress } : {}),
          });
          const detail = parseRecord(data, IngramCustomer, { stream: 'customers', where, idOf: () => item.id });
          if ('rejected' in detail) {
            rejected.push(detail.rejected);
            detailRejected++;
            return undefined;
          }
          // The list item's fields win for the few both carry: they are what paging just saw.
          return mapCustomer({ ...detail.item, ...stripEmpty(item), id: item.id });
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
    const items = mapped.filter((c): c is Customer => c !== undefined);
    const extra = rejected.length ? { rejected } : {};
    if (!batch.coverage) {
      yield { items, ...extra };
      continue;
    }
    const coverage: Coverage = { ...batch.coverage, detailRequests, fetched: batch.coverage.fetched - detailRejected };
    if (detailRejected) {
      coverage.rejected = (coverage.rejected ?? 0) + detailRejected;
      coverage.complete = false;
      coverage.truncatedReason ??= rejectedReason(coverage.rejected);
    }
    yield { items, ...extra, coverage };
  }
}

function stripEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}
