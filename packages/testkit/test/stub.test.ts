import { createStubConnector, type DistributorConnector, NotImplementedError } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { stubContract } from '../src/contract/suite';

const SECRET = 'stub-secret-value-1234';
const options = { name: 'acme-stub', create: () => good(), secrets: [SECRET], docsUrlIncludes: 'docs/connectors/acme.md' };
const good = () => createStubConnector({ id: 'acme', vendor: 'pax8', label: 'Acme', docsUrl: 'https://x.test/docs/connectors/acme.md' });

// A stub is only reported as a stub when it behaves like one; these broken stubs must fail its test.
describe('the stub test of the contract suite', () => {
  it('passes an honest stub', async () => {
    await expect(stubContract(good(), options)).resolves.toBeUndefined();
  });

  const broken: Array<[string, (c: DistributorConnector) => DistributorConnector, RegExp]> = [
    ['claims capabilities it lacks', (c) => ({ ...c, capabilities: { ...c.capabilities, customers: true } }), /syncs nothing/],
    [
      'puts a secret in its error',
      (c) => ({
        ...c,
        testConnection: async () => {
          throw new NotImplementedError({ connector: 'acme', vendor: 'Acme', method: 'testConnection', docsUrl: `https://x.test/docs/connectors/acme.md?k=${SECRET}` });
        },
      }),
      /contains a configured secret/,
    ],
    [
      'yields a batch instead of failing',
      (c) => ({
        ...c,
        listCustomers: async function* () {
          yield { items: [] };
        },
      }),
      /yielded a batch/,
    ],
    ['keeps a credential on the object', (c) => ({ ...c, options: { clientSecret: SECRET } }) as DistributorConnector, /connector object contains a configured secret/],
    ['points to the wrong docs page', () => createStubConnector({ id: 'acme', vendor: 'pax8', label: 'Acme', docsUrl: 'https://x.test/docs/other.md' }), /docs\/connectors\/acme\.md/],
  ];
  it.each(broken)('fails a stub that %s', async (_what, breakIt, reason) => {
    await expect(stubContract(breakIt(good()), options)).rejects.toThrow(reason);
  });
});
