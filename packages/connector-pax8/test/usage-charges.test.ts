import { Usage, UsageCharges } from '@vectis/connector-core';
import { addDecimals, Pax8Envelope, Pax8UsageSummary, usageChargesOf } from '@vectis/connector-pax8';
import { describe, expect, it } from 'vitest';
import page from './fixtures/usage-summaries-page.json' with { type: 'json' };

// Fixture in → expected normalized out. The fixture is the spec's `usage-summaries-paged` example,
// verbatim: 10 of 15 summaries of one Azure plan, money as JSON numbers, two of them `isTrial`.
const summaries = Pax8Envelope.parse(page).content.map((s) => Pax8UsageSummary.parse(s));
const one = (over: Record<string, unknown>) => Pax8UsageSummary.parse({ ...(page.content[0] as object), ...over });

describe('usageChargesOf (spec example usage-summaries-paged)', () => {
  it('adds the non-trial summaries exactly: customer = Σ currentCharges, partner = Σ partnerTotal, month to date', () => {
    const result = usageChargesOf(summaries, '2026-12-01');
    expect(result).toEqual({
      charges: { period: 'month_to_date', from: '2026-12-01', customer: { amount: '1737.08', currency: 'USD' }, partner: { amount: '1423.438', currency: 'USD' } },
      trialSummaries: 2,
    });
    // A float sum of the same numbers is not exact; the row must be.
    expect(summaries.filter((s) => !s.isTrial).reduce((a, s) => a + (s.partnerTotal ?? 0), 0)).not.toBe(1423.438);
    expect(UsageCharges.parse(result.charges)).toEqual(result.charges);
  });

  it('reads the example summary without subscriptionId (the schema has none) and a missing isTrial as billable', () => {
    const { subscriptionId: _drop, isTrial: _trial, ...bare } = page.content[0] as Record<string, unknown>;
    const parsed = Pax8UsageSummary.parse(bare);
    expect(usageChargesOf([parsed], '2026-12-01').charges).toMatchObject({ customer: { amount: '100.56', currency: 'USD' }, partner: { amount: '86.456', currency: 'USD' } });
  });

  it('never adds two currencies: no charges, and a problem that makes the stream incomplete', () => {
    const result = usageChargesOf([one({}), one({ id: '5df21356-eaef-4b04-935a-afd22c57a022', currencyCode: 'EUR' })], '2026-12-01');
    expect(result.charges).toBeUndefined();
    expect(result.problem).toBe('usage summaries in several currencies (EUR, USD) were not added up');
  });

  it('a summary without an amount leaves that side out with a problem (a partial sum never passes for the whole)', () => {
    const result = usageChargesOf([one({}), one({ id: 'x2', partnerTotal: null })], '2026-12-01');
    expect(result.charges).toEqual({ period: 'month_to_date', from: '2026-12-01', customer: { amount: '201.12', currency: 'USD' } });
    expect(result.problem).toBe('usage summary x2 has no partnerTotal');
    const noCurrency = usageChargesOf([one({ currencyCode: null })], '2026-12-01');
    expect(noCurrency.charges).toBeUndefined();
    expect(noCurrency.problem).toBe('usage summary 52d8d4bc-59db-48fe-9aa7-95bed562ff95 has no readable currencyCode');
  });

  it('no summaries (or only trial ones): charges read with no amounts, never a made-up zero', () => {
    expect(usageChargesOf([], '2026-12-01')).toEqual({ charges: { period: 'month_to_date', from: '2026-12-01' }, trialSummaries: 0 });
    expect(usageChargesOf([one({ isTrial: true })], '2026-12-01').charges).toEqual({ period: 'month_to_date', from: '2026-12-01' });
  });

  it('lower-case currency codes and exponent-form numbers come out as exact upper-case Money', () => {
    const result = usageChargesOf([one({ currencyCode: 'cad', currentCharges: 1.5e-7, partnerTotal: 0 })], '2026-12-01');
    expect(result.charges).toMatchObject({ customer: { amount: '0.00000015', currency: 'CAD' }, partner: { amount: '0', currency: 'CAD' } });
  });
});

describe('addDecimals', () => {
  it('is exact, keeps the widest scale and handles credits (negative amounts)', () => {
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(addDecimals(['100.56', '46.56', '0.005'])).toBe('147.125');
    expect(addDecimals(['-0.5', '0.2'])).toBe('-0.3');
    expect(addDecimals(['10', '-10.00'])).toBe('0.00');
    expect(addDecimals([])).toBe('0');
  });
});

describe('Usage.charges (core schema)', () => {
  const row = { vendor: 'pax8', week: '2026-W49', asOf: '2026-12-02T00:00:00.000Z', customerExternalId: 'c', subscriptionExternalId: 's', quantity: 1, source: 'purchased_quantity' } as const;
  it('is optional, and its customer and partner amounts must share one currency', () => {
    expect(Usage.parse(row)).toEqual(row);
    const charges = { period: 'month_to_date', customer: { amount: '1.00', currency: 'USD' }, partner: { amount: '0.80', currency: 'EUR' } };
    expect(Usage.safeParse({ ...row, charges }).success).toBe(false);
    expect(Usage.safeParse({ ...row, charges: { ...charges, customer: { amount: 1, currency: 'USD' } } }).success).toBe(false); // never a float
  });
});
