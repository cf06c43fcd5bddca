import type { Tenant } from './tenant';
import type { SandboxCompany, SandboxSubscription } from './types';

// The two paged lists: `{content, page: {size, totalElements, totalPages, number}}`, `page` 0-based,
// `size` default 10 and capped at 200, filters and `sort` as the spec lists them.

export type ListResult = { kind: 'ok'; body: { content: unknown[]; page: Record<string, number> } } | { kind: 'error'; status: number; message?: string };

const COMPANY_SORTS = new Set(['name', 'city', 'country', 'stateOrProvince', 'postalCode']);
const SUBSCRIPTION_SORTS = new Set(['quantity', 'startDate', 'endDate', 'createdDate', 'billingStart', 'price']);
const COMPANY_FILTERS = ['city', 'country', 'stateOrProvince', 'postalCode', 'selfServiceAllowed', 'billOnBehalfOfEnabled', 'orderApprovalRequired', 'status'] as const;
const SUBSCRIPTION_FILTERS = ['status', 'billingTerm', 'companyId', 'productId'] as const;

const ADDRESS_FIELDS = new Set(['city', 'country', 'stateOrProvince', 'postalCode']);

// Dates in one field mix `2020-12-03`, `…T08:30:00Z` and `…-0600`; the sandbox sorts by instant.
function instant(value: unknown): number {
  if (typeof value !== 'string') return Number.NEGATIVE_INFINITY;
  const v = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(v);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

function fieldOf(record: SandboxCompany | SandboxSubscription, field: string): unknown {
  if ('address' in record && ADDRESS_FIELDS.has(field)) return (record.address as unknown as Record<string, unknown>)[field];
  return (record as unknown as Record<string, unknown>)[field];
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b || Number.isNaN(b) ? -1 : 1;
  const x = String(a ?? '');
  const y = String(b ?? '');
  return x < y ? -1 : x > y ? 1 : 0;
}

type Records = (SandboxCompany | SandboxSubscription)[];
// The filtered, sorted view per query (paging params aside), until the tenant changes: a walk of
// 50 pages sorts once, so benchmarks measure the connector, not the fake.
const views = new WeakMap<Tenant, Map<string, { version: number; records: Records }>>();

/** One page of `/companies` or `/subscriptions`, or the error Pax8 would answer. */
export function listPage(path: '/companies' | '/subscriptions', q: URLSearchParams, o: { tenant: Tenant; pageSizeCap: number; pastEnd: 'empty' | '404'; lyingTotal?: number | undefined }): ListResult {
  const query = new URLSearchParams(q);
  query.delete('page');
  query.delete('size');
  const key = `${path}?${query.toString()}`;
  let cache = views.get(o.tenant);
  if (!cache) views.set(o.tenant, (cache = new Map()));
  const hit = cache.get(key);
  let records: Records;
  if (hit && hit.version === o.tenant.version()) records = hit.records;
  else {
    const view = select(path, q, o.tenant);
    if (view.kind === 'error') return view;
    records = view.records;
    cache.set(key, { version: o.tenant.version(), records });
  }
  const number = q.has('page') ? Number(q.get('page')) : 0;
  const asked = q.has('size') ? Number(q.get('size')) : 10;
  if (!Number.isInteger(number) || number < 0 || !Number.isInteger(asked) || asked < 1) {
    return { kind: 'error', status: 422, message: 'page must be an integer >= 0 and size an integer >= 1' };
  }
  const size = Math.min(asked, 200, o.pageSizeCap);
  // The end is where the records end; only the reported totals may lie (a `lying-total` fault:
  // `totalElements` = ⌊factor × real count⌋ and `totalPages` consistent with it, as a server
  // counting from a stale index would answer).
  if (number > 0 && number >= Math.ceil(records.length / size) && o.pastEnd === '404') return { kind: 'error', status: 404, message: 'Page not found' };
  const totalElements = o.lyingTotal === undefined ? records.length : Math.floor(records.length * o.lyingTotal);
  const totalPages = Math.ceil(totalElements / size);
  const content = records.slice(number * size, number * size + size);
  return { kind: 'ok', body: { content, page: { size, totalElements, totalPages, number } } };
}

function select(path: '/companies' | '/subscriptions', q: URLSearchParams, tenant: Tenant): { kind: 'ok'; records: Records } | { kind: 'error'; status: number; message?: string } {
  const companies = path === '/companies';
  let records: Records;
  if (companies) {
    records = tenant.companies().filter((c) => COMPANY_FILTERS.every((f) => !q.has(f) || String(fieldOf(c, f)) === q.get(f)));
  } else {
    const companyId = q.get('companyId');
    if (companyId !== null && !tenant.company(companyId)) return { kind: 'error', status: 403, message: 'Invalid companyId' };
    records = tenant.subscriptions().filter((s) => SUBSCRIPTION_FILTERS.every((f) => !q.has(f) || String(s[f]) === q.get(f)));
  }
  const sort = q.get('sort');
  if (sort !== null) {
    const [field = '', direction = 'asc'] = sort.split(',');
    if (!(companies ? COMPANY_SORTS : SUBSCRIPTION_SORTS).has(field) || !['asc', 'desc'].includes(direction)) {
      return { kind: 'error', status: 422, message: `Invalid sort: ${sort}` };
    }
    const sign = direction === 'desc' ? -1 : 1;
    // Ties broken by id, so paging a sorted list is stable.
    // Keys computed once per record (dates parsed once), ties broken by id so paging is stable.
    const keyed = records.map((r) => {
      const v = fieldOf(r, field);
      // Case-insensitive like Pax8's name sort; keys lower-cased once (localeCompare per comparison is slow).
      return { r, k: /Date|billingStart/.test(field) ? instant(v) : typeof v === 'string' ? v.toLowerCase() : v };
    });
    keyed.sort((a, b) => sign * compare(a.k, b.k) || (a.r.id < b.r.id ? -1 : a.r.id > b.r.id ? 1 : 0));
    records = keyed.map((x) => x.r);
  }
  return { kind: 'ok', records };
}
