import {
  type Batch,
  type Coverage,
  type HttpClient,
  isNotFoundError,
  paginate,
  type ProgressEvent,
  type RejectedRecord,
  type StreamName,
} from '@vectis/connector-core';
import type { z } from 'zod';
import { Pax8Envelope } from './schemas';

/** A page of items that passed their schema, plus the ones that did not (ids and paths only). */
export interface CheckedPage<T> {
  items: T[];
  rejected: RejectedRecord[];
}

/**
 * Checks each item of a `content` array on its own: a bad item becomes a `RejectedRecord` (the
 * vendor id when readable, payload paths and messages, never values) and the rest go on.
 *
 * @example
 * const { items, rejected } = checkItems(Pax8Company, body.content, { stream: 'customers', where: 'GET /companies page 0' });
 */
export function checkItems<T>(schema: z.ZodType<T>, content: readonly unknown[], at: { stream: StreamName; where: string }): CheckedPage<T> {
  const items: T[] = [];
  const rejected: RejectedRecord[] = [];
  content.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) {
      items.push(result.data);
      return;
    }
    const id = typeof item === 'object' && item !== null ? (item as { id?: unknown }).id : undefined;
    rejected.push({
      stream: at.stream,
      ...(typeof id === 'string' && id ? { id } : {}),
      where: `${at.where} item ${index}`,
      issues: result.error.issues.map((i) => ({ path: `content[${index}]${i.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`, message: i.message, code: i.code })),
    });
  });
  return { items, rejected };
}

/** List pages requested ahead of the one being consumed (latency hiding; pacing still applies). */
const READ_AHEAD = 2;

/**
 * Pages a Pax8 list (`page` 0-based, `size` ≤ 200, an explicit `sort`, every filter on every page)
 * with the kernel's paginator until `number + 1 >= totalPages`. An empty page or a 404 past the
 * first page is the end; fewer records than the last `totalElements` marks coverage incomplete.
 * Rejected items travel as the paginator's `rejected` (counted as received, so a page of bad items
 * still advances the walk) and make the coverage incomplete: a stream that could not read a record
 * cannot prove anything missing from it is gone.
 */
export async function* pagePax8List<T extends { id: string }>(o: {
  http: HttpClient;
  path: string;
  item: z.ZodType<T>;
  stream: StreamName;
  pageSize: number;
  sort: string;
  filters?: Record<string, string> | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
  emit?: ((event: ProgressEvent) => void) | undefined;
}): AsyncGenerator<Batch<T> & { rejected: RejectedRecord[] }> {
  let lastTotal: number | undefined;
  let pastEnd = false;
  let received = 0;
  // Set when a full page arrives at the reported end with more records than reported: the total is
  // wrong, so the walk goes on to an empty or short page (issue #10 item 2) and the stream is partial.
  let overrun = false;
  // Pages requested ahead of the consumer, by page number (all of the same size).
  const ahead = new Map<number, Promise<Pax8Envelope>>();
  let aheadSize = 0;
  const request = async (number: number, size: number): Promise<Pax8Envelope> => {
    const { data } = await o.http.get(o.path, {
      searchParams: { ...o.filters, sort: o.sort, page: number, size },
      schema: Pax8Envelope,
      ...(o.signal ? { signal: o.signal } : {}),
      ...(o.onProgress ? { onProgress: o.onProgress } : {}),
    });
    return data;
  };
  const pages = paginate<T>({
    connector: 'pax8',
    stream: o.stream,
    style: 'page',
    pageSize: o.pageSize,
    maxPageSize: 200,
    idOf: (item) => item.id,
    fetchPage: async (cursor) => {
      const { page, size } = cursor as { page: number; size: number };
      const number = page - 1; // the kernel counts from 1, Pax8 from 0
      if (aheadSize !== size) ahead.clear();
      aheadSize = size;
      const pending = ahead.get(number) ?? request(number, size);
      ahead.delete(number);
      try {
        const data = await pending;
        // Read up to READ_AHEAD pages ahead while this one is mapped and stored: Pax8 pages are
        // addressed by number, so later requests need nothing from this answer but totalPages.
        // The kernel's pacing and concurrency still bound what is actually sent.
        const last = Math.min(data.page.totalPages - 1, number + READ_AHEAD);
        for (let next = number + 1; data.content.length > 0 && next <= last; next++) {
          if (ahead.has(next)) continue;
          const result = request(next, size);
          result.catch(() => undefined); // surfaced when awaited; an abandoned walk must not leak a rejection
          ahead.set(next, result);
        }
        lastTotal = data.page.totalElements;
        received += data.content.length;
        if (!overrun && number + 1 >= data.page.totalPages && data.content.length >= size && received > data.page.totalElements) overrun = true;
        // Rejected items go to the kernel as `rejected`: they count as received (a page of bad items
        // still advances the walk) and make the coverage incomplete, never as fetched records.
        const { items, rejected } = checkItems(o.item, data.content, { stream: o.stream, where: `GET ${o.path} page ${number}` });
        // Without totals the kernel pages on until an empty or short page.
        return overrun ? { items, rejected } : { items, rejected, total: data.page.totalElements, totalPages: data.page.totalPages };
      } catch (error) {
        // Past the end Pax8 sometimes answers 404 instead of an empty page (NOTES §5).
        if (number > 0 && isNotFoundError(error)) {
          pastEnd = true;
          return { items: [] };
        }
        throw error;
      }
    },
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.emit ? { onProgress: o.emit } : {}),
  });
  for await (const batch of pages) {
    const items = batch.items;
    const rejected = batch.rejected ?? [];
    if (!batch.coverage) {
      yield { items, rejected };
      continue;
    }
    const coverage: Coverage = { ...batch.coverage };
    // The kernel accepts the smallest total seen; Pax8's last word counts here (issue #14: fewer than
    // totalElements seen is never clean). Records added while paging are read on the next run.
    const read = coverage.fetched + (coverage.rejected ?? 0); // rejected records were received, not skipped
    if (coverage.complete && lastTotal !== undefined && read < lastTotal) {
      coverage.complete = false;
      coverage.truncatedReason = pastEnd
        ? `Pax8 answered 404 past the end after ${coverage.fetched} of ${lastTotal} records`
        : `Pax8 reported ${lastTotal} records but ${coverage.fetched} were received (records added or re-sorted while paging are read next run)`;
    }
    if (lastTotal !== undefined && read > lastTotal) {
      coverage.complete = false;
      coverage.truncatedReason = `Pax8 reported ${lastTotal} records but ${read} were received: its totals are wrong, so nothing may be removed on this run`;
    }
    if (lastTotal !== undefined) coverage.expected = lastTotal;
    yield { items, rejected, coverage };
  }
}
