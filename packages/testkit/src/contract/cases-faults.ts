import {
  isAuthenticationError,
  isRateLimitError,
  isSchemaDriftError,
  isServerError,
  isTimeoutError,
} from '@vectis/connector-core';
import { expect } from 'vitest';
import { describeError, drain, open, prepare, primaryStream, rejection } from './helpers';
import type { ContractCase, ContractContext } from './types';

/** Drains the primary stream and returns its ids (for "then it succeeds" checks). */
async function drainPrimary(ctx: ContractContext) {
  const c = ctx.create();
  const stream = primaryStream(c);
  const result = await drain(open(c, stream));
  return { ...result, stream };
}

async function failPrimary(ctx: ContractContext): Promise<unknown> {
  const c = ctx.create();
  return rejection(drain(open(c, primaryStream(c))), `listing ${primaryStream(c)}`);
}

const count = (ctx: ContractContext, status: number) => ctx.fake.requests().filter((r) => r.status === status).length;

export const unauthorizedCase: ContractCase = {
  name: '401 on an expired token → renew the token, retry once; a persistent 401 → AuthenticationError',
  async run(ctx) {
    prepare(ctx, 5);
    const c = ctx.create();
    await c.testConnection();
    ctx.fake.inject({ kind: 'expire-token' });
    const stream = primaryStream(c);
    const { items } = await drain(open(c, stream));
    expect(items.length).toBeGreaterThan(0);
    expect(count(ctx, 401), 'the fake rejected the old token once').toBeGreaterThanOrEqual(1);

    prepare(ctx);
    ctx.fake.inject({ kind: 'status', status: 401, times: 50 });
    const error = await failPrimary(ctx);
    expect(isAuthenticationError(error), describeError(error)).toBe(true);
    expect(count(ctx, 401), 'a refused credential must not be retried in a loop').toBeLessThanOrEqual(4);
  },
};

export const rateLimitCase: ContractCase = {
  name: '429 with Retry-After is waited out then succeeds; 429 beyond the retries → RateLimitError with retryAfterMs',
  async run(ctx) {
    prepare(ctx);
    ctx.fake.inject({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 0 });
    const { items } = await drainPrimary(ctx);
    expect(items.length).toBeGreaterThan(0);
    expect(count(ctx, 429)).toBe(1);
    expect(new Set(items.map((i) => i.externalId)).size).toBe(items.length);

    prepare(ctx);
    ctx.fake.inject({ kind: 'status', status: 429, times: 50, retryAfterSeconds: 0 });
    const error = await failPrimary(ctx);
    expect(isRateLimitError(error), describeError(error)).toBe(true);
    expect(typeof (error as { retryAfterMs?: unknown }).retryAfterMs).toBe('number');
    expect(count(ctx, 429), 'retries must be bounded').toBeLessThanOrEqual(2 * (ctx.env.tuning.retry.limit + 1));
  },
};

export const serverErrorCase: ContractCase = {
  name: '5xx is retried with backoff then succeeds; a persistent 5xx → ServerError',
  async run(ctx) {
    prepare(ctx);
    ctx.fake.inject({ kind: 'status', status: 503, times: 1 });
    const { items } = await drainPrimary(ctx);
    expect(items.length).toBeGreaterThan(0);

    prepare(ctx);
    ctx.fake.inject({ kind: 'status', status: 503, times: 50 });
    const error = await failPrimary(ctx);
    expect(isServerError(error), describeError(error)).toBe(true);
    expect(count(ctx, 503), 'retries must be bounded').toBeLessThanOrEqual(2 * (ctx.env.tuning.retry.limit + 1));
  },
};

export const timeoutCase: ContractCase = {
  name: 'a response slower than the per-attempt timeout → TimeoutError',
  async run(ctx) {
    prepare(ctx);
    ctx.fake.inject({ kind: 'delay', ms: ctx.env.tuning.timeoutMs * 6, times: 50 });
    const error = await failPrimary(ctx);
    expect(isTimeoutError(error), describeError(error)).toBe(true);
  },
};

export const malformedJsonCase: ContractCase = {
  name: 'a 200 whose body is not JSON (a proxy page, a cut-off body) is retried within the budget; persistently → SchemaDriftError',
  async run(ctx) {
    prepare(ctx);
    ctx.fake.inject({ kind: 'malformed-json', times: 1 });
    const { items } = await drainPrimary(ctx);
    expect(items.length, 'one unreadable 200 is a gateway hiccup: retry it, do not end the sync').toBeGreaterThan(0);

    prepare(ctx);
    ctx.fake.inject({ kind: 'malformed-json', times: 50 });
    const error = await failPrimary(ctx);
    expect(isSchemaDriftError(error), describeError(error)).toBe(true);
    expect(ctx.fake.requests().filter((r) => r.status === 200).length, 'retries must be bounded').toBeLessThanOrEqual(2 * (ctx.env.tuning.retry.limit + 1));
  },
};

export const schemaDriftCase: ContractCase = {
  name: 'a payload that breaks the documented schema → SchemaDriftError naming the payload path (or, for a single record, a rejected record naming it)',
  async run(ctx) {
    prepare(ctx);
    ctx.fake.inject({ kind: 'schema-drift', times: 1 });
    const c = ctx.create();
    const rejected: { issues: readonly { path: string }[] }[] = [];
    let complete: boolean | undefined;
    const outcome = await (async () => {
      for await (const batch of open(c, primaryStream(c))) {
        rejected.push(...(batch.rejected ?? []));
        complete = batch.coverage?.complete ?? complete;
      }
    })().then(
      () => undefined,
      (error: unknown) => ({ error }),
    );
    if (outcome) {
      expect(isSchemaDriftError(outcome.error), describeError(outcome.error)).toBe(true);
      const issues = (outcome.error as { issues: readonly { path: string }[] }).issues;
      expect(issues.some((i) => i.path !== ''), 'at least one issue must point into the payload').toBe(true);
      return;
    }
    // Per-record validation: the drifted record is rejected, the stream goes on and says it is incomplete.
    expect(rejected.length, 'the drift was neither thrown nor reported as a rejected record').toBeGreaterThan(0);
    expect(rejected.some((r) => r.issues.some((i) => i.path !== '')), 'a rejection must point into the payload').toBe(true);
    expect(complete, 'a stream with rejected records cannot be complete').toBe(false);
  },
};
