import { type Coverage, type DriftIssue, type HttpClient, type ProgressEvent, type RejectedRecord, rejectedReason, type StreamName } from '@vectis/connector-core';
import type { z } from 'zod';

// Ion pages differently per endpoint (NOTES §5):
// - customers, products, orders: `pageSize` + `pageToken` → `nextPageToken` (SDK customers.py) — core's token paginator;
// - account-wide subscriptions: `pagination.limit` + `pagination.offset`, stopping on an empty `items`
//   (SDK subscriptions.py), while a shell client follows `nextPageToken` — both handled here.

/** One vendor item after its own parse: the record, or why it was rejected. */
export type Entry<T> = { id: string; record: T } | { id: string; rejected: RejectedRecord };

/**
 * Parses each item on its own: a bad item becomes a `RejectedRecord` (vendor id + paths, never values).
 *
 * @example
 * const entries = readItems(page.items ?? [], SynnexSubscription, (raw) => raw.id, 'subscriptions', 'GET /subscriptions page 2');
 */
export function readItems<T>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  idOf: (record: T) => string,
  rawId: (item: unknown) => string | undefined,
  stream: StreamName,
  where: string,
): Entry<T>[] {
  return items.map((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) return { id: idOf(parsed.data), record: parsed.data };
    const issues: DriftIssue[] = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
    const id = rawId(item);
    return { id: `\u0000${where}#${index}`, rejected: { stream, ...(id ? { id } : {}), where: `${where} item ${index + 1}`, issues } };
  });
}

/** A string or number id found on an unparsed item (for the rejection report only). */
export function looseId(item: unknown, key: string): string | undefined {
  const value = typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value).slice(0, 120) : undefined;
}

export interface OffsetPage<T> {
  entries: Entry<T>[];
  nextPageToken?: string | undefined;
  /** A count the tenant sent (Ion documents none); only ever checked against what was received. */
  total?: number | undefined;
}

/**
 * Pages the account-wide subscription list to exhaustion, never stopping on a short page (Ion may cap
 * the page size below `pagination.limit`):
 * - when a page carries `nextPageToken`, the next request sends it as `pageToken`;
 * - otherwise `pagination.offset` advances by the items received, until a page is empty;
 * - a page whose first id equals the previous page's (the server ignored the cursor) ends the stream
 *   with incomplete coverage instead of looping; so does the `maxPages` safety limit.
 * Duplicates (newest-first lists shift while paging) are dropped by id.
 *
 * Coverage is incomplete when any item was rejected, or when a page carried a count that disagrees
 * with what was received (more items than it said, or fewer at the end): such a list cannot prove
 * that anything missing from it is gone. A count never ends paging; the data does.
 */
export async function* pageSubscriptions<T>(o: {
  fetchPage: (cursor: { offset: number; limit: number; pageToken?: string | undefined }, page: number) => Promise<OffsetPage<T>>;
  pageSize: number;
  signal?: AbortSignal | undefined;
  emit: (event: ProgressEvent) => void;
  maxPages?: number;
}): AsyncGenerator<{ entries: Entry<T>[]; coverage?: Coverage }> {
  const seen = new Set<string>();
  const maxPages = o.maxPages ?? 100_000;
  let offset = 0;
  let pageToken: string | undefined;
  let previousFirst: string | undefined;
  let pages = 0;
  let duplicatesDropped = 0;
  let fetched = 0;
  let truncatedReason: string | undefined;
  let rejected = 0;
  let received = 0; // every item sent, duplicates and rejected ones included
  let disagreement: string | undefined;
  let leastTotal: number | undefined;
  for (;;) {
    if (o.signal?.aborted) throw o.signal.reason;
    const page = await o.fetchPage({ offset, limit: o.pageSize, pageToken }, pages + 1);
    if (o.signal?.aborted) throw o.signal.reason;
    pages++;
    const first = page.entries[0]?.id;
    if (pages > 1 && first !== undefined && first === previousFirst) {
      truncatedReason = `Ion returned the same page twice (first id ${first}) at ${pageToken ? 'the same page token' : `offset ${offset}`}: it ignored the paging cursor, so the list was not read to the end`;
      page.entries = [];
    }
    previousFirst = first;
    const fresh = page.entries.filter((e) => {
      if (seen.has(e.id)) return (duplicatesDropped++, false);
      seen.add(e.id);
      return true;
    });
    fetched += fresh.filter((e) => 'record' in e).length;
    rejected += fresh.filter((e) => !('record' in e)).length;
    received += page.entries.length;
    if (page.total !== undefined) {
      leastTotal = Math.min(leastTotal ?? page.total, page.total);
      if (!disagreement && received > page.total) {
        disagreement = `Ion reported ${page.total} subscriptions but sent more (${received} by page ${pages}); paging continued to the end, but a list whose counts disagree cannot prove it is complete`;
      }
    }
    o.emit({ type: 'page', connector: 'synnex', stream: 'subscriptions', page: pages, records: fresh.length });
    let done = truncatedReason !== undefined || page.entries.length === 0;
    if (!done && page.nextPageToken) {
      if (page.nextPageToken === pageToken) {
        truncatedReason = 'Ion returned the same page token twice';
        done = true;
      }
      pageToken = page.nextPageToken;
    } else if (!done) {
      // Token paging ends where no token comes back; offset paging only at an empty page.
      if (pageToken !== undefined) done = true;
      offset += page.entries.length;
    }
    if (!done && pages >= maxPages) {
      truncatedReason = `stopped after ${maxPages} pages (the maxPages safety limit)`;
      done = true;
    }
    if (!done) {
      yield { entries: fresh };
      continue;
    }
    if (!truncatedReason && leastTotal !== undefined && fetched + rejected < leastTotal) {
      truncatedReason = `Ion reported ${leastTotal} subscriptions but ${fetched} were received`;
    }
    truncatedReason ??= disagreement ?? (rejected ? rejectedReason(rejected) : undefined);
    const coverage: Coverage = {
      stream: 'subscriptions',
      ...(leastTotal !== undefined ? { expected: leastTotal } : {}),
      fetched,
      pages,
      duplicatesDropped,
      ...(rejected ? { rejected } : {}),
      complete: truncatedReason === undefined,
      truncatedReason,
    };
    o.emit({ type: 'stream-done', connector: 'synnex', coverage });
    yield { entries: fresh, coverage };
    return;
  }
}

/** Sends one GET with the call's signal and progress listener. */
export function getPage<T>(http: HttpClient, path: string, searchParams: Record<string, string | number | undefined>, schema: z.ZodType<T>, call: { signal?: AbortSignal | undefined; onProgress?: ((e: ProgressEvent) => void) | undefined }) {
  return http.get(path, {
    searchParams,
    schema,
    ...(call.signal ? { signal: call.signal } : {}),
    ...(call.onProgress ? { onProgress: call.onProgress } : {}),
  });
}
