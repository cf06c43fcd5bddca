import { describe, expect, it } from 'vitest';
import { createPax8Connector, PAX8_DOCS_URL } from '@vectis/connector-pax8';

// The shared stub behaviour (NotImplementedError from every method, no secret anywhere, dispose)
// is checked by the contract suite in contract.test.ts; this file checks what is Pax8's own.
describe('Pax8 connector (typed stub)', () => {
  const pax8 = createPax8Connector({ clientId: 'AbCdEf0123456789AbCdEf0123456789', clientSecret: 'pax8-client-secret-7f3a9c1e' });

  it('identifies itself as the Pax8 connector', () => {
    expect(pax8).toMatchObject({ id: 'pax8', vendor: 'pax8', label: 'Pax8' });
  });

  it('points users to its docs page', async () => {
    expect(PAX8_DOCS_URL.endsWith('docs/connectors/pax8.md')).toBe(true);
    await expect(pax8.testConnection()).rejects.toThrow(/^\[vectis:pax8\] testConnection\(\) is not implemented yet for Pax8.*docs\/connectors\/pax8\.md/);
  });
});
