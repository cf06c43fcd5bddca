import { describe, expect, it } from 'vitest';
import { computeLicensingReport } from '@vectis/licensing-core';
import { input, line, snap } from './helpers';

const PREV = { week: '2026-W47', asOf: '2026-11-16T00:00:00.000Z' };

describe('week-over-week drift', () => {
  it('reports line and SKU changes between two consecutive ISO weeks', () => {
    const subscriptions = [
      line({ quantity: 13 }),
      line({ externalId: 'sub-new', sku: 'DEFENDER', quantity: 5 }),
    ];
    const snapshots = [
      snap({ ...PREV, quantity: 10 }),
      snap({ ...PREV, subscriptionExternalId: 'sub-old', sku: 'VISIO', quantity: 2 }),
      snap({ quantity: 13 }),
      snap({ subscriptionExternalId: 'sub-new', sku: 'DEFENDER', quantity: 5 }),
    ];
    const report = computeLicensingReport(input({ subscriptions, snapshots }));
    expect(report.drift).toMatchObject({ status: 'compared', currentWeek: '2026-W48', previousWeek: '2026-W47' });
    expect(report.drift.lines.map((d) => [d.subscriptionExternalId, d.change, d.previousSeats, d.currentSeats, d.delta])).toEqual([
      ['sub-1', 'grew', 10, 13, 3],
      ['sub-new', 'added', 0, 5, 5],
      ['sub-old', 'removed', 2, 0, -2],
    ]);
    expect(report.drift.skus.map((d) => [d.skuKey, d.change, d.delta])).toEqual([
      ['sku:DEFENDER', 'new_sku', 5],
      ['sku:M365-BP', 'grew', 3],
      ['sku:VISIO', 'sku_gone', -2],
    ]);
    expect(report.drift.lines[0]?.reduction).toEqual({ when: 'now', reason: 'monthly commitment: reducible at the next monthly renewal' });
    expect(report.drift.coverage.status).toBe('complete');
  });

  it('says reducible now inside the 72-hour NCE window, else at renewal with the date', () => {
    const annual = { commitmentTerm: 'P1Y' as const, renewalDate: '2027-03-01' };
    const subscriptions = [
      line({ ...annual, quantity: 12, updatedAt: '2026-11-25T10:00:00Z' }), // changed 20 h before now
      line({ ...annual, externalId: 'sub-2', quantity: 12, updatedAt: '2026-11-20T10:00:00Z' }), // 6 days ago
      line({ ...annual, externalId: 'sub-3', sku: 'NEW', quantity: 1, startDate: '2026-11-24' }), // new, 54 h ago
      line({ commitmentTerm: 'P3Y', externalId: 'sub-4', sku: 'OLD', quantity: 4, endDate: '2028-01-31', updatedAt: '2026-01-01' }),
    ];
    const snapshots = [
      snap({ ...PREV, quantity: 10 }), snap({ quantity: 12 }),
      snap({ ...PREV, subscriptionExternalId: 'sub-2', quantity: 10 }), snap({ subscriptionExternalId: 'sub-2', quantity: 12 }),
      snap({ subscriptionExternalId: 'sub-3', sku: 'NEW', quantity: 1 }),
      snap({ ...PREV, subscriptionExternalId: 'sub-4', sku: 'OLD', quantity: 3 }), snap({ subscriptionExternalId: 'sub-4', sku: 'OLD', quantity: 4 }),
    ];
    const report = computeLicensingReport(input({ subscriptions, snapshots }));
    expect(report.drift.lines.map((d) => [d.subscriptionExternalId, d.reduction?.when, d.reduction?.renewalDate])).toEqual([
      ['sub-1', 'now', undefined],
      ['sub-2', 'at_renewal', '2027-03-01'],
      ['sub-3', 'now', undefined],
      ['sub-4', 'at_renewal', '2028-01-31'],
    ]);
  });

  it('says "no baseline" when the previous ISO week is missing, not "no drift"', () => {
    const report = computeLicensingReport(input({ snapshots: [snap(), snap({ week: '2026-W46', asOf: '2026-11-09T00:00:00.000Z', quantity: 4 })] }));
    expect(report.drift).toMatchObject({ status: 'no_baseline', lines: [], skus: [] });
    expect(report.drift.coverage.status).toBe('not_audited');
    expect(report.drift.coverage.reasons[0]).toContain('no baseline');
    const none = computeLicensingReport(input());
    expect(none.drift).toMatchObject({ status: 'no_snapshots', currentWeek: undefined });
  });

  it('compares each vendor only against its own previous week', () => {
    const snapshots = [
      snap({ ...PREV }), snap(),
      // Ingram only has this week: no baseline for it, and its lines are not "added"
      snap({ vendor: 'ingram_micro', subscriptionExternalId: '9:1', customerExternalId: 'i-1' }),
      // Sherweb only had last week: its lines are not "removed"
      snap({ ...PREV, vendor: 'sherweb', subscriptionExternalId: 'sw-1', customerExternalId: 's-1' }),
    ];
    const report = computeLicensingReport(input({ snapshots }));
    expect(report.drift.status).toBe('partial');
    expect(report.drift.vendors.map((v) => [v.vendor, v.status])).toEqual([
      ['ingram_micro', 'no_baseline'], ['pax8', 'compared'], ['sherweb', 'missing_current'],
    ]);
    expect(report.drift.lines).toEqual([]);
    expect(report.drift.coverage).toMatchObject({ status: 'partial', reasons: ['ingram_micro: no baseline', 'sherweb: missing current'] });
  });

  it('refuses to compare snapshots of a different cut-off cadence and flags duplicates', () => {
    const snapshots = [
      snap({ week: '2026-W47', asOf: '2026-11-21T00:00:00.000Z', quantity: 8 }), // Saturday cut-off vs Monday
      snap({ quantity: 10 }),
      snap({ quantity: 11, asOf: '2026-11-22T23:00:00.000Z' }), // an earlier run in the same week: ignored
    ];
    const report = computeLicensingReport(input({ snapshots }));
    expect(report.drift.vendors[0]?.status).toBe('cadence_mismatch');
    expect(report.drift.lines).toEqual([]);
    expect(report.flags.map((f) => f.code).sort()).toEqual(['cadence_mismatch', 'duplicate_snapshot']);
  });

  it('marks drift partial when the latest snapshots are older than last week', () => {
    const snapshots = [snap({ ...PREV, quantity: 9 }), snap()];
    const report = computeLicensingReport(input({ snapshots, now: '2026-12-15T06:00:00Z' })); // 2026-W51
    expect(report.drift.status).toBe('compared');
    expect(report.drift.coverage).toMatchObject({ status: 'partial', reasons: ['latest snapshots are from 2026-W48, older than last week (2026-W50)'] });
  });

  it('crosses year boundaries with ISO weeks (2027-W01 follows 2026-W53)', () => {
    const snapshots = [
      snap({ week: '2026-W53', asOf: '2026-12-28T00:00:00.000Z', quantity: 9 }),
      snap({ week: '2027-W01', asOf: '2027-01-04T00:00:00.000Z', quantity: 10 }),
    ];
    const report = computeLicensingReport(input({ snapshots, now: '2027-01-04T06:00:00Z' }));
    expect(report.drift).toMatchObject({ status: 'compared', previousWeek: '2026-W53' });
    expect(report.drift.lines[0]?.delta).toBe(1);
  });

  it('reads the synnex alias in snapshots and skips unknown vendor rows with a flag', () => {
    const snapshots = [
      snap({ ...PREV, vendor: 'synnex' as never, subscriptionExternalId: 't-1', customerExternalId: 'x' }),
      snap({ vendor: 'td_synnex', subscriptionExternalId: 't-1', customerExternalId: 'x', quantity: 12 }),
      snap({ vendor: 'tech_data' as never }),
    ];
    const report = computeLicensingReport(input({ snapshots }));
    expect(report.drift.vendors.map((v) => v.vendor)).toEqual(['td_synnex']);
    expect(report.drift.lines[0]).toMatchObject({ vendor: 'td_synnex', customerKey: 'td_synnex:x', change: 'grew', reduction: undefined });
    expect(report.flags.map((f) => f.code)).toEqual(['unknown_vendor']);
  });
});

describe('unused seats (pays for unused)', () => {
  it('values unassigned seats at the monthly unit cost and says when they can be reduced', () => {
    const subscriptions = [line({ commitmentTerm: 'P1Y', renewalDate: '2027-03-01' }), line({ externalId: 'sub-2', quantity: 5, commitmentTerm: 'P1Y', renewalDate: '2027-02-01' })];
    const snapshots = [snap({ assigned: 7 }), snap({ subscriptionExternalId: 'sub-2', quantity: 5, consumed: 4 })];
    const report = computeLicensingReport(input({ subscriptions, snapshots, contracts: [] }));
    // (10 − 7) + (5 − 4) = 4 unused seats × 2.21 USD = 8.84 USD/month, reducible at the earliest renewal
    expect(report.moneyFound.findings).toMatchObject([{
      kind: 'unused_seats', direction: 'pays_for_unused', seats: 4, monthlyImpact: { amount: '8.84', currency: 'USD' },
      impactBasis: 'unit_cost', reduction: { when: 'at_renewal', renewalDate: '2027-02-01' },
      evidence: { snapshotAsOf: ['2026-11-23T00:00:00.000Z'] },
    }]);
    expect(report.moneyFound.findings[0]?.action).toContain('at renewal on 2027-02-01');
    // Contract comparison was not audited (no contracts), but unused seats were: partial, not "not audited"
    expect(report.moneyFound.coverage.status).toBe('partial');
    expect(report.moneyFound.audited).toMatchObject({ unused_seats: ['psa:100'], uncontracted_seats: [] });
  });

  it('leaves a snapshot without a subscription line unvalued and low-confidence, and ignores ended lines', () => {
    const snapshots = [snap({ subscriptionExternalId: 'ghost', assigned: 1, quantity: 3 }), snap({ subscriptionExternalId: 'sub-1', assigned: 1 })];
    const report = computeLicensingReport(input({ subscriptions: [line({ status: 'cancelled', endDate: '2026-01-01' })], snapshots, contracts: [] }));
    expect(report.moneyFound.findings).toHaveLength(1);
    expect(report.moneyFound.findings[0]).toMatchObject({ seats: 2, confidence: 'low', impactBasis: 'none', reduction: undefined });
  });

  it('reduces monthly lines now', () => {
    const report = computeLicensingReport(input({ snapshots: [snap({ assigned: 9 })], contracts: [] }));
    expect(report.moneyFound.findings[0]?.reduction?.when).toBe('now');
    expect(report.moneyFound.findings[0]?.action).toContain('seat(s) now');
  });
});

describe('drift over every supplied week (issue 11, item 6)', () => {
  const W46 = { week: '2026-W46', asOf: '2026-11-09T00:00:00.000Z' };
  const W44 = { week: '2026-W44', asOf: '2026-10-26T00:00:00.000Z' };

  it('compares each consecutive pair, not only the last two weeks', () => {
    // 8 seats in W46, 10 in W47, still 10 in W48: the growth happened one pair back
    const snapshots = [snap({ ...W46, quantity: 8 }), snap({ ...PREV, quantity: 10 }), snap({ quantity: 10 })];
    const report = computeLicensingReport(input({ snapshots }));
    expect(report.drift.periods.map((p) => [p.previousWeek, p.currentWeek, p.status])).toEqual([
      ['2026-W47', '2026-W48', 'compared'],
      ['2026-W46', '2026-W47', 'compared'],
    ]);
    expect(report.drift.lines.map((d) => [d.previousWeek, d.currentWeek, d.change, d.delta, d.reduction?.when])).toEqual([
      ['2026-W46', '2026-W47', 'grew', 2, 'now'],
    ]);
    expect(report.drift.skus).toMatchObject([{ previousWeek: '2026-W46', currentWeek: '2026-W47', change: 'grew', delta: 2 }]);
    expect(report.drift.coverage.status).toBe('complete');
  });

  it('reports a missing week in the middle as a gap, and still compares the rest', () => {
    // W44, (W45 missing), W46, W47, W48: three pairs, one of them without a baseline
    const snapshots = [snap({ ...W44, quantity: 5 }), snap({ ...W46, quantity: 8 }), snap({ ...PREV, quantity: 10 }), snap({ quantity: 9 })];
    const report = computeLicensingReport(input({ snapshots }));
    expect(report.drift.periods.map((p) => p.status)).toEqual(['compared', 'compared', 'no_baseline']);
    expect(report.drift.lines.map((d) => [d.currentWeek, d.change, d.delta])).toEqual([['2026-W48', 'shrank', -1], ['2026-W47', 'grew', 2]]);
    expect(report.drift.coverage).toMatchObject({ status: 'partial', reasons: ['1 earlier week pair(s) not fully compared (2026-W45 → 2026-W46 no baseline)'] });
  });

  it('decides "added seats reducible" by the commitment term, not the billing frequency', () => {
    // billed monthly on an annual commitment: added seats go back only at renewal
    const annualTerm = line({ quantity: 12, billingFrequency: 'monthly', commitmentTerm: 'P1Y', renewalDate: '2027-03-31', updatedAt: '2026-10-01' });
    const report = computeLicensingReport(input({ subscriptions: [annualTerm], snapshots: [snap({ ...PREV, quantity: 10 }), snap({ quantity: 12 })] }));
    expect(report.drift.lines[0]?.reduction).toMatchObject({ when: 'at_renewal', renewalDate: '2027-03-31' });
  });
});
