import type { Batch, Coverage, ProgressEvent, RejectedRecord, StreamName } from '../connector';

export type PageCursor = { offset: number; limit: number } | { page: number; size: number } | { token: string | undefined; size: number };

/** One page as the vendor answered it. */
export interface PageResult<T> {
  items: T[];
  /** Total records, when the vendor says (`pagination.total`). */
  total?: number | undefined;
  totalPages?: number | undefined;
  nextToken?: string | undefined;
  /** Records on this page that failed validation (see `parseRecords`); they count as received for paging. */
  rejected?: RejectedRecord[] | undefined;
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
 * Totals can lie (a list saying 750 that really holds 1,500). When the counts disagree — more
 * records received than `total`, or a full page at `offset ≥ total` — paging goes on to an empty or
 * short page, and the coverage is marked incomplete with the reason: such a list cannot prove that
 * anything missing from it is gone. Rejected records are carried on each batch and also make the
 * coverage incomplete.
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
  let received = 0; // every record the vendor sent, duplicates and rejected ones included
  let largestPage = 0;
  let disagreement: string | undefined;
  let rejected = 0;

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
    const bad = result.rejected ?? [];
    rejected += bad.length;
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

    const onPage = result.items.length + bad.length;
    // A server that caps the page size numbers its pages in its own size, so a page starts at
    // (page - 1) × the largest page seen so far, not × the size asked for.
    const pageStart = o.style === 'offset' ? offset : (page - 1) * (largestPage > 0 ? Math.min(size, largestPage) : size);
    received += onPage;
    largestPage = Math.max(largestPage, onPage);
    if (!disagreement && result.total !== undefined && onPage > 0 && (received > result.total || (o.style !== 'token' && pageStart >= result.total))) {
      disagreement = `the vendor reported ${result.total} records but sent more (${received} by page ${pages}); paging continued to the end, but a list whose counts disagree cannot prove it is complete`;
    }
    // Once the counts disagree only the data can say where the list ends: an empty page, or one
    // shorter than the pages before it (a capped page size is not an end).
    const short = onPage === 0 || onPage < Math.min(size, largestPage);
    let done: boolean;
    if (o.style === 'offset') {
      offset += onPage;
      done = onPage === 0 || (disagreement ? short : result.total !== undefined ? offset >= result.total : onPage < size);
    } else if (o.style === 'page') {
      page++;
      done =
        onPage === 0 ||
        (disagreement
          ? short
          : result.totalPages !== undefined
            ? page > result.totalPages
            : result.total !== undefined
              ? (page - 1) * size >= result.total
              : onPage < size);
    } else {
      done = !result.nextToken || result.nextToken === token;
      if (result.nextToken && result.nextToken === token) truncatedReason = 'the vendor returned the same page token twice';
      token = result.nextToken;
    }

    // A page of nothing but already-seen ids twice in a row means the cursor is not moving.
    stalled = result.items.length > 0 && fresh.length === 0 ? stalled + 1 : 0;
    if (!done && stalled >= 2) {
      done = true;
      truncatedReason = `paging made no progress: pages ${pages - 1}-${pages} held only records already seen`;
    }
    if (!done && pages >= maxPages) {
      done = true;
      truncatedReason = `stopped after ${maxPages} pages (the maxPages safety limit)`;
    }

    if (!done) {
      yield bad.length ? { items: fresh, rejected: bad } : { items: fresh };
      continue;
    }
    const fetched = seen.size;
    const shrank = o.style !== 'token' && firstTotal !== undefined && leastTotal !== undefined && leastTotal < firstTotal;
    // Records created while paging land before the cursor (newest first) and are picked up next run,
    // so the bar is the smallest total seen; fewer than that means records were skipped (e.g. deletions shifted pages).
    if (!truncatedReason && leastTotal !== undefined && fetched + rejected < leastTotal) {
      truncatedReason = `the vendor reported ${leastTotal} records but ${fetched} were received`;
    }
    // A list that shrank mid-walk shifted later records onto offsets already read: some may be skipped
    // even when the counts add up, so only a re-run can be trusted.
    if (!truncatedReason && shrank && leastTotal !== undefined) {
      truncatedReason = `the list shrank from ${firstTotal} to ${leastTotal} records while paging, so records may have been skipped; run again`;
    }
    truncatedReason ??= disagreement;
    if (!truncatedReason && rejected > 0) truncatedReason = rejectedReason(rejected);
    const coverage: Coverage = {
      stream: o.stream,
      expected,
      fetched,
      pages,
      duplicatesDropped,
      ...(rejected ? { rejected } : {}),
      complete: truncatedReason === undefined,
      truncatedReason,
    };
    o.onProgress?.({ type: 'stream-done', connector: o.connector, coverage });
    yield bad.length ? { items: fresh, rejected: bad, coverage } : { items: fresh, coverage };
    return;
  }
}

/**
 * The coverage reason for a stream with rejected records: they were not read, so the stream cannot
 * prove that what is missing from it is gone.
 *
 * @example
 * rejectedReason(2) // '2 record(s) could not be read (see Batch.rejected) …'
 */
export function rejectedReason(count: number): string {
  return `${count} record(s) could not be read (see Batch.rejected); the others were kept, but the stream cannot prove anything missing is gone`;
}
