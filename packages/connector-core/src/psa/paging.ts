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
   * `id-cursor`: filter `id > last max id` on every request (ConnectWise, Autotask). `page`: page
   * numbers (Halo). Both stop on an empty or short page, or once the PSA's count is reached.
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
  let effective = size;
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
    // A PSA may cap pages below the asked size without saying so (ConnectWise answering 25 for 1,000,
    // Halo 100 for 1,000: HaloAPI#90). When the first page is short but the PSA's count says there is
    // more, that page's length is the real page size: keep going (an id cursor doesn't care; page numbers
    // then advance by the capped size, and if the PSA offsets by the asked size instead, the count check
    // below reports the gap). Once the count is reached, stop without asking for an empty page.
    if (pages === 1 && received > 0 && received < size && expected !== undefined && received < expected) effective = received;
    let done = received === 0 || (expected !== undefined && seen.size >= expected) || received < effective;
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
