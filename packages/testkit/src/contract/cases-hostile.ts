import { type Batch, isRedirectError, isSchemaDriftError, redact, type RejectedRecord } from '@vectis/connector-core';
import { expect } from 'vitest';
import { declaredStreams, describeError, errorText, open, prepare, primaryStream, rejection, vendorId, type ListStream } from './helpers';
import type { ContractCase, ContractContext } from './types';

// Cases for hostile or buggy servers. Each needs a fault of `ExtendedFakeFault`; a fake that does
// not list it in `supports` gets the case as a todo.

const TARGET = 'https://redirect-target.invalid';

async function drainAll(stream: AsyncIterable<Batch<{ externalId: string; parentExternalId?: string | undefined }>>) {
  const items: { externalId: string; parentExternalId?: string | undefined }[] = [];
  const rejected: RejectedRecord[] = [];
  let coverage: Batch<unknown>['coverage'];
  for await (const batch of stream) {
    items.push(...batch.items);
    rejected.push(...(batch.rejected ?? []));
    coverage = batch.coverage ?? coverage;
  }
  return { items, rejected, coverage };
}

/** Configured secrets plus every token the fake issued. */
function allSecrets(ctx: ContractContext): string[] {
  return [...ctx.secrets, ...(ctx.fake.tokens?.() ?? [])].filter((s) => s.length >= 4);
}

function assertNoSecret(ctx: ContractContext, error: unknown, what: string): void {
  const text = errorText(error);
  const secrets = allSecrets(ctx);
  for (const secret of secrets) {
    expect(text.includes(secret), `a secret leaked into ${redact(describeError(error), secrets).slice(0, 160)}… (${what})`).toBe(false);
  }
}

export const redirectCase: ContractCase = {
  name: 'a redirect (301/302/303/307/308) on the token call or a data call is never followed → RedirectError naming the target origin, no secret',
  needs: ['redirect'],
  async run(ctx) {
    for (const on of ['token', 'data'] as const) {
      for (const status of [301, 302, 303, 307, 308] as const) {
        prepare(ctx);
        ctx.fake.injectExtended?.({ kind: 'redirect', status, location: `${TARGET}/steal/path?sig=query-secret`, on, times: 50 });
        const c = ctx.create();
        const error = await rejection(drainAll(open(c, primaryStream(c))), `listing under a ${status} on the ${on} call`);
        expect(isRedirectError(error), `${status} on ${on}: ${describeError(error)}`).toBe(true);
        expect((error as { targetOrigin?: string }).targetOrigin).toBe(TARGET);
        const text = errorText(error);
        expect(text.includes('query-secret') || text.includes('/steal/path'), 'only the target origin may be shown, not its path or query').toBe(false);
        assertNoSecret(ctx, error, `${status} on the ${on} call`);
        const writes = ctx.fake.requests().filter((r) => r.method !== 'GET');
        expect(writes.length, 'a redirected token call must not be retried or turned into another write').toBeLessThanOrEqual(1);
      }
    }
  },
};

export const echoedSecretsCase: ContractCase = {
  name: 'a 200 echoing the credentials (correlation header and body; not JSON, or the wrong shape) → SchemaDriftError without any secret or token',
  needs: ['echo-credentials'],
  async run(ctx) {
    for (const body of ['not-json', 'wrong-shape'] as const) {
      prepare(ctx);
      ctx.fake.injectExtended?.({ kind: 'echo-credentials', body, times: 50 });
      const c = ctx.create();
      const error = await rejection(drainAll(open(c, primaryStream(c))), `listing under an echo (${body})`);
      expect(isSchemaDriftError(error), describeError(error)).toBe(true);
      expect((ctx.fake.tokens?.() ?? []).length, 'the fake must report the tokens it issued').toBeGreaterThan(0);
      assertNoSecret(ctx, error, `echo-credentials ${body}`);
    }
  },
};

export const truncatedJsonCase: ContractCase = {
  name: 'a truncated JSON 200 is retried within the retry budget; persistently → SchemaDriftError',
  needs: ['truncated-json'],
  async run(ctx) {
    prepare(ctx);
    ctx.fake.injectExtended?.({ kind: 'truncated-json', times: 1 });
    const c = ctx.create();
    const stream = primaryStream(c);
    const { items, coverage } = await drainAll(open(c, stream));
    expect(new Set(items.map(vendorId)).size, 'one cut-off body must not lose or end the stream').toBe(ctx.fake.ids(stream).length);
    expect(coverage?.complete).toBe(true);

    prepare(ctx);
    ctx.fake.injectExtended?.({ kind: 'truncated-json', times: 50 });
    const error = await rejection(drainAll(open(ctx.create(), stream)), 'listing under persistent truncation');
    expect(isSchemaDriftError(error), describeError(error)).toBe(true);
    assertNoSecret(ctx, error, 'truncated-json');
  },
};

export const badRecordCase: ContractCase = {
  name: 'one bad record goes to Batch.rejected (paths, no values) and does not stop the stream; coverage says it is incomplete',
  needs: ['bad-record'],
  async run(ctx) {
    const c = ctx.create();
    for (const stream of declaredStreams(c) as ListStream[]) {
      prepare(ctx, 5);
      ctx.fake.injectExtended?.({ kind: 'bad-record', stream, times: 1 });
      const { items, rejected, coverage } = await drainAll(open(ctx.create(), stream));
      expect(rejected.length, `${stream}: the bad record must be reported in Batch.rejected`).toBeGreaterThanOrEqual(1);
      for (const r of rejected) {
        expect(r.stream).toBe(stream);
        expect(r.where.length).toBeGreaterThan(0);
        expect(r.issues.length).toBeGreaterThan(0);
        for (const secret of allSecrets(ctx)) expect(JSON.stringify(r).includes(secret)).toBe(false);
      }
      const emitted = new Set(items.map(vendorId));
      const held = ctx.fake.ids(stream);
      // Only the vendor records named by a rejection may be missing (a line-level rejection keeps its subscription).
      const missing = held.filter((id) => !emitted.has(id));
      expect(missing.length, `${stream}: good records were lost with the bad one`).toBeLessThanOrEqual(rejected.length);
      expect(coverage?.complete, `${stream}: a stream with rejected records cannot be complete`).toBe(false);
    }
  },
};

export const lyingTotalCase: ContractCase = {
  name: 'a list whose total is half the truth is read to the end and reported incomplete, never complete',
  needs: ['lying-total'],
  async run(ctx) {
    const c = ctx.create();
    for (const stream of declaredStreams(c) as ListStream[]) {
      prepare(ctx, 4);
      ctx.fake.injectExtended?.({ kind: 'lying-total', stream, factor: 0.5 });
      const { items, coverage } = await drainAll(open(ctx.create(), stream));
      expect([...new Set(items.map(vendorId))].sort(), `${stream}: every record must still be read`).toEqual([...ctx.fake.ids(stream)].sort());
      expect(coverage?.complete, `${stream}: counts that disagree cannot prove completeness`).toBe(false);
    }
  },
};
