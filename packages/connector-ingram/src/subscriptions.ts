import {
  type Batch,
  type Checkpoint,
  type HttpClient,
  isNotFoundError,
  parseRecord,
  parseRecords,
  type ProgressEvent,
  type RejectedRecord,
  rejectedReason,
  type Subscription,
  type SubscriptionListOptions,
} from '@vectis/connector-core';
import { z } from 'zod';
import { mapSubscriptionLines, quantityIssues } from './mappers';
import { pageIngramList } from './paging';
import { IngramSubscription, IngramSubscriptionDetailed, IngramSubscriptionProduct } from './schemas';

// The detail is read in two steps: the subscription itself, then each product on its own, so one
// product with a drifted quantity costs one line, not the subscription or the sync.
const DetailEnvelope = IngramSubscriptionDetailed.extend({ products: z.array(z.unknown()).nullish() });

const productId = (subscriptionId: string) => (raw: unknown) => {
  const p = (typeof raw === 'object' && raw !== null ? raw : {}) as { id?: unknown; mpn?: unknown };
  const key = typeof p.id === 'string' && p.id ? p.id : typeof p.mpn === 'string' && p.mpn ? p.mpn : undefined;
  return key ? `${subscriptionId}:${key}` : subscriptionId;
};

/** What the subscriptions checkpoint holds: the UTC day the last completed sync started. */
export interface IngramCheckpoint {
  v: 1;
  lastSyncDay: string;
}

/**
 * Reads a checkpoint written by this connector; anything else means a full refresh.
 *
 * @example
 * readCheckpoint({ v: 1, lastSyncDay: '2026-11-26' }) // { v: 1, lastSyncDay: '2026-11-26' }
 */
export function readCheckpoint(checkpoint: Checkpoint | undefined): IngramCheckpoint | undefined {
  if (typeof checkpoint !== 'object' || checkpoint === null || Array.isArray(checkpoint)) return undefined;
  const day = (checkpoint as Record<string, unknown>).lastSyncDay;
  return typeof day === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(day) ? { v: 1, lastSyncDay: day } : undefined;
}

/**
 * Subscriptions: `GET /subscriptions` pages, then `GET /subscriptions/{id}` per subscription for its
 * products (lists carry no quantities or prices), flattened to one line per product.
 *
 * Incremental: Ingram has no modified-since filter and `lastModifiedDate` is a day, so a
 * subscription last modified **before** the checkpoint's day whose lines the caller still holds
 * (`previousLines`) is emitted from those lines; anything modified on or after that day, new, or
 * without stored lines is fetched. Steady state = token + list pages + changed details.
 */
export async function* listIngramSubscriptions(
  http: HttpClient,
  o: SubscriptionListOptions & { pageSize: number; emit: (e: ProgressEvent) => void; now: () => number },
): AsyncGenerator<Batch<Subscription>> {
  // The day is taken before the first request: anything modified during this run is refetched next time.
  const syncDay = new Date(o.now()).toISOString().slice(0, 10);
  const since = readCheckpoint(o.checkpoint);
  let detailRequests = 0;
  let reused = 0;
  let missing = 0;
  let detailRejected = 0;
  let done = 0;

  async function linesOf(item: IngramSubscription): Promise<{ lines: Subscription[]; rejected: RejectedRecord[] }> {
    if (since && o.previousLines && item.lastModifiedDate && item.lastModifiedDate < since.lastSyncDay) {
      const stored = await o.previousLines(item.id);
      if (stored?.length) {
        reused++;
        return { lines: [...stored], rejected: [] };
      }
    }
    detailRequests++;
    const where = `GET /subscriptions/${item.id}`;
    let body: unknown;
    try {
      ({ data: body } = await http.get(`/subscriptions/${encodeURIComponent(item.id)}`, {
        schema: z.unknown(),
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      }));
    } catch (error) {
      // Removed between list and detail: reported as incomplete coverage instead of failing the run.
      if (!isNotFoundError(error)) throw error;
      missing++;
      return { lines: [], rejected: [] };
    }
    const detail = parseRecord(body, DetailEnvelope, { stream: 'subscriptions', where, idOf: () => item.id });
    if ('rejected' in detail) return { lines: [], rejected: [detail.rejected] };
    const products = parseRecords(detail.item.products ?? [], IngramSubscriptionProduct, {
      stream: 'subscriptions',
      where: `${where} products`,
      idOf: productId(item.id),
      check: quantityIssues,
    });
    // Rejected products are left out before mapping; the mapper keys lines by product id/mpn, so the others keep their ids.
    return { lines: mapSubscriptionLines({ ...detail.item, products: products.items }, item), rejected: products.rejected };
  }

  for await (const batch of pageIngramList({
    http,
    path: '/subscriptions',
    item: IngramSubscription,
    stream: 'subscriptions',
    pageSize: o.pageSize,
    signal: o.signal,
    onProgress: o.onProgress,
    emit: o.emit,
  })) {
    const perItem = await Promise.all(
      batch.items.map(async (item) => {
        const read = await linesOf(item);
        done++;
        o.emit({ type: 'detail', connector: 'ingram', stream: 'subscriptions', done, reused });
        return read;
      }),
    );
    const items = perItem.flatMap((r) => r.lines);
    const rejected = [...(batch.rejected ?? []), ...perItem.flatMap((r) => r.rejected)];
    detailRejected += rejected.length - (batch.rejected?.length ?? 0);
    const extra = rejected.length ? { rejected } : {};
    if (!batch.coverage) {
      yield { items, ...extra };
      continue;
    }
    const coverage = { ...batch.coverage, detailRequests, reused };
    if (missing) {
      coverage.complete = false;
      coverage.truncatedReason = `${missing} subscription(s) disappeared between the list and their detail call`;
    }
    if (detailRejected) {
      coverage.rejected = (coverage.rejected ?? 0) + detailRejected;
      coverage.complete = false;
      coverage.truncatedReason ??= rejectedReason(coverage.rejected);
    }
    const checkpoint: IngramCheckpoint = { v: 1, lastSyncDay: syncDay };
    yield { items, ...extra, coverage, checkpoint: { ...checkpoint } };
  }
}
