import type { Batch, Coverage, ProgressEvent, StreamName } from '../connector';

export type PageCursor = { offset: number; limit: number } | { page: number; size: number } | { token: string | undefined; size: number };

/** One page as the vendor answered it. */
export interface PageResult<T> {
  items: T[];
  /** Total records, when the vendor says (`pagination.total`). */
  total?: number | undefined;
  totalPages?: number | undefined;
  nextToken?: string | undefined;
}

export interface PaginateOptions<T> {
  connector: string;
  stream: StreamName;
  style: 'offset' | 'page' | 'token';
  /** Records asked for per page; clamped to `maxPageSize`. */
  pageSize: number;
  /** The vendor's documented maximum (Pax8: 200). */
  maxPageSize?: number;
  /** Fetches one page. Keep every filter in the request on every page. */
  fetchPage: (cursor: PageCursor) => Promise<PageResult<T>>;
  idOf: (item: T) => string;
  signal?: AbortSignal;
  onProgress?: (e: ProgressEvent) => void;
  /** Hard stop against a vendor that never ends (default 100 000 pages); reaching it marks coverage incomplete. */
  maxPages?: number;
}

/**
 * Pages a vendor list to exhaustion, one Batch per page, duplicates (by id) removed. The last
 * batch carries coverage (expected vs fetched, pages, duplicates, complete or why not).
 *
 * Offset style advances by the records actually received (servers may cap the page size) and stops
 * only at `offset >= total`, an empty page, or — without a total — a short page.
 *
 * @example
 * for await (const batch of paginate({
 *   connector: 'ingram', stream: 'customers', style: 'offset', pageSize: 100, idOf: (c) => c.id,
 *   fetchPage: async ({ offset, limit }) => { const { data } = await http.get('/customers', { searchParams: { offset, limit }, schema }); return { items: data.data, total: data.pagination.total }; },
 * })) save(batch.items);
 */
export async function* paginate<T>(o: PaginateOptions<T>): AsyncGenerator<Batch<T>> {
  const size = Math.max(1, Math.min(o.pageSize, o.maxPageSize ?? Number.POSITIVE_INFINITY));
  const maxPages = o.maxPages ?? 100_000;
  const seen = new Set<string>();
  let duplicatesDropped = 0;
  let pages = 0;
  let expected: number | undefined;
  let leastTotal: number | undefined;
  let firstTotal: number | undefined;
  let offset = 0;
  let page = 1;
  let token: string | undefined;
  let stalled = 0;
  let truncatedReason: string | undefined;

  for (;;) {
    if (o.signal?.aborted) throw o.signal.reason;
    const cursor: PageCursor =
      o.style === 'offset' ? { offset, limit: size } : o.style === 'page' ? { page, size } : { token, size };
    const result = await o.fetchPage(cursor);
    if (o.signal?.aborted) throw o.signal.reason;
    pages++;
    if (result.total !== undefined) {
      expected = result.total;
      leastTotal = Math.min(leastTotal ?? result.total, result.total);
      firstTotal ??= result.total;
    }
    const fresh: T[] = [];
    for (const item of result.items) {
      const id = o.idOf(item);
      if (seen.has(id)) duplicatesDropped++;
      else {
        seen.add(id);
        fresh.push(item);
      }
    }
    o.onProgress?.({ type: 'page', connector: o.connector, stream: o.stream, page: pages, records: fresh.length, total: expected });

    const received = result.items.length;
    let done: boolean;
    if (o.style === 'offset') {
      offset += received;
      done = received === 0 || (result.total !== undefined ? offset >= result.total : received < size);
    } else if (o.style === 'page') {
      page++;
      done =
        received === 0 ||
        (result.totalPages !== undefined
          ? page > result.totalPages
          : result.total !== undefined
            ? (page - 1) * size >= result.total
            : received < size);
    } else {
      done = !result.nextToken || result.nextToken === token;
      if (result.nextToken && result.nextToken === token) truncatedReason = 'the vendor returned the same page token twice';
      token = result.nextToken;
    }

    // A page of nothing but already-seen ids twice in a row means the cursor is not moving.
    stalled = received > 0 && fresh.length === 0 ? stalled + 1 : 0;
    if (!done && stalled >= 2) {
      done = true;
      truncatedReason = `paging made no progress: pages ${pages - 1}-${pages} held only records already seen`;
    }
    if (!done && pages >= maxPages) {
      done = true;
      truncatedReason = `stopped after ${maxPages} pages (the maxPages safety limit)`;
    }

    if (!done) {
      yield { items: fresh };
      continue;
    }
    const fetched = seen.size;
    // Records created while paging land before the cursor (newest first) and are picked up next run,
    // so the bar is the smallest total seen; fewer than that means records were skipped (e.g. deletions shifted pages).
    if (!truncatedReason && leastTotal !== undefined && fetched < leastTotal) {
      truncatedReason = `the vendor reported ${leastTotal} records but ${fetched} were received`;
    }
    // A list that shrank mid-walk shifted later records onto offsets already read: some may be skipped
    // even when the counts add up, so only a re-run can be trusted.
    if (!truncatedReason && o.style !== 'token' && firstTotal !== undefined && leastTotal !== undefined && leastTotal < firstTotal) {
      truncatedReason = `the list shrank from ${firstTotal} to ${leastTotal} records while paging, so records may have been skipped; run again`;
    }
    const coverage: Coverage = {
      stream: o.stream,
      expected,
      fetched,
      pages,
      duplicatesDropped,
      complete: truncatedReason === undefined,
      truncatedReason,
    };
    o.onProgress?.({ type: 'stream-done', connector: o.connector, coverage });
    yield { items: fresh, coverage };
    return;
  }
}
