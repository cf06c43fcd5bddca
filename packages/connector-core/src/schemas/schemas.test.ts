import { describe, expect, it } from 'vitest';
import { isoWeek, Money, normalizeVendor, Usage, UsageCharges, Vendor } from '@vectis/connector-core';

describe('normalized schemas', () => {
  it('takes optional month-to-date usage charges in one currency, exact amounts only', () => {
    const row = { vendor: 'pax8', week: '2026-W49', asOf: '2026-12-02T06:00:00.000Z', customerExternalId: 'c', subscriptionExternalId: 's', quantity: 1, source: 'purchased_quantity' };
    expect(Usage.parse(row)).toEqual(row); // rows written before charges existed stay valid
    const charges = { period: 'month_to_date', from: '2026-12-01', customer: { amount: '1737.08', currency: 'USD' }, partner: { amount: '1423.438', currency: 'USD' } };
    expect(Usage.parse({ ...row, charges }).charges).toEqual(charges);
    expect(UsageCharges.safeParse({ ...charges, partner: { amount: '1.00', currency: 'EUR' } }).success).toBe(false);
    expect(UsageCharges.safeParse({ ...charges, customer: { amount: 1737.08, currency: 'USD' } }).success).toBe(false);
    expect(UsageCharges.safeParse({ ...charges, period: 'cumulative' }).success).toBe(false);
  });
  it('reads the synnex alias as td_synnex', () => {
    expect(Vendor.parse('synnex')).toBe('td_synnex');
    expect(normalizeVendor('synnex')).toBe('td_synnex');
    expect(normalizeVendor('tech_data')).toBeUndefined();
  });
  it('keeps money exact and refuses floats', () => {
    expect(Money.parse({ amount: '1.989', currency: 'USD' })).toEqual({ amount: '1.989', currency: 'USD' });
    expect(Money.safeParse({ amount: 1.989, currency: 'USD' }).success).toBe(false);
    expect(Money.safeParse({ amount: '1.98', currency: 'usd' }).success).toBe(false);
  });
  it('computes ISO weeks across year boundaries', () => {
    expect(isoWeek(new Date('2026-11-26T12:00:00Z'))).toBe('2026-W48');
    expect(isoWeek(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
  });
});
