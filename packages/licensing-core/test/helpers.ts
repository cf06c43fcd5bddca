import type { Subscription, Usage } from '@vectis/connector-core';
import type { CustomerLink, LicensingInput, PsaContractLine } from '@vectis/licensing-core';

export const NOW = '2026-11-26T06:00:00.000Z';

/** A monthly, active, per-seat Pax8 line of 10 seats at 2.21 USD; override what the test is about. */
export function line(overrides: Partial<Subscription> = {}): Subscription {
  return {
    vendor: 'pax8',
    externalId: 'sub-1',
    customerExternalId: 'cust-1',
    sku: 'M365-BP',
    productName: 'Microsoft 365 Business Premium',
    quantity: 10,
    unitCost: { amount: '2.21', currency: 'USD' },
    amountBasis: 'unit',
    pricePeriod: 'P1M',
    billingFrequency: 'monthly',
    commitmentTerm: 'P1M',
    recurring: true,
    status: 'active',
    rawStatus: 'Active',
    raw: {},
    ...overrides,
  };
}

/** An active monthly contract line of 8 seats at 3.00 USD for PSA company 100. */
export function contract(overrides: Partial<PsaContractLine> = {}): PsaContractLine {
  return {
    id: 'ag-1',
    psaCompanyId: '100',
    sku: 'M365-BP',
    quantity: 8,
    unitPrice: { amount: '3.00', currency: 'USD' },
    billingPeriod: 'P1M',
    status: 'active',
    ...overrides,
  };
}

export function link(overrides: Partial<CustomerLink> = {}): CustomerLink {
  return { vendor: 'pax8', customerExternalId: 'cust-1', psaCompanyId: '100', status: 'confirmed', ...overrides };
}

export function snap(overrides: Partial<Usage> = {}): Usage {
  return {
    vendor: 'pax8',
    week: '2026-W48',
    asOf: '2026-11-23T00:00:00.000Z',
    customerExternalId: 'cust-1',
    subscriptionExternalId: 'sub-1',
    sku: 'M365-BP',
    quantity: 10,
    source: 'purchased_quantity',
    ...overrides,
  };
}

export function input(overrides: Partial<LicensingInput> = {}): LicensingInput {
  return {
    subscriptions: [line()],
    contracts: [contract()],
    links: [link()],
    policy: { minMarginPercent: '20' },
    now: NOW,
    ...overrides,
  };
}
