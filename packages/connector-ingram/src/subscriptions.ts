import {
  type Batch,
  type Checkpoint,
  type HttpClient,
  isNotFoundError,
  type ProgressEvent,
  type Subscription,
  type SubscriptionListOptions,
} from '@vectis/connector-core';
import { mapSubscriptionLines } from './mappers';
import { pageIngramList } from './paging';
import { type IngramSubscription, IngramSubscriptionDetailed, IngramSubscriptionList } from './schemas';

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
  let done = 0;

  async function linesOf(item: IngramSubscription): Promise<Subscription[]> {
    if (since && o.previousLines && item.lastModifiedDate && item.lastModifiedDate < since.lastSyncDay) {
      const stored = await o.previousLines(item.id);
      if (stored?.length) {
        reused++;
        return [...stored];
      }
    }
    detailRequests++;
    try {
      const { data } = await http.get(`/subscriptions/${encodeURIComponent(item.id)}`, {
        schema: IngramSubscriptionDetailed,
        ...(o.signal ? { signal: o.signal } : {}),
        ...(o.onProgress ? { onProgress: o.onProgress } : {}),
      });
      return mapSubscriptionLines(data, item);
    } catch (error) {
      // Removed between list and detail: reported as incomplete coverage instead of failing the run.
      if (!isNotFoundError(error)) throw error;
      missing++;
      return [];
    }
  }

  for await (const batch of pageIngramList({
    http,
    path: '/subscriptions',
    schema: IngramSubscriptionList,
    stream: 'subscriptions',
    pageSize: o.pageSize,
    signal: o.signal,
    onProgress: o.onProgress,
    emit: o.emit,
  })) {
    const perItem = await Promise.all(
      batch.items.map(async (item) => {
        const lines = await linesOf(item);
        done++;
        o.emit({ type: 'detail', connector: 'ingram', stream: 'subscriptions', done, reused });
        return lines;
      }),
    );
    const items = perItem.flat();
    if (!batch.coverage) {
      yield { items };
      continue;
    }
    const coverage = { ...batch.coverage, detailRequests, reused };
    if (missing) {
      coverage.complete = false;
      coverage.truncatedReason = `${missing} subscription(s) disappeared between the list and their detail call`;
    }
    const checkpoint: IngramCheckpoint = { v: 1, lastSyncDay: syncDay };
    yield { items, coverage, checkpoint: { ...checkpoint } };
  }
}
