// runSync with a PSA reader (the ConnectWise reader on its spec-true sandbox), run against every store.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { isAuthenticationError, isConfigurationError, isSchemaDriftError, type PsaBatch } from '@vectis/connector-core';
import { createConnectWiseReader } from '@vectis/psa-connectwise';
import { CONNECTWISE_SANDBOX_CREDENTIALS as CREDS, createConnectWiseSandbox, type SandboxPsaClient, type SandboxPsaLine } from '@vectis/psa-connectwise/sandbox';
import { isStoreLockedError, psaLeaseKey, runSync, type Store, type SyncPsaProgressEvent } from '@vectis/sync';
import { createFakeConnector } from './fake-connector';

const THU = new Date('2026-11-26T06:00:00Z');
const FRI = new Date('2026-11-27T06:00:00Z');
const FAST = { pacing: false as const, retry: { limit: 1, baseDelayMs: 1 } };

const CLIENTS: SandboxPsaClient[] = [
  { name: 'Cruz Brothers Auto Body', website: 'cruzbrothers.com', city: 'Jackson', state: 'MS', country: 'US' },
  { name: 'NORDIC CAFE', city: 'Malmö', country: 'SE' },
  { name: 'Prospect Holdings 1', type: 'Prospect' },
];
const LINES: SandboxPsaLine[] = [
  { client: 0, product: 'M365-BP', description: 'Microsoft 365 Business Premium', quantity: 8, unitPrice: '22.00', unitCost: '19.80', currency: 'USD' },
  { client: 0, product: 'EXO-P1', quantity: 3, unitPrice: '48.00', currency: 'USD', period: 'Yearly' },
  { client: 1, product: 'M365-BS', quantity: 5, unitPrice: '135.50', currency: 'SEK', billCustomer: 'NoCharge' },
  { client: 1, product: 'TEAMS-EE', quantity: 2, unitPrice: '50.00', currency: 'SEK', cancelledDate: '2026-10-01T00:00:00Z' },
];

/** A fetch in front of the sandbox whose `/count` answers report `extra` more records than the lists hold (totals that lie). */
function lyingCounts(sandbox: { fetch: typeof fetch }, extra: number, pathPart: string): typeof fetch {
  return async (input, init) => {
    const response = await sandbox.fetch(input, init);
    const url = new Request(input, init).url;
    if (!url.includes(`${pathPart}/count`)) return response;
    const body = (await response.json()) as { count: number };
    return Response.json({ count: body.count + extra }, { status: response.status });
  };
}

async function drain<T>(stream: AsyncIterable<PsaBatch<T>>): Promise<T[]> {
  const out: T[] = [];
  for await (const b of stream) out.push(...b.items);
  return out;
}

export function psaSyncSuite(open: () => Promise<Store>): void {
  let store: Store;
  let sandbox: ReturnType<typeof createConnectWiseSandbox>;
  const reader = (fetch: typeof globalThis.fetch = sandbox.fetch, extra = {}) =>
    createConnectWiseReader({ ...CREDS, site: sandbox.baseUrl, fetch, ...FAST, ...extra });
  beforeEach(async () => {
    store = await open();
    sandbox = createConnectWiseSandbox();
    sandbox.load(CLIENTS, LINES);
  });
  afterEach(async () => {
    await store.close();
  });

  it('stores exactly what the reader reads, page by page, and records per-stream coverage on the run', async () => {
    const events: SyncPsaProgressEvent[] = [];
    const result = await runSync({ connectors: [], readers: [reader()], store, now: THU, onReaderProgress: (e) => events.push(e) });
    expect(result.status).toBe('succeeded');
    expect(result.readers[0]).toMatchObject({
      psa: 'connectwise', status: 'succeeded',
      companies: { inserted: 3, removed: 0, invalid: 0 }, contractLines: { inserted: 4, removed: 0, invalid: 0 },
      coverage: { psa_companies: { complete: true, fetched: 3 }, psa_contract_lines: { complete: true, fetched: 4 } },
    });
    expect(result.readers[0]?.requests).toBeGreaterThan(0);
    const direct = reader();
    const strip = <T extends { meta: unknown; psa: unknown }>(rows: T[]) => rows.map(({ meta: _m, psa: _p, ...r }) => r);
    const byId = <T extends { id: string | number }>(rows: T[]) => [...rows].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(byId(strip(await store.listPsaCompanies({ psa: 'connectwise' })))).toEqual(byId(await drain(direct.listCompanies())));
    expect(byId(strip(await store.listPsaContractLines()))).toEqual(byId(await drain(direct.listContractLines({ asOf: THU.toISOString() }))));
    expect(events.filter((e) => e.type === 'sync-psa-batch').map((e) => (e as { stream: string }).stream)).toEqual(expect.arrayContaining(['psa_companies', 'psa_contract_lines']));
    const [run] = await store.latestRuns(1);
    expect(run?.psa?.connectwise).toMatchObject({ status: 'succeeded', coverage: { psa_contract_lines: { complete: true } } });
  });

  it('marks a company and a line removed after a complete read without them, and says so in the counts', async () => {
    await runSync({ connectors: [], readers: [reader()], store, now: THU });
    sandbox.load(CLIENTS.slice(0, 2), LINES.slice(0, 3)); // the prospect and the cancelled line are gone from the PSA
    const result = await runSync({ connectors: [], readers: [reader()], store, now: FRI });
    expect(result.readers[0]).toMatchObject({ status: 'succeeded', companies: { removed: 1, unchanged: 2 }, contractLines: { removed: 1, unchanged: 3 } });
    expect((await store.listPsaCompanies()).map((c) => c.name)).not.toContain('Prospect Holdings 1');
    expect(await store.listPsaContractLines()).toHaveLength(3);
    expect((await store.listPsaContractLines({ includeRemoved: true })).filter((l) => l.meta.removedAt === FRI.toISOString())).toHaveLength(1);
  });

  it('removes nothing after an incomplete stream (a count the lists do not reach) and reports the run partial with the reason', async () => {
    await runSync({ connectors: [], readers: [reader()], store, now: THU });
    sandbox.load(CLIENTS.slice(0, 2), LINES.slice(0, 3));
    const result = await runSync({ connectors: [], readers: [reader(lyingCounts(sandbox, 5, '/company/companies'))], store, now: FRI });
    expect(result.status).toBe('partial');
    const r = result.readers[0]!;
    expect(r.status).toBe('partial');
    expect(r.coverage.psa_companies).toMatchObject({ complete: false, truncatedReason: expect.stringContaining('reported 7') });
    expect(r.companies.removed).toBe(0);
    expect(r.contractLines.removed).toBe(1); // the lines stream was complete: its removal stands
    expect(await store.listPsaCompanies()).toHaveLength(3); // the prospect is kept: the read did not prove it gone
    expect(result.run.errors).toContainEqual(expect.objectContaining({ psa: 'connectwise', stream: 'psa_companies', name: 'IncompleteStream', severity: 'warning' }));
    const lines = await runSync({ connectors: [], readers: [reader(lyingCounts(sandbox, 1, '/finance/agreements'))], store, now: FRI });
    expect(lines.readers[0]).toMatchObject({ status: 'partial', coverage: { psa_contract_lines: { complete: false } }, contractLines: { removed: 0 } });
  });

  it('passes rejected lines through the invalid-record policy: skip keeps the rest and holds removal back, fail stops the reader', async () => {
    sandbox.seed({ companies: 60, linesPerCompany: 2 }); // the generated tenant has agreements without an ISO currency
    const skip = await runSync({ connectors: [], readers: [reader()], store, now: THU });
    const r = skip.readers[0]!;
    expect(r.status).toBe('partial');
    expect(r.contractLines.invalid).toBeGreaterThan(0);
    expect(r.contractLines.inserted).toBeGreaterThan(0);
    expect(skip.run.errors).toContainEqual(expect.objectContaining({ psa: 'connectwise', stream: 'psa_contract_lines', name: 'InvalidRecords' }));
    const fail = await runSync({ connectors: [], readers: [reader()], store, now: FRI, policy: { invalidRecords: 'fail' } });
    expect(fail.failedReaders).toHaveLength(1);
    expect(isSchemaDriftError(fail.failedReaders[0]?.error)).toBe(true);
    expect(fail.status).toBe('failed');
  });

  it('skips a company whose text the store cannot hold (a NUL in the name) and holds back removal', async () => {
    await runSync({ connectors: [], readers: [reader()], store, now: THU });
    sandbox.load([{ ...CLIENTS[0]!, name: 'Cruz Brothers\u0000Auto Body' }, CLIENTS[1]!], LINES.slice(0, 3));
    const result = await runSync({ connectors: [], readers: [reader()], store, now: FRI });
    expect(result.readers[0]).toMatchObject({ status: 'partial', companies: { invalid: 1, removed: 0 } });
    expect(result.run.errors).toContainEqual(expect.objectContaining({ stream: 'psa_companies', name: 'InvalidRecords', message: expect.stringContaining('NUL') }));
    expect((await store.listPsaCompanies()).map((c) => c.name)).toEqual(expect.arrayContaining(['Cruz Brothers Auto Body', 'Prospect Holdings 1']));
  });

  it('runs readers next to connectors, independently: a PSA refusing the keys fails only the reader, with a typed error', async () => {
    const bad = createConnectWiseReader({ ...CREDS, privateKey: 'wrong-private-key', site: sandbox.baseUrl, fetch: sandbox.fetch, ...FAST });
    const result = await runSync({ connectors: [createFakeConnector()], readers: [bad], store, now: THU });
    expect(result.status).toBe('partial');
    expect(result.failed).toEqual([]);
    expect(result.vendors[0]?.status).toBe('succeeded');
    expect(isAuthenticationError(result.failedReaders[0]?.error)).toBe(true);
    expect(JSON.stringify(result.run)).not.toContain('wrong-private-key');
    expect(await store.listPsaCompanies()).toEqual([]);
  });

  it("leaves a PSA another run is syncing untouched and names that run", async () => {
    await store.acquireLease(psaLeaseKey('connectwise'), { runId: 'other-run', holder: 'host-b:7', ttlMs: 60_000 });
    const result = await runSync({ connectors: [], readers: [reader()], store, now: THU });
    expect(isStoreLockedError(result.failedReaders[0]?.error)).toBe(true);
    expect((result.failedReaders[0]?.error as Error).message).toContain('other-run');
    expect(await store.listPsaCompanies()).toEqual([]);
    await store.releaseLease(psaLeaseKey('connectwise'), 'other-run');
  });

  it('refuses two readers of one PSA before writing anything', async () => {
    const error = await runSync({ connectors: [], readers: [reader(), reader()], store, now: THU }).catch((e: unknown) => e);
    expect(isConfigurationError(error)).toBe(true);
    expect(await store.latestRuns()).toEqual([]);
  });
}
