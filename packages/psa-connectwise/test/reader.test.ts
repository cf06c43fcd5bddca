import { isConfigurationError, type PsaBatch, type PsaContractLine, type PsaProgressEvent } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createConnectWiseReader } from '../src/index';
import { CONNECTWISE_SANDBOX_CREDENTIALS as CREDS, createConnectWiseSandbox } from '../src/sandbox/index';

const FAST = { pacing: false as const, retry: { limit: 1, baseDelayMs: 1 } };

async function drain<T>(stream: AsyncIterable<PsaBatch<T>>) {
  const batches: PsaBatch<T>[] = [];
  for await (const b of stream) batches.push(b);
  return { items: batches.flatMap((b) => b.items), rejected: batches.flatMap((b) => b.rejected ?? []), coverage: batches.at(-1)?.coverage };
}

describe('createConnectWiseReader options', () => {
  it('reports every bad field at once, without echoing secrets', () => {
    let error: unknown;
    try {
      createConnectWiseReader({ companyId: '', publicKey: 'has space', privateKey: '', clientId: 'x', pageSize: 5000 } as never);
    } catch (e) {
      error = e;
    }
    expect(isConfigurationError(error)).toBe(true);
    const fields = (error as { issues: { field: string }[] }).issues.map((i) => i.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['companyId', 'pageSize', 'privateKey', 'publicKey', 'site']));
    expect(String((error as Error).message)).not.toContain('has space');
  });
});

describe('ConnectWise reader on its sandbox', () => {
  it('discovers the codebase on a cloud site and calls the api- host, without sending the keys to the login host', async () => {
    const sandbox = createConnectWiseSandbox({ baseUrl: 'https://na.myconnectwise.net', companies: 3 });
    const seen: Array<{ url: string; auth: string | null }> = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const request = new Request(input, init);
      seen.push({ url: request.url, auth: request.headers.get('authorization') });
      return sandbox.handle(new Request(request.url.replace('//api-na.', '//na.'), request));
    };
    const reader = createConnectWiseReader({ ...CREDS, site: 'na.myconnectwise.net', fetch, ...FAST });
    const result = await reader.testConnection();
    expect(result.message).toBe('Connected to ConnectWise PSA — 3 companies visible');
    expect(seen[0]).toEqual({ url: 'https://na.myconnectwise.net/login/companyinfo/vectis_sandbox', auth: null });
    expect(seen[1]?.url).toMatch(/^https:\/\/api-na\.myconnectwise\.net\/v2025_1\/apis\/3\.0\/company\/companies\/count\?/);
    await reader.dispose();
  });

  it('keeps the deletedFlag filter and the id cursor on every page instead of following Link page numbers', async () => {
    const sandbox = createConnectWiseSandbox({ companies: 40, pageSizeCap: 7 });
    const reader = createConnectWiseReader({ ...CREDS, site: sandbox.baseUrl, fetch: sandbox.fetch, pageSize: 7, ...FAST });
    const { items, coverage } = await drain(reader.listCompanies());
    expect(items.map((c) => c.id).sort()).toEqual([...sandbox.ids('companies')].sort());
    expect(items.some((c) => c.status === 'Deleted')).toBe(false);
    const pages = sandbox.requests().filter((r) => r.path.startsWith('/company/companies?'));
    expect(pages.length).toBe(Math.ceil(40 / 7));
    for (const p of pages) expect(new URL(p.path, 'https://x').searchParams.get('conditions')).toMatch(/^\(deletedFlag=false\)( and id > \d+)?$/);
    expect(coverage).toMatchObject({ expected: 40, fetched: 40, complete: true });
  });

  it('lines of an agreement without an ISO currency are rejected with a reason when no defaultCurrency is set', async () => {
    const sandbox = createConnectWiseSandbox({ companies: 60, linesPerCompany: 2 });
    const noCurrency = sandbox.tenant().agreements.filter((a) => a.currency === undefined);
    expect(noCurrency.length).toBeGreaterThan(0);
    const reader = createConnectWiseReader({ ...CREDS, site: sandbox.baseUrl, fetch: sandbox.fetch, ...FAST });
    const { items, rejected, coverage } = await drain<PsaContractLine>(reader.listContractLines({ asOf: '2026-12-01T00:00:00Z' }));
    expect(items.length + rejected.length).toBe(sandbox.ids('contract_lines').length);
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]?.issues[0]?.message).toMatch(/no ISO 4217 currency code and no defaultCurrency/);
    expect(coverage?.complete).toBe(true);
    // The sandbox's quarterly agreements come out as `unknown` periods that say what ConnectWise sent.
    expect(items.some((l) => l.billingPeriod === 'unknown' && l.pricePeriod === 'Quarterly')).toBe(true);
    expect(items.some((l) => l.billable === false)).toBe(true);
  });

  it('a full read costs 1 + ceil(C/1000) for companies and 2 + ceil(A/1000) + A for lines', async () => {
    const sandbox = createConnectWiseSandbox({ companies: 30, linesPerCompany: 2 });
    const reader = createConnectWiseReader({ ...CREDS, apiUrl: `${sandbox.baseUrl}/v2025_1/apis/3.0`, fetch: sandbox.fetch, defaultCurrency: 'USD', ...FAST });
    await drain(reader.listCompanies());
    expect(reader.usage().requests).toBe(2); // count + one page
    await drain(reader.listContractLines());
    const agreements = sandbox.tenant().agreements.length;
    expect(reader.usage().requests).toBe(2 + 3 + agreements);
    const events: PsaProgressEvent[] = [];
    await drain(reader.listContractLines({ onProgress: (e) => events.push(e) }));
    const details = events.filter((e) => e.type === 'detail');
    expect(details.at(-1)).toMatchObject({ done: agreements, total: agreements });
  });

  it('a 403 from a role without Agreements rights says which Inquire rights to grant', async () => {
    const sandbox = createConnectWiseSandbox({ companies: 3 });
    sandbox.inject({ kind: 'status', status: 403, times: 5, pathIncludes: '/finance/' });
    const reader = createConnectWiseReader({ ...CREDS, site: sandbox.baseUrl, fetch: sandbox.fetch, ...FAST });
    const error = await drain(reader.listContractLines()).catch((e: unknown) => e);
    expect((error as Error).name).toBe('PermissionError');
    expect((error as { remedy?: string }).remedy).toMatch(/Inquire/);
  });
});

describe('ConnectWise sandbox loaded with the caller’s own clients', () => {
  it('reads back exactly the clients and billed lines it was given (for examples that match a distributor sandbox)', async () => {
    const sandbox = createConnectWiseSandbox();
    sandbox.load(
      [{ name: 'Cruz Brothers Auto Body', website: 'cruzbrothers.com', city: 'Jackson', country: 'US' }, { name: 'Harbor Dental', type: 'Prospect' }],
      [
        { client: 0, product: 'CFQ7TTC0LCHC:0002', description: 'M365 Business Premium', quantity: 8, unitPrice: '22.00', unitCost: '18.37', currency: 'USD' },
        { client: 0, product: 'CFQ7TTC0LDPB:0001', quantity: 2, unitPrice: '150.00', currency: 'USD', period: 'Yearly' },
        { client: 1, product: 'CFQ7TTC0LCHC:0002', quantity: 3, unitPrice: '21.50', currency: 'CAD', billCustomer: 'NoCharge' },
      ],
    );
    const reader = createConnectWiseReader({ ...CREDS, site: sandbox.baseUrl, fetch: sandbox.fetch, ...FAST });
    const companies = await drain(reader.listCompanies());
    expect(companies.items.map((c) => [c.name, c.type, c.website])).toEqual([['Cruz Brothers Auto Body', 'Client', 'cruzbrothers.com'], ['Harbor Dental', 'Prospect', null]]);
    const { items } = await drain(reader.listContractLines({ asOf: '2026-12-01T00:00:00Z' }));
    expect(items.map((l) => [l.psaCompanyId, l.sku, l.quantity, l.unitPrice, l.billingPeriod, l.billable])).toEqual([
      [companies.items[0]?.id, 'CFQ7TTC0LCHC:0002', 8, { amount: '22', currency: 'USD' }, 'P1M', true],
      [companies.items[0]?.id, 'CFQ7TTC0LDPB:0001', 2, { amount: '150', currency: 'USD' }, 'P1Y', true],
      [companies.items[1]?.id, 'CFQ7TTC0LCHC:0002', 3, { amount: '21.5', currency: 'CAD' }, 'P1M', false],
    ]);
  });
});
