import { describe, expect, it } from 'vitest';
import type { PsaContractLine as LicensingLine } from '@vectis/licensing-core';
import type { PsaCompany as MatchingCompany } from '@vectis/matching';
import { CwAddition, CwAgreement, CwCompany, mapAddition, mapCompany } from '../src/index';
import additions from './fixtures/additions.json' with { type: 'json' };
import agreementJson from './fixtures/agreement.json' with { type: 'json' };
import companyJson from './fixtures/company.json' with { type: 'json' };

const agreement = CwAgreement.parse(agreementJson);
const [full, noCharge] = additions.map((a) => CwAddition.parse(a)) as [CwAddition, CwAddition];
const asOf = '2026-12-01T00:00:00Z';

describe('ConnectWise mappers (fixture in → normalized out)', () => {
  it('an addition with billedQuantity bills that quantity, at the agreement cycle, in the agreement currency', () => {
    const mapped = mapAddition(full, agreement, { billingOption: 'Quarterly', asOf });
    expect(mapped).toEqual({
      ok: true,
      line: {
        id: '9001', psaCompanyId: '250', productId: '31', sku: 'M365-BP', description: 'M365 Business Premium (per user)',
        quantity: 10, quantitySource: 'billedQuantity',
        unitPrice: { amount: '66.6', currency: 'USD' }, unitCost: { amount: '55.11', currency: 'USD' },
        billingPeriod: 'unknown', pricePeriod: 'Quarterly', status: 'active', startDate: '2025-02-01',
        contractId: '77', contractName: 'Managed 365 – Cruz Brothers', billable: true,
      },
    });
  });

  it('without billedQuantity the billed quantity is quantity − lessIncluded; NoCharge is not billable; a past cancelledDate cancels', () => {
    const mapped = mapAddition(noCharge, agreement, { billingOption: 'Monthly', asOf });
    expect(mapped.ok && mapped.line).toMatchObject({
      quantity: 10, quantitySource: 'quantity-lessIncluded', billable: false, status: 'cancelled', endDate: '2026-03-31', billingPeriod: 'P1M',
    });
  });

  it('a future cancelledDate keeps the line active until then', () => {
    const mapped = mapAddition({ ...full, cancelledDate: '2027-01-31T00:00:00Z' }, agreement, { billingOption: 'Yearly', asOf });
    expect(mapped.ok && mapped.line).toMatchObject({ status: 'active', endDate: '2027-01-31', billingPeriod: 'P1Y' });
  });

  it('an extPrice that is not quantity × unitPrice (a proration line) is flagged, not changed', () => {
    const mapped = mapAddition({ ...full, extPrice: 333 }, agreement, { billingOption: 'Monthly', asOf });
    expect(mapped.ok && mapped.line.warnings?.[0]).toMatch(/extPrice 333/);
    expect(mapped.ok && mapped.line.quantity).toBe(10);
  });

  it('no ISO currency on the agreement and no default → the line is refused with a reason, never guessed', () => {
    const { currency: _drop, ...bare } = agreement;
    expect(mapAddition(full, bare as CwAgreement, { billingOption: 'Monthly', asOf })).toEqual({ ok: false, reason: expect.stringMatching(/no ISO 4217/) });
    expect(mapAddition(full, { ...bare, currency: { currencyCode: 'Dollars' } } as CwAgreement, { billingOption: 'Monthly', asOf, defaultCurrency: 'CAD' }))
      .toMatchObject({ ok: true, line: { unitPrice: { currency: 'CAD' } } });
  });

  it('a company keeps its identifiers, types and status labels for matching', () => {
    expect(mapCompany(CwCompany.parse(companyJson))).toEqual({
      id: '250', name: 'Cruz Brothers Auto Body', code: 'CruzBrothers', website: 'www.cruzbrothersautobody.com', city: 'Jackson', state: 'MS',
      postalCode: '39201', country: 'US', status: 'Active', type: 'Client, Partner', externalIds: ['pax8:9f3a', 'AR-1000'],
      phone: '5550100', parentId: '249', currency: 'USD', updatedAt: '2026-09-10T14:03:11Z',
    });
  });

  it('the output types are assignable to what licensing-core and matching consume today', () => {
    const mapped = mapAddition(full, agreement, { billingOption: 'Monthly', asOf });
    if (!mapped.ok) throw new Error('expected a line');
    const forLicensing: LicensingLine = mapped.line;
    const forMatching: MatchingCompany = mapCompany(CwCompany.parse(companyJson));
    expect(forLicensing.billingPeriod).toBe('P1M');
    expect(forMatching.name).toBe('Cruz Brothers Auto Body');
  });
});
