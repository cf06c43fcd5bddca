import { describe, expect, it } from 'vitest';
import { createSynnexConnector, SYNNEX_DOCS_URL } from '@vectis/connector-synnex';

// The shared stub behaviour (NotImplementedError from every method, no secret anywhere, dispose)
// is checked by the contract suite in contract.test.ts; this file checks what is TD SYNNEX's own.
describe('TD SYNNEX connector (typed stub)', () => {
  it('tags records td_synnex, the library tag (the product pages write the synnex alias)', () => {
    const ion = createSynnexConnector({ accountId: '123456', refreshToken: 'ion-refresh-token-9b2e44d1', onRefreshTokenRotated: () => {} });
    expect(ion).toMatchObject({ id: 'synnex', vendor: 'td_synnex', label: 'TD SYNNEX' });
  });

  it('points users to its docs page', async () => {
    const ion = createSynnexConnector({ accountId: '123456', refreshToken: 'ion-refresh-token-9b2e44d1', onRefreshTokenRotated: () => {} });
    expect(SYNNEX_DOCS_URL.endsWith('docs/connectors/synnex.md')).toBe(true);
    await expect(ion.testConnection()).rejects.toThrow(/^\[vectis:synnex\] testConnection\(\) is not implemented yet for TD SYNNEX.*docs\/connectors\/synnex\.md/);
  });

  it('never calls onRefreshTokenRotated: a stub refreshes nothing, so the stored token stays valid', async () => {
    const rotated: string[] = [];
    const ion = createSynnexConnector({ accountId: '123456', refreshToken: 'ion-refresh-token-9b2e44d1', onRefreshTokenRotated: (next) => void rotated.push(next) });
    await expect(ion.testConnection()).rejects.toThrow();
    await expect(ion.listSubscriptions()[Symbol.asyncIterator]().next()).rejects.toThrow();
    await ion.dispose();
    expect(rotated).toEqual([]);
  });
});
