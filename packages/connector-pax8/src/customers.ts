import type { Batch, Customer, HttpClient, ListOptions, ProgressEvent } from '@vectis/connector-core';
import { mapCompany } from './mappers';
import { pagePax8List } from './paging';
import { Pax8Company } from './schemas';

/**
 * Customers: `GET /companies` pages (200 a page, sorted by name), each company mapped on its own.
 * Pax8 list items carry address, website and `externalId`, so no detail calls are needed:
 * a full customer sync costs ⌈C/200⌉ requests.
 */
export async function* listPax8Customers(
  http: HttpClient,
  o: ListOptions & { pageSize: number; emit: (e: ProgressEvent) => void },
): AsyncGenerator<Batch<Customer>> {
  for await (const batch of pagePax8List({
    http,
    path: '/companies',
    item: Pax8Company,
    stream: 'customers',
    pageSize: o.pageSize,
    // An explicit sort keeps pages stable (Pax8's default order is undocumented).
    sort: 'name,asc',
    signal: o.signal,
    onProgress: o.onProgress,
    emit: o.emit,
  })) {
    const items = batch.items.map(mapCompany);
    yield {
      items,
      ...(batch.rejected.length ? { rejected: batch.rejected } : {}),
      ...(batch.coverage ? { coverage: batch.coverage } : {}),
    };
  }
}
