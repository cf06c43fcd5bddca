// The PSA variant of the contract suite (issue 18 item 6): every PSA reader runs these cases on its sandbox.
import { inspect } from 'node:util';
import {
  type PsaBatch,
  type PsaCoverage,
  type PsaFake,
  type PsaListOptions,
  type PsaReader,
  isAuthenticationError,
  isRateLimitError,
  isSchemaDriftError,
  isServerError,
  isTimeoutError,
  Money,
  redact,
} from '@vectis/connector-core';
import { afterEach, describe, expect, it } from 'vitest';
import { useFakeApi } from '../msw';
import { CONTRACT_TUNING } from './suite';
import { describeError, errorText, rejection, sleep } from './helpers';
import type { ContractTuning } from './types';

export interface PsaContractEnv {
  baseUrl: string;
  tuning: ContractTuning;
}

export interface PsaContractOptions {
  /** Shown in the describe block, e.g. `connectwise`. */
  name: string;
  /** A fresh reader pointed at `env.baseUrl` with `env.tuning` applied. */
  create: (env: PsaContractEnv) => PsaReader;
  fake: PsaFake;
  /** Every configured secret; none may appear in any error. */
  secrets: readonly string[];
  /** Tenant size seeded before each case (default 23 companies, 2 lines each). */
  seed?: { companies: number; linesPerCompany: number };
}

interface Ctx {
  fake: PsaFake;
  create(): PsaReader;
  prepare(cap?: number): void;
}

async function drain<T>(stream: AsyncIterable<PsaBatch<T>>): Promise<{ items: T[]; coverage: PsaCoverage | undefined }> {
  const items: T[] = [];
  let coverage: PsaCoverage | undefined;
  for await (const batch of stream) {
    items.push(...batch.items);
    coverage = batch.coverage ?? coverage;
  }
  return { items, coverage };
}

const companies = (r: PsaReader, o?: PsaListOptions) => drain(r.listCompanies(o));
const lines = (r: PsaReader, o?: PsaListOptions) => drain(r.listContractLines(o));
const count = (ctx: Ctx, status: number) => ctx.fake.requests().filter((q) => q.status === status).length;
const sorted = (ids: readonly string[]) => [...ids].sort();

type Case = [name: string, run: (ctx: Ctx) => Promise<void>];

const CASES: Case[] = [
  ['testConnection succeeds on the sandbox and names the PSA', async (ctx) => {
    ctx.prepare();
    const r = ctx.create();
    const result = await r.testConnection();
    expect(result.ok).toBe(true);
    expect(result.psa).toBe(r.psa);
    expect(result.message.length).toBeGreaterThan(0);
  }],
  ['pages companies and contract lines to exhaustion: every in-scope record exactly once, filters kept on every page', async (ctx) => {
    ctx.prepare(5);
    const r = ctx.create();
    const c = await companies(r);
    expect(sorted(c.items.map((x) => String(x.id)))).toEqual(sorted(ctx.fake.ids('companies')));
    expect(c.coverage).toMatchObject({ stream: 'psa_companies', complete: true, fetched: c.items.length });
    expect(c.coverage?.pages ?? 0, 'a cap of 5 forces several pages').toBeGreaterThan(1);
    const l = await lines(r);
    expect(sorted(l.items.map((x) => x.id))).toEqual(sorted(ctx.fake.ids('contract_lines')));
    expect(l.coverage).toMatchObject({ stream: 'psa_contract_lines', complete: true });
  }],
  ['contract lines carry exact money: decimal-string amounts with an ISO currency, a finite billed quantity, a known period label', async (ctx) => {
    ctx.prepare();
    const { items } = await lines(ctx.create());
    expect(items.length).toBeGreaterThan(0);
    for (const line of items) {
      expect(Money.safeParse(line.unitPrice).success, `${line.id} unitPrice ${JSON.stringify(line.unitPrice)}`).toBe(true);
      if (line.unitCost) expect(line.unitCost.currency).toBe(line.unitPrice.currency);
      expect(Number.isFinite(line.quantity)).toBe(true);
      expect(['P1M', 'P1Y', 'P2Y', 'P3Y', 'one_time', 'unknown']).toContain(line.billingPeriod);
      if (line.billingPeriod === 'unknown') expect(line.pricePeriod, `${line.id}: an unknown period says what the PSA sent`).toBeTruthy();
    }
  }],
  ['a page cap below the asked size never truncates silently: all records, or coverage.complete=false with a reason', async (ctx) => {
    ctx.prepare(3);
    const { items, coverage } = await companies(ctx.create());
    const all = ctx.fake.ids('companies');
    if (items.length < all.length) {
      expect(coverage?.complete).toBe(false);
      expect(coverage?.truncatedReason).toBeTruthy();
    } else expect(coverage?.complete).toBe(true);
  }],
  ['401 → AuthenticationError without a retry loop (token PSAs renew the token once first)', async (ctx) => {
    ctx.prepare(5);
    const r = ctx.create();
    if (ctx.fake.renewsTokens) {
      await r.testConnection();
      ctx.fake.inject({ kind: 'expire-token' });
      expect((await companies(r)).items.length).toBeGreaterThan(0);
      expect(count(ctx, 401)).toBeGreaterThanOrEqual(1);
    }
    ctx.prepare();
    ctx.fake.inject({ kind: 'status', status: 401, times: 50 });
    const error = await rejection(companies(ctx.create()), 'listing companies under 401');
    expect(isAuthenticationError(error), describeError(error)).toBe(true);
    expect(count(ctx, 401)).toBeLessThanOrEqual(4);
  }],
  ['429 with Retry-After is waited out; persistent 429 → RateLimitError with retryAfterMs', async (ctx) => {
    ctx.prepare();
    ctx.fake.inject({ kind: 'status', status: 429, times: 1, retryAfterSeconds: 0 });
    expect((await companies(ctx.create())).items.length).toBe(ctx.fake.ids('companies').length);
    ctx.prepare();
    ctx.fake.inject({ kind: 'status', status: 429, times: 50, retryAfterSeconds: 0 });
    const error = await rejection(companies(ctx.create()), 'listing under 429');
    expect(isRateLimitError(error), describeError(error)).toBe(true);
    expect(typeof (error as { retryAfterMs?: unknown }).retryAfterMs).toBe('number');
    expect(count(ctx, 429)).toBeLessThanOrEqual(2 * (CONTRACT_TUNING.retry.limit + 1));
  }],
  ['5xx is retried then succeeds; persistent 5xx → ServerError', async (ctx) => {
    ctx.prepare();
    ctx.fake.inject({ kind: 'status', status: 503, times: 1 });
    expect((await lines(ctx.create())).items.length).toBe(ctx.fake.ids('contract_lines').length);
    ctx.prepare();
    ctx.fake.inject({ kind: 'status', status: 500, times: 50 });
    const error = await rejection(lines(ctx.create()), 'listing lines under 500');
    expect(isServerError(error), describeError(error)).toBe(true);
  }],
  ['a slow answer → TimeoutError; one non-JSON 200 is retried, a persistent one or a payload breaking the spec → SchemaDriftError with a path', async (ctx) => {
    ctx.prepare();
    ctx.fake.inject({ kind: 'delay', ms: CONTRACT_TUNING.timeoutMs * 6, times: 50 });
    const slow = await rejection(companies(ctx.create()), 'listing under delay');
    expect(isTimeoutError(slow), describeError(slow)).toBe(true);
    // One unreadable 200 is transient on real gateways: the kernel retries it within its budget.
    ctx.prepare();
    ctx.fake.inject({ kind: 'malformed-json', times: 1 });
    const survived = await companies(ctx.create());
    expect(survived.coverage?.complete, 'one unreadable body is retried, and the read completes').toBe(true);
    ctx.prepare();
    ctx.fake.inject({ kind: 'malformed-json', times: 50 });
    const html = await rejection(companies(ctx.create()), 'listing under malformed JSON on every attempt');
    expect(isSchemaDriftError(html), describeError(html)).toBe(true);
    ctx.prepare();
    ctx.fake.inject({ kind: 'schema-drift', times: 1 });
    const drift = await rejection(companies(ctx.create()), 'listing under drift');
    expect(isSchemaDriftError(drift), describeError(drift)).toBe(true);
    expect((drift as { issues: readonly { path: string }[] }).issues.some((i) => i.path !== '')).toBe(true);
  }],
  ['an undocumented company status or type label is kept verbatim, not dropped or failed', async (ctx) => {
    ctx.prepare();
    const id = ctx.fake.ids('companies')[0] as string;
    ctx.fake.setUnknownStatus(id, 'Zombie-Status-42');
    const { items } = await companies(ctx.create());
    const company = items.find((c) => String(c.id) === id);
    expect([company?.status, company?.type]).toContain('Zombie-Status-42');
  }],
  ['read-only: a full read sends only GET plus at most the one token POST', async (ctx) => {
    ctx.prepare(5);
    const r = ctx.create();
    await r.testConnection();
    await companies(r);
    await lines(r);
    if (r.capabilities.products) await drain(r.listProducts());
    const writes = new Set(ctx.fake.requests().filter((q) => q.method !== 'GET').map((q) => `${q.method} ${q.path.split('?')[0]}`));
    expect(writes.size, [...writes].join(', ')).toBeLessThanOrEqual(1);
    for (const w of writes) expect(w).toMatch(/^POST /);
    expect(r.usage().requests).toBe(ctx.fake.requests().length);
  }],
  ['no configured secret appears in progress events or on the reader object', async (ctx) => {
    ctx.prepare(5);
    const r = ctx.create();
    const events: unknown[] = [];
    const onProgress = (e: unknown) => events.push(e);
    await r.testConnection({ onProgress });
    await companies(r, { onProgress });
    await lines(r, { onProgress });
    expect(events.some((e) => (e as { type?: string }).type === 'request')).toBe(true);
    expect(events.some((e) => (e as { type?: string }).type === 'stream-done')).toBe(true);
    const text = `${JSON.stringify(events)}\n${JSON.stringify(r)}\n${inspect(r, { depth: 10, showHidden: true })}`;
    for (const secret of ctxSecrets(ctx)) expect(text.includes(secret), 'a secret leaked into progress events or the reader object').toBe(false);
  }],
  ['no configured secret appears in any error (message, JSON, stack, cause)', async (ctx) => {
    for (const status of [400, 401, 403, 404, 429, 500]) {
      ctx.prepare();
      ctx.fake.inject({ kind: 'status', status, times: 50, retryAfterSeconds: 0 });
      const error = await rejection(companies(ctx.create()), `listing under ${status}`);
      const text = errorText(error);
      for (const secret of ctxSecrets(ctx)) expect(text.includes(secret), `secret leaked: ${redact(describeError(error), ctxSecrets(ctx))}`).toBe(false);
    }
  }],
  ['abort stops the stream promptly and sends nothing more', async (ctx) => {
    ctx.prepare(3);
    const r = ctx.create();
    const pre = new AbortController();
    pre.abort();
    const early = await rejection(companies(r, { signal: pre.signal }), 'listing with an aborted signal');
    expect((early as { name?: string }).name).toBe('AbortError');
    expect(ctx.fake.requests()).toEqual([]);
    const mid = new AbortController();
    const it = r.listCompanies({ signal: mid.signal })[Symbol.asyncIterator]();
    await it.next();
    mid.abort();
    const next = await rejection(it.next(), 'next page after abort');
    expect((next as { name?: string }).name).toBe('AbortError');
    const sent = ctx.fake.requests().length;
    await sleep(20);
    expect(ctx.fake.requests().length).toBe(sent);
  }],
  ['products (when declared) carry their vendor SKU fields; dispose is idempotent', async (ctx) => {
    ctx.prepare();
    const r = ctx.create();
    if (r.capabilities.products) {
      const { items, coverage } = await drain(r.listProducts());
      expect(items.length).toBeGreaterThan(0);
      expect(items.some((p) => p.vendorSkus.length > 0)).toBe(true);
      expect(coverage).toMatchObject({ stream: 'psa_products', complete: true });
    }
    await r.dispose();
    await r.dispose();
  }],
];

const SECRETS = new WeakMap<Ctx, readonly string[]>();
const ctxSecrets = (ctx: Ctx) => (SECRETS.get(ctx) ?? []).filter((s) => s.length >= 4);

/**
 * Registers the PSA reader contract suite: paging (filters and counts), exact money, honest coverage
 * under a page cap, 401/429/5xx/timeout/drift as typed errors, open status labels, read-only, secrets, abort.
 *
 * @example
 * psaReaderContract({ name: 'connectwise', fake: createConnectWiseSandbox(), secrets: [PRIVATE_KEY],
 *   create: (env) => createConnectWiseReader({ ...SANDBOX_CREDENTIALS, apiUrl: env.baseUrl, allowInsecureLoopback: true, ...env.tuning }) });
 */
export function psaReaderContract(options: PsaContractOptions): void {
  describe(`${options.name} — PSA reader contract`, () => {
    useFakeApi(options.fake);
    const created: PsaReader[] = [];
    const env = { baseUrl: options.fake.baseUrl, tuning: CONTRACT_TUNING };
    const ctx: Ctx = {
      fake: options.fake,
      create() {
        const reader = options.create(env);
        created.push(reader);
        return reader;
      },
      prepare(cap = 1_000) {
        options.fake.reset();
        options.fake.seed(options.seed ?? { companies: 23, linesPerCompany: 2 });
        options.fake.setPageSizeCap(cap);
      },
    };
    SECRETS.set(ctx, options.secrets);
    afterEach(async () => {
      await Promise.all(created.splice(0).map((r) => r.dispose()));
    });
    for (const [name, run] of CASES) it(name, () => run(ctx), 20_000);
  });
}
