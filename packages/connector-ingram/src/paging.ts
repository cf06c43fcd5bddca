import { type Batch, type Coverage, type HttpClient, paginate, type ProgressEvent, type StreamName } from '@vectis/connector-core';
import type { z } from 'zod';

interface ListPage<T> {
  data: T[];
  pagination: { total: number };
}

/**
 * Pages an Ingram list (`offset`/`limit`, newest first) to exhaustion with the kernel's paginator,
 * then catches up on records created while paging: they sit at the head of the list, so the head
 * is re-read until a page holds only records already seen. Duplicates are dropped by id.
 */
export async function* pageIngramList<T extends { id: string }>(o: {
  http: HttpClient;
  path: string;
  schema: z.ZodType<ListPage<T>>;
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
  const fetchPage = async (offset: number, limit: number) => {
    const { data } = await o.http.get(o.path, {
      searchParams: { ...o.filters, offset, limit },
      schema: o.schema,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    lastTotal = data.pagination.total;
    return data;
  };
  const pages = paginate<T>({
    connector: 'ingram',
    stream: o.stream,
    style: 'offset',
    pageSize: o.pageSize,
    idOf: (item) => item.id,
    fetchPage: async (cursor) => {
      const { offset, limit } = cursor as { offset: number; limit: number };
      const data = await fetchPage(offset, limit);
      return { items: data.data, total: data.pagination.total };
    },
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.emit ? { onProgress: o.emit } : {}),
  });
  for await (const batch of pages) {
    for (const item of batch.items) seen.add(item.id);
    if (!batch.coverage) {
      yield batch;
      continue;
    }
    const coverage: Coverage = { ...batch.coverage };
    if (coverage.expected !== undefined && coverage.fetched < coverage.expected) {
      yield { items: batch.items };
      for await (const extra of catchUp(fetchPage, seen, o.pageSize, coverage)) yield { items: extra };
      const expected = lastTotal ?? coverage.expected;
      // A problem the paginator found other than the count (e.g. the list shrank) still stands.
      const other = batch.coverage.complete || batch.coverage.truncatedReason?.startsWith('the vendor reported') ? undefined : batch.coverage.truncatedReason;
      coverage.expected = expected;
      coverage.fetched = seen.size;
      coverage.truncatedReason = other ?? (seen.size >= expected ? undefined : `Ingram reported ${expected} records but ${seen.size} were received`);
      coverage.complete = coverage.truncatedReason === undefined;
      yield { items: [], coverage };
      return;
    }
    yield { items: batch.items, coverage };
  }
}

async function* catchUp<T extends { id: string }>(
  fetchPage: (offset: number, limit: number) => Promise<ListPage<T>>,
  seen: Set<string>,
  pageSize: number,
  coverage: Coverage,
): AsyncGenerator<T[]> {
  // Bounded: at most 10 head pages; a tenant growing faster than that is caught on the next run.
  for (let offset = 0, round = 0; round < 10; round++) {
    const page = await fetchPage(offset, pageSize);
    coverage.pages++;
    const fresh = page.data.filter((item) => !seen.has(item.id));
    for (const item of fresh) seen.add(item.id);
    coverage.duplicatesDropped += page.data.length - fresh.length;
    if (fresh.length) yield fresh;
    offset += page.data.length;
    if (fresh.length < page.data.length || page.data.length === 0 || offset >= page.pagination.total) return;
  }
}
