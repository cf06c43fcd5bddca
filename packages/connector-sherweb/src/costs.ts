import type { HttpClient, ListOptions, Money, Term } from '@vectis/connector-core';
import { currencyCode, toDecimal } from './mappers';
import { parseItems } from './records';
import { type SherwebPayableCharge, SherwebPayableCharge as ChargeSchema, SherwebPayableCharges } from './schemas';

export const PAYABLE_CHARGES_PATH = '/distributor/v1/billing/payable-charges';

/** A unit cost found for a customer's SKU, and the billing period it covers. */
export interface UnitCost {
  unitCost: Money;
  period: Term;
}

/** Looks up the unit cost of a customer's SKU for a billing period (`unknown`: any); `undefined` means unknown (never zero). */
export type CostLookup = (customerId: string, sku: string, period: Term) => UnitCost | undefined;

const PERIODS: Record<string, Term> = { monthly: 'P1M', yearly: 'P1Y' };

function unitCostOf(charge: SherwebPayableCharge): UnitCost | undefined {
  // Setup and usage charges are not a per-seat recurring cost; OneTime charges have no period.
  if (charge.chargeType?.toLowerCase() !== 'recurring') return undefined;
  const period = PERIODS[charge.billingCycleType?.toLowerCase() ?? ''];
  const amount = toDecimal(charge.netPrice);
  const currency = currencyCode(charge.currency);
  if (!period || amount === undefined || !currency || !charge.sku) return undefined;
  return { unitCost: { amount, currency }, period };
}

const keyOf = (c: UnitCost) => `${c.unitCost.amount} ${c.unitCost.currency} ${c.period}`;

/**
 * Builds the cost lookup from the Distributor API's payable charges (one call per sync, the current
 * billing period). Payable charges carry no customer id, so attribution is, in order [U]:
 * 1. a charge whose `tags[].value` equals the customer id → that customer's SKU;
 * 2. otherwise the SKU's `netPrice` when every recurring charge for that SKU agrees on amount,
 *    currency and period;
 * 3. otherwise unknown.
 */
export async function readPayableCosts(http: HttpClient, o: ListOptions): Promise<{ lookup: CostLookup; charges: number; unreadable: number }> {
  const { data } = await http.get(PAYABLE_CHARGES_PATH, {
    schema: SherwebPayableCharges,
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  const { good, rejected } = parseItems(data.charges, ChargeSchema, { stream: 'subscriptions', where: `GET ${PAYABLE_CHARGES_PATH}` });
  const byCustomerSku = new Map<string, Map<string, UnitCost>>();
  const bySku = new Map<string, Map<string, UnitCost>>();
  const add = (map: Map<string, Map<string, UnitCost>>, key: string, cost: UnitCost) => {
    let variants = map.get(key);
    if (!variants) map.set(key, (variants = new Map()));
    variants.set(keyOf(cost), cost);
  };
  for (const { item } of good) {
    const cost = unitCostOf(item);
    if (!cost || !item.sku) continue;
    const sku = item.sku.toLowerCase();
    add(bySku, sku, cost);
    for (const tag of item.tags ?? []) if (tag.value) add(byCustomerSku, `${tag.value.toLowerCase()} ${sku}`, cost);
  }
  // One candidate left after matching the period, or nothing: two different costs are never averaged or guessed between.
  const single = (variants: Map<string, UnitCost> | undefined, period: Term) => {
    const fit = [...(variants?.values() ?? [])].filter((c) => period === 'unknown' || c.period === period);
    return fit.length === 1 ? fit[0] : undefined;
  };
  const lookup: CostLookup = (customerId, sku, period) => {
    const key = sku.toLowerCase();
    const tagged = byCustomerSku.get(`${customerId.toLowerCase()} ${key}`);
    return tagged ? single(tagged, period) : single(bySku.get(key), period);
  };
  return { lookup, charges: good.length, unreadable: rejected.length };
}
