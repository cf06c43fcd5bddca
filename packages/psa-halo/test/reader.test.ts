import { isConfigurationError, isRateLimitError, type PsaBatch } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createHaloReader } from '../src/index';
import { createHaloSandbox, HALO_SANDBOX_CREDENTIALS as CREDS } from '../src/sandbox/index';

const FAST = { pacing: false as const, retry: { limit: 1, baseDelayMs: 1, defaultRetryAfterMs: 5, maxRetryAfterMs: 50 } };

async function drain<T>(stream: AsyncIterable<PsaBatch<T>>) {
  const batches: PsaBatch<T>[] = [];
  for await (const b of stream) batches.push(b);
  return { items: batches.flatMap((b) => b.items), rejected: batches.flatMap((b) => b.rejected ?? []), coverage: batches.at(-1)?.coverage };
}

describe('createHaloReader options', () => {
  it('reports every bad field at once; derives the hosted token URL with the tenant', () => {
    let error: unknown;
    try {
      createHaloReader({ resourceServer: 'http://halo.example.com/api', clientId: '', clientSecret: 'two words', pageSize: 1000 } as never);
    } catch (e) {
      error = e;
    }
    expect(isConfigurationError(error)).toBe(true);
    expect((error as { issues: { field: string }[] }).issues.map((i) => i.field).sort()).toEqual(expect.arrayContaining(['clientId', 'clientSecret', 'pageSize', 'resourceServer']));
  });
});

describe('Halo reader on its sandbox', () => {
  it('sends the one token POST to {auth}/token?tenant=, then only GETs with includeinactive and order=id on every page', async () => {
    const sandbox = createHaloSandbox({ companies: 230, rateLimit: false });
    const reader = createHaloReader({ ...CREDS, resourceServer: `${sandbox.baseUrl}/api`, fetch: sandbox.fetch, ...FAST });
    const { items, coverage } = await drain(reader.listCompanies());
    expect(items.map((c) => c.id).sort()).toEqual([...sandbox.ids('companies')].sort());
    expect(coverage).toMatchObject({ expected: 230, fetched: 230, pages: 3, complete: true });
    const log = sandbox.requests();
    expect(log[0]).toMatchObject({ method: 'POST', path: '/auth/token?tenant=vectis', status: 200 });
    for (const r of log.slice(1)) {
      const q = new URL(r.path, 'https://x').searchParams;
      expect([r.method, q.get('includeinactive'), q.get('order'), q.get('page_size')]).toEqual(['GET', 'true', 'id', '100']);
    }
  });

  it('a Halo that caps pages at 50 is still read completely (page size adopted from page 1)', async () => {
    const sandbox = createHaloSandbox({ companies: 120, rateLimit: false, pageSizeCap: 50 });
    const reader = createHaloReader({ ...CREDS, resourceServer: `${sandbox.baseUrl}/api`, fetch: sandbox.fetch, ...FAST });
    const { items, coverage } = await drain(reader.listCompanies());
    expect(items).toHaveLength(120);
    expect(coverage).toMatchObject({ complete: true, pages: 3 });
  });

  it('lines: headers with only currency_code use the Currency table; a code without ISO is rejected; group headings skipped', async () => {
    const sandbox = createHaloSandbox({ companies: 40, rateLimit: false });
    const reader = createHaloReader({ ...CREDS, resourceServer: `${sandbox.baseUrl}/api`, fetch: sandbox.fetch, ...FAST });
    const { items, rejected, coverage } = await drain(reader.listContractLines({ asOf: '2026-12-01T00:00:00Z' }));
    expect(items.length + rejected.length).toBe(sandbox.ids('contract_lines').length);
    expect(rejected.length).toBeGreaterThan(0);
    expect(items.every((l) => l.unitPrice.currency === 'USD')).toBe(true);
    expect(items.every((l) => l.billingPeriod === 'unknown' || l.billingPeriod === 'one_time')).toBe(true); // no codes configured
    expect(items.some((l) => l.quantitySource === 'qty_order (computed)')).toBe(true);
    expect(coverage).toMatchObject({ stream: 'psa_contract_lines', expected: 40, complete: true });
  });

  it('the hosted 300 / 5 min limit answers 429 without Retry-After; the reader gives up with RateLimitError naming the window', async () => {
    const sandbox = createHaloSandbox({ companies: 400, rateLimit: { limit: 3, intervalMs: 300_000 } });
    const reader = createHaloReader({ ...CREDS, resourceServer: `${sandbox.baseUrl}/api`, fetch: sandbox.fetch, pageSize: 100, ...FAST });
    const error = await drain(reader.listCompanies()).catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect((error as { remedy?: string }).remedy).toMatch(/300 requests per rolling 5 minutes/);
    expect(sandbox.rateLimited()).toBeGreaterThan(0);
  });

  it('usage() reports the hosted budget (300 per rolling 5 min) next to the requests sent', async () => {
    const reader = createHaloReader({ ...CREDS, resourceServer: 'https://acme.halopsa.com/api', tenant: 'acme' });
    expect(reader.usage().budget).toEqual({ limit: 300, windowMs: 300_000 });
    await reader.dispose();
  });

  it('a full read costs 1 token + ceil(C/100) + 1 currency + ceil(H/100) + ceil(I/100)', async () => {
    const sandbox = createHaloSandbox({ companies: 250, rateLimit: false });
    const reader = createHaloReader({ ...CREDS, resourceServer: `${sandbox.baseUrl}/api`, fetch: sandbox.fetch, defaultCurrency: 'USD', ...FAST });
    await drain(reader.listCompanies());
    await drain(reader.listContractLines());
    await drain(reader.listProducts());
    expect(reader.usage().requests).toBe(1 + 3 + 1 + 3 + 1);
  });
});

describe('Halo headers that arrive without lines', () => {
  it('are read in detail (one request each) instead of being counted as empty', async () => {
    const sandbox = createHaloSandbox({ companies: 12, rateLimit: false });
    // Some Halo versions leave `lines` out of list rows: strip them from two headers of the list answer.
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const response = await sandbox.fetch(input, init);
      if (url.pathname !== '/api/RecurringInvoice') return response;
      const body = (await response.json()) as { invoices: Array<Record<string, unknown>> };
      for (const h of body.invoices.slice(0, 2)) delete h.lines;
      return Response.json(body);
    };
    const reader = createHaloReader({ ...CREDS, resourceServer: `${sandbox.baseUrl}/api`, fetch, defaultCurrency: 'USD', ...FAST });
    const { items, coverage } = await drain(reader.listContractLines());
    expect(items.map((l) => l.id).sort()).toEqual([...sandbox.ids('contract_lines')].sort());
    expect(coverage?.detailRequests).toBe(2);
    expect(sandbox.requests().filter((r) => /^\/RecurringInvoice\/\d+\?includedetails=true$/.test(r.path))).toHaveLength(2);
  });
});
