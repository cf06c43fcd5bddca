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
    // the unlinked customer has no name: its key is printed
    expect(rowsOf(text, '== Per-SKU rollup').some((row) => row.startsWith('pax8:cust-2 '))).toBe(true);
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
