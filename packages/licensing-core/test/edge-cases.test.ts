import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeLicensingReport, formatLicensingReport, trackFindings, weeklyDigest } from '@vectis/licensing-core';
import { add, cmp, div, divInt, formatDec, parseDec, roundDecimalString, type Dec } from '../src/decimal';
import { parseWhen } from '../src/policy';
import { contract, input, line, link, snap } from './helpers';

describe('exact decimals', () => {
  it('parses, adds and divides without floats; rounds half-even internally', () => {
    // 0.1 + 0.2 is exactly 0.3 (a float gives 0.30000000000000004)
    expect(formatDec(add(parseDec('0.1') as bigint, parseDec('0.2') as bigint))).toBe('0.30');
    // 11 decimal places: the 11th is rounded half-even at the 10th
    expect(formatDec(parseDec('0.00000000005') as bigint)).toBe('0.00');
    expect(formatDec(parseDec('0.00000000015') as bigint)).toBe('0.0000000002');
    expect(formatDec(parseDec('-1.5') as bigint)).toBe('-1.50');
    expect(parseDec('1e3')).toBeUndefined();
    expect(div(1n, 0n)).toBeUndefined();
    // 1 ÷ 3 = 0.3333333333 (10 places); −1 ÷ 3 rounds symmetrically
    expect(formatDec(div(parseDec('1') as bigint, parseDec('3') as bigint) as bigint)).toBe('0.3333333333');
    expect(formatDec(divInt(parseDec('-2') as bigint, 3))).toBe('-0.6666666667');
    // half-even: 0.00000000025 → …02, 0.00000000035 → …04
    expect(formatDec(divInt(parseDec('0.0000000005') as bigint, 2))).toBe('0.0000000002');
    expect(formatDec(divInt(parseDec('0.0000000007') as bigint, 2))).toBe('0.0000000004');
    expect(formatDec(divInt(parseDec('-0.0000000005') as bigint, 2))).toBe('-0.0000000002');
    expect(formatDec(divInt(parseDec('-0.0000000007') as bigint, 2))).toBe('-0.0000000004');
    expect(formatDec(div(parseDec('1') as bigint, parseDec('-3') as bigint) as bigint)).toBe('-0.3333333333');
    expect(cmp(1n, 2n)).toBe(-1);
    expect(cmp(2n, 2n)).toBe(0);
    expect(roundDecimalString('0.5', 0)).toBe('1');
  });

  it('divides to the nearest 10th decimal, ties to even (property)', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.bigInt({ min: -(10n ** 14n), max: 10n ** 14n }), (a, b) => {
      fc.pre(b !== 0n);
      const q = BigInt(div(a, b) as Dec); // q ≈ a × 10¹⁰ ÷ b (small results are numbers)
      const exact = a * 10n ** 10n;
      const err = exact - q * b; // remainder of the rounded quotient
      const absErr2 = (err < 0n ? -err : err) * 2n;
      const absB = b < 0n ? -b : b;
      expect(absErr2 <= absB).toBe(true);
      if (absErr2 === absB) expect(q % 2n).toBe(0n);
    }), { numRuns: 500 });
  });

  it('reads date-only values as midnight UTC and rejects garbage', () => {
    expect(parseWhen('2026-11-01')).toBe(Date.UTC(2026, 10, 1));
    expect(parseWhen('2026-11-01T12:00:00+02:00')).toBe(Date.UTC(2026, 10, 1, 10));
    expect(parseWhen('soon')).toBeUndefined();
    expect(parseWhen('')).toBeUndefined();
  });
});

describe('edge cases', () => {
  it('links a customer with two links to the confirmed one, else the smallest PSA id, whatever the input order', () => {
    const links = [
      link({ psaCompanyId: '5', status: 'auto' }),
      link({ psaCompanyId: '300', status: 'confirmed' }),
      link({ psaCompanyId: '40', status: 'auto' }),
      link({ psaCompanyId: '1', status: 'review' }),
    ];
    const keyOf = (l: typeof links) => computeLicensingReport(input({ links: l })).rollups.items.find((r) => r.lineIds.length > 0)?.customer.key;
    expect(keyOf(links)).toBe('psa:300');
    expect(keyOf([...links].reverse())).toBe('psa:300');
    // Two auto links: '40' sorts before '5' as text (code units), in either order.
    const autos = links.filter((l) => l.status === 'auto');
    expect(keyOf(autos)).toBe('psa:40');
    expect(keyOf([...autos].reverse())).toBe('psa:40');
  });

  it('accepts now as a Date and refuses anything else', () => {
    expect(computeLicensingReport(input({ now: new Date('2026-11-26T06:00:00Z') })).now).toBe('2026-11-26T06:00:00.000Z');
    expect(() => computeLicensingReport(input({ now: 42 as never }))).toThrowError(/now/);
  });

  it('groups lines without a SKU by product id or name, with a flag', () => {
    const report = computeLicensingReport(input({
      subscriptions: [line({ sku: undefined, productExternalId: 'p-1' }), line({ externalId: 'n', sku: ' ', productName: 'Backup' })],
    }));
    // (the default contract adds a contract-only row for sku:M365-BP)
    expect(report.rollups.items.map((r) => r.skuKey)).toEqual(['name:Backup', 'product:pax8:p-1', 'sku:M365-BP']);
    expect(report.flags.map((f) => f.code)).toEqual(['missing_sku', 'missing_sku']);
  });

  it('values an extended-basis line per seat, and skips a seat value it cannot divide', () => {
    const ext = line({ amountBasis: 'extended', unitCost: { amount: '20.00', currency: 'USD' }, msrp: { amount: '30.00', currency: 'USD' } });
    const ended = contract({ status: 'cancelled', endDate: '2026-01-01' });
    // extended msrp 30.00 for 10 seats = 3.00/seat/month → 10 uncontracted × 3.00 = 30.00
    expect(computeLicensingReport(input({ subscriptions: [ext], contracts: [ended] })).seats.uncontracted[0]?.monthlyImpact).toEqual({ amount: '30.00', currency: 'USD' });
    const zero = line({ quantity: 0, amountBasis: 'extended', msrp: { amount: '30.00', currency: 'USD' } });
    expect(computeLicensingReport(input({ subscriptions: [zero], contracts: [ended] })).seats.uncontracted).toEqual([]);
  });

  it('does not value uncontracted seats across two list-price currencies', () => {
    const a = line({ msrp: { amount: '3.00', currency: 'USD' } });
    const b = line({ externalId: 'b', msrp: { amount: '3.00', currency: 'EUR' }, unitPrice: { amount: '4.00', currency: 'EUR' } });
    const ended = contract({ status: 'cancelled', endDate: '2026-01-01' });
    const found = computeLicensingReport(input({ subscriptions: [a, b], contracts: [ended] })).seats.uncontracted[0];
    // each line's list price is its msrp, in USD and EUR: 20 seats are uncontracted but not valued
    expect(found).toMatchObject({ seats: 20, impactBasis: 'none' });
    expect(found?.monthlyImpact).toBeUndefined();
  });

  it('ignores one-time contract lines', () => {
    const report = computeLicensingReport(input({
      contracts: [contract(), contract({ id: 'setup', billingPeriod: 'one_time', quantity: 1 })],
    }));
    expect(report.rollups.items[0]?.contractedSeats).toBe(8);
    expect(report.flags).toEqual([]);
  });

  it('leaves the cancelled-still-billed amount out when the contract has two currencies', () => {
    const report = computeLicensingReport(input({
      subscriptions: [line({ status: 'cancelled', endDate: '2026-01-01' })],
      contracts: [contract(), contract({ id: 'ag-eur', unitPrice: { amount: '3.00', currency: 'EUR' } })],
    }));
    expect(report.margins.cancelledStillBilled[0]).toMatchObject({ seats: 16, impactBasis: 'none' });
    expect(report.margins.cancelledStillBilled[0]?.monthlyImpact).toBeUndefined();
  });

  it('explains a missing margin for contract-only and unlinked SKUs', () => {
    const report = computeLicensingReport(input({
      subscriptions: [line(), line({ externalId: 'u', customerExternalId: 'nobody' })],
      contracts: [contract({ status: 'inactive' })],
    }));
    expect(report.rollups.items.map((r) => r.marginUnavailable)).toEqual([
      'customer not linked to a PSA company', 'no contract line in effect for this SKU',
    ]);
  });

  it('reports no-commitment drift as reducible now and counts unvalued findings in the digest', () => {
    const report = computeLicensingReport(input({
      subscriptions: [line({ commitmentTerm: 'none' })],
      contracts: [contract({ quantity: 10, unitPrice: { amount: '3.00', currency: 'EUR' } })],
      snapshots: [snap({ week: '2026-W47', asOf: '2026-11-16T00:00:00.000Z', quantity: 9 }), snap()],
    }));
    expect(report.drift.lines[0]?.reduction).toEqual({ when: 'now', reason: 'no commitment term' });
    const { states, changes } = trackFindings({ previous: [], findings: report.moneyFound.findings, audited: {}, now: report.now });
    const digest = weeklyDigest({ findings: report.moneyFound.findings, states, changes, coverage: report.moneyFound.coverage });
    expect(digest).toMatchObject({ opportunity: [], openFindings: 1, unvaluedFindings: 1 });
    const text = formatLicensingReport(report);
    expect(text).toContain('not valued');
    expect(text).toContain('Opportunity per month: none valued');
  });

  it('renders over-contracted rows, renewal dates, unmapped contracts and flags', () => {
    const report = computeLicensingReport(input({
      subscriptions: [line({ commitmentTerm: 'P1Y', renewalDate: '2027-03-01', updatedAt: '2026-01-01' }), line({ externalId: 'q', quantity: -2 })],
      contracts: [contract({ quantity: 12 }), contract({ id: 'lost', sku: undefined, productId: 'NOPE' })],
      links: [link()],
      snapshots: [snap({ week: '2026-W47', asOf: '2026-11-16T00:00:00.000Z', quantity: 8 }), snap()],
    }));
    const text = formatLicensingReport(report);
    expect(text).toContain('Over-contracted (client billed for seats not licensed):');
    expect(text).toContain('added seats reducible: at renewal 2027-03-01');
    expect(text).toContain('Unmapped contract lines: lost');
    expect(text).toContain('Data-quality flags: 2 (see report.flags)');
    expect(text).toContain('client over-billed');
  });
});
