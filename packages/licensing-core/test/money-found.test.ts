import { describe, expect, it } from 'vitest';
import { isConfigurationError } from '@vectis/connector-core';
import {
  computeLicensingReport,
  findingId,
  formatLicensingReport,
  qbrVendorLabel,
  roundDecimalString,
  trackFindings,
  weeklyDigest,
  type Finding,
  type FindingState,
} from '@vectis/licensing-core';
import { contract, input, line, link, NOW } from './helpers';

const report = computeLicensingReport(input());
const finding = report.moneyFound.findings[0] as Finding;
const state = (over: Partial<FindingState>): FindingState => ({
  id: finding.id, kind: finding.kind, customerKey: 'psa:100', skuKey: 'sku:M365-BP',
  status: 'open', firstSeen: '2026-11-02T00:00:00.000Z', lastSeen: '2026-11-19T00:00:00.000Z', ...over,
});

describe('finding ids and states', () => {
  it('hashes kind + customer + SKU key only', () => {
    expect(finding.id).toBe(findingId('uncontracted_seats', 'psa:100', 'sku:M365-BP'));
    expect(finding.id).toMatch(/^lf_[0-9a-f]{28}$/);
    const moreSeats = computeLicensingReport(input({ subscriptions: [line({ quantity: 40 })] }));
    expect(moreSeats.moneyFound.findings[0]?.id).toBe(finding.id);
    expect(findingId('over_contracted_seats', 'psa:100', 'sku:M365-BP')).not.toBe(finding.id);
  });

  it('opens new findings, keeps open ones, resolves vanished ones of audited customers', () => {
    const first = trackFindings({ previous: [], findings: [finding], audited: report.moneyFound.audited, now: NOW });
    expect(first.changes.opened).toEqual([finding.id]);
    expect(first.states).toEqual([state({ firstSeen: NOW, lastSeen: NOW })]);
    const again = trackFindings({ previous: first.states, findings: [finding, finding], audited: { uncontracted_seats: ['psa:100'] }, now: '2026-12-03T06:00:00Z' });
    expect(again.changes).toEqual({ opened: [], reopened: [], resolved: [], notAudited: [] });
    expect(again.states[0]).toMatchObject({ status: 'open', firstSeen: NOW, lastSeen: '2026-12-03T06:00:00.000Z' });
    const fixed = trackFindings({ previous: again.states, findings: [], audited: { uncontracted_seats: ['psa:100'] }, now: '2026-12-10T06:00:00Z' });
    expect(fixed.changes.resolved).toEqual([finding.id]);
    expect(fixed.states[0]).toMatchObject({ status: 'resolved', resolvedAt: '2026-12-10T06:00:00.000Z' });
    const quiet = trackFindings({ previous: fixed.states, findings: [], audited: { uncontracted_seats: ['psa:100'] }, now: '2026-12-17T06:00:00Z' });
    expect(quiet.states).toEqual(fixed.states);
  });

  it('re-opens a resolved finding when the condition recurs', () => {
    const { states, changes } = trackFindings({ previous: [state({ status: 'resolved', resolvedAt: '2026-11-10T00:00:00Z' })], findings: [finding], audited: {}, now: NOW });
    expect(changes.reopened).toEqual([finding.id]);
    expect(states[0]).toMatchObject({ status: 'open', firstSeen: '2026-11-02T00:00:00.000Z' });
  });

  it('keeps a muted finding muted until the mute expires, then re-opens it', () => {
    const muted = state({ status: 'muted', mutedUntil: '2026-12-01T00:00:00Z' });
    expect(trackFindings({ previous: [muted], findings: [finding], audited: {}, now: NOW }).states[0]).toMatchObject({ status: 'muted', mutedUntil: '2026-12-01T00:00:00Z' });
    const later = trackFindings({ previous: [muted], findings: [finding], audited: {}, now: '2026-12-02T00:00:00Z' });
    expect(later.changes.reopened).toEqual([finding.id]);
    expect(later.states[0]?.mutedUntil).toBeUndefined();
    const forever = state({ status: 'muted' });
    expect(trackFindings({ previous: [forever], findings: [finding], audited: {}, now: '2030-01-01T00:00:00Z' }).states[0]?.status).toBe('muted');
  });

  it('resolves only kinds that were audited for the customer this run', () => {
    const unused = state({ id: 'lf_unused', kind: 'unused_seats' });
    // contracts were compared for psa:100, but no snapshot week covered it: the unused-seat row stays open
    const { states, changes } = trackFindings({ previous: [state({}), unused], findings: [], audited: report.moneyFound.audited, now: NOW });
    expect(report.moneyFound.audited).toMatchObject({ uncontracted_seats: ['psa:100'], below_margin: ['psa:100'], unused_seats: [] });
    expect(changes).toMatchObject({ resolved: [finding.id], notAudited: ['lf_unused'] });
    expect(states.find((s) => s.id === 'lf_unused')?.status).toBe('open');
    // a line whose status is unknown withholds the customer's seat comparison: nothing resolves
    const withheld = computeLicensingReport(input({ subscriptions: [line(), line({ externalId: 'x', status: 'unknown' })] }));
    expect(withheld.moneyFound.audited.uncontracted_seats).toEqual([]);
    // a SKU without a computable margin withholds below-margin resolution for that customer
    const noMargin = computeLicensingReport(input({ subscriptions: [line({ pricePeriod: 'unknown' })] }));
    expect(noMargin.moneyFound.audited).toMatchObject({ uncontracted_seats: ['psa:100'], below_margin: [] });
  });

  it('never resolves a finding whose customer was not audited this run', () => {
    const { states, changes } = trackFindings({ previous: [state({ status: 'muted', mutedUntil: '2026-12-01T00:00:00Z' })], findings: [], audited: {}, now: NOW });
    expect(changes.notAudited).toEqual([finding.id]);
    expect(states[0]?.status).toBe('muted');
    const audited = trackFindings({ previous: [state({ status: 'muted', mutedUntil: '2026-12-01T00:00:00Z' })], findings: [], audited: { uncontracted_seats: ['psa:100'] }, now: NOW });
    expect(audited.states[0]).toMatchObject({ status: 'resolved' });
    expect(audited.states[0]?.mutedUntil).toBeUndefined();
  });
});

describe('weekly digest', () => {
  it('totals per currency, new vs resolved, top five customers per currency', () => {
    const customers = ['1', '2', '3', '4', '5', '6'];
    const subscriptions = customers.map((c, i) => line({ externalId: `s${c}`, customerExternalId: c, quantity: 10 + i }));
    const eur = line({ vendor: 'sherweb', externalId: 'e1', customerExternalId: 'e', unitCost: { amount: '1.00', currency: 'EUR' } });
    const links = [...customers.map((c) => link({ customerExternalId: c, psaCompanyId: c })), link({ vendor: 'sherweb', customerExternalId: 'e', psaCompanyId: 'e' })];
    const contracts = [
      ...customers.map((c) => contract({ id: `ag${c}`, psaCompanyId: c, quantity: 8 })),
      contract({ id: 'age', psaCompanyId: 'e', quantity: 12, unitPrice: { amount: '2.00', currency: 'EUR' } }),
    ];
    const r = computeLicensingReport(input({ subscriptions: [...subscriptions, eur], links, contracts, policy: { minMarginPercent: '5' } }));
    const previous: FindingState[] = [{ id: 'lf_gone', kind: 'uncontracted_seats', customerKey: 'psa:1', skuKey: 'sku:OLD', status: 'open', firstSeen: NOW, lastSeen: NOW }];
    const muteId = findingId('uncontracted_seats', 'psa:6', 'sku:M365-BP');
    previous.push({ id: muteId, kind: 'uncontracted_seats', customerKey: 'psa:6', skuKey: 'sku:M365-BP', status: 'muted', mutedUntil: '2027-01-01T00:00:00Z', firstSeen: NOW, lastSeen: NOW });
    const { states, changes } = trackFindings({ previous, findings: r.moneyFound.findings, audited: r.moneyFound.audited, now: NOW });
    const digest = weeklyDigest({ findings: r.moneyFound.findings, states, changes, coverage: r.moneyFound.coverage });
    // USD uncontracted: customers 1..5 have 2..6 extra seats × 3.00 = 6+9+12+15+18 = 60.00 (customer 6 muted)
    // EUR over-contracted: 12 − 10 = 2 × 2.00 = 4.00
    expect(digest.opportunity).toEqual([{ amount: '4.00', currency: 'EUR' }, { amount: '60.00', currency: 'USD' }]);
    expect(digest.byDirection).toEqual([
      { direction: 'msp_overbills', totals: [{ amount: '4.00', currency: 'EUR' }] },
      { direction: 'msp_underbills', totals: [{ amount: '60.00', currency: 'USD' }] },
    ]);
    expect(digest).toMatchObject({ openFindings: 6, mutedFindings: 1, unvaluedFindings: 0, newSinceLastWeek: 6, reopenedSinceLastWeek: 0, resolvedSinceLastWeek: 1 });
    expect(digest.topCustomers.map((t) => [t.currency, t.customers.map((c) => `${c.customerKey}=${c.impact.amount}`)])).toEqual([
      ['EUR', ['psa:e=4.00']],
      ['USD', ['psa:5=18.00', 'psa:4=15.00', 'psa:3=12.00', 'psa:2=9.00', 'psa:1=6.00']],
    ]);
    const text = formatLicensingReport(r, { digest });
    expect(text).toContain('Since last week: 6 new, 0 re-opened, 1 resolved');
    expect(text).toContain('€4.00');
    expect(text).toContain('$60.00');
  });
});

describe('QBR vendor label', () => {
  it('names the single distributor, says Mixed for several, and omits the label for none', () => {
    expect(qbrVendorLabel([{ vendor: 'ingram_micro' }])).toBe('Ingram Micro');
    expect(qbrVendorLabel([{ vendor: 'pax8' }, { vendor: 'pax8' }])).toBe('Pax8');
    expect(qbrVendorLabel([{ vendor: 'sherweb' }])).toBe('Sherweb');
    expect(qbrVendorLabel([{ vendor: 'synnex' }, { vendor: 'td_synnex' }])).toBe('TD SYNNEX');
    expect(qbrVendorLabel([{ vendor: 'pax8' }, { vendor: 'synnex' }])).toBe('Mixed');
    expect(qbrVendorLabel([])).toBeUndefined();
    expect(() => qbrVendorLabel([{ vendor: 'tech_data' }])).toThrowError(/lines\[0\]\.vendor/);
    try {
      qbrVendorLabel([{ vendor: 'x' }]);
    } catch (err) {
      expect(isConfigurationError(err)).toBe(true);
    }
  });

  it('labels the report and each customer from their lines', () => {
    const r = computeLicensingReport(input({ subscriptions: [line(), line({ vendor: 'synnex' as never, externalId: 't1' })], links: [link(), link({ vendor: 'synnex', psaCompanyId: '100' })] }));
    expect(r.qbrVendorLabel).toBe('Mixed');
    expect(r.customers.map((c) => [c.customer.key, c.vendorLabel])).toEqual([['psa:100', 'Mixed']]);
    expect(r.rollups.items[0]?.vendors).toEqual(['pax8', 'td_synnex']);
  });
});

describe('text report', () => {
  it('formats each amount in its own currency and shows coverage', () => {
    const r = computeLicensingReport(input({
      subscriptions: [line(), line({ vendor: 'ingram_micro', externalId: 'i:1', customerExternalId: 'i', sku: 'EU', unitCost: { amount: '1.5', currency: 'EUR' } })],
      links: [link(), link({ vendor: 'ingram_micro', customerExternalId: 'i', psaCompanyId: '100' })],
      snapshots: [],
    }));
    const text = formatLicensingReport(r, { locale: 'en-US', maxRows: 1 });
    expect(text).toContain('Licensing report as of 2026-11-26T06:00:00.000Z (vendor: Mixed)');
    expect(text).toContain('€15.00');
    expect(text).toContain('$22.10');
    expect(text).toContain('… 1 more');
    expect(text).toContain('Coverage: NOT AUDITED');
    expect(text).toContain('(none)');
    expect(text).not.toContain('Since last week');
    const german = formatLicensingReport(r, { locale: 'de-DE' });
    expect(german).toContain('22,10');
    const yen = computeLicensingReport(input({ subscriptions: [line({ unitCost: { amount: '100.5', currency: 'JPY' } })], contracts: [contract({ unitPrice: { amount: '150', currency: 'JPY' } })] }));
    // ¥1,005 (10 × 100.5 rounded half away from zero to 0 decimals): no float on the way
    expect(formatLicensingReport(yen)).toContain('¥1,005');
  });

  it('rounds for display only, half away from zero', () => {
    expect(roundDecimalString('3.1571428571', 2)).toBe('3.16');
    expect(roundDecimalString('-2.005', 2)).toBe('-2.01');
    expect(roundDecimalString('-0.001', 2)).toBe('0.00');
    expect(roundDecimalString('1004.5', 0)).toBe('1005');
    expect(roundDecimalString('not a number', 2)).toBe('not a number');
  });
});
