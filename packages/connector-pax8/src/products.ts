import { type Checkpoint, type HttpClient, isNotFoundError, type ProgressEvent } from '@vectis/connector-core';
import { type ProductInfo, productInfo } from './mappers';
import { checkItems } from './paging';
import { Pax8Pricing, Pax8Product, Pax8Unpaged } from './schemas';

/**
 * What the subscriptions checkpoint holds: the product facts read last run, so a steady-state sync
 * looks up only products it has not seen before. Only products still referenced are kept.
 */
export interface Pax8Checkpoint {
  v: 1;
  products: Record<string, ProductInfo>;
}

/**
 * Reads a checkpoint written by this connector; anything else means every product is looked up.
 *
 * @example
 * readCheckpoint({ v: 1, products: { 'e91b…': { sku: 'MST-OFC-EE3-C100', usage: false } } })?.products
 */
export function readCheckpoint(checkpoint: Checkpoint | undefined): Pax8Checkpoint | undefined {
  if (typeof checkpoint !== 'object' || checkpoint === null || Array.isArray(checkpoint)) return undefined;
  const c = checkpoint as Record<string, unknown>;
  if (c.v !== 1 || typeof c.products !== 'object' || c.products === null || Array.isArray(c.products)) return undefined;
  const products: Record<string, ProductInfo> = {};
  for (const [id, value] of Object.entries(c.products as Record<string, unknown>)) {
    if (typeof value !== 'object' || value === null) continue;
    const v = value as Record<string, unknown>;
    if (typeof v.usage !== 'boolean') continue;
    const str = (x: unknown) => (typeof x === 'string' && x ? x : undefined);
    products[id] = Object.fromEntries(
      Object.entries({ sku: str(v.sku), vendorSku: str(v.vendorSku), name: str(v.name), vendorName: str(v.vendorName), usage: v.usage }).filter(([, x]) => x !== undefined),
    ) as unknown as ProductInfo;
  }
  return { v: 1, products };
}

/**
 * Looks each distinct product up at most once per sync (`GET /products/{id}` + `/pricing`, 2
 * requests), concurrent callers sharing one lookup; products known from the checkpoint cost nothing.
 * A product Pax8 no longer knows (404) gives `undefined`: the line keeps its own product name.
 */
export function createProductLookup(o: {
  http: HttpClient;
  known?: Record<string, ProductInfo> | undefined;
  signal?: AbortSignal | undefined;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
  emit: (event: ProgressEvent) => void;
}) {
  const lookups = new Map<string, Promise<ProductInfo | undefined>>();
  const used = new Map<string, ProductInfo>();
  let fetched = 0;
  let reused = 0;
  let done = 0;
  const call = { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) };

  async function fetchProduct(id: string): Promise<ProductInfo | undefined> {
    const known = o.known?.[id];
    if (known) {
      reused++;
      return known;
    }
    const path = `/products/${encodeURIComponent(id)}`;
    try {
      fetched++;
      const [{ data: product }, { data: pricing }] = await Promise.all([
        o.http.get(path, { schema: Pax8Product, ...call }),
        o.http.get(`${path}/pricing`, { schema: Pax8Unpaged, ...call }),
      ]);
      // A malformed pricing entry must not make a seat product look usage-rated: only valid entries count.
      const rates = checkItems(Pax8Pricing, pricing.content, { stream: 'subscriptions', where: `GET ${path}/pricing` });
      return productInfo(product, rates.rejected.length ? [] : rates.items);
    } catch (error) {
      if (isNotFoundError(error)) return undefined;
      throw error;
    } finally {
      done++;
      o.emit({ type: 'detail', connector: 'pax8', stream: 'subscriptions', done, reused });
    }
  }

  return {
    async get(id: string | undefined): Promise<ProductInfo | undefined> {
      if (!id) return undefined;
      let pending = lookups.get(id);
      if (!pending) {
        pending = fetchProduct(id);
        lookups.set(id, pending);
      }
      const info = await pending;
      if (info) used.set(id, info);
      return info;
    },
    /** Products looked up (2 requests each), and products answered from the checkpoint. */
    stats: () => ({ fetched, reused }),
    checkpoint: (): Pax8Checkpoint => ({ v: 1, products: Object.fromEntries([...used.entries()].sort(([a], [b]) => a.localeCompare(b))) }),
  };
}
