import { describe, expect, it } from 'vitest';
import type { PsaContractLine as LicensingLine } from '@vectis/licensing-core';
import { AtContract, AtContractService, AtContractServiceUnit, AtService, mapContractService, type Picklists } from '../src/index';

// Wire-shaped rows (camelCase, as Autotask answers; the 2020 swagger spells them PascalCase).
const contract = AtContract.parse({ id: 29684001, companyID: 29683501, contractName: 'Managed Services 1', contractType: 7, status: 1, startDate: '2025-01-01T00:00:00', endDate: '2027-12-31T00:00:00', estimatedRevenue: 0 });
const line = AtContractService.parse({ id: 29690005, contractID: 29684001, serviceID: 30000000, unitPrice: 23.1, unitCost: 18.37, internalCurrencyUnitPrice: 23.1, invoiceDescription: null, quoteItemID: null });
const service = AtService.parse({ id: 30000000, name: 'Microsoft 365 Business Premium', invoiceDescription: 'M365 BP per user', isActive: true, periodType: 2, unitPrice: 22, unitCost: 18.37 });
const unit = (id: number, start: string, end: string, units: number, price: number) => AtContractServiceUnit.parse({ id, contractID: 29684001, contractServiceID: 29690005, serviceID: 30000000, startDate: `${start}T00:00:00`, endDate: `${end}T00:00:00`, units, price, cost: null, approveAndPostDate: null });
const picklists: Picklists = new Map([
  ['periodType', new Map([[2, 'Monthly'], [3, 'Quarterly'], [5, 'Yearly']])],
  ['status', new Map([[0, 'Inactive'], [1, 'Active']])],
]);
const base = { kind: 'svc' as const, line, contract, service, currency: 'USD', asOf: '2026-11-20T10:00:00Z', picklists };

describe('Autotask mappers (wire rows in → normalized out)', () => {
  it('the billed quantity is the units of the row covering as-of; the unit price comes from ContractServices, the row price is extended', () => {
    const mapped = mapContractService({ ...base, units: [unit(1, '2026-11-01', '2026-11-30', 11, 254.1)] });
    expect(mapped).toEqual({
      ok: true,
      line: {
        id: 'svc-29690005', psaCompanyId: '29683501', productId: 'service-30000000', sku: 'Microsoft 365 Business Premium', description: 'M365 BP per user',
        quantity: 11, quantitySource: 'ContractServiceUnits.units', unitPrice: { amount: '23.1', currency: 'USD' }, unitCost: { amount: '18.37', currency: 'USD' },
        billingPeriod: 'P1M', status: 'active', startDate: '2026-11-01', endDate: '2026-12-01', contractId: '29684001', contractName: 'Managed Services 1',
      },
    });
  });

  it('after a mid-period adjustment the later split row wins, and its prorated price is flagged, not used', () => {
    const mapped = mapContractService({ ...base, asOf: '2026-11-20', units: [unit(1, '2026-11-01', '2026-11-14', 11, 118.58), unit(2, '2026-11-15', '2026-11-30', 13, 160.16)] });
    expect(mapped.ok && mapped.line).toMatchObject({ quantity: 13, startDate: '2026-11-15', unitPrice: { amount: '23.1' } });
    expect(mapped.ok && mapped.line.warnings?.[0]).toMatch(/units 13 × unitPrice 23.1 ≠ price 160.16/);
  });

  it('no unit row covering as-of → not billing (inactive, quantity 0); yearly and quarterly periods come from the picklist label', () => {
    expect(mapContractService({ ...base, units: [] })).toMatchObject({ ok: true, line: { quantity: 0, status: 'inactive', quantitySource: 'no unit row covers as-of' } });
    const yearly = mapContractService({ ...base, service: { ...service, periodType: 5 }, units: [unit(1, '2026-01-01', '2026-12-31', 4, 92.4)] });
    expect(yearly.ok && yearly.line.billingPeriod).toBe('P1Y');
    const quarterly = mapContractService({ ...base, service: { ...service, periodType: 3 }, units: [unit(1, '2026-10-01', '2026-12-31', 4, 92.4)] });
    expect(quarterly.ok && quarterly.line).toMatchObject({ billingPeriod: 'unknown', pricePeriod: 'Quarterly' });
    // A failed picklist load must never turn a yearly price into a monthly one.
    const unlabeled = mapContractService({ ...base, picklists: new Map(), service: { ...service, periodType: 5 }, units: [unit(1, '2026-01-01', '2026-12-31', 4, 92.4)] });
    expect(unlabeled.ok && unlabeled.line).toMatchObject({ billingPeriod: 'unknown', pricePeriod: 'periodType 5' });
  });

  it('a contract that ended is cancelled; a line whose contract is invisible or has no currency is refused with the reason', () => {
    const ended = mapContractService({ ...base, contract: { ...contract, endDate: '2026-06-30T00:00:00' }, units: [unit(1, '2026-11-01', '2026-11-30', 2, 46.2)] });
    expect(ended.ok && ended.line.status).toBe('cancelled');
    expect(mapContractService({ ...base, contract: undefined, units: [] })).toEqual({ ok: false, reason: expect.stringMatching(/not visible to this API user/) });
    expect(mapContractService({ ...base, currency: undefined, units: [] })).toEqual({ ok: false, reason: expect.stringMatching(/no ISO currency/) });
    const mapped = mapContractService({ ...base, units: [unit(1, '2026-11-01', '2026-11-30', 11, 254.1)] });
    if (!mapped.ok) throw new Error('expected a line');
    const forLicensing: LicensingLine = mapped.line;
    expect(forLicensing.quantity).toBe(11);
  });
});
