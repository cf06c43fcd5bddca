import { CATALOG } from './catalog';
import type { SandboxSubscription, SandboxUsageSummary } from './types';

// `GET /subscriptions/{id}/usage-summaries`, field for field from the spec's `UsageSummary` and its
// `usage-summaries-paged` example: money as JSON numbers (`partnerTotal` with 3 decimals, as in the
// example), `subscriptionId` only sometimes (the schema lacks it, the example has it), `isTrial`
// summaries, one summary per resource group, `{content, page}` paged (default size 10, max 200).
// Totals are month to date and overwritten as usage is rated: they grow with the tenant's day of month.

const SORTS = new Set(['resourceGroup', 'currentCharges', 'partnerTotal']);

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Whether the subscription's product is usage-rated in the sandbox catalog. */
export function isUsageSubscription(sub: SandboxSubscription): boolean {
  return CATALOG.some((p) => p.usage === true && p.product.id === sub.productId);
}

/** The summaries Pax8 would report for a usage subscription on `today` (none for seat products). */
export function generatedSummaries(sub: SandboxSubscription, today: string): SandboxUsageSummary[] {
  if (!isUsageSubscription(sub)) return [];
  const product = CATALOG.find((p) => p.product.id === sub.productId);
  const h = hash(sub.id);
  const day = Number(today.slice(8, 10));
  const count = h % 11 === 0 ? 0 : 1 + (h % 3); // some plans have no usage yet this month
  return Array.from({ length: count }, (_, i) => {
    const g = hash(`${sub.id}:${i}`);
    // Month to date: a daily rate (cents) times the day of the month, overwritten each day.
    const customerCents = (200 + (g % 4_800)) * day;
    const partnerMills = Math.round(customerCents * 10 * (0.78 + (g % 9) / 100));
    const summary: SandboxUsageSummary = {
      id: `${sub.id.slice(0, 8)}-${String(i).padStart(4, '0')}-4${sub.id.slice(15, 18)}-a${sub.id.slice(20, 23)}-${sub.id.slice(24)}`,
      companyId: sub.companyId,
      ...(g % 2 === 0 ? { subscriptionId: sub.id } : {}),
      productId: sub.productId,
      resourceGroup: `rg-${['prod', 'dev', 'backup'][i] ?? `extra-${i}`}`,
      vendorName: product?.product.vendorName ?? 'Microsoft',
      currentCharges: customerCents / 100,
      currencyCode: sub.currencyCode,
      partnerTotal: partnerMills / 1000,
      isTrial: g % 13 === 0,
    };
    return summary;
  });
}

/** One page of a subscription's summaries, filtered and sorted as the spec lists the parameters. */
export function summariesPage(
  all: readonly SandboxUsageSummary[],
  q: URLSearchParams,
  pageSizeCap: number,
): { kind: 'ok'; body: Record<string, unknown> } | { kind: 'error'; status: number; message?: string } {
  let records = all.filter((s) => (!q.has('resourceGroup') || s.resourceGroup === q.get('resourceGroup')) && (!q.has('companyId') || s.companyId === q.get('companyId')));
  const sort = q.get('sort');
  if (sort !== null) {
    const [field = '', direction = 'asc'] = sort.split(',');
    if (!SORTS.has(field) || !['asc', 'desc'].includes(direction)) return { kind: 'error', status: 422, message: `Invalid sort: ${sort}` };
    const sign = direction === 'desc' ? -1 : 1;
    const key = (s: SandboxUsageSummary) => (s as unknown as Record<string, string | number | undefined>)[field] ?? '';
    records = [...records].sort((a, b) => sign * (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0) || (a.id < b.id ? -1 : 1));
  }
  const number = q.has('page') ? Number(q.get('page')) : 0;
  const asked = q.has('size') ? Number(q.get('size')) : 10;
  if (!Number.isInteger(number) || number < 0 || !Number.isInteger(asked) || asked < 1) {
    return { kind: 'error', status: 422, message: 'page must be an integer >= 0 and size an integer >= 1' };
  }
  const size = Math.min(asked, 200, pageSizeCap);
  const content = records.slice(number * size, number * size + size);
  return { kind: 'ok', body: { content, page: { size, totalElements: records.length, totalPages: Math.ceil(records.length / size), number } } };
}
