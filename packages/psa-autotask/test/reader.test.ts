import { isConfigurationError, type PsaBatch } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createAutotaskReader } from '../src/index';
import { AUTOTASK_SANDBOX_CREDENTIALS as CREDS, createAutotaskSandbox } from '../src/sandbox/index';

const FAST = { pacing: false as const, retry: { limit: 1, baseDelayMs: 1 } };

async function drain<T>(stream: AsyncIterable<PsaBatch<T>>) {
  const batches: PsaBatch<T>[] = [];
  for await (const b of stream) batches.push(b);
  return { items: batches.flatMap((b) => b.items), rejected: batches.flatMap((b) => b.rejected ?? []), coverage: batches.at(-1)?.coverage };
}

const reader = (sandbox: ReturnType<typeof createAutotaskSandbox>, extra: Record<string, unknown> = {}) =>
  createAutotaskReader({ ...CREDS, zoneLookupUrl: `${sandbox.baseUrl}/atservicesrest`, fetch: sandbox.fetch, ...FAST, ...extra });

describe('Autotask reader on its sandbox', () => {
  it('every bad option at once', () => {
    const error = (() => {
      try {
        createAutotaskReader({ userName: '', secret: 'a b', integrationCode: '', pageSize: 1000 } as never);
      } catch (e) {
        return e;
      }
    })();
    expect(isConfigurationError(error)).toBe(true);
    expect((error as { issues: { field: string }[] }).issues.map((i) => i.field).sort()).toEqual(['integrationCode', 'pageSize', 'secret', 'userName']);
  });

  it('pages with GET query?search= and an id cursor (gt the max id of the page), never nextPageUrl', async () => {
    const sandbox = createAutotaskSandbox({ companies: 1200 });
    const r = reader(sandbox);
    const { items, coverage } = await drain(r.listCompanies());
    expect(items.map((c) => c.id).sort()).toEqual([...sandbox.ids('companies')].sort());
    expect(coverage).toMatchObject({ expected: 1200, fetched: 1200, pages: 3, complete: true });
    const log = sandbox.requests();
    expect(log.every((q) => q.method === 'GET' && !q.path.includes('/query/next'))).toBe(true);
    const pages = log.filter((q) => q.path.startsWith('/Companies/query?')).map((q) => JSON.parse(new URL(q.path, 'https://x').searchParams.get('search') ?? '{}') as { filter: { op: string; value: number }[] });
    expect(pages.map((p) => p.filter[0]?.op)).toEqual(['gte', 'gt', 'gt']);
    const data = sandbox.data().Companies ?? [];
    expect(pages[1]?.filter[0]?.value).toBe(data[499]?.id);
  });

  it('lines: one per contract service and bundle, quantity from the unit row covering as-of; multi-currency companies bill in their currency', async () => {
    const sandbox = createAutotaskSandbox({ companies: 40, linesPerCompany: 3, multiCurrency: true });
    const r = reader(sandbox);
    const { items, rejected, coverage } = await drain(r.listContractLines({ asOf: '2026-11-20T10:00:00Z' }));
    expect(rejected).toEqual([]);
    expect(items.map((l) => l.id).sort()).toEqual([...sandbox.ids('contract_lines')].sort());
    expect(coverage).toMatchObject({ complete: true, fetched: items.length });
    expect(new Set(items.map((l) => l.unitPrice.currency))).toEqual(new Set(['USD', 'CAD']));
    expect(items.some((l) => l.id.startsWith('bundle-'))).toBe(true);
    // The split rows of November 2026: the later row's units, with a proration warning.
    expect(items.some((l) => l.startDate === '2026-11-15' && (l.warnings?.length ?? 0) > 0)).toBe(true);
    // Contracts that ended in June have no unit row in November: their lines are not billing.
    const ended = new Set((sandbox.data().Contracts ?? []).filter((c) => c.status === 0).map((c) => String(c.id)));
    const endedLines = items.filter((l) => ended.has(l.contractId ?? ''));
    expect(endedLines.length).toBeGreaterThan(0);
    for (const l of endedLines) expect(l).toMatchObject({ status: 'inactive', quantity: 0 });
    const units = sandbox.requests().filter((q) => q.path.startsWith('/ContractServiceUnits/query?'));
    for (const u of units) expect(u.path).toContain(encodeURIComponent('"field":"startDate"'));
  });

  it('reports the shared hourly budget: what others used before the sync and how many requests the sync sent', async () => {
    const sandbox = createAutotaskSandbox({ companies: 30, usedByOthers: 4_200 });
    const r = reader(sandbox);
    expect((await r.testConnection()).message).toMatch(/30 companies visible \(hourly API budget used: 4200 of 10000\)/);
    await drain(r.listCompanies());
    await drain(r.listContractLines());
    const usage = r.usage();
    expect(usage.budget).toEqual({ limit: 10_000, windowMs: 3_600_000, usedByOthers: 4_200 });
    expect(usage.requests).toBe(sandbox.requests().length);
  });

  it('refuses to start when other integrations already used most of the hourly budget', async () => {
    const sandbox = createAutotaskSandbox({ companies: 3, usedByOthers: 8_500 });
    const error = await reader(sandbox).testConnection().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/used 8500 of its 10000 requests this hour \(85%\); not starting a read/);
    expect((error as { remedy?: string }).remedy).toMatch(/API Activity by Hour/);
    expect(sandbox.requests().map((r) => r.path.split('?')[0])).toEqual(['/zoneInformation', '/ThresholdInformation']);
    const allowed = reader(sandbox, { maxBudgetShare: 0.9 });
    expect((await allowed.testConnection()).ok).toBe(true);
  });

  it('a zone lookup that answers a non-Autotask host is refused before any credential is sent', async () => {
    const fetch: typeof globalThis.fetch = async (input) => {
      const url = new Request(input).url;
      if (url.includes('zoneInformation')) return Response.json({ zoneName: 'x', url: 'https://evil.example.com/ATServicesRest/' });
      throw new Error(`unexpected request to ${url}`);
    };
    const r = createAutotaskReader({ ...CREDS, fetch, ...FAST });
    const error = await r.testConnection().catch((e: unknown) => e);
    expect(isConfigurationError(error)).toBe(true);
  });

  it('a wrong user name answers 500 on Autotask: the error says so', async () => {
    const sandbox = createAutotaskSandbox({ companies: 3 });
    const r = createAutotaskReader({ ...CREDS, userName: 'someone-else@example.com', apiUrl: `${sandbox.baseUrl}/ATServicesRest`, fetch: sandbox.fetch, ...FAST });
    const error = await r.testConnection().catch((e: unknown) => e);
    expect((error as Error).name).toBe('ServerError');
    expect((error as Error).message).toMatch(/unknown user name or integration code/);
    expect((error as { remedy?: string }).remedy).toMatch(/wrong user name or integration code/);
  });
});
