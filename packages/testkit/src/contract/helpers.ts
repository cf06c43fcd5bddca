import { inspect } from 'node:util';
import { type Batch, collect, type DistributorConnector, type ListOptions } from '@vectis/connector-core';
import type { ContractContext } from './types';

/** Fresh tenant, no faults, empty request log, the given page-size cap. */
export function prepare(ctx: ContractContext, cap = 1_000): void {
  ctx.fake.reset();
  ctx.fake.seed(ctx.seed);
  ctx.fake.setPageSizeCap(cap);
}

export type ListStream = 'customers' | 'subscriptions';

/** The streams the connector declares, customers first. */
export function declaredStreams(c: DistributorConnector): ListStream[] {
  const streams: ListStream[] = [];
  if (c.capabilities.customers) streams.push('customers');
  if (c.capabilities.subscriptions) streams.push('subscriptions');
  return streams;
}

/** The first declared list stream, for cases that need "some paged data". */
export function primaryStream(c: DistributorConnector): ListStream {
  return declaredStreams(c)[0] ?? 'customers';
}

export function open(c: DistributorConnector, stream: ListStream, options: ListOptions = {}): AsyncIterable<Batch<{ externalId: string }>> {
  return stream === 'customers' ? c.listCustomers(options) : c.listSubscriptions(options);
}

/** Vendor-level id of a record: a subscription line's parent, else its own id. */
export function vendorId(record: { externalId: string; parentExternalId?: string | undefined }): string {
  return record.parentExternalId ?? record.externalId;
}

export function drain<T>(stream: AsyncIterable<Batch<T>>) {
  return collect(stream);
}

/** The error a promise rejects with; fails when it resolves instead. */
export async function rejection(promise: Promise<unknown>, what: string): Promise<unknown> {
  const outcome = await promise.then(
    () => ({ ok: true as const }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected ${what} to fail, but it succeeded`);
  return outcome.error;
}

/** Everything a user or a log could see of an error: message, stack, JSON and the inspected object (cause included). */
export function errorText(error: unknown): string {
  const parts: string[] = [String(error), inspect(error, { depth: 8, showHidden: false })];
  if (error instanceof Error) parts.push(error.message, error.stack ?? '');
  try {
    parts.push(JSON.stringify(error) ?? '');
  } catch {
    parts.push('(not JSON-serializable)');
  }
  return parts.join('\n');
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Query parameters that legitimately change from page to page; every other one is a filter and must stay.
const PAGING_PARAMS = new Set([
  'offset', 'limit', 'page', 'size', 'pagesize', 'page_size', 'pagenumber', 'page_number', 'pagetoken', 'page_token',
  'nexttoken', 'nextpagetoken', 'continuationtoken', 'cursor', 'skip', 'take', '$top', '$skip', 'top', 'token',
]);

/** Pages of the same path that do not carry the same filters as its first request. */
export function filterChanges(log: readonly { method: string; path: string }[]): string[] {
  const first = new Map<string, string>();
  const problems: string[] = [];
  for (const entry of log) {
    if (entry.method !== 'GET') continue;
    const url = new URL(entry.path, 'https://fake.invalid');
    const filters = [...url.searchParams.entries()]
      // TD SYNNEX nests its paging fields: `pagination.limit`, `pagination.offset`.
      .filter(([key]) => !PAGING_PARAMS.has(key.toLowerCase().replace(/^pagination\./, '')))
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
    const seen = first.get(url.pathname);
    if (seen === undefined) first.set(url.pathname, filters);
    else if (seen !== filters) problems.push(`${url.pathname}: first page had "${seen}", a later page had "${filters}"`);
  }
  return problems;
}

/** Requests that carry a paging parameter (for whole-list APIs, which have none). */
export function pagingParams(log: readonly { method: string; path: string }[]): string[] {
  return log
    .filter((entry) => [...new URL(entry.path, 'https://fake.invalid').searchParams.keys()].some((key) => PAGING_PARAMS.has(key.toLowerCase())))
    .map((entry) => `${entry.method} ${entry.path}`);
}
