import type { Batch, Checkpoint, HttpClient, ProgressEvent, Subscription, SubscriptionListOptions } from '@vectis/connector-core';
import { mapSubscription } from './mappers';
import { pagePax8List } from './paging';
import { createProductLookup, readCheckpoint } from './products';
import { Pax8Subscription } from './schemas';

/**
 * Subscriptions: `GET /subscriptions` pages (200 a page, oldest first so new ones land at the end),
 * one normalized line each, SKU and product facts from each distinct product (looked up once per
 * sync, or reused from the checkpoint). Pax8 has no `updatedSince`, so every run reads every page:
 * steady state = ⌈S/200⌉ list pages + 2 requests per product not seen last run.
 */
export async function* listPax8Subscriptions(
  http: HttpClient,
  o: SubscriptionListOptions & { pageSize: number; emit: (e: ProgressEvent) => void },
): AsyncGenerator<Batch<Subscription>> {
  const products = createProductLookup({ http, known: readCheckpoint(o.checkpoint)?.products, signal: o.signal, onProgress: o.onProgress, emit: o.emit });
  for await (const batch of pagePax8List({
    http,
    path: '/subscriptions',
    item: Pax8Subscription,
    stream: 'subscriptions',
    pageSize: o.pageSize,
    sort: 'createdDate,asc',
    signal: o.signal,
    onProgress: o.onProgress,
    emit: o.emit,
  })) {
    const items = await Promise.all(batch.items.map(async (sub) => mapSubscription(sub, await products.get(sub.productId ?? undefined))));
    const rejected = batch.rejected.length ? { rejected: batch.rejected } : {};
    if (!batch.coverage) {
      yield { items, ...rejected };
      continue;
    }
    // detailRequests / reused count products (vendor objects), as Coverage defines them; each lookup is 2 requests.
    const { fetched, reused } = products.stats();
    yield { items, ...rejected, coverage: { ...batch.coverage, detailRequests: fetched, reused }, checkpoint: products.checkpoint() as unknown as Checkpoint };
  }
}
