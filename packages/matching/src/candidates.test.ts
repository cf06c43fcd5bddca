import { describe, expect, it } from 'vitest';
import { buildCandidateIndex } from './candidates';
import { prepareCustomer, preparePsa } from './prepare';
import type { PsaCompany } from './types';

// 600 dental practices: "dental" is common, the surname is what finds the right one.
const letters = 'abcdefghijklmnopqrstuvwxyz';
const word = (i: number) => `${letters[i % 26]}${letters[Math.floor(i / 26) % 26]}${letters[Math.floor(i / 676) % 26]}worth`;
const companies: PsaCompany[] = Array.from({ length: 600 }, (_, i) => ({ id: i, name: `${word(i)} Dental`, website: `${word(i)}dental.com` }));
companies.push({ id: 'target', name: 'Brennan Dental', website: 'brennan-smiles.com' });
const index = buildCandidateIndex(companies.map((c) => preparePsa(c)));
const ids = (name: string, extra = {}) =>
  index.candidates(prepareCustomer({ vendor: 'pax8', externalId: '1', name, ...extra }), 12).map((i) => index.psa[i]!.company.id);

describe('buildCandidateIndex', () => {
  it('finds the company through a rare word even when another word is everywhere', () => {
    expect(ids('Brennan Dental')[0]).toBe('target');
  });

  it('finds it through a typo in that rare word (insert, delete, substitute, swap)', () => {
    for (const typo of ['Brenan Dental', 'Brennnan Dental', 'Brennon Dental', 'Bernnan Dental']) expect(ids(typo), typo).toContain('target');
  });

  it('pins the company whose website is the customer domain, and finds tenant spellings', () => {
    expect(ids('Unrelated Name', { domains: [{ domain: 'www.brennan-smiles.com', source: 'website' }] })).toContain('target');
    expect(ids('BD', { domains: [{ domain: 'brennandental.onmicrosoft.com', source: 'tenant' }] })).toContain('target');
    expect(ids('BD', { domains: [{ domain: 'brennanden.onmicrosoft.com', source: 'tenant' }] })).toContain('target');
  });

  it('still returns candidates for a name made only of common words, without scanning everything', () => {
    const found = ids('Dental');
    expect(found.length).toBe(12);
  });
});
