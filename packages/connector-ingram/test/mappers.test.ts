import { Customer, Subscription } from '@vectis/connector-core';
import {
  IngramCustomer,
  IngramSubscriptionDetailed,
  IngramSubscriptionList,
  mapCustomer,
  mapSubscriptionLines,
  periodTerm,
  toMoney,
} from '@vectis/connector-ingram';
import { describe, expect, it } from 'vitest';
import customerDetail from './fixtures/customer-detail.json' with { type: 'json' };
import customersList from './fixtures/customers-list.json' with { type: 'json' };
import detail from './fixtures/subscription-detail.json' with { type: 'json' };
import multi from './fixtures/subscription-detail-multi.json' with { type: 'json' };
import list from './fixtures/subscriptions-list.json' with { type: 'json' };

const parseDetail = (value: unknown) => IngramSubscriptionDetailed.parse(value);

describe('subscription lines (spec fixtures in → normalized out)', () => {
  it('maps the NOTES §14 detail to one exact line', () => {
    const listItem = IngramSubscriptionList.parse(list).data[0];
    const [line, ...rest] = mapSubscriptionLines(parseDetail(detail), listItem);
    expect(rest).toEqual([]);
    expect(Subscription.parse(line)).toMatchObject({
      vendor: 'ingram_micro',
      externalId: '1000177:4321',
      parentExternalId: '1000177',
      vendorSubscriptionId: '6f0c3a52-9d1e-4f7a-b2c4-0e8d5a1b7c93',
      customerExternalId: '1000275',
      productExternalId: '4321',
      sku: 'CFQ7TTC0LH18:0001_P1Y_M',
      productName: 'Microsoft 365 Business Basic',
      quantity: 10,
      unitPrice: { amount: '2.21', currency: 'USD' },
      unitCost: { amount: '1.989', currency: 'USD' },
      amountBasis: 'unit',
      pricePeriod: 'P1M',
      billingFrequency: 'monthly',
      commitmentTerm: 'P1Y',
      recurring: true,
      status: 'active',
      rawStatus: 'active',
      startDate: '2019-10-25',
      renewalDate: '2020-10-23',
      endDate: '2020-10-24', // from the list item: this detail lacks the 1.15 field
      autoRenew: true,
    });
    // Totals stay in raw only; the order-parameter domain is kept there too.
    expect(line).not.toHaveProperty('totalPrice');
    expect(line?.raw).toMatchObject({ subscription: { totalSubscriptionCost: { amount: '238.68' } }, domain: 'example.onmicrosoft.com' });
  });

  it('flattens every product of a multi-product subscription: 3 products → 3 lines, quantity 0 kept', () => {
    const lines = mapSubscriptionLines(parseDetail(multi));
    expect(lines.map((l) => [l.externalId, l.sku, l.quantity])).toEqual([
      ['1000200:4402', 'CFQ7TTC0LCHC:0002_P3Y_A', 25],
      ['1000200:4561', 'CFQ7TTC0LGZT:0001_P3Y_A', 6],
      ['1000200:9002', 'CFQ7TTC0LCHC-DEP', 0],
    ]);
    for (const line of lines) expect(Subscription.safeParse(line).success).toBe(true);
    expect(lines.every((l) => l.parentExternalId === '1000200' && l.commitmentTerm === 'P3Y' && l.billingFrequency === 'annual' && l.pricePeriod === 'P1Y')).toBe(true);
    // Amounts stay the exact strings Ingram sent (trailing zeros included), currency from the amount.
    expect(lines[0]?.unitCost).toEqual({ amount: '323.1360', currency: 'CAD' });
    // No price on the dependency: no Money at all, never a zero.
    expect(lines[2]).not.toHaveProperty('unitPrice');
    expect(lines[2]).not.toHaveProperty('unitCost');
    expect(lines[2]?.autoRenew).toBe(false);
  });

  it('falls back to <subId>:<mpn> without a product id and keeps same-MPN lines apart', () => {
    const lines = mapSubscriptionLines(
      parseDetail({ id: '7', customerId: '1', status: 'active', products: [{ mpn: 'SKU-A', quantity: 1 }, { mpn: 'SKU-A', quantity: 2 }] }),
    );
    expect(lines.map((l) => l.externalId)).toEqual(['7:SKU-A', '7:SKU-A#2']);
  });

  it('keeps an undocumented status as unknown with rawStatus', () => {
    const [line] = mapSubscriptionLines(parseDetail({ ...detail, status: 'migrating' }));
    expect(line).toMatchObject({ status: 'unknown', rawStatus: 'migrating' });
    expect(mapSubscriptionLines(parseDetail({ ...detail, status: 'constructor' }))[0]?.status).toBe('unknown');
    const statuses = ['pending', 'hold', 'terminated', 'removed', 'unknown'].map(
      (status) => mapSubscriptionLines(parseDetail({ ...detail, status }))[0]?.status,
    );
    expect(statuses).toEqual(['pending', 'suspended', 'cancelled', 'cancelled', 'unknown']);
  });

  it('reads terms per NORMALIZATION §7: P1M/P1Y/P3Y, statement_day and day → unknown, usage billing', () => {
    expect(periodTerm({ type: 'month', duration: 1 })).toBe('P1M');
    expect(periodTerm({ type: 'month', duration: 12 })).toBe('P1Y');
    expect(periodTerm({ type: 'year', duration: 2 })).toBe('P2Y');
    expect(periodTerm({ type: 'year', duration: 3 })).toBe('P3Y');
    expect(periodTerm({ type: 'statement_day', duration: 1 })).toBe('unknown');
    expect(periodTerm({ type: 'day', duration: 30 })).toBe('unknown');
    expect(periodTerm(undefined)).toBe('unknown');
    const [statement] = mapSubscriptionLines(parseDetail({ ...detail, billingPeriod: { type: 'statement_day', duration: 1 } }));
    expect(statement).toMatchObject({ billingFrequency: 'other', pricePeriod: 'unknown', commitmentTerm: 'P1Y', recurring: true });
    const [azure] = mapSubscriptionLines(parseDetail({ ...detail, billingModel: 'chargeExternalRating' }));
    expect(azure).toMatchObject({ billingFrequency: 'usage', recurring: false, pricePeriod: 'unknown' });
    const [bare] = mapSubscriptionLines(parseDetail({ id: '9', customerId: '1', products: [{ id: 'p', quantity: 3 }] }));
    expect(bare).toMatchObject({ billingFrequency: 'unknown', commitmentTerm: 'unknown', pricePeriod: 'unknown', status: 'unknown', rawStatus: '' });
  });

  it('never turns a malformed amount into a number', () => {
    expect(toMoney({ currency: 'usd', amount: '70.5' })).toEqual({ amount: '70.5', currency: 'USD' });
    expect(toMoney({ currency: 'USD', amount: '' })).toBeUndefined();
    expect(toMoney({ currency: 'USD', amount: '1,99' })).toBeUndefined();
    expect(toMoney({ currency: 'US Dollar', amount: '1.99' })).toBeUndefined();
    expect(IngramSubscriptionDetailed.safeParse({ ...detail, products: [{ id: '1', unitPrice: { currency: 'USD', amount: 2.21 } }] }).success).toBe(false);
  });
});

describe('customers', () => {
  it('maps the full customer: Ingram externalId → externalRef, address, contact domains without free-mail', () => {
    const customer = mapCustomer(IngramCustomer.parse(customerDetail));
    expect(Customer.parse(customer)).toMatchObject({
      vendor: 'ingram_micro',
      externalId: '1000002',
      externalRef: 'CW-20007',
      name: 'Northwind Traders Ltd.',
      status: 'active',
      rawStatus: 'active',
      email: 'jane.doe@northwind.example',
      domains: [{ domain: 'northwind.example', source: 'contact_email' }],
      address: { street: '555 Main Street', street2: 'Suite 100', city: 'Irvine', state: 'CA', postalCode: '92612', country: 'US' },
    });
  });

  it('maps statuses per NORMALIZATION §4 and keeps unknown ones', () => {
    const statusOf = (status: string) => mapCustomer(IngramCustomer.parse({ id: '1', name: 'X', status })).status;
    expect(['active', 'pending', 'creditHold', 'adminHold', 'cancelled', 'error', 'archived'].map(statusOf)).toEqual([
      'active', 'inactive', 'suspended', 'suspended', 'deleted', 'unknown', 'unknown',
    ]);
    const basic = mapCustomer(IngramCustomer.parse(customersList.data[1]));
    expect(basic).toMatchObject({ externalId: '1000001', externalRef: 'externalId1', status: 'suspended', rawStatus: 'creditHold' });
    expect(basic).not.toHaveProperty('address');
  });
});
