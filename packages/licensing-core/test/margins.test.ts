import { describe, expect, it } from 'vitest';
import { computeLicensingReport } from '@vectis/licensing-core';
import { contract, input, line, link } from './helpers';

describe('per-SKU rollup and margins (worked examples)', () => {
  it('10 seats × 2.21 USD vs 8 contracted at 3.00 USD', () => {
    const report = computeLicensingReport(input({ policy: { minMarginPercent: '30' } }));
    const [row] = report.rollups.items;
    // cost    = 10 × 2.21 = 22.10 USD/month
    // revenue =  8 × 3.00 = 24.00 USD/month
    // margin  = 24.00 − 22.10 = 1.90; margin % = 1.90 ÷ 24.00 × 100 = 7.91666… → 7.9166666667 (10 places)
    // unit margin % = (3.00 − 2.21) ÷ 3.00 × 100 = 26.3333333333
    expect(row).toMatchObject({
      customer: { key: 'psa:100', linked: true, psaCompanyId: '100', distributorCustomers: ['pax8:cust-1'] },
      skus: ['M365-BP'], vendors: ['pax8'], vendorLabel: 'Pax8', seats: 10, contractedSeats: 8,
      monthlyCost: [{ amount: '22.10', currency: 'USD' }],
      monthlyRevenue: [{ amount: '24.00', currency: 'USD' }],
      margin: { currency: 'USD', margin: { amount: '1.90', currency: 'USD' }, marginPercent: '7.9166666667', unitMarginPercent: '26.3333333333' },
    });
    expect(row?.groups).toEqual([{
      commitmentTerm: 'P1M', billingFrequency: 'monthly', currency: 'USD', seats: 10,
      monthlyCost: { amount: '22.10', currency: 'USD' }, unitCostMonthly: { amount: '2.21', currency: 'USD' },
      vendors: ['pax8'], lineIds: ['line:pax8:sub-1'],
    }]);
    // Uncontracted: 10 − 8 = 2 seats × 3.00 (contract price) = 6.00 USD/month, the MSP under-bills.
    expect(report.seats.uncontracted).toMatchObject([{
      kind: 'uncontracted_seats', direction: 'msp_underbills', seats: 2,
      monthlyImpact: { amount: '6.00', currency: 'USD' }, impactBasis: 'contract_price',
    }]);
    // Below margin at 30 %: required price = 2.21 × 100 ÷ 70 = 3.1571428571 (10 places);
    // shortfall = (3.1571428571 − 3.00) × 8 contracted seats = 1.2571428568 USD/month.
    expect(report.margins.belowMargin).toMatchObject([{
      kind: 'below_margin', direction: 'msp_underbills', monthlyImpact: { amount: '1.2571428568', currency: 'USD' },
    }]);
    expect(report.margins.belowMargin[0]?.action).toContain('3.16 USD/seat/month');
    expect(report.rollups.totals).toEqual([{
      currency: 'USD', monthlyCost: { amount: '22.10', currency: 'USD' }, monthlyRevenue: { amount: '24.00', currency: 'USD' },
      margin: { amount: '1.90', currency: 'USD' }, costWithoutRevenue: { amount: '0.00', currency: 'USD' },
      unlinkedCost: { amount: '0.00', currency: 'USD' }, revenueWithoutCost: { amount: '0.00', currency: 'USD' }, skusWithMargin: 1,
    }]);
    expect(report.seats.coverage.status).toBe('complete');
    // no seat snapshots: unused seats were not audited, so Money Found as a whole is only partial
    expect(report.moneyFound.coverage).toMatchObject({ status: 'partial', customers: 1, lines: 1, contracts: 1, weeks: 0 });
  });

  it('uses a per-SKU override (PSA product id wins over the SKU) and the default elsewhere', () => {
    const policy = { minMarginPercent: '30', minMarginBySku: { 'M365-BP': '10' } };
    expect(computeLicensingReport(input({ policy })).margins.belowMargin).toEqual([]);
    const mapped = {
      minMarginPercent: '10',
      minMarginBySku: { 'M365-BP': '10', 'PSA-BP': '40' },
      skuMappings: [{ psaProductId: 'PSA-BP', sku: 'M365-BP' }],
    };
    const report = computeLicensingReport(input({ policy: mapped, contracts: [contract({ sku: undefined, productId: 'PSA-BP' })] }));
    expect(report.rollups.items[0]?.skuKey).toBe('psa:PSA-BP');
    expect(report.margins.belowMargin).toHaveLength(1);
  });

  it('spreads an annual 120.00 USD/year line to 10.00/month', () => {
    const annual = line({ quantity: 1, unitCost: { amount: '120.00', currency: 'USD' }, pricePeriod: 'P1Y', billingFrequency: 'annual', commitmentTerm: 'P1Y' });
    const report = computeLicensingReport(input({ subscriptions: [annual], contracts: [contract({ quantity: 1, unitPrice: { amount: '180.00', currency: 'USD' }, billingPeriod: 'P1Y' })] }));
    // cost 120.00 ÷ 12 = 10.00; revenue 180.00 ÷ 12 = 15.00; margin 5.00 = 33.33 %
    expect(report.rollups.items[0]?.monthlyCost).toEqual([{ amount: '10.00', currency: 'USD' }]);
    expect(report.rollups.items[0]?.margin?.margin).toEqual({ amount: '5.00', currency: 'USD' });
  });

  it('spreads a P3Y prepaid amount over 36 months, per seat or extended', () => {
    // unit: 5 seats × 720.00 per 3 years = 3600.00 ÷ 36 = 100.00/month (not 3600 a month: pax8-cli#439)
    const unit = line({ quantity: 5, unitCost: { amount: '720.00', currency: 'USD' }, pricePeriod: 'P3Y', commitmentTerm: 'P3Y', billingFrequency: 'other' });
    // extended: 3600.00 covers all 5 seats for 3 years: also 100.00/month, 20.00 per seat
    const ext = line({ externalId: 'sub-2', quantity: 5, unitCost: { amount: '3600.00', currency: 'USD' }, amountBasis: 'extended', pricePeriod: 'P3Y', commitmentTerm: 'P3Y', billingFrequency: 'other' });
    // 2-year: 240.00 per seat ÷ 24 = 10.00/month
    const twoYear = line({ externalId: 'sub-3', sku: 'TWO', quantity: 1, unitCost: { amount: '240.00', currency: 'USD' }, pricePeriod: 'P2Y', commitmentTerm: 'P2Y' });
    const report = computeLicensingReport(input({ subscriptions: [unit, ext, twoYear] }));
    const bp = report.rollups.items.find((r) => r.skuKey === 'sku:M365-BP');
    expect(bp?.monthlyCost).toEqual([{ amount: '200.00', currency: 'USD' }]);
    expect(bp?.groups[0]?.unitCostMonthly).toEqual({ amount: '20.00', currency: 'USD' });
    expect(report.rollups.items.find((r) => r.skuKey === 'sku:TWO')?.monthlyCost).toEqual([{ amount: '10.00', currency: 'USD' }]);
  });

  it('sums two subscriptions of one product before comparing (pax8-cli#63)', () => {
    const a = line({ quantity: 30 });
    const b = line({ externalId: 'sub-2', quantity: 20, commitmentTerm: 'P1Y' });
    const report = computeLicensingReport(input({ subscriptions: [a, b], contracts: [contract({ quantity: 50 })] }));
    expect(report.rollups.items[0]?.seats).toBe(50);
    expect(report.rollups.items[0]?.groups.map((g) => [g.commitmentTerm, g.seats])).toEqual([['P1M', 30], ['P1Y', 20]]);
    expect(report.seats.uncontracted).toEqual([]);
    expect(report.seats.overContracted).toEqual([]);
  });

  it('keeps currencies apart and reports a PSA-vs-distributor currency mismatch as its own finding', () => {
    const usd = line();
    const eur = line({ vendor: 'ingram_micro', externalId: '9:1', customerExternalId: 'i-1', unitCost: { amount: '2.00', currency: 'EUR' } });
    const links = [link(), link({ vendor: 'ingram_micro', customerExternalId: 'i-1' })];
    const report = computeLicensingReport(input({ subscriptions: [usd, eur], links, contracts: [contract({ quantity: 20 })] }));
    // 10 × 2.21 USD = 22.10 USD and 10 × 2.00 EUR = 20.00 EUR, never added together
    expect(report.rollups.totals.map((t) => t.monthlyCost)).toEqual([{ amount: '20.00', currency: 'EUR' }, { amount: '22.10', currency: 'USD' }]);
    expect(report.rollups.items[0]?.vendorLabel).toBe('Mixed');
    expect(report.rollups.items[0]?.margin).toBeUndefined();
    expect(report.margins.currencyMismatches).toMatchObject([{ direction: 'review', kind: 'currency_mismatch' }]);
    expect(report.margins.currencyMismatches[0]?.monthlyImpact).toBeUndefined();

    const eurContract = computeLicensingReport(input({ contracts: [contract({ quantity: 10, unitPrice: { amount: '3.00', currency: 'EUR' } })] }));
    expect(eurContract.rollups.items[0]?.marginUnavailable).toContain('no FX rate');
    expect(eurContract.margins.currencyMismatches).toHaveLength(1);
  });

  it('converts only with an explicitly supplied FX rate, and says so', () => {
    const report = computeLicensingReport(input({
      contracts: [contract({ quantity: 10, unitPrice: { amount: '3.00', currency: 'EUR' } })],
      policy: { minMarginPercent: '20', fx: [{ from: 'USD', to: 'EUR', rate: '0.9' }] },
    }));
    // cost 22.10 USD × 0.9 = 19.89 EUR; revenue 30.00 EUR; margin 10.11 EUR
    expect(report.rollups.items[0]?.margin).toMatchObject({
      currency: 'EUR', monthlyCost: { amount: '19.89', currency: 'EUR' }, margin: { amount: '10.11', currency: 'EUR' },
      fxRate: { from: 'USD', to: 'EUR', rate: '0.90' },
    });
    // totals stay in the original currencies
    expect(report.rollups.totals.map((t) => t.currency)).toEqual(['EUR', 'USD']);
  });

  it('never counts one-time, trial, activation or usage lines as recurring', () => {
    const oneTime = line({ externalId: 'ot', billingFrequency: 'one_time', recurring: false, unitCost: { amount: '50.00', currency: 'USD' } });
    const trial = line({ externalId: 'tr', status: 'trial', recurring: false });
    const usage = line({ externalId: 'us', billingFrequency: 'usage' });
    const report = computeLicensingReport(input({ subscriptions: [line(), oneTime, trial, usage] }));
    expect(report.rollups.items[0]?.seats).toBe(10);
    expect(report.rollups.items[0]?.monthlyCost).toEqual([{ amount: '22.10', currency: 'USD' }]);
    expect(report.flags.map((f) => [f.code, f.ref])).toEqual([
      ['non_recurring', 'line:pax8:ot'], ['non_recurring', 'line:pax8:tr'], ['usage_not_in_run_rate', 'line:pax8:us'],
    ]);
  });

  it('gives no run-rate for an unknown price period or amount basis, unless policy assumes per-seat', () => {
    const unknownPeriod = computeLicensingReport(input({ subscriptions: [line({ pricePeriod: 'unknown' })] }));
    expect(unknownPeriod.rollups.items[0]).toMatchObject({ seats: 10, monthlyCost: [], margin: undefined });
    expect(unknownPeriod.rollups.items[0]?.marginUnavailable).toContain('no monthly run-rate');
    expect(unknownPeriod.flags.map((f) => f.code)).toEqual(['unknown_price_period']);
    expect(unknownPeriod.rollups.coverage.status).toBe('partial');

    const unknownBasis = line({ amountBasis: 'unknown' });
    expect(computeLicensingReport(input({ subscriptions: [unknownBasis] })).rollups.items[0]?.monthlyCost).toEqual([]);
    const assumed = computeLicensingReport(input({ subscriptions: [unknownBasis], policy: { minMarginPercent: '20', unknownAmountBasis: 'assume_unit' } }));
    expect(assumed.rollups.items[0]?.monthlyCost).toEqual([{ amount: '22.10', currency: 'USD' }]);
    expect(assumed.flags.map((f) => f.code)).toEqual(['assumed_unit_basis']);
  });
});

describe('shared, read-only figures', () => {
  it('two reports show equal amounts with shared frozen Money: changing one row cannot change another', () => {
    const a = computeLicensingReport(input({ policy: { minMarginPercent: '30' } }));
    const b = computeLicensingReport(input({ policy: { minMarginPercent: '30' } }));
    const cost = a.rollups.items[0]?.monthlyCost[0];
    expect(cost).toEqual({ amount: '22.10', currency: 'USD' });
    expect(Object.isFrozen(cost)).toBe(true);
    expect(() => Object.assign(cost as object, { amount: '0.00' })).toThrow(TypeError);
    expect(b.rollups.items[0]?.monthlyCost[0]).toEqual({ amount: '22.10', currency: 'USD' });
    expect(Object.isFrozen(a.rollups.items[0]?.vendors)).toBe(true);
    // The one-currency lists are shared too: pushing into one row's list throws instead of changing others.
    const list = a.rollups.items[0]?.monthlyCost as unknown as unknown[];
    expect(() => list.push({ amount: '1.00', currency: 'USD' })).toThrow(TypeError);
    expect(b.rollups.items[0]?.monthlyCost).toEqual([{ amount: '22.10', currency: 'USD' }]);
  });
});
