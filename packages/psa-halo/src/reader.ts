import {
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
} from '@vectis/connector-core';
import type { z } from 'zod';
import { createApiClient } from './client';
import { mapClient, mapInvoiceLine, mapItem } from './mappers';
import { type HaloReaderOptions, resolveOptions } from './options';
import { HaloClientPage, HaloCurrencyList, HaloItemPage, HaloRecurringInvoice, HaloRecurringInvoicePage } from './schemas';

/**
 * A read-only HaloPSA reader: clients, recurring invoice lines (one line per billed product), items.
 * Requests: 1 token + ceil(rows/100) per stream (+1 `GET /Currency` for lines, +1 per header whose
 * list row came without `lines`).
 *
 * @example
 * const halo = createHaloReader({ resourceServer: 'https://acme.halopsa.com/api', tenant: 'acme', clientId, clientSecret, billingPeriodCodes: { 1: 'P1M' } });
 * for await (const batch of halo.listContractLines()) save(batch.items);
 */
export function createHaloReader(input: HaloReaderOptions): PsaReader {
  const o = resolveOptions(input);
  const http = createApiClient(o);
  let disposed = false;

  async function get<T>(path: string, schema: z.ZodType<T>, searchParams: Record<string, string | number | boolean>, opts: PsaListOptions): Promise<T> {
    if (opts.signal?.aborted) throw opts.signal.reason;
    const { data } = await http.get(path, { schema, searchParams, ...(opts.signal ? { signal: opts.signal } : {}), ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
    return data;
  }

  // Halo caps pages at 100 whatever is asked; a stable id order keeps inserts from shifting pages.
  const paging = (page: number, size: number) => ({ pageinate: true, page_size: size, page_no: page, order: 'id', orderdesc: false });

  function walk<T extends { id: number }>(stream: PsaCoverage['stream'], fetch: (page: number, size: number) => Promise<{ items: T[]; total: number | undefined }>, opts: PsaListOptions) {
    return paginatePsa<T>({
      connector: 'halo',
      stream,
      mode: 'page',
      pageSize: o.pageSize,
      idOf: (r) => r.id,
      fetchPage: ({ page, size }) => fetch(page, size),
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    });
  }

  function done<T>(items: T[], coverage: PsaCoverage, opts: PsaListOptions, rejected: PsaRejectedRecord[] = []): PsaBatch<T> {
    opts.onProgress?.({ type: 'stream-done', connector: 'halo', coverage });
    return { items, coverage, ...(rejected.length ? { rejected } : {}) };
  }

  async function* listCompanies(opts: PsaListOptions = {}): AsyncGenerator<PsaBatch<PsaCompany>> {
    const stream = walk('psa_companies', async (page, size) => {
      const data = await get('/Client', HaloClientPage, { ...paging(page, size), includeinactive: true }, opts);
      return { items: data.clients, total: data.record_count };
    }, opts);
    for await (const batch of stream) {
      const items = batch.items.map(mapClient);
      yield batch.coverage ? done(items, batch.coverage, opts) : { items };
    }
  }

  async function* listContractLines(opts: PsaContractLineOptions = {}): AsyncGenerator<PsaBatch<PsaContractLine>> {
    const asOf = opts.asOf ?? new Date().toISOString();
    const currencies = new Map((await get('/Currency', HaloCurrencyList, {}, opts)).filter((c) => c.code).map((c) => [c.id, (c.code as string).trim().toUpperCase()]));
    const ctx = { asOf, currencies, defaultCurrency: o.defaultCurrency, billingPeriodCodes: o.billingPeriodCodes };
    let lines = 0;
    let details = 0;
    const stream = walk('psa_contract_lines', async (page, size) => {
      const data = await get('/RecurringInvoice', HaloRecurringInvoicePage, { ...paging(page, size), includelines: true }, opts);
      return { items: data.invoices, total: data.record_count };
    }, opts);
    for await (const batch of stream) {
      const items: PsaContractLine[] = [];
      const rejected: PsaRejectedRecord[] = [];
      for (let header of batch.items) {
        // A list row without `lines` (older versions, or a truncated list answer) is read in detail.
        if (header.lines === undefined || header.lines === null) {
          details++;
          header = await get(`/RecurringInvoice/${header.id}`, HaloRecurringInvoice, { includedetails: true }, opts);
        }
        for (const line of header.lines ?? []) {
          const mapped = mapInvoiceLine(line, header, ctx);
          if (mapped.ok === true) items.push(mapped.line);
          else if (mapped.ok === false) rejected.push({ stream: 'psa_contract_lines', id: String(line.id), where: `GET /RecurringInvoice recurring invoice ${header.id}`, issues: [{ path: 'currency', message: mapped.reason }] });
        }
      }
      lines += items.length;
      if (!batch.coverage) {
        yield { items, ...(rejected.length ? { rejected } : {}) };
        continue;
      }
      // Coverage counts recurring invoice headers against `record_count`; `fetched` is the lines emitted.
      const c = batch.coverage;
      yield done(items, { ...c, fetched: lines, detailRequests: details, truncatedReason: c.truncatedReason?.replace('records', 'recurring invoices') }, opts, rejected);
    }
  }

  async function* listProducts(opts: PsaListOptions = {}): AsyncGenerator<PsaBatch<PsaProduct>> {
    const stream = walk('psa_products', async (page, size) => {
      const data = await get('/Item', HaloItemPage, { ...paging(page, size), includeinactive: true }, opts);
      return { items: data.items, total: data.record_count };
    }, opts);
    for await (const batch of stream) {
      const items = batch.items.map((i) => mapItem(i, o.defaultCurrency));
      yield batch.coverage ? done(items, batch.coverage, opts) : { items };
    }
  }

  return {
    id: 'halo',
    psa: 'halo',
    label: 'HaloPSA',
    capabilities: { companies: true, contractLines: true, products: true },
    async testConnection(opts = {}) {
      const data = await get('/Client', HaloClientPage, { ...paging(1, 1), includeinactive: true }, opts);
      const visible = data.record_count ?? data.clients.length;
      return { ok: true, psa: 'halo', message: `Connected to HaloPSA — ${visible.toLocaleString('en-US')} clients visible`, details: { clientsVisible: visible, resourceServer: o.resourceServer } };
    },
    listCompanies,
    listContractLines,
    listProducts,
    usage() {
      const s = http.stats;
      return { requests: s.requests, retries: s.retries, rateLimitWaits: s.rateLimitWaits, budget: { limit: 300, windowMs: 300_000 } };
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      http.dispose();
    },
  };
}
