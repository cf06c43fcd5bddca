// PSA record <-> table row, shared by both engines: ids as text plus their kind (number or string),
// money as decimal string + currency, explicit nulls of the nullish company fields remembered.
import type { Money, PsaCompany, PsaContractLine, PsaKind } from '@vectis/connector-core';
import { metaFromRow, parseJson, TRACKING_COLUMNS, type Param, type Row } from './rows';
import type { StoredPsaCompany, StoredPsaContractLine } from './psa-types';

const opt = <T extends Param>(value: T | undefined | null): T | null => (value === undefined ? null : value);
const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));
const str = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));
const kindOf = (id: string | number) => (typeof id === 'number' ? 'number' : 'string');
const idFrom = (text: unknown, kind: unknown): string | number => (kind === 'number' ? Number(text) : String(text));

function compact<T>(value: Record<string, unknown>): T {
  for (const key of Object.keys(value)) if (value[key] === undefined) delete value[key];
  return value as T;
}

export const PSA_COMPANY_COLUMNS = [
  'psa', 'id', 'id_kind', 'name', 'code', 'website', 'city', 'state', 'postal_code', 'country', 'status', 'type', 'phone',
  'parent_id', 'currency', 'external_ids', 'microsoft_tenant_ids', 'psa_updated_at', 'nulls', ...TRACKING_COLUMNS,
];

// PsaCompany's nullish fields: a PSA export may say `null` (known empty) rather than leave a field out.
const NULLISH = ['website', 'city', 'state', 'postalCode', 'country', 'status', 'type'] as const;

export function psaCompanyParams(psa: PsaKind, c: PsaCompany, hash: string, runId: string, at: string): Param[] {
  const nulls = NULLISH.filter((k) => c[k] === null);
  return [
    psa, String(c.id), kindOf(c.id), c.name, opt(c.code), opt(c.website), opt(c.city), opt(c.state), opt(c.postalCode),
    opt(c.country), opt(c.status), opt(c.type), opt(c.phone), opt(c.parentId), opt(c.currency), json(c.externalIds),
    json(c.microsoftTenantIds), opt(c.updatedAt), nulls.length ? JSON.stringify(nulls) : null, hash, at, at, runId, at, null,
  ];
}

export function psaCompanyFromRow(row: Row): StoredPsaCompany {
  const nulls = new Set((parseJson(row.nulls) ?? []) as string[]);
  const nullish = (key: (typeof NULLISH)[number], value: unknown) => (nulls.has(key) ? null : str(value));
  const company = compact<PsaCompany>({
    id: idFrom(row.id, row.id_kind), name: String(row.name), website: nullish('website', row.website),
    city: nullish('city', row.city), state: nullish('state', row.state), postalCode: nullish('postalCode', row.postal_code),
    country: nullish('country', row.country), status: nullish('status', row.status), type: nullish('type', row.type),
    externalIds: parseJson(row.external_ids), code: str(row.code), phone: str(row.phone), parentId: str(row.parent_id),
    currency: str(row.currency), microsoftTenantIds: parseJson(row.microsoft_tenant_ids), updatedAt: str(row.psa_updated_at),
  });
  return { ...company, psa: row.psa as PsaKind, meta: metaFromRow(row) };
}

export const PSA_LINE_COLUMNS = [
  'psa', 'id', 'psa_company_id', 'company_id_kind', 'product_id', 'sku', 'description', 'quantity', 'unit_price_amount',
  'unit_price_currency', 'billing_period', 'price_period', 'status', 'start_date', 'end_date', 'contract_id', 'contract_name',
  'unit_cost_amount', 'unit_cost_currency', 'billable', 'quantity_source', 'warnings', ...TRACKING_COLUMNS,
];

export function psaLineParams(psa: PsaKind, l: PsaContractLine, hash: string, runId: string, at: string): Param[] {
  return [
    psa, l.id, String(l.psaCompanyId), kindOf(l.psaCompanyId), opt(l.productId), opt(l.sku), opt(l.description), l.quantity,
    l.unitPrice.amount, l.unitPrice.currency, l.billingPeriod, opt(l.pricePeriod), l.status, opt(l.startDate), opt(l.endDate),
    opt(l.contractId), opt(l.contractName), opt(l.unitCost?.amount), opt(l.unitCost?.currency), opt(l.billable),
    opt(l.quantitySource), json(l.warnings), hash, at, at, runId, at, null,
  ];
}

function money(amount: unknown, currency: unknown): Money | undefined {
  // NUMERIC comes back from pg as text already; SQLite keeps the decimal string it was given.
  return amount === null || amount === undefined ? undefined : { amount: String(amount), currency: String(currency) };
}

const bool = (value: unknown): boolean | undefined =>
  value === null || value === undefined ? undefined : value === true || value === 1 || value === '1' || value === 't';

export function psaLineFromRow(row: Row): StoredPsaContractLine {
  const line = compact<PsaContractLine>({
    id: String(row.id), psaCompanyId: idFrom(row.psa_company_id, row.company_id_kind), productId: str(row.product_id),
    sku: str(row.sku), description: str(row.description), quantity: Number(row.quantity),
    unitPrice: money(row.unit_price_amount, row.unit_price_currency), billingPeriod: row.billing_period, status: row.status,
    startDate: str(row.start_date), endDate: str(row.end_date), contractId: str(row.contract_id),
    contractName: str(row.contract_name), unitCost: money(row.unit_cost_amount, row.unit_cost_currency),
    pricePeriod: str(row.price_period), billable: bool(row.billable), quantitySource: str(row.quantity_source),
    warnings: parseJson(row.warnings),
  });
  return { ...line, psa: row.psa as PsaKind, meta: metaFromRow(row) };
}
