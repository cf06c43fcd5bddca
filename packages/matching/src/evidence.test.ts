import { describe, expect, it } from 'vitest';
import { matchCustomers } from './match';
import type { DistributorCustomer, PsaCompany } from './types';

const customer = (name: string, extra: Partial<DistributorCustomer> = {}): DistributorCustomer => ({ vendor: 'pax8', externalId: 'c1', name, ...extra });
const site = (domain: string) => ({ domains: [{ domain, source: 'website' as const }] });
const tenant = (name: string) => ({ domains: [{ domain: `${name}.onmicrosoft.com`, source: 'tenant' as const }] });
const one = (c: DistributorCustomer, psa: PsaCompany[]) => matchCustomers([c], psa)[0]!;
const details = (r: { reasons: { detail: string }[] }) => r.reasons.map((x) => x.detail).join(' | ');

describe('evidence that combines', () => {
  const roofing: PsaCompany = { id: 1, name: 'Okonkwo Roofing', website: 'okonkworoofing.com', city: 'Tulsa', country: 'US' };

  it('links a name with added words when the exact website domain agrees, and says why', () => {
    const r = one(customer('Okonkwo Roofing Services Group', site('www.okonkworoofing.com')), [roofing]);
    expect(r).toMatchObject({ psaId: 1, tier: 'auto' });
    expect(details(r)).toContain('one name contains the other and the same website domain confirms it');
  });

  it('links added generic words on a tenant that spells the PSA name', () => {
    const r = one(customer('Okonkwo Roofing Holdings', tenant('okonkworoofing')), [roofing]);
    expect(r).toMatchObject({ psaId: 1, tier: 'auto' });
  });

  it('reads a misspelt generic word as generic ("Soutions"), but a misspelt distinguishing word stays one', () => {
    const r = one(customer('Okonkwo Roofing Soutions', tenant('okonkworoofing')), [roofing]);
    expect(r).toMatchObject({ psaId: 1, tier: 'auto' });
    expect(one(customer('Okonkwo Roofing Suply', tenant('okonkworoofing')), [roofing]).tier).not.toBe('auto');
  });

  it('reads "of <city>" with a typo in a city of 6+ letters as the PSA company\'s location', () => {
    const sudbury = one(customer('Zielinski Logistics of Sdubury', tenant('zielinskilogistics')), [{ id: 2, name: 'Zielinski Logistics Ltd', city: 'Sudbury', country: 'CA' }]);
    expect(sudbury).toMatchObject({ psaId: 2, tier: 'auto' });
    expect(details(sudbury)).toContain('is the other side\'s city');
  });

  it('keeps a distinguishing added word out without strong evidence (a sibling)', () => {
    const r = one(customer('Okonkwo Roofing Supply', { address: { city: 'Tulsa', country: 'US' } }), [roofing]);
    expect(r.tier).toBe('review');
    expect(details(r)).toContain('adds "supply"');
  });

  it('does not take a tenant that is the customer’s own longer name cut short as proof', () => {
    // "okonkworoofing" may be "Okonkwo Roofing Supply" truncated: it cannot tell the sibling apart.
    const r = one(customer('Okonkwo Roofing Supply', { ...tenant('okonkworoofing'), address: { city: 'Tulsa', country: 'US' } }), [roofing]);
    expect(r.tier).not.toBe('auto');
  });

  it('prefers the PSA company that carries the whole name over the one contained in it', () => {
    const lab: PsaCompany = { id: 2, name: 'Okonkwo Roofing Supply', city: 'Tulsa', country: 'US' };
    const r = one(customer('Okonkwo Roofing Supply', site('okonkworoofing.com')), [roofing, lab]);
    expect(r.psaId === 1 && r.tier === 'auto').toBe(false);
  });

  it('reads an added city that is the PSA company’s own city as a location, not a sibling', () => {
    const r = one(customer('Okonkwo Roofing of Tulsa', tenant('okonkworoofing')), [roofing]);
    expect(r).toMatchObject({ psaId: 1, tier: 'auto' });
    expect(details(r)).toContain('is the other side\'s city');
    expect(one(customer('Okonkwo Roofing of Dallas'), [roofing]).tier).not.toBe('auto');
  });

  it('links through a trade name on either side', () => {
    const psa: PsaCompany[] = [{ id: 5, name: 'Basalt Dental', city: 'Fargo', postalCode: '58102', country: 'US' }];
    expect(one(customer('Kestrel Holdings LLC d/b/a Basalt Dental', { address: { city: 'Fargo', postalCode: '58102', country: 'US' } }), psa)).toMatchObject({ psaId: 5, tier: 'auto' });
    const dba: PsaCompany[] = [{ id: 6, name: 'Kestrel Holdings LLC dba Basalt Dental', city: 'Fargo', country: 'US' }];
    const r = one(customer('BASALT DENTAL', { address: { city: 'Fargo', country: 'US' } }), dba);
    expect(r).toMatchObject({ psaId: 6, tier: 'auto' });
    expect(details(r)).toContain('alternative name');
  });

  it('never links two different numbers or two different professional titles', () => {
    const at = { address: { city: 'Tulsa', postalCode: '74103', country: 'US' } };
    const psa: PsaCompany[] = [
      { id: 7, name: 'Third Harbor Bakery', city: 'Tulsa', postalCode: '74103', country: 'US' },
      { id: 8, name: 'Aurora Okonkwo DDS', city: 'Tulsa', postalCode: '74103', country: 'US' },
    ];
    expect(one(customer('3rd Harbor Bakery', at), psa)).toMatchObject({ psaId: 7, tier: 'auto' });
    expect(one(customer('Fifth Harbor Bakery', at), psa).tier).not.toBe('auto');
    expect(one(customer('Okonkwo, Aurora DDS', at), psa)).toMatchObject({ psaId: 8, tier: 'auto' });
    expect(one(customer('Aurora Okonkwo CPA', at), psa).tier).not.toBe('auto');
  });

  it('treats a partner-set reference as strong only when something corroborates it', () => {
    const psa: PsaCompany[] = [{ id: 'C-9', name: 'Okonkwo Roofing', city: 'Tulsa', country: 'US' }];
    expect(one(customer('Okonkwo Roofing & Gutters', { externalRef: 'C-9' }), psa)).toMatchObject({ psaId: 'C-9', tier: 'auto' });
    const collision = one(customer('Zamora Bakery', { externalRef: 'C-9', address: { city: 'Reno', country: 'CA' } }), psa);
    expect(collision.tier).not.toBe('auto');
    expect(collision.runnersUp[0]?.reasons.some((x) => x.signal === 'external_ref')).toBe(true);
  });
});
