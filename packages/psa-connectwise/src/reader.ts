import {
  type HttpClient,
  paginatePsa,
  type PsaBatch,
  type PsaCompany,
  type PsaContractLine,
  type PsaContractLineOptions,
  type PsaCoverage,
  type PsaListOptions,
  type PsaProduct,
  type PsaReader,
  type PsaRejectedRecord,
  type PsaUsage,
} from '@vectis/connector-core';
import type { z } from 'zod';
import { createApiClient, discoverApiUrl } from './client';
import { mapAddition, mapCatalogItem, mapCompany } from './mappers';
import { type ConnectWiseReaderOptions, resolveOptions } from './options';
import { CwAdditionList, CwAgreementList, CwBillingCycleList, CwCatalogList, CwCompanyList, CwCount } from './schemas';

const COMPANY_FILTER = 'deletedFlag=false';

/**
 * A read-only ConnectWise PSA reader: companies, agreement additions (one line per addition), catalog.
 * Requests: companies `1 + ceil(C/1000)`, lines `2 + ceil(A/1000) + A` (one additions call per
 * agreement: ConnectWise has no global additions list), products `1 + ceil(P/1000)`.
 *
 * @example
 * const reader = createConnectWiseReader({ site: 'na.myconnectwise.net', companyId: 'acme', publicKey, privateKey, clientId, defaultCurrency: 'USD' });
 * for await (const batch of reader.listContractLines()) save(batch.items);
 */
export function createConnectWiseReader(input: ConnectWiseReaderOptions): PsaReader {
  const o = resolveOptions(input);
  const clients: HttpClient[] = [];
  let api: Promise<HttpClient> | undefined;
  let disposed = false;

  function client(signal?: AbortSignal): Promise<HttpClient> {
    api ??= (async () => {
      let apiUrl = o.apiUrl;
      if (!apiUrl) {
        const found = await discoverApiUrl(o, signal);
        clients.push(found.http);
        apiUrl = found.apiUrl;
      }
      const http = createApiClient(o, apiUrl);
      clients.push(http);
      return http;
    })();
    // A failed discovery must not poison later calls (e.g. after the user fixes the network).
    api.catch(() => (api = undefined));
    return api;
  }

  async function get<T>(path: string, schema: z.ZodType<T>, searchParams: Record<string, string | number>, opts: PsaListOptions): Promise<T> {
    if (opts.signal?.aborted) throw opts.signal.reason;
    const http = await client(opts.signal);
    const { data } = await http.get(path, {
      schema,
      searchParams,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
    return data;
  }

  // Every page keeps the original conditions and adds the id cursor (never the Link header's page number).
  const cursorConditions = (base: string | undefined, afterId: number | undefined) =>
    [base ? `(${base})` : undefined, afterId !== undefined ? `id > ${afterId}` : undefined].filter(Boolean).join(' and ');
  const query = (base: string | undefined, afterId: number | undefined, size: number) => {
    const conditions = cursorConditions(base, afterId);
    return { ...(conditions ? { conditions } : {}), orderBy: 'id asc', pageSize: size, page: 1 };
  };
  const count = async (path: string, conditions: string | undefined, opts: PsaListOptions) =>
    (await get(`${path}/count`, CwCount, conditions ? { conditions } : {}, opts)).count;

  function pages<T extends { id: number }>(path: string, schema: z.ZodType<T[]>, stream: PsaCoverage['stream'], conditions: string | undefined, expected: number | undefined, opts: PsaListOptions) {
    return paginatePsa<T>({
      connector: 'connectwise',
      stream,
      mode: 'id-cursor',
      pageSize: o.pageSize,
      expected,
      idOf: (r) => r.id,
      fetchPage: async ({ afterId, size }) => ({ items: await get(path, schema, query(conditions, afterId, size), opts) }),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  }

  function finish<T>(items: T[], coverage: PsaCoverage, opts: PsaListOptions, rejected?: PsaRejectedRecord[]): PsaBatch<T> {
    opts.onProgress?.({ type: 'stream-done', connector: 'connectwise', coverage });
    return { items, coverage, ...(rejected?.length ? { rejected } : {}) };
  }

  async function* listCompanies(opts: PsaListOptions = {}): AsyncGenerator<PsaBatch<PsaCompany>> {
    const expected = await count('/company/companies', COMPANY_FILTER, opts);
    for await (const batch of pages('/company/companies', CwCompanyList, 'psa_companies', COMPANY_FILTER, expected, opts)) {
      const items = batch.items.map(mapCompany);
      if (batch.coverage) yield finish(items, batch.coverage, opts);
      else yield { items };
    }
  }

  async function* listContractLines(opts: PsaContractLineOptions = {}): AsyncGenerator<PsaBatch<PsaContractLine>> {
    const asOf = opts.asOf ?? new Date().toISOString();
    const cycles = new Map((await get('/finance/billingCycles', CwBillingCycleList, { pageSize: 1000 }, opts)).map((c) => [c.id, c.billingOptions]));
    const expectedAgreements = await count('/finance/agreements', undefined, opts);
    let fetched = 0;
    let pagesRead = 0;
    let agreementsDone = 0;
    const incomplete: string[] = [];
    for await (const batch of pages('/finance/agreements', CwAgreementList, 'psa_contract_lines', undefined, expectedAgreements, opts)) {
      const items: PsaContractLine[] = [];
      const rejected: PsaRejectedRecord[] = [];
      for (const ag of batch.items) {
        for await (const page of pages(`/finance/agreements/${ag.id}/additions`, CwAdditionList, 'psa_contract_lines', undefined, undefined, opts)) {
          pagesRead++;
          for (const addition of page.items) {
            const mapped = mapAddition(addition, ag, { billingOption: ag.billingCycle ? cycles.get(ag.billingCycle.id) : undefined, asOf, defaultCurrency: o.defaultCurrency });
            if (mapped.ok) items.push(mapped.line);
            else rejected.push({ stream: 'psa_contract_lines', id: String(addition.id), where: `GET /finance/agreements/${ag.id}/additions`, issues: [{ path: 'currency', message: mapped.reason }] });
          }
          if (page.coverage && !page.coverage.complete) incomplete.push(`agreement ${ag.id} additions: ${page.coverage.truncatedReason ?? 'incomplete'}`);
        }
        // One request per agreement is most of a ConnectWise read: say how far it got.
        opts.onProgress?.({ type: 'detail', connector: 'connectwise', stream: 'psa_contract_lines', done: ++agreementsDone, total: expectedAgreements });
      }
      fetched += items.length;
      if (!batch.coverage) {
        yield { items, ...(rejected.length ? { rejected } : {}) };
        continue;
      }
      if (!batch.coverage.complete) incomplete.unshift(`agreements: ${batch.coverage.truncatedReason ?? 'incomplete'}`);
      const coverage: PsaCoverage = {
        stream: 'psa_contract_lines',
        fetched,
        pages: batch.coverage.pages + pagesRead,
        duplicatesDropped: batch.coverage.duplicatesDropped,
        detailRequests: batch.coverage.fetched,
        complete: incomplete.length === 0,
        truncatedReason: incomplete.length ? incomplete.slice(0, 3).join('; ') : undefined,
      };
      yield finish(items, coverage, opts, rejected);
    }
  }

  async function* listProducts(opts: PsaListOptions = {}): AsyncGenerator<PsaBatch<PsaProduct>> {
    const expected = await count('/procurement/catalog', undefined, opts);
    for await (const batch of pages('/procurement/catalog', CwCatalogList, 'psa_products', undefined, expected, opts)) {
      const items = batch.items.map((i) => mapCatalogItem(i, o.defaultCurrency));
      if (batch.coverage) yield finish(items, batch.coverage, opts);
      else yield { items };
    }
  }

  return {
    id: 'connectwise',
    psa: 'connectwise',
    label: 'ConnectWise PSA',
    capabilities: { companies: true, contractLines: true, products: true },
    async testConnection(opts = {}) {
      // `/company/companies/count` matches the reader's role (System → /system/info may be refused to an Inquire-only role).
      const companies = await count('/company/companies', COMPANY_FILTER, opts);
      return {
        ok: true,
        psa: 'connectwise',
        message: `Connected to ConnectWise PSA — ${companies.toLocaleString('en-US')} companies visible`,
        details: { companiesVisible: companies, apiVersion: o.apiVersion, discovered: !o.apiUrl },
      };
    },
    listCompanies,
    listContractLines,
    listProducts,
    usage(): PsaUsage {
      const sum = (k: 'requests' | 'retries' | 'rateLimitWaits') => clients.reduce((n, c) => n + c.stats[k], 0);
      return { requests: sum('requests'), retries: sum('retries'), rateLimitWaits: sum('rateLimitWaits') };
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const c of clients) c.dispose();
    },
  };
}
