// Each PSA's export shape → companies and contract lines, with line numbers on rejected rows.
import { describe, expect, it } from 'vitest';
import { parsePsaExport } from '../src/commands/psa-import';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDb } from '../src/store';
import { tempDir, vectis } from './helpers';

describe('PSA exports', () => {
  it('Autotask companies: isActive and the companyType picklist become status and type', () => {
    const text = 'id,companyName,webAddress,city,postalCode,isActive,companyType\n29683,"Contoso, Ltd",contoso.com,Seattle,98101,true,1\n29684,Prospect Co,,,,true,3\n29685,Old Co,,,,false,1\n';
    const r = parsePsaExport('companies.csv', text, 'autotask');
    expect(r.kind).toBe('companies');
    expect(r.rejected).toEqual([]);
    expect(r.accepted).toEqual([
      { id: '29683', name: 'Contoso, Ltd', website: 'contoso.com', city: 'Seattle', state: null, postalCode: '98101', country: null, status: 'Active', type: 'Client' },
      { id: '29684', name: 'Prospect Co', website: null, city: null, state: null, postalCode: null, country: null, status: 'Active', type: 'Prospect' },
      { id: '29685', name: 'Old Co', website: null, city: null, state: null, postalCode: null, country: null, status: 'Inactive', type: 'Client' },
    ]);
  });

  it('HaloPSA recurring lines from JSON: record positions as line numbers, exact decimal prices kept as strings', () => {
    const json = JSON.stringify([
      { id: 1, client_id: 12, item_code: 'M365-BP', qty_order: 10, unit_price: '22.00', frequency: 'Monthly' },
      { id: 2, client_id: 12, item_code: 'M365-E3', qty_order: 5, unit_price: '1,234.50', frequency: 'Monthly' },
      { id: 3, client_id: 13, item_code: 'EXO', qty_order: 2, unit_price: '48', frequency: 'Fortnightly' },
      { id: 4, client_id: 13, item_code: 'EXO', qty_order: 2, unit_price: '48.10', frequency: 'Annually', currency: 'cad' },
    ]);
    const r = parsePsaExport('lines.json', json, 'halo', { currency: 'USD' });
    expect(r.kind).toBe('contracts');
    expect(r.accepted).toEqual([
      { id: '1', psaCompanyId: '12', productId: 'M365-BP', quantity: 10, unitPrice: { amount: '22.00', currency: 'USD' }, billingPeriod: 'P1M', status: 'active' },
      { id: '4', psaCompanyId: '13', productId: 'EXO', quantity: 2, unitPrice: { amount: '48.10', currency: 'CAD' }, billingPeriod: 'P1Y', status: 'active' },
    ]);
    expect(r.rejected).toEqual([
      { line: 2, reason: 'line 2: unit price "1,234.50" is not a plain decimal (no thousands separators)' },
      { line: 3, reason: 'line 3: unknown billing period "Fortnightly" (monthly, annually, biennially, triennially, one-time)' },
    ]);
  });

  it('ConnectWise REST JSON (nested company/product objects) maps like the UI export', () => {
    const json = JSON.stringify([{ id: 77, company: { id: 250, name: 'Acme' }, product: { identifier: 'NCE-BP' }, quantity: 3, unitPrice: 12.5, billingCycle: 'Monthly', agreementStatus: 'Active', effectiveDate: '2026-01-01T00:00:00Z' }]);
    const r = parsePsaExport('additions.json', json, 'connectwise', { kind: 'contracts', currency: 'USD' });
    expect(r.accepted).toEqual([{ id: '77', psaCompanyId: '250', productId: 'NCE-BP', quantity: 3, unitPrice: { amount: '12.5', currency: 'USD' }, billingPeriod: 'P1M', status: 'active', startDate: '2026-01-01T00:00:00Z' }]);
  });

  it('CSV line numbers count the header and quoted multi-line cells', () => {
    const text = 'id,name\n1,"Two\nLines Inc"\n,No Id\n3,Three\n';
    const r = parsePsaExport('c.csv', text, 'generic');
    expect(r.rejected).toEqual([{ line: 4, reason: 'no company id (columns id)' }]);
    expect(r.accepted.map((c) => c.id)).toEqual(['1', '3']);
  });
});

describe('a malformed export', () => {
  it('vectis psa import names the file and the parser\'s line, and imports nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'bad.csv'), 'id,name\n1,"Unclosed quote\n2,Fine\n');
    const r = await vectis(['psa', 'import', join(dir, 'bad.csv'), '--format', 'generic', '--db', `sqlite:${join(dir, 'v.db')}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv: cannot be parsed: .*line/i);
    expect(existsSync(join(dir, 'v.db.psa.json'))).toBe(false);
  });
});

describe('--db', () => {
  it('never displays a postgres password', () => {
    expect(parseDb('postgres://vectis:hunter2@db.internal:5432/vectis', '/tmp').display).toBe('postgres://vectis:***@db.internal:5432/vectis');
    expect(parseDb('sqlite:./v.db', '/srv').location).toBe('/srv/v.db');
    expect(() => parseDb('mysql://x', '/tmp')).toThrow(/sqlite:<file> or postgres/);
  });
});
