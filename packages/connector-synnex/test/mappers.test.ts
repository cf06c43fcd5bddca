import { Customer, Subscription } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { decimal, linePricing, mapCustomer, mapSubscription, SynnexCustomer, SynnexSubscription } from '@vectis/connector-synnex';
import customersPage1 from './fixtures/customers-page-1.json' with { type: 'json' };
import customersPage2 from './fixtures/customers-page-2.json' with { type: 'json' };
import subscriptionsPage1 from './fixtures/subscriptions-page-1.json' with { type: 'json' };

const sub = (i: number) => SynnexSubscription.parse(subscriptionsPage1.items[i]);
const line = (i: number) => {
  const result = mapSubscription(sub(i));
  if (!('line' in result)) throw new Error('expected a line');
  return Subscription.parse(result.line);
};

describe('TD SYNNEX mappers (fixture in → normalized out)', () => {
  it('customer: id from the last segment of name, display name from customerOrganization, weak e-mail domain', () => {
    const c = Customer.parse(mapCustomer(SynnexCustomer.parse(customersPage1.customers[0])));
    expect(c).toMatchObject({
      vendor: 'td_synnex', externalId: '1', name: 'DC 3 June 2024', status: 'active', rawStatus: 'ACTIVE',
      email: 'john.doe@example.com', domains: [{ domain: 'example.com', source: 'contact_email' }],
      address: { street: '123 Main St', city: 'Sample City', state: 'Sample State', postalCode: '12345', country: 'US' },
      updatedAt: '2024-06-03T09:55:20Z',
    });
    // customerName is the contact person, never the company.
    expect(c.name).not.toBe('John Doe');
  });

  it('customer: free-mail domains are not offered to matching; unknown statuses are kept raw', () => {
    const gmail = mapCustomer(SynnexCustomer.parse(customersPage1.customers[1]));
    expect(gmail).toMatchObject({ externalId: '2', status: 'suspended', email: 'ana.lopez@gmail.com' });
    expect(gmail.domains).toBeUndefined();
    expect(gmail.address).toBeUndefined();
    const odd = mapCustomer(SynnexCustomer.parse(customersPage2.customers[0]));
    expect(odd).toMatchObject({ externalId: '3', status: 'unknown', rawStatus: 'ARCHIVED_2031', address: { country: 'CA', postalCode: 'M5H 2N2' } });
  });

  it("the SDK's sample subscription: one line, the JSON numbers kept as exact decimals, unit basis at one seat", () => {
    expect(line(0)).toMatchObject({
      vendor: 'td_synnex', externalId: '5555', parentExternalId: '5555', customerExternalId: '1',
      vendorSubscriptionId: 'abc12345-def6-7890-ghij-klmnopqrstuv', productExternalId: 'FAKEPROD-001',
      sku: 'FAKEPRODID:FAKESKUID:P1M:M', productName: 'Fake SKU', quantity: 1,
      unitPrice: { amount: '49.99', currency: 'USD' }, unitCost: { amount: '39.99', currency: 'USD' }, msrp: { amount: '60', currency: 'USD' },
      amountBasis: 'unit', pricePeriod: 'P1M', billingFrequency: 'monthly', commitmentTerm: 'P1M', recurring: true,
      status: 'active', rawStatus: 'active', startDate: '2024-02-01T00:00:00Z', endDate: '2025-02-01T00:00:00Z', autoRenew: true,
    });
  });

  it('string amounts and an upper-case status; total = price × seats decides the unit basis; billingCurrency as the currency', () => {
    expect(line(1)).toMatchObject({
      quantity: 25, unitPrice: { amount: '150.00', currency: 'CAD' }, unitCost: { amount: '135.00', currency: 'CAD' },
      amountBasis: 'unit', pricePeriod: 'P1Y', billingFrequency: 'annual', commitmentTerm: 'P1Y', status: 'active', rawStatus: 'ACTIVE',
    });
  });

  it('usage-billed (Azure plan): amounts from billingData as extended, not recurring run-rate', () => {
    expect(line(2)).toMatchObject({
      quantity: 1, billingFrequency: 'usage', pricePeriod: 'unknown', recurring: false, amountBasis: 'extended',
      unitPrice: { amount: '909.89', currency: 'CAD' }, unitCost: { amount: '812.4', currency: 'CAD' },
      raw: { pricingSource: 'billingData', usageQuantity: 412 },
    });
  });

  it('a missing or negative quantity is rejected, never read as 0 seats', () => {
    expect(mapSubscription(sub(3))).toEqual({ issues: [expect.objectContaining({ path: 'subscriptionTotalLicenses', message: 'is missing' })] });
    expect(mapSubscription(sub(4))).toEqual({ issues: [expect.objectContaining({ message: 'is not a non-negative number' })] });
  });

  it('amount basis: extended when total equals price at several seats, unknown when nothing tells', () => {
    const base = { ...subscriptionsPage1.items[1], subscriptionTotalLicenses: '10' };
    expect(linePricing(SynnexSubscription.parse({ ...base, price: '150.00', total: '150' }), 10).amountBasis).toBe('extended');
    expect(linePricing(SynnexSubscription.parse({ ...base, price: 15, total: 150 }), 10).amountBasis).toBe('unit');
    expect(linePricing(SynnexSubscription.parse({ ...base, total: undefined }), 10).amountBasis).toBe('unknown');
    // No currency anywhere: no money at all rather than an amount without one.
    const noCurrency = linePricing(SynnexSubscription.parse({ ...base, billingCurrency: undefined }), 10);
    expect([noCurrency.unitPrice, noCurrency.unitCost, noCurrency.source]).toEqual([undefined, undefined, 'none']);
  });

  it('trial lines are status trial and not recurring; undocumented terms stay unknown', () => {
    const trial = mapSubscription(SynnexSubscription.parse({ ...subscriptionsPage1.items[0], isTrial: true, subscriptionBillingTerm: 'P5Y' }));
    expect('line' in trial && trial.line).toMatchObject({ status: 'trial', recurring: false, commitmentTerm: 'unknown' });
  });

  it('decimal() reads numbers as written and refuses what is not a plain decimal', () => {
    expect([decimal(49.99), decimal(0.1), decimal('007.50'), decimal(' 12 '), decimal(1e21), decimal('1e3'), decimal(Number.NaN), decimal('')]).toEqual(
      ['49.99', '0.1', '7.50', '12', undefined, undefined, undefined, undefined],
    );
  });
});
