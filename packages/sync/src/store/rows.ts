// Normalized record <-> table row. Both stores share these, so a record reads back the same from
// SQLite and PostgreSQL: money stays a decimal string plus currency, JSON is parsed, instants are ISO.
import { createHash } from 'node:crypto';
import type { Customer, Money, Subscription, Usage } from '@vectis/connector-core';
import type { RowMeta } from './types';

export type Row = Record<string, unknown>;
export type Param = string | number | boolean | null;

/** JSON with sorted keys, so a vendor reordering keys is not a change. Hot path: no intermediate arrays of entries. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + stableJson(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${stableJson(v)}`;
    first = false;
  }
  return `${out}}`;
}

/** Content hash deciding `updated` vs `unchanged`. */
export function recordHash(record: unknown): string {
  return createHash('sha1').update(stableJson(record)).digest('base64url');
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const opt = <T extends Param>(value: T | undefined): T | null => (value === undefined ? null : value);

/** SQL NULL reads as `undefined`; JSON text is parsed (a caller's own pg pool may hand JSONB over parsed). */
export function parseJson(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value instanceof Date ? value.toISOString() : String(value);
}

const str = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));
const num = (value: unknown): number | undefined => (value === null || value === undefined ? undefined : Number(value));
const bool = (value: unknown): boolean | undefined =>
  value === null || value === undefined ? undefined : value === true || value === 1 || value === '1' || value === 't';

/** Drops undefined keys (exactOptionalPropertyTypes: absent, not undefined). */
function compact<T>(value: Record<string, unknown>): T {
  for (const key of Object.keys(value)) if (value[key] === undefined && key !== 'raw') delete value[key];
  return value as T;
}

export const TRACKING_COLUMNS = ['record_hash', 'first_seen_at', 'last_seen_at', 'last_seen_run_id', 'changed_at', 'removed_at'];

export const CUSTOMER_COLUMNS = [
  'vendor', 'external_id', 'name', 'status', 'raw_status', 'external_ref', 'email', 'domains', 'address',
  'vendor_updated_at', 'raw', ...TRACKING_COLUMNS,
];

export function customerParams(c: Customer, hash: string, runId: string, at: string): Param[] {
  return [
    c.vendor, c.externalId, c.name, c.status, opt(c.rawStatus), opt(c.externalRef), opt(c.email), json(c.domains),
    json(c.address), opt(c.updatedAt), json(c.raw), hash, at, at, runId, at, null,
  ];
}

export function customerFromRow(row: Row): Customer {
  return compact<Customer>({
    vendor: row.vendor, externalId: row.external_id, name: row.name, status: row.status, rawStatus: str(row.raw_status),
    externalRef: str(row.external_ref), domains: parseJson(row.domains), email: str(row.email),
    address: parseJson(row.address), updatedAt: str(row.vendor_updated_at), raw: parseJson(row.raw),
  });
}

export const SUBSCRIPTION_COLUMNS = [
  'vendor', 'external_id', 'parent_external_id', 'vendor_subscription_id', 'customer_external_id', 'product_external_id',
  'sku', 'product_name', 'quantity', 'unit_cost_amount', 'unit_cost_currency', 'unit_price_amount', 'unit_price_currency',
  'msrp_amount', 'msrp_currency', 'amount_basis', 'price_period', 'billing_frequency', 'commitment_term', 'recurring',
  'status', 'raw_status', 'start_date', 'end_date', 'renewal_date', 'auto_renew', 'vendor_updated_at', 'raw',
  ...TRACKING_COLUMNS,
];

export function subscriptionParams(s: Subscription, hash: string, runId: string, at: string): Param[] {
  return [
    s.vendor, s.externalId, opt(s.parentExternalId), opt(s.vendorSubscriptionId), s.customerExternalId,
    opt(s.productExternalId), opt(s.sku), s.productName, s.quantity, opt(s.unitCost?.amount), opt(s.unitCost?.currency),
    opt(s.unitPrice?.amount), opt(s.unitPrice?.currency), opt(s.msrp?.amount), opt(s.msrp?.currency), s.amountBasis,
    s.pricePeriod, s.billingFrequency, s.commitmentTerm, s.recurring, s.status, s.rawStatus, opt(s.startDate),
    opt(s.endDate), opt(s.renewalDate), opt(s.autoRenew), opt(s.updatedAt), json(s.raw), hash, at, at, runId, at, null,
  ];
}

function money(amount: unknown, currency: unknown): Money | undefined {
  return amount === null || amount === undefined ? undefined : { amount: String(amount), currency: String(currency) };
}

export function subscriptionFromRow(row: Row): Subscription {
  return compact<Subscription>({
    vendor: row.vendor, externalId: row.external_id, parentExternalId: str(row.parent_external_id),
    vendorSubscriptionId: str(row.vendor_subscription_id), customerExternalId: row.customer_external_id,
    productExternalId: str(row.product_external_id), sku: str(row.sku), productName: row.product_name,
    quantity: Number(row.quantity), unitCost: money(row.unit_cost_amount, row.unit_cost_currency),
    unitPrice: money(row.unit_price_amount, row.unit_price_currency), msrp: money(row.msrp_amount, row.msrp_currency),
    amountBasis: row.amount_basis, pricePeriod: row.price_period, billingFrequency: row.billing_frequency,
    commitmentTerm: row.commitment_term, recurring: bool(row.recurring) ?? false, status: row.status,
    rawStatus: row.raw_status, startDate: str(row.start_date), endDate: str(row.end_date),
    renewalDate: str(row.renewal_date), autoRenew: bool(row.auto_renew), updatedAt: str(row.vendor_updated_at),
    raw: parseJson(row.raw),
  });
}

export function metaFromRow(row: Row): RowMeta {
  return {
    firstSeenAt: toIso(row.first_seen_at) ?? '',
    lastSeenAt: toIso(row.last_seen_at) ?? '',
    changedAt: toIso(row.changed_at) ?? '',
    removedAt: toIso(row.removed_at),
  };
}

export const USAGE_COLUMNS = [
  'vendor', 'subscription_external_id', 'customer_external_id', 'week', 'as_of', 'sku', 'quantity', 'assigned',
  'consumed', 'source', 'run_id', 'charges_period', 'charges_from', 'charges_customer_amount',
  'charges_customer_currency', 'charges_partner_amount', 'charges_partner_currency',
];

export function usageParams(u: Usage, runId: string): Param[] {
  const c = u.charges;
  return [
    u.vendor, u.subscriptionExternalId, u.customerExternalId, u.week, u.asOf, opt(u.sku), u.quantity, opt(u.assigned),
    opt(u.consumed), u.source, runId, opt(c?.period), opt(c?.from), opt(c?.customer?.amount),
    opt(c?.customer?.currency), opt(c?.partner?.amount), opt(c?.partner?.currency),
  ];
}

// PostgreSQL NUMERIC comes back as the exact string written ('86.456'); SQLite TEXT likewise.
function chargesFromRow(row: Row): Usage['charges'] {
  if (row.charges_period === null || row.charges_period === undefined) return undefined;
  return compact<NonNullable<Usage['charges']>>({
    period: row.charges_period, from: str(row.charges_from),
    customer: money(row.charges_customer_amount, row.charges_customer_currency),
    partner: money(row.charges_partner_amount, row.charges_partner_currency),
  });
}

export function usageFromRow(row: Row): Usage {
  return compact<Usage>({
    vendor: row.vendor, week: row.week, asOf: toIso(row.as_of), customerExternalId: row.customer_external_id,
    subscriptionExternalId: row.subscription_external_id, sku: str(row.sku), quantity: Number(row.quantity),
    assigned: num(row.assigned), consumed: num(row.consumed), source: row.source, charges: chargesFromRow(row),
  });
}
