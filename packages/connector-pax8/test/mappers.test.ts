import { Customer, Subscription } from '@vectis/connector-core';
import {
  decimalString,
  isUsageProduct,
  mapCompany,
  mapSubscription,
  Pax8Company,
  Pax8Subscription,
  pax8Date,
  readCheckpoint,
  readErrorBody,
  termOf,
} from '@vectis/connector-pax8';
import { describe, expect, it } from 'vitest';
import companiesPage from './fixtures/companies-page.json' with { type: 'json' };
import company from './fixtures/company.json' with { type: 'json' };
import history from './fixtures/subscription-history.json' with { type: 'json' };
import subscriptionsPage from './fixtures/subscriptions-page.json' with { type: 'json' };
import subscription from './fixtures/subscription.json' with { type: 'json' };

// Fixture in → expected normalized out. Fixtures are the spec's own examples, verbatim.
const sub = (over: Record<string, unknown> = {}) => Pax8Subscription.parse({ ...subscription, ...over });

describe('mapCompany (spec example company-0)', () => {
  it('maps externalId to externalRef, the website host to a domain, the -0600 offset to UTC', () => {
    const c = mapCompany(Pax8Company.parse(company));
    expect(Customer.parse(c)).toBeTruthy();
    expect(c).toMatchObject({
      vendor: 'pax8',
      externalId: 'a4dfc6bf-f02e-4a79-9844-66ba6c02ec3a',
      name: 'VFC Network, Inc',
      status: 'active',
      rawStatus: 'Active',
      externalRef: 'A123',
      domains: [{ domain: 'vfc-network-inc-liberty.com', source: 'website' }],
      address: { street: '48918 Liberty Lane Ave', city: 'Denver', state: 'Colorado', postalCode: '80210', country: 'US' },
      updatedAt: '2023-08-11T17:33:12.314Z',
    });
  });

  it('maps every company of the paged example, Inactive included, and contact e-mail domains (free mail excluded)', () => {
    const all = companiesPage.content.map((c) => mapCompany(Pax8Company.parse(c)));
    expect(all.map((c) => c.status)).toContain('inactive');
    const withContacts = mapCompany(Pax8Company.parse({
      ...company,
      website: 'https://www.Example-Clinic.com/about',
      contacts: [
        { firstName: 'A', lastName: 'B', email: 'a@gmail.com', phone: '1' },
        { firstName: 'C', lastName: 'D', email: 'c@clinic-mail.org', phone: '1', types: [{ type: 'Admin', primary: true }] },
      ],
    }));
    expect(withContacts.domains).toEqual([{ domain: 'example-clinic.com', source: 'website' }, { domain: 'clinic-mail.org', source: 'contact_email' }]);
    expect(withContacts.email).toBe('c@clinic-mail.org');
    expect(mapCompany(Pax8Company.parse({ ...company, status: 'Archived2031' }))).toMatchObject({ status: 'unknown', rawStatus: 'Archived2031' });
  });
});

describe('mapSubscription (spec examples)', () => {
  it('maps the Office 365 E3 example: number money → exact decimal strings with the currency, unit per month', () => {
    const line = mapSubscription(sub({ partnerCost: 28.17 }), { sku: 'MST-OFC-EE3-C100', vendorSku: '796B', name: 'Microsoft Office 365 E3', usage: false });
    expect(Subscription.parse(line)).toBeTruthy();
    expect(line).toMatchObject({
      vendor: 'pax8',
      externalId: '05c587df-9e7d-4ef9-8218-0262198e36c9',
      customerExternalId: 'fe7a2d5f-4a14-43ff-940e-a65cda66474a',
      productExternalId: 'e91bba5e-a9a3-483f-b036-f80165d410e3',
      sku: 'MST-OFC-EE3-C100',
      productName: 'Microsoft Office 365 E3',
      quantity: 5,
      unitPrice: { amount: '32.01', currency: 'USD' },
      unitCost: { amount: '28.17', currency: 'USD' },
      amountBasis: 'unit',
      pricePeriod: 'P1M',
      billingFrequency: 'monthly',
      commitmentTerm: 'none',
      recurring: true,
      status: 'active',
      startDate: '2021-01-01T08:30:00.000Z',
    });
  });

  it('maps every status of the paged example; PendingCancel is cancelled with its endDate (plain date kept as a date)', () => {
    const lines = subscriptionsPage.content.map((s) => mapSubscription(Pax8Subscription.parse(s)));
    for (const l of lines) Subscription.parse(l);
    const pending = lines.find((l) => l.externalId === 'e8f372b6-e2aa-4f3c-9baa-b34f31c921e5');
    expect(pending).toMatchObject({ status: 'cancelled', rawStatus: 'PendingCancel', endDate: '2020-11-18', quantity: 1 });
    expect(lines.find((l) => l.rawStatus === 'PendingAutomated')?.status).toBe('pending');
    expect(lines.find((l) => l.rawStatus === 'PendingManual')?.status).toBe('pending');
    // No partnerCost in the examples: unknown cost, never zero.
    expect(lines.every((l) => l.unitCost === undefined)).toBe(true);
    for (const [raw, status] of [['Trial', 'trial'], ['Converted', 'active'], ['Activated', 'active'], ['WaitingForDetails', 'pending'], ['PendingActivation', 'pending'], ['Cancelled', 'cancelled'], ['Frozen2031', 'unknown']]) {
      expect(mapSubscription(sub({ status: raw }))).toMatchObject({ status, rawStatus: raw });
    }
  });

  it('keeps billing frequency, commitment term and recurring apart for every billingTerm', () => {
    const m = (billingTerm: string, more: Record<string, unknown> = {}) => mapSubscription(sub({ billingTerm, ...more }));
    expect(m('Monthly', { commitmentTerm: { id: 'c1', term: '1-Year', endDate: '2026-12-31T23:59:59Z' } })).toMatchObject({
      billingFrequency: 'monthly', commitmentTerm: 'P1Y', pricePeriod: 'P1M', recurring: true, renewalDate: '2026-12-31T23:59:59.000Z',
    });
    expect(m('Annual')).toMatchObject({ billingFrequency: 'annual', commitmentTerm: 'P1Y', pricePeriod: 'P1Y', recurring: true });
    expect(m('2-Year')).toMatchObject({ billingFrequency: 'other', commitmentTerm: 'P2Y', pricePeriod: 'P2Y' });
    expect(m('3-Year', { commitmentTerm: { term: '3-Year' } })).toMatchObject({ commitmentTerm: 'P3Y', pricePeriod: 'P3Y' });
    expect(m('One-Time')).toMatchObject({ billingFrequency: 'one_time', recurring: false, pricePeriod: 'none' });
    expect(m('Activation')).toMatchObject({ billingFrequency: 'one_time', recurring: false });
    expect(m('Trial')).toMatchObject({ billingFrequency: 'monthly', recurring: false });
    expect(m('Monthly', { status: 'Trial' })).toMatchObject({ recurring: false, status: 'trial' });
    expect(m('Quarterly2031')).toMatchObject({ billingFrequency: 'unknown', pricePeriod: 'unknown', commitmentTerm: 'unknown', recurring: true });
    expect(m('Monthly', { commitmentTerm: { term: '5-Year' } }).commitmentTerm).toBe('unknown');
  });

  it('keeps add-ons as their own lines with parentSubscriptionId, and vendorSubscriptionId', () => {
    const line = mapSubscription(sub({ id: 'addon-1', parentSubscriptionId: '78e6c85e-71b6-412c-8a59-d1b75072cd22', vendorSubscriptionId: 'MS-SUB-1' }));
    expect(line.externalId).toBe('addon-1');
    expect(line.vendorSubscriptionId).toBe('MS-SUB-1');
    expect((line.raw as { parentSubscriptionId?: string }).parentSubscriptionId).toBe('78e6c85e-71b6-412c-8a59-d1b75072cd22');
  });

  it('reads the history example (mixed date-time offsets) without throwing', () => {
    const [latest] = history.content.map((s) => mapSubscription(Pax8Subscription.parse(s)));
    expect(latest).toMatchObject({ updatedAt: '2020-12-10T06:12:14.453Z', quantity: 5 });
  });

  it('takes the currency from the subscription and never emits an amount without one', () => {
    expect(mapSubscription(sub({ currencyCode: 'cad' })).unitPrice).toEqual({ amount: '32.01', currency: 'CAD' });
    expect(mapSubscription(sub({ currencyCode: undefined })).unitPrice).toBeUndefined();
  });
});

describe('values', () => {
  it('turns JSON numbers into the exact decimal written, exponents expanded', () => {
    expect([15.39, 150, 0, 86.456, 0.1, 1e-7, 1.5e-7, 2.5e21, -3.25].map(decimalString)).toEqual(['15.39', '150', '0', '86.456', '0.1', '0.0000001', '0.00000015', '2500000000000000000000', '-3.25']);
    expect(decimalString(Number.NaN)).toBeUndefined();
  });

  it('reads mixed date and date-time strings, offsets with and without a colon', () => {
    expect(pax8Date('2023-08-11T11:33:12.314-0600')).toBe('2023-08-11T17:33:12.314Z');
    expect(pax8Date('2000-10-31T01:30:00.000-05:00')).toBe('2000-10-31T06:30:00.000Z');
    expect(pax8Date('2021-01-01T08:30:00Z')).toBe('2021-01-01T08:30:00.000Z');
    expect(pax8Date('2020-11-18')).toBe('2020-11-18');
    expect(pax8Date('2020-02-30')).toBeUndefined();
    expect(pax8Date('next tuesday')).toBeUndefined();
    expect(pax8Date(undefined)).toBeUndefined();
  });

  it('recognises usage products only by $0 rates and a container unit', () => {
    const zero = [{ partnerBuyRate: 0, suggestedRetailPrice: 0 }];
    expect(isUsageProduct([{ unitOfMeasurement: 'Each', rates: zero }])).toBe(true);
    expect(isUsageProduct([{ unitOfMeasurement: 'User', rates: zero }])).toBe(false);
    expect(isUsageProduct([{ unitOfMeasurement: 'Each', rates: [{ partnerBuyRate: 5, suggestedRetailPrice: 6 }] }])).toBe(false);
    expect(isUsageProduct([])).toBe(false);
    expect(termOf('1-Year')).toBe('P1Y');
  });

  it('reads the error body and the token error into one message; ignores foreign checkpoints', () => {
    expect(readErrorBody({ type: 'NOT_FOUND', message: 'Company Not Found: 1', instance: '/public/v1/companies/1', status: 404, details: [{ message: 'id unknown' }] })).toEqual({ message: 'NOT_FOUND: Company Not Found: 1; id unknown' });
    expect(readErrorBody({ error: 'access_denied', error_description: 'Unauthorized' })).toEqual({ message: 'access_denied: Unauthorized' });
    expect(readErrorBody('nope')).toBeUndefined();
    expect(readCheckpoint({ v: 1, lastSyncDay: '2026-11-26' })).toBeUndefined();
    expect(readCheckpoint({ v: 1, products: { p: { sku: 'X', usage: false }, q: { sku: 'Y' } } })).toEqual({ v: 1, products: { p: { sku: 'X', usage: false } } });
  });
});
