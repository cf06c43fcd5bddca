import { describe, expect, it } from 'vitest';
import { isoWeek, Money, normalizeVendor, Vendor } from '@vectis/connector-core';

describe('normalized schemas', () => {
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
