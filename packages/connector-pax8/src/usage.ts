import {
  type Batch,
  type Coverage,
  type HttpClient,
  isNetworkError,
  isNotFoundError,
  isSchemaDriftError,
  isServerError,
  isTimeoutError,
  type ProgressEvent,
  type SeatSnapshotOptions,
  type Subscription,
  type Usage,
} from '@vectis/connector-core';
import { pagePax8List } from './paging';
import { Pax8UsageSummary } from './schemas';
import { listPax8Subscriptions } from './subscriptions';
import { usageChargesOf } from './usage-charges';

/** Usage lines whose summaries are read together (each is one paced request; the kernel bounds what is in flight). */
const CHUNK = 200;

/**
 * Seat snapshots: one row per line with its purchased quantity; for usage-rated lines
 * (`billingFrequency: 'usage'`) also the month-to-date charges from
 * `GET /subscriptions/{id}/usage-summaries` (1 request per usage line, more only past 200 resource
 * groups). Usage lines (`/usage-lines?usageDate=`) are never read: one request per summary per day.
 *
 * With `lines` (a sync that has just read them) no subscription is listed again; without, the
 * subscriptions are paged as `listSubscriptions` does. A summary read that fails, or summaries that
 * cannot be added exactly, leave that row without charges and the coverage incomplete (never zero).
 */
export async function* listPax8SeatSnapshots(
  http: HttpClient,
  o: SeatSnapshotOptions & { pageSize: number; usageSummaries: boolean; emit: (e: ProgressEvent) => void },
): AsyncGenerator<Batch<Usage>> {
  const call = { ...(o.signal ? { signal: o.signal } : {}), ...(o.onProgress ? { onProgress: o.onProgress } : {}) };
  const from = `${o.asOf.slice(0, 7)}-01`; // the month of the run's cut-off (UTC) [guess: Pax8's billing month is UTC]
  const problems: string[] = [];
  let problemCount = 0;
  let read = 0;
  let rows = 0;

  async function chargesOf(line: Subscription): Promise<Usage['charges']> {
    const summaries: Pax8UsageSummary[] = [];
    let coverage: Coverage | undefined;
    const fail = (why: string) => {
      problemCount++;
      if (problems.length < 3) problems.push(`subscription ${line.externalId}: ${why}`);
      return undefined;
    };
    try {
      for await (const batch of pagePax8List({
        http,
        path: `/subscriptions/${encodeURIComponent(line.externalId)}/usage-summaries`,
        item: Pax8UsageSummary,
        stream: 'seat_snapshots',
        pageSize: 200,
        sort: 'resourceGroup,asc',
        ...call,
      })) {
        summaries.push(...batch.items);
        if (batch.coverage) coverage = batch.coverage;
      }
    } catch (error) {
      // What one line's read can hit and the rest survive; auth, permission, rate limit and abort end the stream.
      if (isNotFoundError(error)) return fail('Pax8 answered 404 for its usage summaries (deleted since it was listed?)');
      if (isServerError(error) || isTimeoutError(error) || isNetworkError(error) || isSchemaDriftError(error)) return fail(error.message);
      throw error;
    } finally {
      read++;
      o.emit({ type: 'detail', connector: 'pax8', stream: 'seat_snapshots', done: read, reused: 0 });
    }
    if (!coverage?.complete) return fail(`usage summaries incomplete (${coverage?.truncatedReason ?? 'no coverage'})`);
    const result = usageChargesOf(summaries, from);
    if (result.problem) fail(result.problem);
    return result.charges;
  }

  async function toRows(lines: readonly Subscription[]): Promise<Usage[]> {
    const out: Usage[] = [];
    for (let i = 0; i < lines.length; i += CHUNK) {
      const part = lines.slice(i, i + CHUNK);
      const charges = await Promise.all(part.map((line) => (o.usageSummaries && line.billingFrequency === 'usage' ? chargesOf(line) : undefined)));
      part.forEach((line, j) => {
        const c = charges[j];
        out.push({
          vendor: 'pax8',
          week: o.week,
          asOf: o.asOf,
          customerExternalId: line.customerExternalId,
          subscriptionExternalId: line.externalId,
          ...(line.sku ? { sku: line.sku } : {}),
          // The purchased quantity, as the sync derives it from lines: PendingCancel lines keep their
          // seats (billed until endDate). Charges are money, never `consumed`.
          quantity: line.quantity,
          source: 'purchased_quantity',
          ...(c ? { charges: c } : {}),
        });
      });
    }
    rows += out.length;
    return out;
  }

  const finish = (coverage: Coverage): Coverage => {
    const out: Coverage = { ...coverage, stream: 'seat_snapshots', fetched: rows, expected: undefined, detailRequests: read };
    if (problemCount) {
      out.complete = false;
      const reason = `usage charges of ${problemCount} line(s) not read: ${problems.join('; ')}${problemCount > problems.length ? '; …' : ''}`;
      out.truncatedReason = coverage.truncatedReason ? `${coverage.truncatedReason}; ${reason}` : reason;
    }
    return out;
  };

  if (o.lines) {
    const lines = o.lines;
    for (let i = 0; i < lines.length || i === 0; i += CHUNK) {
      const items = await toRows(lines.slice(i, i + CHUNK));
      if (i + CHUNK < lines.length) yield { items };
      else yield { items, coverage: finish({ stream: 'seat_snapshots', fetched: 0, pages: 0, duplicatesDropped: 0, complete: true }) };
    }
    return;
  }
  for await (const batch of listPax8Subscriptions(http, { ...o, emit: o.emit })) {
    const items = await toRows(batch.items);
    const rejected = batch.rejected?.map((r) => ({ ...r, stream: 'seat_snapshots' as const }));
    const rest = rejected?.length ? { rejected } : {};
    yield batch.coverage ? { items, ...rest, coverage: finish(batch.coverage), checkpoint: batch.checkpoint } : { items, ...rest };
  }
}
