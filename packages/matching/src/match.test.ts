import { describe, expect, it } from 'vitest';
import { fromMatchingRow } from './adapter';
import { matchCustomers } from './match';
import type { DistributorCustomer, PsaCompany } from './types';

const customer = (id: string, name: string, extra: Partial<DistributorCustomer> = {}): DistributorCustomer => ({
  vendor: 'pax8',
  externalId: id,
  name,
  ...extra,
});
const at = (city: string, postalCode: string, country = 'US') => ({ address: { city, postalCode, country } });
const one = (c: DistributorCustomer, psa: PsaCompany[], options = {}) => matchCustomers([c], psa, options)[0]!;

describe('matchCustomers', () => {
  it('links the same company through legal-form and tenant-label noise when the location agrees', () => {
    const psa: PsaCompany[] = [{ id: 10, name: 'Cohen Interiors, Inc.', city: 'Huntsville', postalCode: '35806', country: 'United States' }];
    const r = one(customer('1', 'cohen interiors, inc (main)', at('HUNTSVILLE', '35806')), psa);
    expect(r).toMatchObject({ distributorId: 'pax8:1', psaId: 10, tier: 'auto' });
    expect(r.reasons.map((x) => x.signal)).toEqual(expect.arrayContaining(['name', 'city', 'postal_code']));
  });

  it('links on a shared company domain and says so', () => {
    const psa: PsaCompany[] = [{ id: 7, name: 'Marino Services', website: 'www.marinoservices.com' }];
    const r = one(customer('2', 'Marino Services Corp.', { domains: [{ domain: 'marinoservices.com', source: 'website' }] }), psa);
    expect(r.tier).toBe('auto');
    expect(r.reasons.some((x) => x.signal === 'domain' && x.effect === 'agrees')).toBe(true);
  });

  it('reads an onmicrosoft.com tenant name as evidence about the name', () => {
    const psa: PsaCompany[] = [{ id: 3, name: 'Tri-Lakes Pediatrics' }, { id: 4, name: 'Tri-Lakes Pediatric Dentistry' }];
    const r = one(customer('3', 'TRI-LAKES PEDIATRICS - AZURE', { domains: [{ domain: 'trilakespediatrics.onmicrosoft.com', source: 'tenant' }] }), psa);
    expect(r).toMatchObject({ psaId: 3, tier: 'auto' });
    expect(r.reasons.some((x) => x.signal === 'tenant')).toBe(true);
  });

  it('never auto-links names that differ in a distinguishing word', () => {
    const psa: PsaCompany[] = [{ id: 1, name: 'Summit Dental', city: 'Denver', postalCode: '80202', country: 'US' }];
    const r = one(customer('4', 'Summit Dental Lab', at('Denver', '80202')), psa);
    expect(r.tier).toBe('review');
    expect(r.reasons.some((x) => x.signal === 'name' && x.detail.includes('adds "lab"'))).toBe(true);
  });

  it('does not auto-link the same name in another city (a different company)', () => {
    const psa: PsaCompany[] = [{ id: 1, name: 'Brandywine Counseling', city: 'Anchorage', postalCode: '99532', country: 'USA' }];
    const r = one(customer('5', 'Brandywine Counseling', { ...at('Baltimore', '21201'), domains: [{ domain: 'brandywinecounseling.onmicrosoft.com', source: 'tenant' }] }), psa);
    expect(r.tier).not.toBe('auto');
  });

  it('auto-links a bare exact name only when it is unique and nothing conflicts', () => {
    const unique: PsaCompany[] = [{ id: 1, name: 'Indigo Bay Bible Church' }, { id: 2, name: 'Indigo Bay Urgent Care' }];
    expect(one(customer('6', 'indigo bay bible church'), unique)).toMatchObject({ psaId: 1, tier: 'auto' });
    const typo = one(customer('7', 'indigo bay bibel church'), unique);
    expect(typo.tier).toBe('review');
  });

  it('auto-links a bare name with one misspelt long word that no PSA company uses, and says which word', () => {
    const psa: PsaCompany[] = [{ id: 1, name: 'Laughing Ibex Architects, Pty. Ltd.', country: 'Australia' }, { id: 2, name: 'Laughing Ibex Catering' }];
    const r = one(customer('8', 'LAGUHING IBEX ARCHITECTS', { domains: [{ domain: 'hotmail.com', source: 'contact_email' }], address: { country: 'AU' } }), psa);
    expect(r).toMatchObject({ psaId: 1, tier: 'auto' });
    expect(r.reasons[0]!.detail).toContain('"laguhing" for "laughing"');
  });

  it('keeps a one-letter difference in review when the other spelling is some PSA company\'s word, or the word is short', () => {
    // "Mason" is a word of the PSA vocabulary (another company's name): "Mason Roofing" may be that other client's sibling.
    const psa: PsaCompany[] = [{ id: 1, name: 'Nason Roofing' }, { id: 2, name: 'Mason Dental' }];
    expect(one(customer('9', 'Mason Roofing'), psa).tier).toBe('review');
    // Short words one letter apart are often different names.
    expect(one(customer('10', 'Erik Lund CPA'), [{ id: 3, name: 'Eric Lund CPA' }]).tier).toBe('review');
  });

  it('keeps a misspelt name in review when a twin elsewhere or a conflicting address could be meant', () => {
    const twins: PsaCompany[] = [
      { id: 1, name: 'Tidewater Apiary', city: 'Hannover', country: 'DE' },
      { id: 2, name: 'Tidewater Apiary', city: 'Bremen', country: 'DE' },
    ];
    expect(one(customer('11', 'Tiewater Apiary', { address: { country: 'DE' } }), twins).tier).toBe('review');
    const elsewhere = one(customer('12', 'Tiewater Apiary', at('Leipzig', '04103', 'DE')), [twins[0]!]);
    expect(elsewhere.tier).not.toBe('auto');
  });

  it('reads a legal form inside the name as optional: "Montague SAS Architects, LLC" is "Montague Architects LLC"', () => {
    const r = one(customer('13', 'Montague SAS Architects, LLC', { address: { country: 'US' } }), [{ id: 1, name: 'Montague Architects LLC', city: 'Tempe', country: 'USA' }, { id: 2, name: 'Montague Printing' }]);
    expect(r).toMatchObject({ psaId: 1, tier: 'auto' });
  });

  it('sends ties to review and lists the rival, never picking one silently', () => {
    const psa: PsaCompany[] = [
      { id: 1, name: 'Andrea’s Pet Grooming', city: 'Huntsville', country: 'US' },
      { id: 2, name: "Andrea's Pet Grooming", city: 'Phoenix', country: 'US' },
    ];
    const r = one(customer('8', "Andrea's Pet Grooming L.L.C.", { domains: [{ domain: 'andreaspetgrooming.onmicrosoft.com', source: 'tenant' }] }), psa);
    expect(r.tier).toBe('review');
    expect(r.reasons[0]?.signal).toBe('tie');
    expect(r.runnersUp.map((c) => c.psaId)).toContain(r.psaId === 1 ? 2 : 1);
  });

  it('gives free-mail domains no weight', () => {
    const psa: PsaCompany[] = [{ id: 1, name: 'Rusty Salmon Dental', website: 'gmail.com' }];
    const r = one(customer('9', 'Rusty Goat Dental, Inc', { domains: [{ domain: 'gmail.com', source: 'contact_email' }] }), psa);
    expect(r.tier).not.toBe('auto');
    expect(r.reasons.some((x) => x.signal === 'domain' && x.effect === 'agrees')).toBe(false);
  });

  it('lets manual overrides by stable id win in both directions', () => {
    const psa: PsaCompany[] = [{ id: 1, name: 'Acme Widgets', city: 'Austin', postalCode: '73301', country: 'US' }, { id: 2, name: 'Totally Different Co' }];
    const c = customer('10', 'Acme Widgets', at('Austin', '73301'));
    const forced = one(c, psa, { overrides: { link: [{ distributorId: 'pax8:10', psaId: 2 }] } });
    expect(forced).toMatchObject({ psaId: 2, tier: 'auto', score: 1 });
    expect(forced.reasons[0]?.signal).toBe('override');
    const blocked = one(c, psa, { overrides: { neverLink: [{ distributorId: 'pax8:10', psaId: 1 }] } });
    expect(blocked.psaId).not.toBe(1);
  });

  it('links several distributor customers to one PSA company', () => {
    const psa: PsaCompany[] = [{ id: 5, name: 'Dixon Construction', city: 'Oakland', postalCode: '94650', country: 'US' }];
    const rs = matchCustomers(
      [customer('a', 'dixon construction', at('Oakland', '94650')), { ...customer('b', 'Dixn Construction.', at('Oakland', '94650')), vendor: 'sherweb' }],
      psa,
    );
    expect(rs.map((r) => [r.psaId, r.tier])).toEqual([[5, 'auto'], [5, 'auto']]);
  });

  it('links through the reseller reference (a PSA id set on the distributor side)', () => {
    const psa: PsaCompany[] = [{ id: 'C-77', name: 'Northwind' }, { id: 'C-78', name: 'Contoso', externalIds: ['ING-5'] }];
    expect(one(customer('11', 'Northwind Traders', { externalRef: 'c-77' }), psa)).toMatchObject({ psaId: 'C-77', tier: 'auto' });
    // A reference that equals a PSA id while nothing else agrees is only a suggestion.
    expect(one(customer('17', 'Fabrikam', { externalRef: 'C-77' }), psa)).toMatchObject({ psaId: 'C-77', tier: 'review' });
    expect(one(customer('12', 'Contoso Ltd', { externalRef: 'ING-5' }), psa)).toMatchObject({ psaId: 'C-78', tier: 'auto' });
  });

  it('filters inactive and prospect PSA rows unless told otherwise', () => {
    const psa: PsaCompany[] = [{ id: 1, name: 'Lantern Pest Control', status: 'Inactive' }, { id: 2, name: 'Lantern Pest Control', type: 'Prospect' }];
    expect(one(customer('13', 'Lantern Pest Control'), psa).tier).toBe('none');
    expect(one(customer('13', 'Lantern Pest Control'), psa, { candidateFilter: () => true }).tier).toBe('review');
  });

  it('respects a stricter auto threshold', () => {
    const psa: PsaCompany[] = [{ id: 1, name: 'Indigo Bay Bible Church' }];
    expect(one(customer('14', 'Indigo Bay Bible Church'), psa, { thresholds: { auto: 0.999 } }).tier).toBe('review');
  });

  it('returns none with no candidates', () => {
    expect(one(customer('15', 'Zyzzyva Quantum'), [{ id: 1, name: 'Acme' }])).toMatchObject({ psaId: null, tier: 'none' });
    expect(one(customer('16', 'Acme'), [])).toMatchObject({ psaId: null, tier: 'none', runnersUp: [] });
  });
});

describe('fromMatchingRow', () => {
  it('keeps the row id and sorts its domain into tenant, free-mail or website', () => {
    const row = { id: 'pax8:abc', vendor: 'pax8', name: 'Acme', city: 'Reno', postalCode: null, country: 'United States' };
    expect(fromMatchingRow({ ...row, domain: 'Acme.onmicrosoft.com' })).toMatchObject({ externalId: 'abc', domains: [{ source: 'tenant' }], address: { city: 'Reno', country: 'United States' } });
    expect(fromMatchingRow({ ...row, domain: 'gmail.com' }).domains).toEqual([{ domain: 'gmail.com', source: 'contact_email' }]);
    expect(fromMatchingRow({ ...row, domain: 'www.acme.com' }).domains).toEqual([{ domain: 'acme.com', source: 'website' }]);
    expect(fromMatchingRow({ ...row, id: 'raw-1', domain: null, city: null, country: null })).toEqual({ vendor: 'pax8', externalId: 'raw-1', name: 'Acme', status: 'active' });
  });
});
