import type { PsaBillingPeriod, PsaCompany, PsaContractLine, PsaProduct } from '@vectis/connector-core';
import type { CwAddition, CwAgreement, CwCatalogItem, CwCompany } from './schemas';

/**
 * Every ConnectWise mapping decision in one place (also the live-verification checklist in
 * docs/psa/connectwise.md). `[U]` = unverified against a live tenant.
 *
 * @example
 * for (const d of CONNECTWISE_MAPPING) console.log(`${d.topic}: ${d.decision}`);
 */
export const CONNECTWISE_MAPPING = [
  { topic: 'billed quantity', decision: '`billedQuantity` when present, else `quantity − lessIncluded`, else `quantity`; `quantitySource` says which', check: 'compare with a posted agreement invoice', tag: 'U' },
  { topic: 'unit price period', decision: 'per agreement billing cycle: `agreement.billingCycle.id` → `/finance/billingCycles` `billingOptions`; Monthly→P1M, Yearly→P1Y, NotRecurring→one_time, others (Quarterly, SemiAnnual, BiMonthly, Weekly, BiWeekly) → `unknown` with `pricePeriod` set', check: 'annual and child agreements', tag: 'U' },
  { topic: 'not billed', decision: '`billCustomer` DoNotBill / NoCharge → `billable: false` (contracted, not revenue)', check: 'a NoCharge addition on a live agreement', tag: 'V' },
  { topic: 'status', decision: '`cancelledDate` on or before as-of, or agreement Cancelled → cancelled; agreement Expired/Inactive → inactive; else active', check: 'an agreement with endDate past and noEndingDateFlag=false', tag: 'U' },
  { topic: 'effective dates', decision: '`effectiveDate` → startDate, `cancelledDate` → endDate (date part, exclusive end)', check: 'a one-time fee addition', tag: 'C' },
  { topic: 'currency', decision: '`agreement.currency.currencyCode` when ISO 4217, else the `defaultCurrency` option, else the line is rejected (never guessed)', check: 'Setup Tables → Currency List has ISO codes', tag: 'U' },
  { topic: 'extended price check', decision: '`extPrice ≠ quantity × unitPrice` (to the cent) adds a warning, never changes the line', check: 'proration lines from distributor syncs', tag: 'U' },
  { topic: 'companies', decision: '`deletedFlag=true` (recycle bin) excluded by the request filter; status = `status.name` (tenant label), type = `types[].name` joined', check: 'Prospect / Not-Approved companies', tag: 'C' },
  { topic: 'vendor SKUs', decision: 'catalog `vendorSku`, `manufacturerPartNumber`, `integrationXRef` (per-vendor `CatalogVendors` rows are not read: one request per item)', check: 'which field the MSP fills', tag: 'U' },
] as const;

const ISO = /^[A-Z]{3}$/;

/** Date part of a ConnectWise timestamp (`2026-01-01T00:00:00Z` → `2026-01-01`). */
export function datePart(value: string | null | undefined): string | undefined {
  return value ? value.slice(0, 10) : undefined;
}

/** A JSON number as an exact decimal string (ConnectWise sends floats; they are printed as sent, never re-rounded). */
export function decimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const s = String(value);
  // 1e-7 / 1e21 style: expand without losing digits.
  return /e/i.test(s) ? value.toFixed(20).replace(/\.?0+$/, '') : s;
}

/**
 * ConnectWise `billingOptions` → licensing period.
 *
 * @example
 * billingPeriod('Yearly'); // { billingPeriod: 'P1Y' }
 */
export function billingPeriod(option: string | undefined): { billingPeriod: PsaBillingPeriod; pricePeriod?: string } {
  if (option === 'Monthly') return { billingPeriod: 'P1M' };
  if (option === 'Yearly') return { billingPeriod: 'P1Y' };
  if (option === 'NotRecurring') return { billingPeriod: 'one_time' };
  return { billingPeriod: 'unknown', pricePeriod: option ?? 'no billing cycle on the agreement' };
}

/**
 * A ConnectWise company → normalized `PsaCompany`.
 *
 * @example
 * mapCompany({ id: 250, identifier: 'CruzBrothers', name: 'Cruz Brothers' }).code; // 'CruzBrothers'
 */
export function mapCompany(c: CwCompany): PsaCompany {
  const types = (c.types ?? []).map((t) => t.name).filter((n): n is string => !!n);
  const externalIds = [...(c.integratorTags ?? []), ...(c.accountNumber ? [c.accountNumber] : [])];
  const updated = c._info?.lastUpdated;
  return {
    id: String(c.id),
    name: c.name,
    code: c.identifier,
    website: c.website ?? null,
    city: c.city ?? null,
    state: c.state ?? null,
    postalCode: c.zip ?? null,
    country: c.country?.identifier ?? c.country?.name ?? null,
    status: c.deletedFlag ? 'Deleted' : (c.status?.name ?? null),
    type: types.length ? types.join(', ') : null,
    externalIds,
    ...(c.phoneNumber ? { phone: c.phoneNumber } : {}),
    ...(c.parentCompany ? { parentId: String(c.parentCompany.id) } : {}),
    ...(c.currency?.currencyCode && ISO.test(c.currency.currencyCode) ? { currency: c.currency.currencyCode } : {}),
    ...(typeof updated === 'string' ? { updatedAt: updated } : {}),
  };
}

/**
 * A mapped line, or why the PSA row could not become one (reported as a rejected record).
 *
 * @example
 * const m: MappedLine = mapAddition(addition, agreement, ctx); if (!m.ok) report(m.reason);
 */
export type MappedLine = { ok: true; line: PsaContractLine } | { ok: false; reason: string };

/**
 * One addition (with its agreement and the agreement's billing option) → a normalized line, or the
 * reason it cannot be one (no ISO currency). Pure; see {@link CONNECTWISE_MAPPING}.
 *
 * @example
 * mapAddition(addition, agreement, { billingOption: 'Monthly', asOf: '2026-12-01', defaultCurrency: 'USD' });
 */
export function mapAddition(a: CwAddition, ag: CwAgreement, o: { billingOption: string | undefined; asOf: string; defaultCurrency?: string | undefined }): MappedLine {
  const code = ag.currency?.currencyCode?.trim().toUpperCase();
  const currency = code && ISO.test(code) ? code : o.defaultCurrency;
  if (!currency) return { ok: false, reason: `agreement ${ag.id} has no ISO 4217 currency code and no defaultCurrency is configured` };
  const { quantity, source } = billedQuantity(a);
  const warnings: string[] = [];
  if (a.extPrice !== undefined && a.unitPrice !== undefined && Math.round(a.extPrice * 100) !== Math.round(quantity * a.unitPrice * 100)) {
    warnings.push(`extPrice ${a.extPrice} ≠ billed quantity ${quantity} × unitPrice ${a.unitPrice}`);
  }
  const end = datePart(a.cancelledDate);
  const asOfDay = o.asOf.slice(0, 10);
  const status: PsaContractLine['status'] =
    (end !== undefined && end <= asOfDay) || ag.agreementStatus === 'Cancelled' || ag.cancelledFlag === true
      ? 'cancelled'
      : ag.agreementStatus === 'Expired' || ag.agreementStatus === 'Inactive'
        ? 'inactive'
        : 'active';
  const start = datePart(a.effectiveDate);
  const description = a.invoiceDescription || a.description || undefined;
  return {
    ok: true,
    line: {
      id: String(a.id),
      psaCompanyId: String(ag.company.id),
      productId: String(a.product.id),
      ...(a.product.identifier ? { sku: a.product.identifier } : {}),
      ...(description ? { description } : {}),
      quantity,
      quantitySource: source,
      unitPrice: { amount: decimal(a.unitPrice ?? 0), currency },
      ...(a.unitCost !== undefined ? { unitCost: { amount: decimal(a.unitCost), currency } } : {}),
      ...billingPeriod(o.billingOption),
      status,
      ...(start ? { startDate: start } : {}),
      ...(end ? { endDate: end } : {}),
      contractId: String(ag.id),
      contractName: ag.name,
      billable: a.billCustomer === 'Billable',
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

function billedQuantity(a: CwAddition): { quantity: number; source: string } {
  if (a.billedQuantity !== undefined) return { quantity: a.billedQuantity, source: 'billedQuantity' };
  if (a.quantity !== undefined && a.lessIncluded !== undefined) return { quantity: a.quantity - a.lessIncluded, source: 'quantity-lessIncluded' };
  return { quantity: a.quantity ?? 0, source: 'quantity' };
}

/**
 * A catalog item → `PsaProduct` with every vendor-SKU field the MSP may fill.
 *
 * @example
 * mapCatalogItem({ id: 31, identifier: 'M365-BP', vendorSku: 'CFQ7TTC0LCHC:0002' }, 'USD').vendorSkus; // ['CFQ7TTC0LCHC:0002']
 */
export function mapCatalogItem(i: CwCatalogItem, currency: string | undefined): PsaProduct {
  const skus = [i.vendorSku, i.manufacturerPartNumber, i.integrationXRef].filter((s): s is string => !!s && s.trim() !== '');
  return {
    id: String(i.id),
    code: i.identifier,
    ...(i.description ? { name: i.description } : {}),
    vendorSkus: [...new Set(skus)],
    ...(i.vendor?.name ? { vendorName: i.vendor.name } : {}),
    ...(currency && i.price !== undefined ? { listPrice: { amount: decimal(i.price), currency } } : {}),
    ...(currency && i.cost !== undefined ? { listCost: { amount: decimal(i.cost), currency } } : {}),
    active: i.inactiveFlag !== true,
  };
}
