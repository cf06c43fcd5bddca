import { describe, expect, it } from 'vitest';
import { isFreeMailDomain, normalizeDomain, registrableDomain, tenantName } from './domain';
import { normalizeCity, normalizeCountry, normalizePostalCode } from './location';
import { normalizeName } from './normalize';
import { compareNames, editDistance, identicalNames } from './similarity';

const key = (name: string) => normalizeName(name).key;

describe('normalizeName', () => {
  it('ignores case, punctuation, accents and extra spaces', () => {
    expect(key('  HERNÁNDEZ   Machine-Shop ')).toBe(key('hernandez machine shop'));
  });

  it('treats &, + and "and" alike', () => {
    expect(key('Morris & Whitmore Law')).toBe(key('Morris and Whitmore Law'));
    expect(key('Lindsey + Gibson')).toBe(key('Lindsey & Gibson'));
    expect(key('Silva &amp; Carrillo')).toBe(key('Silva & Carrillo'));
  });

  it('strips legal forms across countries, dotted or not', () => {
    const base = key('Acme Widgets');
    for (const suffix of ['Inc', 'Inc.', 'L.L.C.', 'LLC', 'Ltd', 'Pty Ltd', 'Pty. Ltd.', 'GmbH', 'GmbH & Co. KG', 'AG', 'Ltée', 'PLC', 'P.L.L.C.', 'Corp.', 'Co.', 'Company', 'S.A.', 'B.V.']) {
      expect(key(`Acme Widgets, ${suffix}`), suffix).toBe(base);
    }
  });

  it('forgives a typo in a trailing legal form but keeps a leading one', () => {
    expect(key('Griffin Manufacturing Cmopany')).toBe(key('Griffin Manufacturing'));
    expect(key('Noble Otter Brewery, Crop.')).toBe(key('Noble Otter Brewery'));
    expect(normalizeName('Company Store').tokens).toEqual(['company', 'store']);
  });

  it('drops a leading or trailing "The"', () => {
    expect(key('The Honest Canoe Company')).toBe(key('Honest Canoe Company, The'));
    expect(key('The Lucky Lasso')).toBe(key('Lucky Lasso'));
  });

  it('expands common business abbreviations', () => {
    expect(key('Elk Mtn. Auto Svcs')).toBe(key('Elk Mountain Auto Services'));
    expect(key('Cruz Bros.')).toBe(key('Cruz Brothers'));
    expect(key('St. Vincent School')).toBe(key('Saint Vincent School'));
    expect(key('First St. Printing')).toBe(key('First Street Printing'));
  });

  it('removes tenant labels distributors append', () => {
    for (const noisy of ['Acme Widgets - M365', 'Acme Widgets (Main)', 'ACME WIDGETS TENANT', 'Acme Widgets - Microsoft 365', 'Acme Widgets - NCE', 'Acme Widgets O365']) {
      expect(key(noisy), noisy).toBe(key('Acme Widgets'));
    }
    // A word that is only noise at the end stays when it is part of the name.
    expect(normalizeName('Main Street Bakery').tokens).toContain('main');
  });

  it('is order-insensitive for inverted person names', () => {
    expect(key('Zimmerman, Sven DVM')).toBe(key('Sven Zimmerman DVM'));
  });
});

describe('domains', () => {
  it('normalizes websites, URLs and e-mail addresses', () => {
    expect(normalizeDomain('https://WWW.Acme.com/about')).toBe('acme.com');
    expect(normalizeDomain('jane@Acme.co.uk')).toBe('acme.co.uk');
    expect(normalizeDomain('not a domain')).toBeUndefined();
    expect(normalizeDomain(null)).toBeUndefined();
    expect(registrableDomain('mail.acme.com.au')).toBe('acme.com.au');
  });

  it('recognizes free-mail and ISP domains', () => {
    expect(isFreeMailDomain('gmail.com')).toBe(true);
    expect(isFreeMailDomain('comcast.net')).toBe(true);
    expect(isFreeMailDomain('acme.com')).toBe(false);
  });

  it('reads tenant names from onmicrosoft.com domains without the numeric suffix', () => {
    expect(tenantName('AcmeCorp2.onmicrosoft.com')).toBe('acmecorp');
    expect(tenantName('acme.com')).toBeUndefined();
  });
});

describe('locations', () => {
  it('maps country names and codes to ISO alpha-2', () => {
    for (const v of ['US', 'USA', 'United States', 'u.s.a.']) expect(normalizeCountry(v), v).toBe('US');
    expect(normalizeCountry('United Kingdom')).toBe('GB');
    expect(normalizeCountry('Deutschland')).toBe('DE');
    expect(normalizeCountry('')).toBeUndefined();
  });

  it('compares postal codes across formats', () => {
    expect(normalizePostalCode('27691-2363', 'US')).toBe('27691');
    expect(normalizePostalCode('e1c 2p6', 'CA')).toBe(normalizePostalCode('E1C2P6', 'CA'));
    expect(normalizePostalCode('OX1 2WA', 'GB')).toBe('OX12WA');
  });

  it('compares cities across case, accents and St./Ft. abbreviations', () => {
    expect(normalizeCity('Montréal')).toBe(normalizeCity('MONTREAL'));
    expect(normalizeCity('Ft. Worth')).toBe(normalizeCity('Fort Worth'));
  });
});

describe('compareNames', () => {
  it('gives the full alignment\'s answer through the shortcut for names with the same words in any order', () => {
    const w = (t: string) => 1 + t.length / 7;
    for (const [a, b] of [[['acme', 'dental'], ['dental', 'acme']], [['o', 'brien', 'o'], ['o', 'o', 'brien']], [['3', 'rivers', 'and', 'sons'], ['sons', 'rivers', '3', 'and']]] as const) {
      expect(identicalNames(a, b, w)).toEqual(compareNames(a, b, w));
    }
  });
  it('splits words as written: apostrophes join, & and + read "and", other marks separate', () => {
    expect(normalizeName("O'Brien & Sons+Daughters-Co. (Main)").surface).toEqual(['obrien', 'and', 'sons', 'and', 'daughters', 'co']);
  });
  it('accepts typos, transpositions and split words, and reports distinguishing words', () => {
    expect(editDistance('irwin', 'iwrin', 2)).toBe(1);
    // The early exit for a budget of one keeps one-edit pairs at either end of the word.
    for (const [x, y] of [['xabc', 'abc'], ['abc', 'bac'], ['abc', 'abd'], ['abc', 'acb'], ['abcd', 'abcde'], ['zbc', 'abc']]) expect(editDistance(x!, y!, 1), `${x} ${y}`).toBe(1);
    expect(editDistance('abcx', 'yabc', 1)).toBe(2);
    expect(compareNames(['russo', 'sos'], ['russo', 'sons']).equivalent).toBe(true);
    expect(compareNames(['great', 'lakes'], ['greatlakes']).equivalent).toBe(true);
    const lab = compareNames(['summit', 'dental'], ['summit', 'dental', 'lab']);
    expect(lab.equivalent).toBe(false);
    expect(lab.onlyRight).toEqual(['lab']);
  });

  it('does not treat different short acronyms as typos', () => {
    expect(compareNames(['esr', 'international'], ['esn', 'international']).equivalent).toBe(false);
  });
});
