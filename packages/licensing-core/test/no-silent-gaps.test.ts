import { describe, expect, it } from 'vitest';
import { computeLicensingReport } from '@vectis/licensing-core';
import { contract, input, line, link } from './helpers';

// Issue 11: the findings an MSP counts on, each with the numbers worked out by hand.
const other = contract({ id: 'ag-200', psaCompanyId: '200', sku: 'OTHER' }); // PSA data exists, for someone else

describe('1. a linked client with no PSA contract line at all', () => {
  it('makes every live seat uncontracted, valued per line: msrp, else unit cost + 20 %', () => {
    const report = computeLicensingReport(input({
      subscriptions: [
        // 10 seats, msrp 3.50/month → 10 × 3.50 = 35.00 USD
        line({ msrp: { amount: '3.50', currency: 'USD' } }),
        // 4 seats, no msrp, cost 60.00/year → 5.00/month, + 20 % = 6.00 → 4 × 6.00 = 24.00 USD
        line({ externalId: 'sub-2', sku: 'DEFENDER', quantity: 4, unitCost: { amount: '60.00', currency: 'USD' }, pricePeriod: 'P1Y' }),
      ],
      contracts: [other],
    }));
    expect(report.seats.uncontracted).toHaveLength(2);
    const bySku = Object.fromEntries(report.seats.uncontracted.map((f) => [f.skus[0], f]));
    expect(bySku['M365-BP']).toMatchObject({ direction: 'msp_underbills', seats: 10, monthlyImpact: { amount: '35.00', currency: 'USD' }, impactBasis: 'msrp' });
    expect(bySku.DEFENDER).toMatchObject({ seats: 4, monthlyImpact: { amount: '24.00', currency: 'USD' }, impactBasis: 'unit_cost_markup' });
    expect(bySku.DEFENDER?.summary).toContain('unit cost plus the default markup');
    expect(report.seats.coverage.customersWithoutContracts).toEqual(['psa:100']);
    expect(report.seats.coverage.customersWithoutPsaData).toEqual([]);
    expect(report.moneyFound.audited.uncontracted_seats).toEqual(['psa:100']);
  });

  it('uses the client\'s contract price for a SKU it has one for, and a configured markup elsewhere', () => {
    const report = computeLicensingReport(input({
      subscriptions: [line(), line({ externalId: 'sub-2', sku: 'DEFENDER', quantity: 4, unitCost: { amount: '5.00', currency: 'USD' } })],
      contracts: [contract()],
      policy: { minMarginPercent: '10', defaultMarkupPercent: '50' },
    }));
    const bySku = Object.fromEntries(report.seats.uncontracted.map((f) => [f.skus[0], f]));
    // contracted SKU: (10 − 8) × 3.00 = 6.00 USD at the contract price
    expect(bySku['M365-BP']).toMatchObject({ seats: 2, monthlyImpact: { amount: '6.00', currency: 'USD' }, impactBasis: 'contract_price' });
    // no contract line for DEFENDER: 4 × 5.00 × 1.5 = 30.00 USD
    expect(bySku.DEFENDER).toMatchObject({ seats: 4, monthlyImpact: { amount: '30.00', currency: 'USD' }, impactBasis: 'unit_cost_markup' });
  });

  it('takes the contract price from a 0-seat contract line of the client for that SKU', () => {
    // the agreement lists M365-BP at 3.00 with 0 seats: 10 uncontracted × 3.00 = 30.00 USD
    const report = computeLicensingReport(input({ contracts: [contract({ quantity: 0 })] }));
    expect(report.seats.uncontracted).toMatchObject([{ seats: 10, monthlyImpact: { amount: '30.00', currency: 'USD' }, impactBasis: 'contract_price' }]);
  });

  it('audits a client named in psaDataSuppliedFor even when no contract line exists anywhere', () => {
    // 10 seats × 2.21 × 1.2 = 26.52 USD
    const report = computeLicensingReport(input({ contracts: [], psaDataSuppliedFor: ['100'] }));
    expect(report.seats.uncontracted).toMatchObject([{ seats: 10, monthlyImpact: { amount: '26.52', currency: 'USD' }, impactBasis: 'unit_cost_markup' }]);
    expect(report.seats.coverage.status).toBe('complete');
  });

  it('exempts only a client whose PSA data was not supplied, and says so in coverage', () => {
    const report = computeLicensingReport(input({ contracts: [other], psaDataSuppliedFor: ['200'] }));
    expect(report.seats.uncontracted).toEqual([]);
    expect(report.rollups.items.find((r) => r.customer.key === 'psa:100')?.contractedSeats).toBeUndefined();
    // the only linked client was not audited, so the seat comparison as a whole was not audited
    expect(report.seats.coverage).toMatchObject({ status: 'not_audited', customersWithoutPsaData: ['psa:100'] });
    expect(report.seats.coverage.reasons).toContain('1 linked customer(s) whose PSA data was not supplied: not audited');
    expect(report.moneyFound.audited.uncontracted_seats).toEqual([]);
  });
});

describe('2. a PSA contract line for a SKU with no live distributor line', () => {
  it('is a Money Found finding: client over-billed, with the monthly amount and the unlinked-customer hint', () => {
    // PSA company 300 has no linked distributor customer at all: 5 seats × 36.00/year = 15.00 USD/month
    const report = computeLicensingReport(input({
      contracts: [contract(), contract({ id: 'ag-300', psaCompanyId: '300', quantity: 5, unitPrice: { amount: '36.00', currency: 'USD' }, billingPeriod: 'P1Y' })],
    }));
    const f = report.moneyFound.findings.find((x) => x.kind === 'billed_without_license');
    expect(f).toMatchObject({ direction: 'msp_overbills', customer: { key: 'psa:300' }, seats: 5, monthlyImpact: { amount: '15.00', currency: 'USD' } });
    expect(f?.action).toContain('not linked');
    expect(report.moneyFound.audited.billed_without_license).toEqual(['psa:100', 'psa:300']);
  });

  it('is not raised for a SKU whose distributor line is only usage-billed, nor resolved on an incomplete read', () => {
    const azure = line({ sku: 'AZURE', billingFrequency: 'usage' });
    const report = computeLicensingReport(input({ subscriptions: [line(), azure], contracts: [contract(), contract({ id: 'ag-az', sku: 'AZURE', quantity: 1 })] }));
    expect(report.margins.billedWithoutLicense).toEqual([]);
    const partial = computeLicensingReport(input({ contracts: [contract({ sku: 'GONE' })], sources: [{ vendor: 'pax8', stream: 'subscriptions', complete: false }] }));
    expect(partial.margins.billedWithoutLicense).toHaveLength(1);
    expect(partial.moneyFound.audited.billed_without_license).toEqual([]);
  });
});

describe('3. which distributor lines are live seats', () => {
  it('lists pending lines separately instead of counting them as uncontracted', () => {
    // 10 live + 5 pending vs 10 contracted: nothing uncontracted; the 5 are listed as pending
    const report = computeLicensingReport(input({
      subscriptions: [line(), line({ externalId: 'sub-p', quantity: 5, status: 'pending', rawStatus: 'PendingManual' })],
      contracts: [contract({ quantity: 10 })],
    }));
    expect(report.seats.uncontracted).toEqual([]);
    expect(report.rollups.items[0]).toMatchObject({ seats: 10, pendingSeats: 5 });
    expect(report.seats.pending).toEqual([{ lineId: 'line:pax8:sub-p', customerKey: 'psa:100', skuKey: 'sku:M365-BP', sku: 'M365-BP', seats: 5 }]);
  });

  it('treats an active line past its term end as lapsed: not live, flagged, and cancelled-still-billed', () => {
    const lapsed = line({ endDate: '2026-10-31' }); // now is 2026-11-26
    const report = computeLicensingReport(input({ subscriptions: [lapsed] }));
    expect(report.rollups.items[0]?.seats).toBe(0);
    expect(report.flags.map((f) => f.code)).toEqual(['lapsed_term']);
    // the PSA still bills 8 × 3.00 = 24.00 USD/month for a licence whose term ended 2026-10-31
    expect(report.margins.cancelledStillBilled).toMatchObject([{ seats: 8, monthlyImpact: { amount: '24.00', currency: 'USD' }, evidence: { endDate: '2026-10-31' } }]);
    expect(report.seats.overContracted).toEqual([]);
  });

  it('keeps counting a suspended line until its term end (NCE keeps billing), with a flag', () => {
    // 10 suspended seats vs 8 contracted: (10 − 8) × 3.00 = 6.00 USD/month
    const report = computeLicensingReport(input({ subscriptions: [line({ status: 'suspended', rawStatus: 'hold', endDate: '2027-03-31' })] }));
    expect(report.seats.uncontracted).toMatchObject([{ seats: 2, monthlyImpact: { amount: '6.00', currency: 'USD' } }]);
    expect(report.flags.map((f) => f.code)).toEqual(['suspended_counted']);
    const past = computeLicensingReport(input({ subscriptions: [line({ status: 'suspended', endDate: '2026-11-01' })] }));
    expect(past.rollups.items[0]?.seats).toBe(0);
    expect(past.margins.cancelledStillBilled).toHaveLength(1);
  });
});

describe('4. totals add up', () => {
  it('margin = revenue − cost over the same rows, with the cost that has no revenue shown apart', () => {
    const report = computeLicensingReport(input({
      subscriptions: [
        line(), // 10 × 2.21 = 22.10 cost, against 8 × 3.00 = 24.00 revenue
        line({ externalId: 'sub-2', sku: 'DEFENDER', quantity: 2, unitCost: { amount: '1.50', currency: 'USD' } }), // 3.00, not contracted
        line({ externalId: 'sub-u', customerExternalId: 'nobody', quantity: 5, unitCost: { amount: '4.00', currency: 'USD' } }), // 20.00, unlinked
      ],
      contracts: [contract(), contract({ id: 'ag-2', sku: 'TEAMS-PHONE', quantity: 2, unitPrice: { amount: '5.00', currency: 'USD' } })], // 10.00, no licence
    }));
    // cost 22.10 + 3.00 + 20.00 = 45.10; revenue 24.00 + 10.00 = 34.00; margin 34.00 − 45.10 = −11.10
    expect(report.rollups.totals).toEqual([{
      currency: 'USD',
      monthlyCost: { amount: '45.10', currency: 'USD' },
      monthlyRevenue: { amount: '34.00', currency: 'USD' },
      margin: { amount: '-11.10', currency: 'USD' },
      costWithoutRevenue: { amount: '23.00', currency: 'USD' }, // 3.00 + 20.00
      unlinkedCost: { amount: '20.00', currency: 'USD' },
      revenueWithoutCost: { amount: '10.00', currency: 'USD' },
      skusWithMargin: 1,
    }]);
    const perCustomer = report.customers.map((c) => c.totals[0]?.margin.amount);
    expect(perCustomer).toEqual(['-20.00', '8.90']); // −20.00 + 8.90 = −11.10
  });
});

describe('5. bad amounts are flagged, not absorbed', () => {
  it('flags a negative unit cost and leaves the cost unknown', () => {
    const report = computeLicensingReport(input({ subscriptions: [line({ unitCost: { amount: '-2.21', currency: 'USD' } })] }));
    expect(report.flags.map((f) => f.code)).toEqual(['negative_amount']);
    expect(report.rollups.items[0]).toMatchObject({ seats: 10, monthlyCost: [], margin: undefined });
    expect(report.rollups.coverage.status).toBe('partial');
  });

  it('flags a negative msrp and values the seats at cost + markup instead', () => {
    // no contract line for the SKU; msrp −3.50 is refused: 10 × 2.21 × 1.2 = 26.52 USD
    const report = computeLicensingReport(input({ subscriptions: [line({ msrp: { amount: '-3.50', currency: 'USD' } })], contracts: [other] }));
    expect(report.flags.map((f) => f.code)).toEqual(['negative_amount']);
    expect(report.seats.uncontracted).toMatchObject([{ monthlyImpact: { amount: '26.52', currency: 'USD' }, impactBasis: 'unit_cost_markup' }]);
  });

  it('flags a negative contract price but keeps its seats contracted', () => {
    const report = computeLicensingReport(input({ contracts: [contract({ unitPrice: { amount: '-3.00', currency: 'USD' } })] }));
    expect(report.flags.map((f) => `${f.code} ${f.ref}`)).toEqual(['negative_amount contract:ag-1']);
    expect(report.rollups.items[0]).toMatchObject({ contractedSeats: 8, monthlyRevenue: [], margin: undefined });
    // 2 uncontracted seats; no contract price → 2.21 × 1.2 = 2.652 each → 5.304 USD
    expect(report.seats.uncontracted).toMatchObject([{ seats: 2, monthlyImpact: { amount: '5.304', currency: 'USD' }, impactBasis: 'unit_cost_markup' }]);
  });

  it('upper-cases a currency code when that makes it ISO 4217, and flags an unknown one', () => {
    const lower = computeLicensingReport(input({ subscriptions: [line({ unitCost: { amount: '2.21', currency: 'usd' } })] }));
    expect(lower.rollups.items[0]?.monthlyCost).toEqual([{ amount: '22.10', currency: 'USD' }]);
    expect(lower.flags.map((f) => f.code)).toEqual(['currency_upper_cased']);
    expect(lower.rollups.coverage.status).toBe('complete');
    const xyz = computeLicensingReport(input({ subscriptions: [line({ unitCost: { amount: '2.21', currency: 'XYZ' } })] }));
    expect(xyz.flags.map((f) => f.code)).toEqual(['unknown_currency']);
    expect(xyz.rollups.items[0]?.monthlyCost).toEqual([]);
  });

  it('never sums seats of two currencies into one uncontracted count', () => {
    const subscriptions = [
      line(), // 10 seats in USD at 2.21
      line({ vendor: 'sherweb', externalId: 'sw-1', customerExternalId: 'sw-c', quantity: 5, unitCost: { amount: '2.00', currency: 'EUR' } }),
    ];
    const links = [link(), link({ vendor: 'sherweb', customerExternalId: 'sw-c' })];
    const none = computeLicensingReport(input({ subscriptions, links, contracts: [other] }));
    // one finding per currency: 10 × 2.21 × 1.2 = 26.52 USD and 5 × 2.00 × 1.2 = 12.00 EUR, never 15 seats
    expect(none.seats.uncontracted.map((f) => [f.seats, f.monthlyImpact?.amount, f.monthlyImpact?.currency])).toEqual(
      expect.arrayContaining([[10, '26.52', 'USD'], [5, '12.00', 'EUR']]),
    );
    expect(none.seats.uncontracted).toHaveLength(2);
    expect(new Set(none.seats.uncontracted.map((f) => f.id)).size).toBe(2);
    // with 12 seats contracted in USD, 10 USD + 5 EUR seats are not compared with them: a review row
    const some = computeLicensingReport(input({ subscriptions, links, contracts: [contract({ quantity: 12 })] }));
    expect(some.seats.uncontracted).toEqual([]);
    expect(some.seats.overContracted).toEqual([]);
    expect(some.margins.currencyMismatches).toMatchObject([{ direction: 'review', impactBasis: 'none' }]);
  });
});

describe('a PSA line the client is not charged for', () => {
  it('counts its seats as contracted and its revenue as zero, and never values other seats at its price', () => {
    // 10 seats at cost 2.21 = 22.10 USD/month; the PSA lists 10 seats at 3.00 but does not charge them:
    // revenue 0.00, margin −22.10, no uncontracted seats.
    const report = computeLicensingReport(input({ contracts: [contract({ quantity: 10, billable: false })] }));
    const row = report.rollups.items.find((r) => r.customer.key === 'psa:100');
    expect(row?.contractedSeats).toBe(10);
    expect(row?.monthlyRevenue).toEqual([{ amount: '0.00', currency: 'USD' }]);
    expect(report.seats.uncontracted).toEqual([]);
    // 12 distributor seats against the same no-charge line: the 2 extra seats are valued at cost + 20 %
    // (2 × 2.21 × 1.2 = 5.304, kept exact), not at the 3.00 the client is never charged.
    const more = computeLicensingReport(input({ subscriptions: [line({ quantity: 12 })], contracts: [contract({ quantity: 10, billable: false })] }));
    expect(more.seats.uncontracted).toMatchObject([{ seats: 2, monthlyImpact: { amount: '5.304', currency: 'USD' }, impactBasis: 'unit_cost_markup' }]);
  });
});
