import type { PsaBillingPeriod, PsaCompany, PsaContractLine, PsaProduct } from '@vectis/connector-core';
import type { HaloClient, HaloInvoiceLine, HaloItem, HaloRecurringInvoice } from './schemas';

/**
 * Every HaloPSA mapping decision in one place (also the live-verification checklist in docs/psa/halo.md).
 *
 * @example
 * for (const d of HALO_MAPPING) console.log(`${d.topic}: ${d.decision}`);
 */
export const HALO_MAPPING = [
  { topic: 'billed lines', decision: 'recurring invoice lines (`GET /RecurringInvoice?includelines=true`), not contracts; group headings (`isgroupdesc`) skipped', check: 'every header returns complete lines[] in list mode', tag: 'U' },
  { topic: 'billed quantity', decision: '`qty_order`; lines whose quantity is computed at invoice time (quantity type, users/assets/licence counts) keep `qty_order` with `quantitySource: qty_order (computed)` and a warning', check: 'what qty_order holds on computed lines', tag: 'U' },
  { topic: 'unit price period', decision: 'line `billingperiod` integer code → the `billingPeriodCodes` option; unmapped codes → `unknown` with `pricePeriod: "billingperiod <n>"`; `onetimecharge` → `one_time`', check: 'the meaning of the tenant’s billingperiod codes', tag: 'U' },
  { topic: 'currency', decision: 'header `currency` when ISO, else `currency_code` → `GET /Currency` row `code`, else `defaultCurrency`, else the line is rejected', check: 'unit_price vs unit_price_converted on multi-currency tenants', tag: 'U' },
  { topic: 'status', decision: '`isinactive` or header `disabled` → inactive; line `enddate` (else header `enddate`) on or before as-of → cancelled; else active', check: 'a line cancelled by a distributor sync', tag: 'U' },
  { topic: 'contract', decision: '`contract_id` when > 0, else `recurring-invoice-<header id>`; name `contract_ref` else `Recurring invoice <id>`', check: '', tag: 'V' },
  { topic: 'companies', decision: 'all clients incl. inactive (`includeinactive=true`), status Active/Inactive; type = `customertype_name` when sent (else none: `customertype` is a code); Microsoft tenants from `azure_tenants[]`; externalIds from `external_links[]` and per-integration ids', check: 'customertype labels', tag: 'U' },
  { topic: 'vendor SKUs', decision: 'item `supplier_part_code`, `item_suppliers[].supplier_sku`, `externalreference`, `internalreference`', check: 'which the MSP fills', tag: 'U' },
] as const;

const ISO = /^[A-Z]{3}$/;
const num = (v: number | string | null | undefined): number | undefined => (v === null || v === undefined ? undefined : Number(v));
/** Halo amounts as exact decimal strings: numeric strings pass through, numbers print as sent. */
export function amount(v: number | string | null | undefined): string {
  if (typeof v === 'string') return v;
  const n = v ?? 0;
  const s = String(n);
  // 1e-7 / 1e21 style numbers: expand without losing digits.
  return /e/i.test(s) ? n.toFixed(20).replace(/\.?0+$/, '') : s;
}
const day = (v: string | null | undefined) => (v ? v.slice(0, 10) : undefined);

/**
 * A Halo client → `PsaCompany`.
 *
 * @example
 * mapClient({ id: 12, name: 'Harbor Dental' }).id; // '12'
 */
export function mapClient(c: HaloClient): PsaCompany {
  const externalIds = [
    ...(c.external_links ?? []).map((l) => (l.third_party_id === null || l.third_party_id === undefined ? '' : String(l.third_party_id))),
    ...[c.connectwiseid, c.autotaskid, c.ingram_micro_details_id].map((v) => (v ? String(v) : '')),
    c.dattocommerce_tenantid ?? '',
    c.accountsid ?? '',
  ].filter((v) => v !== '' && v !== '0');
  const tenants = (c.azure_tenants ?? []).map((t) => t.azure_tenant_id).filter((t): t is string => !!t);
  return {
    id: String(c.id),
    name: c.name,
    website: c.website || c.domain || null,
    postalCode: c.main_invoice_address?.postcode ?? null,
    status: c.inactive ? 'Inactive' : 'Active',
    type: c.customertype_name || null,
    externalIds: [...new Set(externalIds)],
    ...(c.ref ? { code: c.ref } : {}),
    ...(c.main_phonenumber ? { phone: c.main_phonenumber } : {}),
    ...(c.currencyisocode && ISO.test(c.currencyisocode) ? { currency: c.currencyisocode } : {}),
    ...(tenants.length ? { microsoftTenantIds: tenants } : {}),
    ...(c.alastupdate ? { updatedAt: c.alastupdate } : {}),
  };
}

/**
 * A mapped line, or why the PSA row could not become one (reported as a rejected record).
 *
 * @example
 * const m: MappedLine = mapInvoiceLine(line, header, ctx); if (m.ok === 'skip') return; // a group heading
 */
export type MappedLine = { ok: true; line: PsaContractLine } | { ok: false; reason: string } | { ok: 'skip' };

/**
 * Lookups a Halo line needs: the as-of instant, the Currency table, the tenant's period codes.
 *
 * @example
 * const ctx: LineContext = { asOf: '2026-12-01', currencies: new Map([[1, 'USD']]), billingPeriodCodes: { 1: 'P1M' } };
 */
export interface LineContext {
  asOf: string;
  /** `Currency.id` → ISO code, from `GET /Currency`. */
  currencies: ReadonlyMap<number, string>;
  defaultCurrency?: string | undefined;
  billingPeriodCodes: Readonly<Record<string, PsaBillingPeriod>>;
}

/**
 * One recurring invoice line (with its header) → a normalized line, a refusal with its reason, or
 * `skip` for group headings. Pure; see {@link HALO_MAPPING}.
 *
 * @example
 * mapInvoiceLine(line, header, { asOf: '2026-12-01', currencies: new Map([[1, 'USD']]), billingPeriodCodes: { 1: 'P1M' } });
 */
export function mapInvoiceLine(l: HaloInvoiceLine, h: HaloRecurringInvoice, ctx: LineContext): MappedLine {
  if (l.isgroupdesc) return { ok: 'skip' };
  const header = h.currency?.trim().toUpperCase();
  const coded = h.currency_code !== null && h.currency_code !== undefined ? ctx.currencies.get(Number(h.currency_code)) : undefined;
  const currency = header && ISO.test(header) ? header : coded && ISO.test(coded) ? coded : ctx.defaultCurrency;
  if (!currency) return { ok: false, reason: `recurring invoice ${h.id} has no ISO currency (currency, currency_code) and no defaultCurrency is configured` };
  const computed =
    (num(l.recurring_invoice_quantity_type) ?? 0) > 0 ||
    l.calculate_price_from_users === true ||
    l.calculate_price_from_assets === true ||
    [l.quantity_licences, l.quantity_users, l.quantity_assets, l.quantity_subscriptions].some((q) => (q?.length ?? 0) > 0);
  const code = num(l.billingperiod);
  const mapped = code !== undefined ? ctx.billingPeriodCodes[String(code)] : undefined;
  const period: { billingPeriod: PsaBillingPeriod; pricePeriod?: string } = l.onetimecharge
    ? { billingPeriod: 'one_time' }
    : mapped
      ? { billingPeriod: mapped }
      : { billingPeriod: 'unknown', pricePeriod: code !== undefined ? `billingperiod ${code}` : 'no billingperiod on the line' };
  const end = day(l.enddate) ?? day(h.enddate);
  const start = day(l.startdate) ?? day(h.startdate);
  const status: PsaContractLine['status'] =
    l.isinactive || h.disabled ? 'inactive' : end !== undefined && end <= ctx.asOf.slice(0, 10) ? 'cancelled' : 'active';
  const contractId = num(h.contract_id);
  const sku = l.item_code || l.productnumber || undefined;
  const itemId = num(l._itemid);
  const warnings = computed ? ['quantity is computed by Halo at invoice time (licence/user/asset count); qty_order may differ from what is billed'] : [];
  return {
    ok: true,
    line: {
      id: String(l.id),
      psaCompanyId: String(h.client_id),
      ...(itemId ? { productId: String(itemId) } : {}),
      ...(sku ? { sku } : {}),
      ...(l.item_shortdescription ? { description: l.item_shortdescription } : {}),
      quantity: num(l.qty_order) ?? 0,
      quantitySource: computed ? 'qty_order (computed)' : 'qty_order',
      unitPrice: { amount: amount(l.unit_price), currency },
      ...(l.unit_cost !== null && l.unit_cost !== undefined ? { unitCost: { amount: amount(l.unit_cost), currency } } : {}),
      ...period,
      status,
      ...(start ? { startDate: start } : {}),
      ...(end ? { endDate: end } : {}),
      contractId: contractId && contractId > 0 ? String(contractId) : `recurring-invoice-${h.id}`,
      contractName: h.contract_ref || `Recurring invoice ${h.id}`,
      ...(warnings.length ? { warnings } : {}),
    },
  };
}

/**
 * A Halo item → `PsaProduct` with its supplier SKUs.
 *
 * @example
 * mapItem({ id: 5, name: 'M365-BP', supplier_part_code: 'CFQ7TTC0LCHC:0002' }, 'USD').vendorSkus; // ['CFQ7TTC0LCHC:0002']
 */
export function mapItem(i: HaloItem, currency: string | undefined): PsaProduct {
  const skus = [i.supplier_part_code, ...(i.item_suppliers ?? []).map((s) => s.supplier_sku), i.externalreference, i.internalreference].filter((s): s is string => !!s && s.trim() !== '');
  return {
    id: String(i.id),
    code: i.name,
    ...(i.description ? { name: i.description } : {}),
    vendorSkus: [...new Set(skus)],
    ...(i.supplier_name ? { vendorName: i.supplier_name } : {}),
    ...(currency && i.baseprice !== null && i.baseprice !== undefined ? { listPrice: { amount: amount(i.baseprice), currency } } : {}),
    ...(currency && i.costprice !== null && i.costprice !== undefined ? { listCost: { amount: amount(i.costprice), currency } } : {}),
    active: i.inactive !== true,
  };
}
