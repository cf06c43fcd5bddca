import {
  type Batch,
  type Coverage,
  type HttpClient,
  paginate,
  parseRecords,
  type ProgressEvent,
  type RejectedRecord,
  rejectedReason,
  type StreamName,
} from '@vectis/connector-core';
import { z } from 'zod';
import { IngramPagination } from './schemas';

// The envelope is validated as a whole (a broken envelope is SchemaDriftError); its records one by
// one, so a single drifted record is rejected instead of failing the sync.
const Envelope = z.looseObject({ data: z.array(z.unknown()), pagination: IngramPagination });

interface ListPage<T> {
  items: T[];
  rejected: RejectedRecord[];
  total: number;
}

/**
 * Pages an Ingram list (`offset`/`limit`, newest first) to exhaustion with the kernel's paginator,
 * then catches up on records created while paging: they sit at the head of the list, so the head
 * is re-read until a page holds only records already seen. Duplicates are dropped by id; records
 * that fail `item` are carried in `Batch.rejected`.
 */
export async function* pageIngramList<T extends { id: string }>(o: {
  http: HttpClient;
  path: string;
  item: z.ZodType<T>;
  stream: StreamName;
  pageSize: number;
  filters?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** The caller's per-call listener, for request events (the kernel already feeds the connector-wide one). */
  onProgress?: ((event: ProgressEvent) => void) | undefined;
  /** Page and stream events: the per-call and connector-wide listeners together. */
  emit?: ((event: ProgressEvent) => void) | undefined;
}): AsyncGenerator<Batch<T>> {
  const seen = new Set<string>();
  let lastTotal: number | undefined;
  let rejectedCount = 0;
  const fetchPage = async (offset: number, limit: number): Promise<ListPage<T>> => {
    const { data } = await o.http.get(o.path, {
      searchParams: { ...o.filters, offset, limit },
      schema: Envelope,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    lastTotal = data.pagination.total;
    const { items, rejected } = parseRecords(data.data, o.item, { stream: o.stream, where: `GET ${o.path} offset ${offset}` });
    return { items, rejected, total: data.pagination.total };
  };
  const pages = paginate<T>({
    connector: 'ingram',
    stream: o.stream,
    style: 'offset',
    pageSize: o.pageSize,
    idOf: (item) => item.id,
    fetchPage: async (cursor) => {
      const { offset, limit } = cursor as { offset: number; limit: number };
      return fetchPage(offset, limit);
    },
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.emit ? { onProgress: o.emit } : {}),
  });
  for await (const batch of pages) {
    for (const item of batch.items) seen.add(item.id);
    rejectedCount += batch.rejected?.length ?? 0;
    if (!batch.coverage) {
      yield batch;
      continue;
    }
    const coverage: Coverage = { ...batch.coverage };
    if (coverage.expected !== undefined && coverage.fetched + rejectedCount < coverage.expected) {
      yield { items: batch.items, ...(batch.rejected ? { rejected: batch.rejected } : {}) };
      for await (const extra of catchUp(fetchPage, seen, o.pageSize, coverage)) yield extra;
      const expected = lastTotal ?? coverage.expected;
      const read = seen.size + rejectedCount;
      // A problem the paginator found other than the count (e.g. the list shrank) still stands.
      const other = batch.coverage.complete || batch.coverage.truncatedReason?.startsWith('the vendor reported') ? undefined : batch.coverage.truncatedReason;
      coverage.expected = expected;
      coverage.fetched = seen.size;
      coverage.truncatedReason =
        other ?? (read < expected ? `Ingram reported ${expected} records but ${seen.size} were received` : rejectedCount ? rejectedReason(rejectedCount) : undefined);
      coverage.complete = coverage.truncatedReason === undefined;
      yield { items: [], coverage };
      return;
    }
    yield batch;
  }
}

async function* catchUp<T extends { id: string }>(
  fetchPage: (offset: number, limit: number) => Promise<ListPage<T>>,
  seen: Set<string>,
  pageSize: number,
  coverage: Coverage,
): AsyncGenerator<Batch<T>> {
  // Bounded: at most 10 head pages; a tenant growing faster than that is caught on the next run.
  for (let offset = 0, round = 0; round < 10; round++) {
    const page = await fetchPage(offset, pageSize);
    coverage.pages++;
    const fresh = page.items.filter((item) => !seen.has(item.id));
    for (const item of fresh) seen.add(item.id);
    coverage.duplicatesDropped += page.items.length - fresh.length;
    // Rejected head records were already rejected on their first read: not carried twice.
    if (fresh.length) yield { items: fresh };
    const received = page.items.length + page.rejected.length;
    offset += received;
    if (fresh.length < page.items.length || received === 0 || offset >= page.total) return;
  }
}
