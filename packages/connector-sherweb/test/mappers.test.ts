import { billingCycle, commitmentTerm, currencyCode, mapCustomer, mapSubscription, toDecimal, toMoney } from '@vectis/connector-sherweb';
import { describe, expect, it } from 'vitest';
import details from './fixtures/subscriptions-details.json' with { type: 'json' };

const customer = { id: 'c1', displayName: 'Acme', path: [], suspendedOn: null };
const sub = details.items[0] as Parameters<typeof mapSubscription>[0]['details'];

describe('amounts and currencies', () => {
  it('JSON numbers become exact decimal strings, exponent forms expanded, nothing invented', () => {
    expect(toDecimal(30.2)).toBe('30.2');
    expect(toDecimal(0.1 + 0.2)).toBe('0.30000000000000004'); // what Sherweb sent, not a rounding of ours
    expect(toDecimal(1e-7)).toBe('0.0000001');
    expect(toDecimal(12)).toBe('12');
    expect(toDecimal('10.50')).toBe('10.50');
    expect(toDecimal(Number.NaN)).toBeUndefined();
    expect(toDecimal('ten')).toBeUndefined();
    expect(toDecimal(null)).toBeUndefined();
  });

  it("Sherweb's title-case currency enum; Undefined is unknown, never USD", () => {
    expect(currencyCode('Cad')).toBe('CAD');
    expect(currencyCode('Usd')).toBe('USD');
    expect(currencyCode('Undefined')).toBeUndefined();
    expect(toMoney(5.5, 'Undefined')).toBeUndefined();
    expect(toMoney(5.5, 'Gbp')).toEqual({ amount: '5.5', currency: 'GBP' });
  });
});

describe('terms and cycles', () => {
  it('commitment types map to ISO terms; null is no commitment; a new type is unknown', () => {
    const term = (type: string) => commitmentTerm({ type, termEndDate: '2026-01-01', renewalConfiguration: null, committedMinimalQuantities: null });
    expect(['Monthly', 'Annual', 'Biennial', 'Triennial', 'Quinquennial'].map(term)).toEqual(['P1M', 'P1Y', 'P2Y', 'P3Y', 'unknown']);
    expect(commitmentTerm(null)).toBe('none');
  });

  it('free-text billing cycles', () => {
    expect(billingCycle('monthly')).toEqual({ frequency: 'monthly', period: 'P1M' });
    expect(billingCycle('Yearly')).toEqual({ frequency: 'annual', period: 'P1Y' });
    expect(billingCycle('once')).toEqual({ frequency: 'one_time', period: 'none' });
    expect(billingCycle('weekly')).toEqual({ frequency: 'other', period: 'unknown' });
    expect(billingCycle(undefined)).toEqual({ frequency: 'unknown', period: 'unknown' });
  });
});

describe('status is derived', () => {
  it('customers: suspendedOn null → active, a date → suspended, unreadable → unknown with the text kept', () => {
    expect(mapCustomer(customer)).toMatchObject({ status: 'active', name: 'Acme', vendor: 'sherweb' });
    expect(mapCustomer({ ...customer, suspendedOn: '2026-10-02T14:11:05.7613888' })).toMatchObject({ status: 'suspended' });
    expect(mapCustomer({ ...customer, suspendedOn: 'soon' })).toMatchObject({ status: 'unknown', rawStatus: 'soon' });
  });

  it('subscriptions: a suspended customer suspends every line; else the details status when sent; else active', () => {
    expect(mapSubscription({ customer, details: sub, raw: {} })).toMatchObject({ status: 'active', rawStatus: '' });
    expect(mapSubscription({ customer, details: { ...sub, status: 'Canceled' }, raw: {} })).toMatchObject({ status: 'cancelled', rawStatus: 'Canceled' });
    expect(mapSubscription({ customer, details: { ...sub, status: 'Migrating' }, raw: {} })).toMatchObject({ status: 'unknown', rawStatus: 'Migrating' });
    expect(mapSubscription({ customer: { ...customer, suspendedOn: '2026-10-02T00:00:00.0000000' }, details: sub, raw: {} })).toMatchObject({ status: 'suspended' });
  });

  it('a cost for another billing period than the price is left unknown, not mislabelled', () => {
    const pricing = { billingCycle: 'monthly', fees: { recurringFee: 30.2, setupFee: 0, currency: 'Cad' } };
    const yearly = mapSubscription({ customer, details: sub, pricing, cost: { unitCost: { amount: '300', currency: 'CAD' }, period: 'P1Y' }, raw: {} });
    expect(yearly.unitCost).toBeUndefined();
    const monthly = mapSubscription({ customer, details: sub, pricing, cost: { unitCost: { amount: '25.67', currency: 'CAD' }, period: 'P1M' }, raw: {} });
    expect(monthly).toMatchObject({ unitCost: { amount: '25.67', currency: 'CAD' }, unitPrice: { amount: '30.2', currency: 'CAD' }, pricePeriod: 'P1M' });
  });
});
