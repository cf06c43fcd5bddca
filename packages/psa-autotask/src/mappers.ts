import type { PsaBillingPeriod, PsaCompany, PsaContractLine, PsaProduct } from '@vectis/connector-core';
import type { AtCompany, AtContract, AtContractService, AtContractServiceUnit, AtProduct, AtService } from './schemas';

/**
 * Every Autotask mapping decision in one place (also the live-verification checklist in docs/psa/autotask.md).
 *
 * @example
 * for (const d of AUTOTASK_MAPPING) console.log(`${d.topic}: ${d.decision}`);
 */
export const AUTOTASK_MAPPING = [
  { topic: 'billed lines', decision: 'one line per `ContractServices` row (`svc-<id>`) and per `ContractServiceBundles` row (`bundle-<id>`); bundle member services are not counted again', check: 'tenants that bill licences as ContractCharges or Subscriptions instead (not read)', tag: 'U' },
  { topic: 'billed quantity', decision: '`units` of the `ContractServiceUnits` row with `startDate ≤ asOf ≤ endDate` (the latest-starting one after a mid-period adjustment); no row → quantity 0, status inactive', check: '', tag: 'V' },
  { topic: 'unit price', decision: '`ContractServices.unitPrice` (bundles: `adjustedPrice`, else `unitPrice`); the unit row `price` is the extended amount: `units × unitPrice ≠ price` adds a warning', check: 'is unit-row price always extended / prorated', tag: 'U' },
  { topic: 'price period', decision: '`Services.periodType` (`ServiceBundles.periodType`) label from `entityInformation/fields`: Monthly→P1M, Yearly/Annual→P1Y; others (Quarterly, Semi-Annual) → unknown with `pricePeriod`; no label → unknown (never monthly)', check: 'picklist labels on the tenant', tag: 'C' },
  { topic: 'currency', decision: 'company `currencyID` → `Currencies.name` when several currencies are active, else the internal currency; used only when it is a 3-letter code, else `defaultCurrency`, else rejected', check: 'is `Currencies.name` the ISO code', tag: 'U' },
  { topic: 'status', decision: 'no unit row covering as-of → inactive; contract `endDate` before as-of → cancelled; contract status label Inactive → inactive; else active', check: 'which contract status labels mean active', tag: 'U' },
  { topic: 'sku', decision: '`Services.name` (Services have no SKU field); products stream adds Products `sku`, `vendorProductNumber`, `manufacturerProductName`', check: 'where the MSP keeps vendor SKUs (UDFs?)', tag: 'V' },
  { topic: 'companies', decision: 'every company; status from `isActive`, type from the `companyType` picklist label; country from `Countries.countryCode`', check: '', tag: 'V' },
] as const;

const ISO = /^[A-Z]{3}$/;
const day = (v: string | null | undefined) => (v ? v.slice(0, 10) : undefined);
export const decimal = (n: number): string => (/e/i.test(String(n)) ? n.toFixed(20).replace(/\.?0+$/, '') : String(n));

/**
 * Picklist value → label, per field.
 *
 * @example
 * const p: Picklists = new Map([['periodType', new Map([[2, 'Monthly']])]]);
 */
export type Picklists = ReadonlyMap<string, ReadonlyMap<number, string>>;
const label = (p: Picklists, field: string, value: number | null | undefined) => (value === null || value === undefined ? undefined : p.get(field)?.get(value));

/**
 * An Autotask company → `PsaCompany`.
 *
 * @example
 * mapCompany({ id: 1, companyName: 'Cruz', isActive: true }, new Map(), new Map()).status; // 'Active'
 */
export function mapCompany(c: AtCompany, picklists: Picklists, countries: ReadonlyMap<number, string>): PsaCompany {
  const udfs = (c.userDefinedFields ?? []).map((u) => u.value ?? '').filter((v) => v.trim() !== '');
  return {
    id: String(c.id),
    name: c.companyName,
    website: c.webAddress ?? null,
    city: c.city ?? null,
    state: c.state ?? null,
    postalCode: c.postalCode ?? null,
    country: c.countryID !== null && c.countryID !== undefined ? (countries.get(c.countryID) ?? null) : null,
    status: c.isActive === false ? 'Inactive' : 'Active',
    type: label(picklists, 'companyType', c.companyType) ?? (c.companyType !== null && c.companyType !== undefined ? `companyType ${c.companyType}` : null),
    externalIds: udfs,
    ...(c.companyNumber ? { code: c.companyNumber } : {}),
    ...(c.phone ? { phone: c.phone } : {}),
    ...(c.parentCompanyID ? { parentId: String(c.parentCompanyID) } : {}),
    ...(c.lastTrackedModifiedDateTime ? { updatedAt: c.lastTrackedModifiedDateTime } : {}),
  };
}

/**
 * A `periodType` picklist label → licensing period; anything but Monthly/Yearly stays `unknown` with the label kept.
 *
 * @example
 * periodOf('Quarterly', 3); // { billingPeriod: 'unknown', pricePeriod: 'Quarterly' }
 */
export function periodOf(periodLabel: string | undefined, code: number | null | undefined): { billingPeriod: PsaBillingPeriod; pricePeriod?: string } {
  const l = periodLabel?.toLowerCase();
  if (l === 'monthly') return { billingPeriod: 'P1M' };
  if (l === 'yearly' || l === 'annual' || l === 'annually') return { billingPeriod: 'P1Y' };
  return { billingPeriod: 'unknown', pricePeriod: periodLabel ?? (code !== null && code !== undefined ? `periodType ${code}` : 'no periodType') };
}

/**
 * A mapped line, or why the PSA row could not become one (reported as a rejected record).
 *
 * @example
 * const m: MappedLine = mapContractService(input); if (!m.ok) report(m.reason);
 */
export type MappedLine = { ok: true; line: PsaContractLine } | { ok: false; reason: string };

/**
 * What {@link mapContractService} joins for one line.
 *
 * @example
 * mapContractService({ kind: 'svc', line, contract, service, units, currency: 'USD', asOf, picklists } satisfies LineInput);
 */
export interface LineInput {
  kind: 'svc' | 'bundle';
  line: AtContractService;
  contract: AtContract | undefined;
  service: AtService | undefined;
  /** Unit rows of this line that cover as-of (already filtered by date in the query). */
  units: readonly AtContractServiceUnit[];
  currency: string | undefined;
  asOf: string;
  picklists: Picklists;
}

/**
 * One contract service (or bundle) with its catalog entry and current unit row → a normalized line. Pure.
 *
 * @example
 * mapContractService({ kind: 'svc', line, contract, service, units, currency: 'USD', asOf: '2026-12-01', picklists });
 */
export function mapContractService(i: LineInput): MappedLine {
  const id = `${i.kind}-${i.line.id}`;
  if (!i.contract) return { ok: false, reason: `contract ${i.line.contractID} of line ${id} is not visible to this API user` };
  if (!i.currency) return { ok: false, reason: `company ${i.contract.companyID} has no ISO currency and no defaultCurrency is configured` };
  const asOfDay = i.asOf.slice(0, 10);
  const covering = i.units.filter((u) => day(u.startDate)! <= asOfDay && asOfDay <= day(u.endDate)!).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const unitPrice = i.kind === 'bundle' ? (i.line.adjustedPrice ?? i.line.unitPrice ?? 0) : (i.line.unitPrice ?? 0);
  const warnings: string[] = [];
  if (covering && covering.price !== null && covering.price !== undefined && Math.round(covering.units * unitPrice * 100) !== Math.round(covering.price * 100)) {
    warnings.push(`unit row ${covering.id}: units ${covering.units} × unitPrice ${unitPrice} ≠ price ${covering.price} (prorated split row?)`);
  }
  const statusLabel = label(i.picklists, 'status', i.contract.status)?.toLowerCase();
  const contractEnd = day(i.contract.endDate);
  const status: PsaContractLine['status'] = !covering
    ? 'inactive'
    : contractEnd !== undefined && contractEnd < asOfDay
      ? 'cancelled'
      : statusLabel === 'inactive'
        ? 'inactive'
        : 'active';
  const service = i.service;
  const description = i.line.invoiceDescription || service?.invoiceDescription || service?.name || undefined;
  const catalogId = i.kind === 'bundle' ? i.line.serviceBundleID : i.line.serviceID;
  return {
    ok: true,
    line: {
      id,
      psaCompanyId: String(i.contract.companyID),
      ...(catalogId ? { productId: `${i.kind === 'bundle' ? 'bundle' : 'service'}-${catalogId}` } : {}),
      ...(service?.name ? { sku: service.name } : {}),
      ...(description ? { description } : {}),
      quantity: covering?.units ?? 0,
      quantitySource: covering ? `${i.kind === 'bundle' ? 'ContractServiceBundleUnits' : 'ContractServiceUnits'}.units` : 'no unit row covers as-of',
      unitPrice: { amount: decimal(unitPrice), currency: i.currency },
      ...(i.kind === 'svc' && i.line.unitCost !== null && i.line.unitCost !== undefined ? { unitCost: { amount: decimal(i.line.unitCost), currency: i.currency } } : {}),
      ...periodOf(label(i.picklists, i.kind === 'bundle' ? 'bundle.periodType' : 'periodType', service?.periodType), service?.periodType),
      status,
      ...(covering ? { startDate: day(covering.startDate) as string, endDate: addDay(day(covering.endDate) as string) } : {}),
      contractId: String(i.contract.id),
      contractName: i.contract.contractName,
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

// Unit rows end on the period's last day (inclusive); PsaContractLine ends are exclusive.
function addDay(d: string): string {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/**
 * A Services / ServiceBundles / Products row → `PsaProduct`.
 *
 * @example
 * mapCatalog('product', { id: 7, name: 'M365 BP', sku: 'CFQ7TTC0LCHC:0002' }, 'USD').vendorSkus; // ['CFQ7TTC0LCHC:0002']
 */
export function mapCatalog(kind: 'service' | 'bundle' | 'product', row: AtService | AtProduct, currency: string | undefined): PsaProduct {
  const p = row as AtProduct;
  const s = row as AtService;
  const skus = kind === 'product' ? [p.sku, p.vendorProductNumber, p.manufacturerProductName, p.externalProductID] : (s.userDefinedFields ?? []).map((u) => u.value);
  const price = row.unitPrice;
  const cost = row.unitCost;
  return {
    id: `${kind}-${row.id}`,
    code: kind === 'product' && p.sku ? p.sku : row.name,
    name: row.name,
    vendorSkus: [...new Set(skus.filter((x): x is string => !!x && x.trim() !== ''))],
    ...(kind === 'product' && p.manufacturerName ? { vendorName: p.manufacturerName } : {}),
    ...(currency && price !== null && price !== undefined ? { listPrice: { amount: decimal(price), currency } } : {}),
    ...(currency && cost !== null && cost !== undefined ? { listCost: { amount: decimal(cost), currency } } : {}),
    active: row.isActive !== false,
  };
}

export const isIso = (code: string | undefined): code is string => !!code && ISO.test(code);
