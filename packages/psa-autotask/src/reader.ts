import {
  type HttpClient,
  paginatePsa,
  type PsaBatch,
  type PsaCompany,
  type PsaContractLineOptions,
  type PsaCoverage,
  type PsaListOptions,
  type PsaProduct,
  type PsaReader,
  type PsaUsage,
  VectisError,
} from '@vectis/connector-core';
import type { z } from 'zod';
import { type AtFilter, createApiClient, discoverZone, MAX_URL, searchParam } from './client';
import { listContractLines } from './lines';
import { isIso, mapCatalog, mapCompany, type Picklists } from './mappers';
import { type AutotaskReaderOptions, resolveOptions } from './options';
import { AtCompany, AtCount, AtCountry, AtCurrency, AtFieldInfo, AtProduct, AtService, atPage, AtThresholdInformation } from './schemas';

/** What the contract-lines join needs from the reader: bulk queries, counts and picklists. */
export interface AutotaskQueries {
  walk<T extends { id: number }>(entity: string, schema: z.ZodType<T>, filters: readonly AtFilter[], stream: PsaCoverage['stream'], opts: PsaListOptions): AsyncGenerator<PsaBatch<T>>;
  all<T extends { id: number }>(entity: string, schema: z.ZodType<T>, filters: readonly AtFilter[], opts: PsaListOptions): Promise<{ items: T[]; coverage: PsaCoverage }>;
  picklists(entity: string, prefix: string, opts: PsaListOptions): Promise<Map<string, Map<number, string>>>;
  currencyOf(opts: PsaListOptions): Promise<(companyId: number) => string | undefined>;
  defaultCurrency: string | undefined;
}

/**
 * A read-only Autotask PSA reader: companies, contract services and bundles with their per-period
 * units (one line per service), and the Services/ServiceBundles/Products catalog. GET only: every
 * query is `GET /{Entity}/query?search=` with an id cursor (never `nextPageUrl`, which only works as POST).
 *
 * @example
 * const at = createAutotaskReader({ userName: 'api@acme.com', secret, integrationCode });
 * for await (const batch of at.listContractLines({ asOf: new Date().toISOString() })) save(batch.items);
 * console.log(at.usage()); // requests sent, and the tenant's hourly budget as Autotask reported it
 */
export function createAutotaskReader(input: AutotaskReaderOptions): PsaReader {
  const o = resolveOptions(input);
  const clients: HttpClient[] = [];
  let api: Promise<HttpClient> | undefined;
  let threshold: z.infer<typeof AtThresholdInformation> | undefined;
  let disposed = false;

  function client(signal?: AbortSignal): Promise<HttpClient> {
    api ??= (async () => {
      let apiUrl = o.apiUrl ? `${o.apiUrl.replace(/\/+$/, '').replace(/\/v1\.0$/i, '')}/V1.0` : undefined;
      if (!apiUrl) {
        const zone = await discoverZone(o, signal);
        clients.push(zone.http);
        apiUrl = zone.apiUrl;
      }
      const http = createApiClient(o, apiUrl);
      clients.push(http);
      // The shared hourly budget, read once per reader so usage() can say how much of it this sync used.
      threshold = (await http.get('/ThresholdInformation', { schema: AtThresholdInformation, ...(signal ? { signal } : {}) })).data;
      const share = threshold.currentTimeframeRequestCount / Math.max(1, threshold.externalRequestThreshold);
      if (share >= o.maxBudgetShare) {
        throw new VectisError(
          `this Autotask database has used ${threshold.currentTimeframeRequestCount} of its ${threshold.externalRequestThreshold} requests this hour (${Math.round(share * 100)}%); not starting a read`,
          { connector: 'autotask', remedy: 'Wait for the hourly window to roll over, or find the integration using the budget (Admin → API Activity by Hour). Raise maxBudgetShare only if you accept the risk of Autotask disabling the API for every integration.' },
        );
      }
      return http;
    })();
    api.catch(() => (api = undefined));
    return api;
  }

  async function get<T>(path: string, schema: z.ZodType<T>, searchParams: Record<string, string>, opts: PsaListOptions): Promise<T> {
    if (opts.signal?.aborted) throw opts.signal.reason;
    const http = await client(opts.signal);
    const length = path.length + Object.values(searchParams).reduce((n, v) => n + encodeURIComponent(v).length, 0);
    if (length > MAX_URL) throw new VectisError(`a query URL would be ${length} characters`, { connector: 'autotask', remedy: 'Split the filter: Autotask truncates or 404s GET URLs over ~2,048 characters.' });
    const { data } = await http.get(path, { schema, searchParams, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    return data;
  }

  const q: AutotaskQueries = {
    defaultCurrency: o.defaultCurrency,
    async *walk(entity, schema, filters, stream, opts) {
      const expected = (await get(`/${entity}/query/count`, AtCount, { search: JSON.stringify({ filter: [{ op: 'gte', field: 'id', value: 0 }, ...filters] }) }, opts)).queryCount;
      const page = atPage(schema);
      yield* paginatePsa({
        connector: 'autotask',
        stream,
        mode: 'id-cursor',
        pageSize: o.pageSize,
        expected,
        idOf: (r: z.infer<typeof schema>) => r.id,
        fetchPage: async ({ afterId, size }) => ({ items: (await get(`/${entity}/query`, page, { search: searchParam(filters, afterId, size) }, opts)).items as never[] }),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    },
    async all(entity, schema, filters, opts) {
      const items: never[] = [];
      let coverage: PsaCoverage | undefined;
      for await (const b of q.walk(entity, schema, filters, 'psa_contract_lines', opts)) {
        items.push(...(b.items as never[]));
        coverage = b.coverage ?? coverage;
      }
      return { items, coverage: coverage as PsaCoverage };
    },
    async picklists(entity, prefix, opts) {
      const info = await get(`/${entity}/entityInformation/fields`, AtFieldInfo, {}, opts);
      const out = new Map<string, Map<number, string>>();
      for (const f of info.fields) if (f.isPickList && f.picklistValues) out.set(`${prefix}${f.name}`, new Map(f.picklistValues.map((v) => [Number(v.value), v.label])));
      return out;
    },
    async currencyOf(opts) {
      const currencies = (await q.all('Currencies', AtCurrency, [], opts)).items.filter((c) => c.isActive !== false);
      const internal = currencies.find((c) => c.isInternalCurrency)?.name.trim().toUpperCase();
      const fallback = isIso(internal) ? internal : o.defaultCurrency;
      if (currencies.length <= 1) return () => fallback;
      // Multi-currency: each company's currencyID decides (fields trimmed to keep pages small).
      const byId = new Map(currencies.map((c) => [c.id, c.name.trim().toUpperCase()]));
      const companies = await q.all('Companies', AtCompany.pick({ id: true, currencyID: true }).loose(), [], opts);
      const of = new Map(companies.items.map((c) => [c.id, c.currencyID ? byId.get(c.currencyID) : undefined]));
      return (companyId) => {
        const code = of.get(companyId) ?? internal;
        return isIso(code) ? code : o.defaultCurrency;
      };
    },
  };

  async function* listCompanies(opts: PsaListOptions = {}): AsyncGenerator<PsaBatch<PsaCompany>> {
    const picklists: Picklists = await q.picklists('Companies', '', opts);
    const countries = new Map((await q.all('Countries', AtCountry, [], opts)).items.map((c) => [c.id, c.countryCode ?? c.name ?? '']));
    for await (const b of q.walk('Companies', AtCompany, [], 'psa_companies', opts)) {
      const items = b.items.map((c) => mapCompany(c, picklists, countries));
      if (b.coverage) opts.onProgress?.({ type: 'stream-done', connector: 'autotask', coverage: b.coverage });
      yield b.coverage ? { items, coverage: b.coverage } : { items };
    }
  }

  async function* listProducts(opts: PsaListOptions = {}): AsyncGenerator<PsaBatch<PsaProduct>> {
    const currency = (await q.currencyOf(opts))(-1);
    const parts: Array<['service' | 'bundle' | 'product', string, z.ZodType<{ id: number }>]> = [
      ['service', 'Services', AtService],
      ['bundle', 'ServiceBundles', AtService],
      ['product', 'Products', AtProduct],
    ];
    const coverage: PsaCoverage = { stream: 'psa_products', fetched: 0, pages: 0, duplicatesDropped: 0, complete: true, expected: 0 };
    for (const [kind, entity, schema] of parts) {
      const { items, coverage: c } = await q.all(entity, schema, [], opts);
      coverage.fetched += c.fetched;
      coverage.pages += c.pages;
      coverage.expected = (coverage.expected ?? 0) + (c.expected ?? 0);
      if (!c.complete) Object.assign(coverage, { complete: false, truncatedReason: `${entity}: ${c.truncatedReason}` });
      const mapped = items.map((r) => mapCatalog(kind, r as never, currency));
      if (kind === 'product') {
        opts.onProgress?.({ type: 'stream-done', connector: 'autotask', coverage });
        yield { items: mapped, coverage };
      } else yield { items: mapped };
    }
  }

  return {
    id: 'autotask',
    psa: 'autotask',
    label: 'Autotask PSA',
    capabilities: { companies: true, contractLines: true, products: true },
    async testConnection(opts = {}) {
      const companies = (await get('/Companies/query/count', AtCount, { search: JSON.stringify({ filter: [{ op: 'gte', field: 'id', value: 0 }] }) }, opts)).queryCount;
      const used = threshold ? `${threshold.currentTimeframeRequestCount} of ${threshold.externalRequestThreshold}` : 'unknown';
      return { ok: true, psa: 'autotask', message: `Connected to Autotask PSA — ${companies.toLocaleString('en-US')} companies visible (hourly API budget used: ${used})`, details: { companiesVisible: companies, budgetUsed: threshold?.currentTimeframeRequestCount, budget: threshold?.externalRequestThreshold } };
    },
    listCompanies,
    listContractLines: (opts: PsaContractLineOptions = {}) => listContractLines(q, opts),
    listProducts,
    usage(): PsaUsage {
      const sum = (k: 'requests' | 'retries' | 'rateLimitWaits') => clients.reduce((n, c) => n + c.stats[k], 0);
      return {
        requests: sum('requests'),
        retries: sum('retries'),
        rateLimitWaits: sum('rateLimitWaits'),
        ...(threshold ? { budget: { limit: threshold.externalRequestThreshold, windowMs: threshold.requestThresholdTimeframe * 60_000, usedByOthers: threshold.currentTimeframeRequestCount } } : {}),
      };
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      for (const c of clients) c.dispose();
    },
  };
}
