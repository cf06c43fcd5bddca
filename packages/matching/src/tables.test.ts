import { describe, expect, it } from 'vitest';
import { matchCustomers } from './match';
import { normalizeName } from './normalize';
import { compareNames } from './similarity';
import { DEFAULT_NAME_TABLES, extendNameTables } from './tables';

const key = (name: string) => normalizeName(name).key;
const keys = (name: string) => [normalizeName(name), ...normalizeName(name).alternatives].map((p) => p.key);
const same = (a: string, b: string) => expect(key(a), `${a} = ${b}`).toBe(key(b));

describe('name-equivalence tables', () => {
  it('splits trade names so either part can be the name the other side uses', () => {
    for (const marker of ['dba', 'DBA', 'd/b/a', 'D.B.A.', 't/a', 'trading as', 'doing business as', 'formerly', 'f/k/a', 'aka']) {
      const name = `Kestrel Holdings LLC ${marker} Basalt Dental`;
      expect(keys(name), name).toEqual(expect.arrayContaining([key('Kestrel Holdings'), key('Basalt Dental')]));
    }
    expect(keys('Kestrel Holdings (Basalt Dental)')).toEqual(expect.arrayContaining([key('Kestrel Holdings'), key('Basalt Dental')]));
    // A marker inside a word is not a marker.
    expect(normalizeName('Adbar Roofing').alternatives).toEqual([]);
  });

  it('reads ordinals and number words as their digits and back', () => {
    same('First Choice Roofing', '1st Choice Roofing');
    same('Three Rivers Dental', '3 Rivers Dental');
    same('Twenty-First Century Realty', '21st Century Realty');
    expect(key('Second Choice Roofing')).not.toBe(key('First Choice Roofing'));
    // Two numbers are never one typo apart, and a number is not an initial.
    expect(compareNames(['fifth', 'avenue'], ['fifty', 'avenue']).equivalent).toBe(false);
    expect(compareNames(['3', 'rivers'], ['5', 'rivers']).equivalent).toBe(false);
  });

  it('reads common abbreviations in both directions', () => {
    const pairs = [
      ['St. Vincent School', 'Saint Vincent School'], ['First St Printing', 'First Street Printing'], ['Mt. Hood Outfitters', 'Mount Hood Outfitters'],
      ["Acme Int'l Freight", 'Acme International Freight'], ['Acme Svcs', 'Acme Services'], ['Acme Property Mgmt', 'Acme Property Management'],
      ['Acme & Assoc.', 'Acme and Associates'], ['Dental Assn of Acme', 'Dental Association of Acme'], ['Acme Parks Dept.', 'Acme Parks Department'],
      ['Cruz Bros.', 'Cruz Brothers'], ['Acme Tech', 'Acme Technologies'], ['Acme Sys.', 'Acme Systems'], ['Acme Grp', 'Acme Group'],
      ['Acme Corp. Widgets', 'Acme Corporation Widgets'], ['Acme Co.', 'Acme Company'],
    ];
    for (const [a, b] of pairs) same(a!, b!);
  });

  it('treats &, + and "and" alike, and folds accents, punctuation, case and a leading "The"', () => {
    same('Morris & Whitmore', 'Morris + Whitmore');
    same('Morris and Whitmore', 'MORRIS & WHITMORE');
    same('Grünewald Bäckerei', 'Grunewald Backerei');
    same('Søndergård Bygg', 'Sondergard Bygg');
    same('The Honest Canoe', 'Honest Canoe, The');
  });

  it('removes legal forms of many countries anywhere in the name', () => {
    for (const name of ['SARL Dupont Roofing', 'Dupont Roofing S.A.', 'Dupont GmbH Roofing', 'Dupont Roofing B.V.', 'Dupont Roofing Pty Ltd', 'Dupont Roofing plc', 'Dupont Roofing LLP', 'Dupont Roofing, P.C.', 'Dupont Roofing PLLC', 'Dupont Roofing Oy', 'Dupont Roofing AB', 'Dupont Roofing AS', 'Dupont Roofing N.V.', 'Dupont Roofing AG']) {
      same(name, 'Dupont Roofing');
    }
    // A short form inside the name may be initials: it stays a token but is never a distinguishing word.
    const inside = normalizeName('Dupont AB Roofing');
    expect(inside.optional).toEqual(['ab']);
  });

  it('removes tenant labels and reads person names in any order', () => {
    same('Acme Widgets - M365', 'Acme Widgets');
    same('Acme Widgets (Main)', 'Acme Widgets');
    same('Okonkwo, Aurora DDS', 'Aurora Okonkwo DDS');
    expect(compareNames(normalizeName('Aurora M. Okonkwo').tokens, normalizeName('Aurora Okonkwo').tokens).equivalent).toBe(true);
  });

  it('can be extended by the user without losing the defaults', () => {
    const tables = extendNameTables({ equivalents: [['heating and cooling', 'hvac']], legalForms: ['kft'] });
    expect(normalizeName('Basalt HVAC', tables).key).toBe(normalizeName('Basalt Heating & Cooling', tables).key);
    expect(normalizeName('Basalt HVAC').key).not.toBe(normalizeName('Basalt Heating & Cooling').key);
    expect(tables.equivalents.length).toBe(DEFAULT_NAME_TABLES.equivalents.length + 1);
    const r = matchCustomers([{ vendor: 'pax8', externalId: '1', name: 'Basalt HVAC', address: { city: 'Tulsa', country: 'US' } }], [{ id: 1, name: 'Basalt Heating and Cooling', city: 'Tulsa', country: 'US' }], { nameTables: tables });
    expect(r[0]).toMatchObject({ psaId: 1, tier: 'auto' });
  });
});
