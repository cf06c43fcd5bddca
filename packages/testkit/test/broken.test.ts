import { describe, expect, it } from 'vitest';
import {
  abortCase,
  badRecordCase,
  type ContractCase,
  capabilitiesCase,
  createContractContext,
  pagingCase,
  lyingTotalCase,
  readOnlyCase,
  redirectCase,
  secretsCase,
  shiftingPagesCase,
  unauthorizedCase,
  unknownStatusCase,
  useFakeApi,
} from '../src/index';
import { type Breakage, createAcmeConnector } from './reference-connector';
import { ACME_PASSWORD, createAcmeVendor } from './reference-vendor';

const fake = createAcmeVendor();
useFakeApi(fake);

// Each real-world bug must be caught by the case that targets it: the case run directly rejects.
const CAUGHT: Array<[Breakage, ContractCase, RegExp]> = [
  ['stops-on-short-page', pagingCase, /ids emitted vs ids held by the vendor/],
  ['drops-filter-after-first-page', pagingCase, /filters must be sent on every page/],
  ['first-product-only', pagingCase, /every product of a multi-product subscription/],
  ['keeps-duplicates', shiftingPagesCase, /duplicates must be dropped/],
  ['ignores-401', unauthorizedCase, /401 Unauthorized/],
  ['leaks-password', secretsCase, /a secret leaked into .*\[redacted\]/],
  ['sends-post', readOnlyCase, /non-GET calls: POST \/customers\/search/],
  ['unknown-status-as-active', unknownStatusCase, /status: 'unknown'/],
  ['ignores-abort', abortCase, /aborted signal to fail, but it succeeded/],
  ['declares-missing-snapshots', capabilitiesCase, /seat snapshots are not available/],
  ['follows-redirects', redirectCase, /301 on token: NetworkError/],
  ['fails-on-bad-record', badRecordCase, /expected listing.*|SchemaDriftError|unexpected shape/],
  ['trusts-total', lyingTotalCase, /every record must still be read|counts that disagree/],
];

describe('the contract suite catches broken connectors', () => {
  it.each(CAUGHT)('a connector that %s fails its case, for that reason', async (breakage, contractCase, reason) => {
    const ctx = createContractContext({ name: breakage, fake, secrets: [ACME_PASSWORD], create: (env) => createAcmeConnector(env, [breakage]) });
    try {
      await expect(contractCase.run(ctx)).rejects.toThrow(reason);
    } finally {
      await ctx.cleanup();
    }
  }, 20_000);

  it('the same cases pass for the unbroken reference connector (so the failures above are the breakages)', async () => {
    const ctx = createContractContext({ name: 'acme', fake, secrets: [ACME_PASSWORD], create: (env) => createAcmeConnector(env) });
    try {
      for (const c of new Set(CAUGHT.map(([, c]) => c))) await c.run(ctx);
    } finally {
      await ctx.cleanup();
    }
  }, 30_000);
});
