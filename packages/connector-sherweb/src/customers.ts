import type { Batch, Coverage, Customer, HttpClient, ListOptions, ProgressEvent, RejectedRecord } from '@vectis/connector-core';
import { mapCustomer } from './mappers';
import { parseItems } from './records';
import { type SherwebCustomer, SherwebCustomer as CustomerSchema, SherwebItemsEnvelope } from './schemas';

export const CUSTOMERS_PATH = '/service-provider/v1/customers';
/** Records per emitted batch: `/customers` has no paging, so the one response is cut up for the caller. */
export const BATCH_SIZE = 100;

/**
 * `GET /customers` once: Sherweb returns every customer in one response (no paging, no filters, no
 * single-customer endpoint). The typed items are what the subscription fan-out iterates.
 */
export async function readSherwebCustomers(
  http: HttpClient,
  o: ListOptions,
): Promise<{ customers: SherwebCustomer[]; raws: unknown[]; rejected: RejectedRecord[] }> {
  const { data } = await http.get(CUSTOMERS_PATH, {
    schema: SherwebItemsEnvelope,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  const { good, rejected } = parseItems(data.items, CustomerSchema, { stream: 'customers', where: `GET ${CUSTOMERS_PATH}` });
  return { customers: good.map((g) => g.item), raws: good.map((g) => g.raw), rejected };
}

/**
 * Customers, streamed out in batches of {@link BATCH_SIZE} from the single response; memory stays
 * at one response. Coverage: 1 page; `expected` is what the response held, rejected items included.
 */
export async function* listSherwebCustomers(http: HttpClient, o: ListOptions & { emit: (e: ProgressEvent) => void }): AsyncGenerator<Batch<Customer>> {
  o.signal?.throwIfAborted();
  const { customers, rejected } = await readSherwebCustomers(http, o);
  o.emit({ type: 'page', connector: 'sherweb', stream: 'customers', page: 1, records: customers.length + rejected.length, total: customers.length + rejected.length });
  const coverage: Coverage = {
    stream: 'customers',
    expected: customers.length + rejected.length,
    fetched: customers.length,
    pages: 1,
    duplicatesDropped: 0,
    complete: rejected.length === 0,
    ...(rejected.length ? { truncatedReason: `${rejected.length} customer record(s) could not be read` } : {}),
  };
  for (let start = 0; start === 0 || start < customers.length; start += BATCH_SIZE) {
    // The caller may abort between batches even though nothing more is fetched.
    o.signal?.throwIfAborted();
    const last = start + BATCH_SIZE >= customers.length;
    const items = customers.slice(start, start + BATCH_SIZE).map(mapCustomer);
    if (!last) {
      yield { items };
      continue;
    }
    o.emit({ type: 'stream-done', connector: 'sherweb', coverage });
    yield { items, ...(rejected.length ? { rejected } : {}), coverage };
    // Aborted while the caller held the last batch: the stream ends with the abort, not as done.
    o.signal?.throwIfAborted();
  }
}
