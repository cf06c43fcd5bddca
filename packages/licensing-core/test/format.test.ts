import { describe, expect, it } from 'vitest';
import { computeLicensingReport, formatLicensingReport } from '@vectis/licensing-core';
import { contract, input, line, link, snap } from './helpers';

// One linked customer (psa:100: 10 seats vs 8 contracted, below a 30 % margin, 3 seats unassigned,
// grew 8 → 10 this week) and one unlinked distributor customer (pax8:cust-2, grew 1 → 5).
function report() {
  return computeLicensingReport(input({
    subscriptions: [line(), line({ externalId: 'sub-2', customerExternalId: 'cust-2', sku: 'EXO', quantity: 5 })],
    contracts: [contract()],
    links: [link()],
    snapshots: [
      snap({ quantity: 10, assigned: 7 }),
      snap({ week: '2026-W47', asOf: '2026-11-16T00:00:00.000Z', quantity: 8 }),
      snap({ subscriptionExternalId: 'sub-2', customerExternalId: 'cust-2', sku: 'EXO', quantity: 5 }),
      snap({ week: '2026-W47', asOf: '2026-11-16T00:00:00.000Z', subscriptionExternalId: 'sub-2', customerExternalId: 'cust-2', sku: 'EXO', quantity: 1 }),
    ],
    policy: { minMarginPercent: '30' },
  }));
}

function rowsOf(text: string, heading: string): string[] {
  const start = text.indexOf(heading);
  const end = text.indexOf('\n== ', start + 1);
  return text.slice(start, end === -1 ? undefined : end).split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('Coverage') && !l.startsWith('Customer') && !l.startsWith('-'));
}

describe('formatLicensingReport customer names', () => {
  it('prints the display name in every table and the top-customer list, and the key where no name is given', () => {
    const r = report();
    const text = formatLicensingReport(r, { customerNames: new Map([['psa:100', 'Contoso Ltd']]) });
    expect(text).not.toContain('psa:100');
    for (const heading of ['== Per-SKU rollup', '== Uncontracted seats', '== Below-margin SKUs', '== Drift']) {
      expect(rowsOf(text, heading).some((row) => row.startsWith('Contoso Ltd ')), heading).toBe(true);
    }
    // the unlinked customer has no name: its key is printed (in the one-line summary of unlinked cost)
    expect(text).toContain('largest: pax8:cust-2');
    expect(rowsOf(text, '== Drift').some((row) => row.startsWith('pax8:cust-2 '))).toBe(true);
    expect(text).toMatch(/Top customers \(USD\): Contoso Ltd \$/);
  });

  it('accepts a plain record, ignores inherited keys, and prints keys without the option', () => {
    const r = report();
    const named = formatLicensingReport(r, { customerNames: { 'psa:100': 'Contoso Ltd', 'pax8:cust-2': 'Fabrikam' } });
    expect(named).not.toContain('psa:100');
    expect(named).not.toContain('pax8:cust-2');
    expect(named).toContain('Fabrikam');
    const plain = formatLicensingReport(r);
    expect(plain).toContain('psa:100');
    expect(plain).not.toContain('Contoso');
    // only own keys name a customer: an inherited property is not a name
    const inherited = Object.create({ 'psa:100': 'Inherited' }) as Record<string, string>;
    expect(formatLicensingReport(r, { customerNames: inherited })).toBe(plain);
    expect(formatLicensingReport(r, { customerNames: new Map() })).toBe(plain);
  });
});

describe('formatLicensingReport in plain words (issue 11, items 6 and 7)', () => {
  it('names directions, lists compared rows only and sums unlinked customers in one line', () => {
    const text = formatLicensingReport(report(), { customerNames: { 'psa:100': 'Contoso Ltd' } });
    const rollup = rowsOf(text, '== Per-SKU rollup');
    expect(rollup[1]).toMatch(/^Contoso Ltd\s+M365-BP\s+Pax8\s+10\s+8\s+\$22\.10\s+\$24\.00\s+\$1\.90\s+7\.9 %$/);
    expect(text).not.toMatch(/n\/a/);
    // 5 seats × 2.21 = 11.05 USD for the unlinked customer, in one line
    expect(text).toContain('Unlinked distributor customers (not compared with the PSA): 1 customer(s), 1 SKU row(s), 5 seat(s), cost $11.05/month; largest: pax8:cust-2');
    // totals: cost 22.10 + 11.05 = 33.15; revenue 24.00; margin 24.00 − 33.15 = −9.15
    expect(text).toContain('USD: cost $33.15, revenue $24.00, margin -$9.15');
    expect(text).toContain('cost with no revenue against it: $11.05 (unlinked customers $11.05)');
    expect(rowsOf(text, '== Uncontracted seats')[1]).toContain('MSP under-bills client');
    expect(text).toMatch(/MSP under-bills client: \$/);
    expect(text).not.toContain('msp_underbills');
  });

  it('labels drift by what can happen to added seats', () => {
    const text = formatLicensingReport(report());
    const drift = rowsOf(text, '== Drift');
    expect(drift.find((r) => r.startsWith('psa:100'))).toMatch(/2026-W47 → 2026-W48\s+grew\s+8\s+10\s+added seats reducible: now$/);
    const shrink = computeLicensingReport(input({ snapshots: [snap({ week: '2026-W47', asOf: '2026-11-16T00:00:00.000Z', quantity: 12 }), snap()] }));
    expect(formatLicensingReport(shrink)).toMatch(/shrank\s+12\s+10\s+no seats added/);
  });
});
