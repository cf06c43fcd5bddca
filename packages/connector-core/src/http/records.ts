import { z } from 'zod';
import type { RejectedRecord, StreamName } from '../connector';
import type { DriftIssue } from '../errors/index';
import { driftIssues } from './drift';

/** Where a record came from and how to name it in a rejection. */
export interface RecordContext<T> {
  stream: StreamName;
  /** The payload, e.g. `GET /subscriptions offset 200`; the item index is appended. */
  where: string;
  /** The vendor id of a raw record, when readable (default: its `id` field, if a string or number). */
  idOf?: ((raw: unknown) => string | undefined) | undefined;
  /** Further per-record rules beyond the schema (e.g. a quantity that must be a finite count). */
  check?: ((item: T) => DriftIssue[]) | undefined;
  /** Literal secrets to mask in paths and messages. */
  secrets?: readonly string[] | undefined;
}

function defaultId(raw: unknown): string | undefined {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id ? id : typeof id === 'number' && Number.isFinite(id) ? String(id) : undefined;
}

/**
 * Validates a page's records one by one: good ones are returned parsed, bad ones become
 * `RejectedRecord`s (id and payload paths, never values), so one drifted record never blocks a sync.
 * Validate the page envelope first (with `z.array(z.unknown())` for the records); a broken
 * envelope is still a `SchemaDriftError`.
 *
 * @example
 * const { data, pagination } = (await http.get('/customers', { schema: z.object({ data: z.array(z.unknown()), pagination }) })).data;
 * const { items, rejected } = parseRecords(data, VendorCustomer, { stream: 'customers', where: 'GET /customers offset 0' });
 * return { items, rejected, total: pagination.total };
 */
export function parseRecords<T>(raw: readonly unknown[], schema: z.ZodType<T>, at: RecordContext<T>): { items: T[]; rejected: RejectedRecord[] } {
  const items: T[] = [];
  const rejected: RejectedRecord[] = [];
  raw.forEach((record, index) => {
    const result = parseRecord(record, schema, { ...at, where: `${at.where} item ${index}` });
    if ('item' in result) items.push(result.item);
    else rejected.push(result.rejected);
  });
  return { items, rejected };
}

/**
 * One record (e.g. a detail response): the parsed value, or the rejection to put on the batch.
 *
 * @example
 * const r = parseRecord(body, VendorSubscription, { stream: 'subscriptions', where: 'GET /subscriptions/42' });
 * if ('rejected' in r) batch.rejected.push(r.rejected);
 */
export function parseRecord<T>(raw: unknown, schema: z.ZodType<T>, at: RecordContext<T>): { item: T } | { rejected: RejectedRecord } {
  const id = (at.idOf ?? defaultId)(raw);
  const result = schema.safeParse(raw);
  const issues = result.success ? (at.check?.(result.data) ?? []) : driftIssues(result.error, at.secrets);
  if (result.success && issues.length === 0) return { item: result.data };
  return { rejected: { stream: at.stream, ...(id === undefined ? {} : { id }), where: at.where, issues } };
}

/**
 * A seat count as it must be to mean something: a finite, non-negative number. Missing, negative,
 * non-finite or a string is invalid — never "0 seats".
 *
 * @example
 * z.object({ quantity: seatCount() })
 */
export function seatCount() {
  return z.number({ message: 'must be a number of seats' }).finite().nonnegative();
}
