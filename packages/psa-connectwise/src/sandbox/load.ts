import { BILLING_CYCLES, type CwTenant, type Row } from './seed';

// Builds a ConnectWise tenant (wire shape) from a caller's own list of clients and billed lines, so an
// example or a test can put the same clients in the PSA as in a distributor sandbox and see them match.

/** A client to put in the sandbox PSA. */
export interface SandboxPsaClient {
  name: string;
  /** Short company code (`identifier`); derived from the name when omitted. */
  identifier?: string;
  website?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  /** ISO country code (ConnectWise `country.identifier`). */
  country?: string | null;
  /** Company type name, e.g. `Client` (default) or `Prospect`. */
  type?: string;
  /** Company status name (default `Active`). */
  status?: string;
}

/** A billed line (agreement addition) on a client's agreement. */
export interface SandboxPsaLine {
  /** Index into `clients`. */
  client: number;
  /** Catalog identifier shown on the addition (`product.identifier`). */
  product: string;
  description?: string;
  quantity: number;
  /** Decimal string per unit per `period`, e.g. `"22.00"`. */
  unitPrice: string;
  unitCost?: string;
  currency: string;
  period?: 'Monthly' | 'Yearly' | 'Quarterly' | 'NotRecurring';
  billCustomer?: 'Billable' | 'DoNotBill' | 'NoCharge';
  effectiveDate?: string;
  cancelledDate?: string;
}

const CYCLE: Record<string, number> = { Monthly: 1, Quarterly: 2, Yearly: 3, NotRecurring: 4 };

/** ConnectWise sends JSON numbers for money; the decimal string is written as that number. */
const money = (s: string) => Number(s);

export function tenantFrom(clients: readonly SandboxPsaClient[], lines: readonly SandboxPsaLine[]): CwTenant {
  const companies: Row[] = clients.map((c, i) => ({
    id: 250 + i * 3,
    identifier: c.identifier ?? c.name.replace(/[^A-Za-z0-9]/g, '').slice(0, 25),
    name: c.name,
    status: { id: 1, name: c.status ?? 'Active', _info: {} },
    types: [{ id: 1, name: c.type ?? 'Client', _info: {} }],
    ...(c.city ? { city: c.city } : {}),
    ...(c.state ? { state: c.state } : {}),
    ...(c.zip ? { zip: c.zip } : {}),
    ...(c.country ? { country: { id: 1, identifier: c.country, name: c.country, _info: {} } } : {}),
    ...(c.website ? { website: c.website } : {}),
    deletedFlag: false,
    _info: { lastUpdated: '2026-10-02T14:03:11Z' },
  }));
  const catalog = new Map<string, Row>();
  const agreements = new Map<string, Row>();
  const additions = new Map<number, Row[]>();
  let additionId = 9000;
  for (const line of lines) {
    const company = companies[line.client];
    if (!company) throw new RangeError(`line for client ${line.client}: there are ${companies.length} clients`);
    const period = line.period ?? 'Monthly';
    const key = `${company.id}|${line.currency}|${period}`;
    let agreement = agreements.get(key);
    if (!agreement) {
      agreement = {
        id: 40 + agreements.size * 2,
        name: `${period === 'Yearly' ? 'Annual' : 'Managed'} services — ${String(company.name)}`,
        type: { id: 3, name: 'Managed Services', _info: {} },
        company: { id: company.id, identifier: company.identifier, name: company.name, _info: {} },
        agreementStatus: 'Active',
        cancelledFlag: false,
        startDate: '2024-01-01T00:00:00Z',
        noEndingDateFlag: true,
        billingCycle: { id: CYCLE[period], name: period, _info: {} },
        billAmount: 0,
        currency: { id: 7, currencyCode: line.currency, currencyIdentifier: line.currency, name: line.currency },
        _info: { lastUpdated: '2026-10-02T14:03:11Z' },
      };
      agreements.set(key, agreement);
    }
    let product = catalog.get(line.product);
    if (!product) {
      product = { id: 30 + catalog.size, identifier: line.product, description: line.description ?? line.product, customerDescription: line.description ?? line.product, inactiveFlag: false, productClass: 'Service', price: money(line.unitPrice), cost: line.unitCost ? money(line.unitCost) : 0 };
      catalog.set(line.product, product);
    }
    additionId += 3;
    const rows = additions.get(agreement.id) ?? [];
    rows.push({
      id: additionId,
      agreementId: agreement.id,
      product: { id: product.id, identifier: line.product, _info: {} },
      description: line.description ?? line.product,
      quantity: line.quantity,
      lessIncluded: 0,
      billedQuantity: line.quantity,
      unitPrice: money(line.unitPrice),
      ...(line.unitCost ? { unitCost: money(line.unitCost) } : {}),
      extPrice: Math.round(line.quantity * money(line.unitPrice) * 100) / 100,
      billCustomer: line.billCustomer ?? 'Billable',
      effectiveDate: line.effectiveDate ?? '2025-01-01T00:00:00Z',
      ...(line.cancelledDate ? { cancelledDate: line.cancelledDate } : {}),
      agreementStatus: 'Active',
      _info: { lastUpdated: '2026-10-02T14:03:11Z' },
    });
    additions.set(agreement.id, rows);
  }
  return { companies, agreements: [...agreements.values()], additions, catalog: [...catalog.values()], billingCycles: BILLING_CYCLES.map((c) => ({ ...c })) };
}
