import { describe, expect, it } from 'vitest';
import type { PsaContractLine as LicensingLine } from '@vectis/licensing-core';
import type { PsaCompany as MatchingCompany } from '@vectis/matching';
import { HaloClient, HaloRecurringInvoice, mapClient, mapInvoiceLine } from '../src/index';
import headerJson from './fixtures/recurring-invoice.json' with { type: 'json' };

const header = HaloRecurringInvoice.parse(headerJson);
const [group, computed, ended] = header.lines ?? [];
const ctx = { asOf: '2026-12-01T00:00:00Z', currencies: new Map([[1, 'USD']]), billingPeriodCodes: { 1: 'P1M' as const } };

describe('Halo mappers (fixture in → normalized out)', () => {
  it('group headings are skipped, not billed', () => {
    expect(mapInvoiceLine(group!, header, ctx)).toEqual({ ok: 'skip' });
  });

  it('a licence-counted line keeps qty_order, says the quantity is computed, takes the currency from currency_code', () => {
    expect(mapInvoiceLine(computed!, header, ctx)).toEqual({
      ok: true,
      line: {
        id: '7002', psaCompanyId: '14', productId: '5', sku: 'M365-BP', description: 'Microsoft 365 Business Premium',
        quantity: 14, quantitySource: 'qty_order (computed)', unitPrice: { amount: '22', currency: 'USD' }, unitCost: { amount: '18.37', currency: 'USD' },
        billingPeriod: 'P1M', status: 'active', startDate: '2025-03-01', contractId: 'recurring-invoice-512', contractName: 'Recurring invoice 512',
        warnings: [expect.stringMatching(/computed by Halo at invoice time/)],
      },
    });
  });

  it('an unmapped billingperiod code stays unknown and says which code; string amounts pass through exactly; an ended line is cancelled', () => {
    const mapped = mapInvoiceLine(ended!, header, ctx);
    expect(mapped.ok === true && mapped.line).toMatchObject({
      quantity: 14, unitPrice: { amount: '45.00', currency: 'USD' }, billingPeriod: 'unknown', pricePeriod: 'billingperiod 4', status: 'cancelled', endDate: '2026-05-31',
    });
    expect(mapped.ok === true && 'unitCost' in mapped.line).toBe(false);
  });

  it('no ISO currency anywhere and no default → refused with a reason', () => {
    expect(mapInvoiceLine(computed!, { ...header, currency_code: 2 }, ctx)).toEqual({ ok: false, reason: expect.stringMatching(/no ISO currency/) });
    expect(mapInvoiceLine(computed!, { ...header, currency_code: 2 }, { ...ctx, defaultCurrency: 'GBP' })).toMatchObject({ ok: true, line: { unitPrice: { currency: 'GBP' } } });
  });

  it('a client carries its Microsoft tenant, external ids and reference for matching', () => {
    const client = HaloClient.parse({
      id: 14, name: 'Harbor Dental Group 2', inactive: false, website: null, domain: 'harbor2.com', ref: 'CL00014', accountsid: 'XERO-14',
      main_invoice_address: { line1: '10 Harbor Way', postcode: '33602' }, currencyisocode: 'USD', customertype: 1,
      azure_tenants: [{ azure_tenant_id: '0f6b2c1e-1111-4a2b-9c3d-123456789abc', azure_tenant_domain: 'harbor2.onmicrosoft.com' }],
      external_links: [{ third_party_id: 'pax8-14', third_party_type: 'Pax8' }], ingram_micro_details_id: 0, alastupdate: '2026-10-02T08:15:00',
    });
    const company: MatchingCompany = mapClient(client);
    expect(company).toEqual({
      id: '14', name: 'Harbor Dental Group 2', website: 'harbor2.com', postalCode: '33602', status: 'Active', type: null,
      externalIds: ['pax8-14', 'XERO-14'], code: 'CL00014', currency: 'USD',
      microsoftTenantIds: ['0f6b2c1e-1111-4a2b-9c3d-123456789abc'], updatedAt: '2026-10-02T08:15:00',
    });
    const mapped = mapInvoiceLine(computed!, header, ctx);
    if (mapped.ok !== true) throw new Error('expected a line');
    const forLicensing: LicensingLine = mapped.line;
    expect(forLicensing.id).toBe('7002');
  });
});
