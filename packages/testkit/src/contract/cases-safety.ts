import { redact } from '@vectis/connector-core';
import { expect } from 'vitest';
import type { FakeFault } from '@vectis/connector-core';
import { declaredStreams, describeError, drain, errorText, open, prepare, primaryStream, rejection, sleep } from './helpers';
import type { ContractCase, ContractContext } from './types';

export const readOnlyCase: ContractCase = {
  name: 'read-only: a full sync sends only GET requests plus the token call',
  async run(ctx) {
    prepare(ctx, 5);
    const c = ctx.create();
    await c.testConnection();
    for (const stream of declaredStreams(c)) await drain(open(c, stream));
    if (c.capabilities.seatSnapshots) await drain(c.listSeatSnapshots({ week: '2026-W48', asOf: '2026-11-26T00:00:00.000Z' }));
    const log = ctx.fake.requests();
    expect(log.some((r) => r.method === 'GET')).toBe(true);
    const writes = new Set(log.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path.split('?')[0]}`));
    expect(writes.size, `non-GET calls: ${[...writes].join(', ')}`).toBeLessThanOrEqual(1);
    for (const call of writes) expect(call, 'the only non-GET call allowed is the POST token call').toMatch(/^POST /);
  },
};

const PROVOCATIONS: FakeFault[] = [
  { kind: 'status', status: 401, times: 50 },
  { kind: 'status', status: 403, times: 50 },
  { kind: 'status', status: 404, times: 50 },
  { kind: 'status', status: 429, times: 50, retryAfterSeconds: 0 },
  { kind: 'status', status: 500, times: 50 },
  { kind: 'status', status: 503, times: 50 },
  { kind: 'malformed-json', times: 50 },
  { kind: 'schema-drift', times: 1 },
  { kind: 'delay', ms: 2_000, times: 50 },
];

export const secretsCase: ContractCase = {
  name: 'no configured secret appears in any error message, JSON, stack or cause',
  async run(ctx) {
    const secrets = ctx.secrets.filter((s) => s.length >= 4);
    expect(secrets.length, 'pass the configured secrets to connectorContract').toBeGreaterThan(0);
    for (const fault of PROVOCATIONS) {
      prepare(ctx);
      const adjusted = fault.kind === 'delay' ? { ...fault, ms: ctx.env.tuning.timeoutMs * 6 } : fault;
      ctx.fake.inject(adjusted);
      const c = ctx.create();
      const errors: unknown[] = [];
      // Drift of a single record may be rejected instead of thrown: then its rejection is what a user sees.
      const rejected: unknown[] = [];
      const listing = (async () => {
        for await (const batch of open(c, primaryStream(c))) rejected.push(...(batch.rejected ?? []));
      })();
      if (fault.kind === 'schema-drift') {
        const failed = await listing.then(() => undefined, (e: unknown) => e);
        errors.push(failed ?? Object.assign(new Error('rejected records'), { rejected }));
      } else {
        errors.push(await rejection(listing, `listing under ${JSON.stringify(fault)}`));
      }
      if (fault.kind === 'status') {
        ctx.fake.inject(fault);
        errors.push(await rejection(ctx.create().testConnection(), `testConnection under ${JSON.stringify(fault)}`));
      }
      // Access tokens the fake issued are secrets too (when the fake reports them).
      const all = [...secrets, ...(ctx.fake.tokens?.() ?? []).filter((t) => t.length >= 4)];
      for (const error of errors) {
        const text = errorText(error);
        for (const secret of all) {
          const shown = redact(describeError(error), all).slice(0, 160);
          expect(text.includes(secret), `a secret leaked into ${shown}… (fault ${JSON.stringify(fault)})`).toBe(false);
        }
      }
    }
  },
};

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

async function waitFor(predicate: () => boolean, what: string, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** Rejects when `promise` has not settled `ms` after abort: the connector ignored the signal. */
async function settlesSoon<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`still running ${ms} ms after abort: the signal is ignored`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

export const abortCase: ContractCase = {
  name: 'abort: an aborted signal stops the stream promptly with an AbortError and sends nothing more',
  async run(ctx) {
    prepare(ctx, 3);
    const c = ctx.create();
    const stream = primaryStream(c);

    const pre = new AbortController();
    pre.abort();
    const early = await rejection(drain(open(c, stream, { signal: pre.signal })), 'listing with an aborted signal');
    expect(isAbortError(early), describeError(early)).toBe(true);
    expect(ctx.fake.requests(), 'nothing may be sent with an already aborted signal').toEqual([]);

    const mid = new AbortController();
    const iterator = open(c, stream, { signal: mid.signal })[Symbol.asyncIterator]();
    await iterator.next();
    mid.abort();
    const next = await rejection(iterator.next(), 'the next page after abort');
    expect(isAbortError(next), describeError(next)).toBe(true);
    // Requests already in flight may still land; nothing new may start once the abort was seen.
    const sent = ctx.fake.requests().length;
    await sleep(20);
    expect(ctx.fake.requests().length, 'no request after abort').toBe(sent);

    // Abort while the connector waits out a long Retry-After: it must not sit out the wait.
    prepare(ctx);
    ctx.fake.inject({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 30 });
    const waiting = new AbortController();
    const run = drain(open(ctx.create(), stream, { signal: waiting.signal })).then(
      () => undefined,
      (e: unknown) => e,
    );
    await waitFor(() => ctx.fake.requests().some((r) => r.status === 429), 'the 429');
    waiting.abort();
    const during = await settlesSoon(run, 2_000);
    expect(isAbortError(during), describeError(during)).toBe(true);
  },
};

