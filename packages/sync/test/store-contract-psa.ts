// Store contract, PSA part: psa_companies and psa_contract_lines on every engine. Called by storeContract.
import { expect, expectTypeOf, it } from 'vitest';
import type { PsaCompany, PsaContractLine } from '@vectis/connector-core';
import type { PsaContractLine as LicensingLine } from '@vectis/licensing-core';
import type { PsaCompany as MatchingCompany } from '@vectis/matching';
import { isStoreLockedError, psaLeaseKey, type Store, type StoredPsaCompany, type StoredPsaContractLine } from '@vectis/sync';

const ctx1 = { runId: 'run-1', at: '2026-11-23T06:00:00.000Z' };
const ctx2 = { runId: 'run-2', at: '2026-11-24T06:00:00.000Z' };
const strip = <T extends { meta: unknown; psa: unknown }>(rows: T[]) => rows.map(({ meta: _m, psa: _p, ...rest }) => rest);

// As the readers emit them: string ids (ConnectWise), number ids (a JSON import), explicit nulls, every extra field.
export const PSA_COMPANIES: PsaCompany[] = [
  {
    id: '250', name: 'Cruz Brothers Auto Body', code: 'CruzBrothers', website: 'www.cruzbrothers.com', city: 'Jackson', state: 'MS',
    postalCode: '39201', country: 'US', status: 'Active', type: 'Client, Partner', externalIds: ['pax8:9f3a', 'AR-1000'],
    phone: '5550100', parentId: '249', currency: 'USD', microsoftTenantIds: ['6f1c0d2e-0000-4000-8000-000000000001'], updatedAt: '2026-09-10T14:03:11Z',
  },
  { id: 19001, name: 'Bare Holdings', website: null, city: null, status: 'Active', type: 'Prospect' },
  { id: '253', name: 'Nordic Café AB', country: 'SE' },
];

export const PSA_LINES: PsaContractLine[] = [
  {
    id: 'cw-addition-9003', psaCompanyId: '250', productId: '31', sku: 'M365-BP', description: 'Microsoft 365 Business Premium', quantity: 8,
    unitPrice: { amount: '22.10', currency: 'USD' }, billingPeriod: 'P1M', status: 'active', startDate: '2025-01-01', contractId: '40',
    contractName: 'Managed services', unitCost: { amount: '19.800', currency: 'USD' }, billable: true, quantitySource: 'billedQuantity',
    warnings: ['extPrice 176.00 ≠ quantity × unitPrice 176.80'],
  },
  { id: 'cw-addition-9006', psaCompanyId: 19001, quantity: 2.5, unitPrice: { amount: '0.10', currency: 'SEK' }, billingPeriod: 'unknown', pricePeriod: 'Quarterly', status: 'cancelled', endDate: '2026-11-01', billable: false },
];

export function psaStoreContract(store: () => Store): void {
  it('reads PSA companies and contract lines back exactly as the reader produced them (ids, nulls, money, extras)', async () => {
    const s = store();
    expect(await s.upsertPsaCompanies('connectwise', PSA_COMPANIES, ctx1)).toEqual({ inserted: 3, updated: 0, unchanged: 0, restored: 0 });
    expect(await s.upsertPsaContractLines('connectwise', PSA_LINES, ctx1)).toEqual({ inserted: 2, updated: 0, unchanged: 0, restored: 0 });
    const companies = await s.listPsaCompanies({ psa: 'connectwise' });
    expect(strip(companies)).toEqual([PSA_COMPANIES[1], PSA_COMPANIES[0], PSA_COMPANIES[2]]); // ordered by id as text
    expect(companies[0]).toMatchObject({ psa: 'connectwise', meta: { firstSeenAt: ctx1.at, removedAt: undefined } });
    const lines = await s.listPsaContractLines();
    expect(strip(lines)).toEqual(PSA_LINES);
    expect(strip(await s.listPsaContractLines({ psaCompanyId: 19001 }))).toEqual([PSA_LINES[1]]);
  });

  it('keys rows by (psa, id): the same id in two PSAs is two rows', async () => {
    const s = store();
    await s.upsertPsaCompanies('connectwise', [PSA_COMPANIES[0]!], ctx1);
    await s.upsertPsaCompanies('halo', [{ ...PSA_COMPANIES[0]!, name: 'Cruz Bros (Halo)' }], ctx1);
    expect((await s.listPsaCompanies()).map((c) => [c.psa, c.id, c.name])).toEqual([
      ['connectwise', '250', 'Cruz Brothers Auto Body'],
      ['halo', '250', 'Cruz Bros (Halo)'],
    ]);
    await s.markPsaRemoved('psa_companies', 'halo', ctx2);
    expect((await s.listPsaCompanies()).map((c) => c.psa)).toEqual(['connectwise']); // the other PSA is untouched
  });

  it('counts unchanged and updated rows, marks unseen rows removed, and restores them when they come back', async () => {
    const s = store();
    await s.upsertPsaContractLines('connectwise', PSA_LINES, ctx1);
    const changed = { ...PSA_LINES[0]!, quantity: 9 };
    expect(await s.upsertPsaContractLines('connectwise', [changed], ctx2)).toEqual({ inserted: 0, updated: 1, unchanged: 0, restored: 0 });
    expect(await s.markPsaRemoved('psa_contract_lines', 'connectwise', ctx2)).toBe(1);
    expect((await s.listPsaContractLines()).map((l) => [l.id, l.quantity, l.meta.changedAt])).toEqual([['cw-addition-9003', 9, ctx2.at]]);
    const removed = (await s.listPsaContractLines({ includeRemoved: true })).find((l) => l.id === 'cw-addition-9006');
    expect(removed?.meta.removedAt).toBe(ctx2.at);
    const ctx3 = { runId: 'run-3', at: '2026-11-25T06:00:00.000Z' };
    expect(await s.upsertPsaContractLines('connectwise', PSA_LINES, ctx3)).toEqual({ inserted: 0, updated: 2, unchanged: 0, restored: 1 });
    expect(await s.listPsaContractLines()).toHaveLength(2);
  });

  it("refuses PSA writes and removal while another run holds the PSA's lease", async () => {
    const s = store();
    expect(await s.acquireLease(psaLeaseKey('connectwise'), { runId: 'run-b', holder: 'host-b:2', ttlMs: 60_000 })).toBeUndefined();
    for (const write of [
      () => s.upsertPsaCompanies('connectwise', PSA_COMPANIES, ctx1),
      () => s.upsertPsaContractLines('connectwise', PSA_LINES, ctx1),
      () => s.markPsaRemoved('psa_companies', 'connectwise', ctx1),
    ]) {
      const error = await write().catch((e: unknown) => e);
      expect(isStoreLockedError(error)).toBe(true);
    }
    expect(await s.listPsaCompanies()).toEqual([]);
    // A distributor vendor's lease is another lease: a PSA sync never blocks a distributor sync.
    expect(await s.acquireLease('pax8', { runId: 'run-a', holder: 'host-a:1', ttlMs: 60_000 })).toBeUndefined();
    await s.releaseLease(psaLeaseKey('connectwise'), 'run-b');
    await s.releaseLease('pax8', 'run-a');
  });

  it('returns objects matching and licensing-core take as input', () => {
    expectTypeOf<StoredPsaCompany>().toExtend<MatchingCompany>();
    expectTypeOf<StoredPsaContractLine>().toExtend<LicensingLine>();
    const forMatching: MatchingCompany[] = [] as StoredPsaCompany[];
    const forLicensing: LicensingLine[] = [] as StoredPsaContractLine[];
    expect([forMatching, forLicensing]).toEqual([[], []]);
  });
}
