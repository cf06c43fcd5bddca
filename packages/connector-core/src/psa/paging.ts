import type { PsaBatch, PsaCoverage, PsaProgressEvent, PsaStreamName } from './reader';

/** Where the next PSA page starts: after an id (id cursor) or at a 1-based page number. */
export interface PsaPageCursor {
  /** Largest id received so far (`id > afterId` on the next request); undefined on the first page. */
  afterId: number | undefined;
  /** 1-based page number (page mode). */
  page: number;
  size: number;
}

export interface PsaPagingOptions<T> {
  connector: string;
  stream: PsaStreamName;
  /**
   * `id-cursor`: filter `id > last max id` on every request (ConnectWise, Autotask); stop on an empty
   * page, or a short one once `expected` is reached. `page`: page numbers (Halo), stop on a short page.
   */
  mode: 'id-cursor' | 'page';
  /** Rows asked per request: keep it at or under the PSA's real cap, or pages get skipped. */
  pageSize: number;
  /** Fetches one page; keep every filter on every request. `total` is what the PSA says exists. */
  fetchPage: (cursor: PsaPageCursor) => Promise<{ items: T[]; total?: number | undefined }>;
  /** Numeric PSA id of a record (for the cursor and de-duplication). */
  idOf: (item: T) => number;
  /** What the PSA says exists, when it was counted up front (e.g. ConnectWise `/count`). */
  expected?: number | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((event: PsaProgressEvent) => void) | undefined;
  /** Safety stop (default 100 000 pages); reaching it marks the stream incomplete. */
  maxPages?: number;
}

/**
 * Pages a PSA list to exhaustion, one batch of raw rows per page, duplicates dropped. The last batch
 * carries coverage: `complete: false` with a reason when the walk stalled, hit the page limit or
 * received fewer rows than the PSA said exist.
 *
 * @example
 * for await (const batch of paginatePsa({ connector: 'connectwise', stream: 'psa_companies', mode: 'id-cursor', pageSize: 1000,
 *   idOf: (c) => c.id, fetchPage: ({ afterId, size }) => getCompanies(afterId, size) })) save(batch.items);
 */
export async function* paginatePsa<T>(o: PsaPagingOptions<T>): AsyncGenerator<PsaBatch<T>> {
  const size = Math.max(1, o.pageSize);
  const maxPages = o.maxPages ?? 100_000;
  const seen = new Set<number>();
  let duplicatesDropped = 0;
  let pages = 0;
  let expected = o.expected;
  let afterId: number | undefined;
  let truncatedReason: string | undefined;
  for (;;) {
    if (o.signal?.aborted) throw o.signal.reason;
    const result = await o.fetchPage({ afterId, page: pages + 1, size });
    if (o.signal?.aborted) throw o.signal.reason;
    pages++;
    if (result.total !== undefined) expected = result.total;
    const fresh: T[] = [];
    let maxId = afterId;
    for (const item of result.items) {
      const id = o.idOf(item);
      maxId = maxId === undefined || id > maxId ? id : maxId;
      if (seen.has(id)) duplicatesDropped++;
      else {
        seen.add(id);
        fresh.push(item);
      }
    }
    o.onProgress?.({ type: 'page', connector: o.connector, stream: o.stream, page: pages, records: fresh.length, total: expected });
    const received = result.items.length;
    // A short page ends the walk, except on an id cursor that has not reached the PSA's own count yet:
    // a PSA that silently caps pages below the asked size (ConnectWise answering 25 for 1,000) is then
    // read to the end anyway. Page numbers can't do that (the next page would skip rows), so they stop.
    // Once the count is reached, an id cursor stops without asking for the empty page after a full one.
    let done =
      received === 0 ||
      (o.mode === 'id-cursor' && expected !== undefined && seen.size >= expected) ||
      (received < size && (o.mode === 'page' || expected === undefined));
    if (!done && o.mode === 'id-cursor' && maxId === afterId) {
      done = true;
      truncatedReason = `paging made no progress: page ${pages} held no id above ${String(afterId)}`;
    }
    if (!done && o.mode === 'page' && fresh.length === 0) {
      done = true;
      truncatedReason = `paging made no progress: page ${pages} held only records already seen`;
    }
    if (!done && pages >= maxPages) {
      done = true;
      truncatedReason = `stopped after ${maxPages} pages (the maxPages safety limit)`;
    }
    afterId = maxId;
    if (!done) {
      yield { items: fresh };
      continue;
    }
    // A PSA that caps pages below what was asked ends the walk with a "short" page early; the count catches it.
    if (!truncatedReason && expected !== undefined && seen.size < expected) {
      truncatedReason = `the PSA reported ${expected} records but ${seen.size} were received (a page-size cap or a restricted role?)`;
    }
    const coverage: PsaCoverage = {
      stream: o.stream,
      expected,
      fetched: seen.size,
      pages,
      duplicatesDropped,
      complete: truncatedReason === undefined,
      truncatedReason,
    };
    yield { items: fresh, coverage };
    return;
  }
}
