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

function compare(a: unknown, b: unknown, field: string): number {
  if (/Date|billingStart/.test(field)) return instant(a) - instant(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a ?? '').localeCompare(String(b ?? ''), 'en', { sensitivity: 'base' });
}

/** One page of `/companies` or `/subscriptions`, or the error Pax8 would answer. */
export function listPage(path: '/companies' | '/subscriptions', q: URLSearchParams, o: { tenant: Tenant; pageSizeCap: number; pastEnd: 'empty' | '404' }): ListResult {
  const number = q.has('page') ? Number(q.get('page')) : 0;
  const asked = q.has('size') ? Number(q.get('size')) : 10;
  if (!Number.isInteger(number) || number < 0 || !Number.isInteger(asked) || asked < 1) {
    return { kind: 'error', status: 422, message: 'page must be an integer >= 0 and size an integer >= 1' };
  }
  const size = Math.min(asked, 200, o.pageSizeCap);
  const companies = path === '/companies';
  let records: (SandboxCompany | SandboxSubscription)[];
  if (companies) {
    records = o.tenant.companies().filter((c) => COMPANY_FILTERS.every((f) => !q.has(f) || String(fieldOf(c, f)) === q.get(f)));
  } else {
    const companyId = q.get('companyId');
    if (companyId !== null && !o.tenant.company(companyId)) return { kind: 'error', status: 403, message: 'Invalid companyId' };
    records = o.tenant.subscriptions().filter((s) => SUBSCRIPTION_FILTERS.every((f) => !q.has(f) || String(s[f]) === q.get(f)));
  }
  const sort = q.get('sort');
  if (sort !== null) {
    const [field = '', direction = 'asc'] = sort.split(',');
    if (!(companies ? COMPANY_SORTS : SUBSCRIPTION_SORTS).has(field) || !['asc', 'desc'].includes(direction)) {
      return { kind: 'error', status: 422, message: `Invalid sort: ${sort}` };
    }
    const sign = direction === 'desc' ? -1 : 1;
    // Ties broken by id, so paging a sorted list is stable.
    records = [...records].sort((a, b) => sign * compare(fieldOf(a, field), fieldOf(b, field), field) || a.id.localeCompare(b.id));
  }
  const totalElements = records.length;
  const totalPages = Math.ceil(totalElements / size);
  if (number > 0 && number >= totalPages && o.pastEnd === '404') return { kind: 'error', status: 404, message: 'Page not found' };
  const content = records.slice(number * size, number * size + size);
  return { kind: 'ok', body: { content, page: { size, totalElements, totalPages, number } } };
}
