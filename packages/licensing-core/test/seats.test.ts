import { describe, expect, it } from 'vitest';
import { computeLicensingReport } from '@vectis/licensing-core';
import { isConfigurationError } from '@vectis/connector-core';
import { contract, input, line, link } from './helpers';

describe('uncontracted and over-contracted seats', () => {
  it('values uncontracted seats at msrp, then unit cost + markup, when no contract price exists', () => {
    // the only contract line was cancelled on 2026-11-01: the customer has contract data, 0 seats contracted
    const ended = contract({ status: 'cancelled', endDate: '2026-11-01' });
    const msrp = computeLicensingReport(input({ subscriptions: [line({ msrp: { amount: '3.50', currency: 'USD' } })], contracts: [ended] }));
    // 10 uncontracted × 3.50 msrp = 35.00 USD/month
    expect(msrp.seats.uncontracted).toMatchObject([{ seats: 10, monthlyImpact: { amount: '35.00', currency: 'USD' }, impactBasis: 'msrp' }]);
    // no msrp: the distributor's unitPrice is not a basis; annual cost 24.00/seat/year → 2.00/month,
    // + 20 % default markup = 2.40; 10 seats × 2.40 = 24.00 USD/month
    const annual = line({ unitPrice: { amount: '36.00', currency: 'USD' }, pricePeriod: 'P1Y', unitCost: { amount: '24.00', currency: 'USD' } });
    expect(computeLicensingReport(input({ subscriptions: [annual], contracts: [ended] })).seats.uncontracted)
      .toMatchObject([{ monthlyImpact: { amount: '24.00', currency: 'USD' }, impactBasis: 'unit_cost_markup' }]);
    const none = computeLicensingReport(input({ subscriptions: [line({ unitCost: undefined })], contracts: [ended] })).seats.uncontracted[0];
    expect(none?.impactBasis).toBe('none');
    expect(none?.monthlyImpact).toBeUndefined();
  });

  it('reports over-contracted seats as the MSP over-billing', () => {
    // 12 contracted − 10 licensed = 2 seats × 3.00 = 6.00 USD/month billed for seats not licensed
    const report = computeLicensingReport(input({ contracts: [contract({ quantity: 12 })] }));
    expect(report.seats.overContracted).toMatchObject([{ kind: 'over_contracted_seats', direction: 'msp_overbills', seats: 2, monthlyImpact: { amount: '6.00', currency: 'USD' } }]);
    expect(report.seats.uncontracted).toEqual([]);
  });

  it('respects contract effective and cancel dates against now', () => {
    const future = contract({ id: 'ag-2', startDate: '2026-12-01', quantity: 5 });
    const cancelledLater = contract({ id: 'ag-3', status: 'cancelled', endDate: '2026-12-31', quantity: 2 });
    const cancelledNoDate = contract({ id: 'ag-4', status: 'cancelled', quantity: 3 });
    const inactive = contract({ id: 'ag-5', status: 'inactive', quantity: 3 });
    const report = computeLicensingReport(input({ contracts: [contract(), future, cancelledLater, cancelledNoDate, inactive] }));
    // in effect: ag-1 (8) + ag-3 (2, cancelled but billing until 2026-12-31) = 10 = 10 licensed
    expect(report.rollups.items[0]?.contractedSeats).toBe(10);
    expect(report.seats.uncontracted).toEqual([]);
  });

  it('counts a pending-cancel line until its end date, then flags the contract still billed', () => {
    const pending = line({ status: 'cancelled', rawStatus: 'PendingCancel', endDate: '2026-12-15' });
    expect(computeLicensingReport(input({ subscriptions: [pending] })).rollups.items[0]?.seats).toBe(10);
    const gone = line({ status: 'cancelled', rawStatus: 'terminated', endDate: '2026-11-01' });
    const report = computeLicensingReport(input({ subscriptions: [gone] }));
    // every distributor line ended 2026-11-01; 8 seats × 3.00 = 24.00 USD/month still invoiced
    expect(report.margins.cancelledStillBilled).toMatchObject([{
      kind: 'cancelled_still_billed', direction: 'msp_overbills', seats: 8,
      monthlyImpact: { amount: '24.00', currency: 'USD' }, impactBasis: 'contract_revenue',
      evidence: { lineIds: ['line:pax8:sub-1'], contractIds: ['ag-1'], endDate: '2026-11-01' },
    }]);
    expect(report.seats.overContracted).toEqual([]);
    const noDate = computeLicensingReport(input({ subscriptions: [line({ status: 'expired' })] }));
    expect(noDate.margins.cancelledStillBilled).toHaveLength(1);
    expect(noDate.flags.map((f) => f.code)).toEqual(['cancelled_without_end_date']);
  });

  it('withholds seat findings when a line status is unknown', () => {
    const report = computeLicensingReport(input({ subscriptions: [line(), line({ externalId: 'x', status: 'unknown', rawStatus: 'Weird' })] }));
    expect(report.seats.uncontracted).toEqual([]);
    expect(report.flags.map((f) => f.code)).toContain('unknown_status');
    expect(report.seats.coverage.status).toBe('partial');
  });

  it('turns a contract for a SKU with no distributor line into a "client over-billed" finding', () => {
    // 8 seats × 3.00 = 24.00 USD/month billed for DIRECT-CSP, which no linked distributor line licenses
    const report = computeLicensingReport(input({ contracts: [contract({ quantity: 10 }), contract({ id: 'ag-9', sku: 'DIRECT-CSP' })] }));
    expect(report.contractsWithoutDistributorLines).toEqual(['ag-9']);
    expect(report.moneyFound.findings).toMatchObject([{
      kind: 'billed_without_license', direction: 'msp_overbills', skuKey: 'sku:DIRECT-CSP', skus: ['DIRECT-CSP'], seats: 8,
      monthlyImpact: { amount: '24.00', currency: 'USD' }, impactBasis: 'contract_revenue',
      evidence: { lineIds: [], contractIds: ['ag-9'] },
    }]);
    expect(report.margins.billedWithoutLicense[0]?.action).toMatch(/distributor customer or tenant that is not linked/);
    expect(report.moneyFound.audited.billed_without_license).toEqual(['psa:100']);
  });

  it('marks findings low-confidence when the customer has unmapped contract lines', () => {
    const report = computeLicensingReport(input({ contracts: [contract(), contract({ id: 'ag-x', sku: undefined, productId: 'SOMETHING' })] }));
    expect(report.unmappedContracts).toEqual([{ id: 'ag-x', psaCompanyId: '100', productId: 'SOMETHING' }]);
    expect(report.seats.uncontracted[0]).toMatchObject({ confidence: 'low' });
    expect(report.seats.uncontracted[0]?.caveats[0]).toContain('no SKU mapping');
  });
});

describe('coverage: an empty or partial input never reads as "no leakage"', () => {
  it('is not audited with no input at all', () => {
    const report = computeLicensingReport(input({ subscriptions: [], contracts: [], links: [] }));
    for (const c of [report.rollups.coverage, report.seats.coverage, report.margins.coverage, report.drift.coverage, report.moneyFound.coverage]) {
      expect(c.status).toBe('not_audited');
    }
    expect(report.moneyFound.coverage.reasons).toEqual([
      'no subscription lines in input', 'no PSA contract lines in input', 'no distributor customer is linked (auto/confirmed) to a PSA company',
      'unused seats: no current snapshot week audited for every vendor',
    ]);
    expect(report.qbrVendorLabel).toBeUndefined();
  });

  it('is not audited when lines exist but no contracts do', () => {
    const report = computeLicensingReport(input({ contracts: [] }));
    expect(report.rollups.coverage.status).toBe('complete');
    expect(report.seats.coverage.status).toBe('not_audited');
    expect(report.seats.coverage.customersWithoutContracts).toEqual(['psa:100']);
    expect(report.seats.uncontracted).toEqual([]);
  });

  it('counts only auto/confirmed links and lists unlinked customers', () => {
    const other = line({ externalId: 'sub-9', customerExternalId: 'cust-9' });
    const report = computeLicensingReport(input({
      subscriptions: [line(), other],
      links: [link(), link({ customerExternalId: 'cust-9', psaCompanyId: '200', status: 'review' })],
    }));
    expect(report.seats.coverage).toMatchObject({ status: 'partial', linkedCustomers: ['psa:100'], unlinkedCustomers: ['pax8:cust-9'] });
    expect(report.rollups.items.map((r) => [r.customer.key, r.contractedSeats])).toEqual([['pax8:cust-9', undefined], ['psa:100', 8]]);
    const reviewOnly = computeLicensingReport(input({ links: [link({ status: 'review' })] }));
    expect(reviewOnly.seats.coverage.status).toBe('not_audited');
  });

  it('prefers a confirmed link over an auto one for the same distributor customer', () => {
    const report = computeLicensingReport(input({ links: [link({ psaCompanyId: 300, status: 'auto' }), link({ status: 'confirmed' })] }));
    expect(report.rollups.items[0]?.customer.key).toBe('psa:100');
  });

  it('turns an incomplete upstream stream into partial coverage', () => {
    const report = computeLicensingReport(input({ sources: [{ vendor: 'pax8', stream: 'subscriptions', complete: false, reason: 'rate limited' }] }));
    expect(report.seats.coverage).toMatchObject({ status: 'partial', reasons: ['pax8 subscriptions stream incomplete: rate limited'] });
  });
});

describe('bad input: typed errors or flags, never a silent zero', () => {
  it('flags negative, fractional and NaN seat counts and malformed money', () => {
    const report = computeLicensingReport(input({
      subscriptions: [
        line({ externalId: 'neg', quantity: -1 }),
        line({ externalId: 'frac', quantity: 2.5 }),
        line({ externalId: 'nan', quantity: Number.NaN }),
        line({ externalId: 'money', unitCost: { amount: '2,21', currency: 'USD' } }),
        line({ externalId: 'nocost', unitCost: undefined }),
        line({ externalId: 'vendor', vendor: 'tech_data' as never }),
      ],
      contracts: [contract({ id: 'bad', quantity: 1.5 }), contract({ id: 'period', billingPeriod: 'unknown' })],
    }));
    expect(report.flags.map((f) => `${f.code} ${f.ref}`)).toEqual([
      'contract_invalid contract:bad',
      'contract_unknown_period contract:period',
      'fractional_quantity line:pax8:frac',
      'invalid_amount line:pax8:money',
      'negative_quantity line:pax8:nan',
      'negative_quantity line:pax8:neg',
      'missing_unit_cost line:pax8:nocost',
      'unknown_vendor line:tech_data:vendor',
    ]);
    // money and nocost count 20 seats; their cost is unknown, so no margin is shown
    expect(report.rollups.items[0]).toMatchObject({ seats: 20, monthlyCost: [], margin: undefined });
    expect(report.rollups.coverage.status).toBe('partial');
  });

  it('throws ConfigurationError for a bad now or policy, listing every bad field', () => {
    expect(() => computeLicensingReport(input({ now: 'yesterday' }))).toThrowError(/now: expected a Date/);
    let caught: unknown;
    try {
      computeLicensingReport(input({
        policy: {
          minMarginPercent: '120', minMarginBySku: { X: 'abc' },
          skuMappings: [{ psaProductId: 'P', sku: 'S', vendor: 'nope' as never }, { psaProductId: '', sku: 'S' }],
          fx: [{ from: 'USD', to: 'EUR', rate: '-1' }],
        },
      }));
    } catch (err) {
      caught = err;
    }
    expect(isConfigurationError(caught)).toBe(true);
    expect((caught as { issues: { field: string }[] }).issues.map((i) => i.field)).toEqual([
      'minMarginPercent', 'minMarginBySku.X', 'skuMappings[0].vendor', 'skuMappings[1]', 'fx[0].rate',
    ]);
  });
});
