import { describe, expect, it } from 'vitest';
import { createSherwebConnector, SHERWEB_DOCS_URL } from '@vectis/connector-sherweb';

// The shared stub behaviour (NotImplementedError from every method, no secret anywhere, dispose)
// is checked by the contract suite in contract.test.ts; this file checks what is Sherweb's own.
describe('Sherweb connector (typed stub)', () => {
  const sherweb = createSherwebConnector({
    clientId: 'c0ffee00-1234-4bcd-9def-001122334455',
    clientSecret: 'sherweb-client-secret-51d0b7',
    subscriptionKey: '0123456789abcdef0123456789abcdef',
  });

  it('identifies itself as the Sherweb connector', () => {
    expect(sherweb).toMatchObject({ id: 'sherweb', vendor: 'sherweb', label: 'Sherweb' });
  });

  it('points users to its docs page', async () => {
    expect(SHERWEB_DOCS_URL.endsWith('docs/connectors/sherweb.md')).toBe(true);
    await expect(sherweb.testConnection()).rejects.toThrow(/^\[vectis:sherweb\] testConnection\(\) is not implemented yet for Sherweb.*docs\/connectors\/sherweb\.md/);
  });
});
