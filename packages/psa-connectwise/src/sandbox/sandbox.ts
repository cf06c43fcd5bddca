import type { FakeFault, PsaFake } from '@vectis/connector-core';
import { parseConditions } from './conditions';
import { type SandboxPsaClient, type SandboxPsaLine, tenantFrom } from './load';
import { type CwTenant, generate, type Row } from './seed';
import { createPsaSandboxTraffic as createTraffic, sandboxSleep as sleep } from '@vectis/connector-core';

/**
 * The sandbox's API member and integration. Not secrets.
 *
 * @example
 * createConnectWiseReader({ ...CONNECTWISE_SANDBOX_CREDENTIALS, site: sandbox.baseUrl, allowInsecureLoopback: true });
 */
export const CONNECTWISE_SANDBOX_CREDENTIALS = Object.freeze({
  companyId: 'vectis_sandbox',
  publicKey: 'sandboxPublicKey01',
  privateKey: 'sandbox-private-key-3f9c',
  clientId: '3b1f6a5e-0000-4c2a-9a8e-5a4d1e2f7c90',
});

export interface ConnectWiseSandboxOptions {
  /** Companies in scope (default 25; about 10% more sit in the recycle bin). */
  companies?: number;
  /** Billed additions per company (default 2). */
  linesPerCompany?: number;
  /** PRNG seed (default 7). */
  seed?: number;
  /** Largest page served (ConnectWise's hard limit: 1,000). */
  pageSizeCap?: number;
  /** At most `limit` requests per sliding `intervalMs`, else 429 (ConnectWise publishes no number; off by default). */
  rateLimit?: { limit: number; intervalMs: number };
  /** Base URL the sandbox answers under (default `https://connectwise-sandbox.vectis.test`). */
  baseUrl?: string;
}

const CODEBASE = 'v2025_1/';
const FIELDS: Record<string, ReadonlySet<string>> = {
  companies: new Set(['id', 'identifier', 'name', 'deletedFlag', 'status', 'types', 'lastUpdated', 'city']),
  agreements: new Set(['id', 'name', 'company', 'agreementStatus', 'cancelledFlag', 'type', 'billingCycle']),
  additions: new Set(['id', 'product', 'billCustomer', 'agreementId', 'cancelledDate', 'effectiveDate']),
  catalog: new Set(['id', 'identifier', 'inactiveFlag', 'description', 'vendorSku']),
};

/**
 * A fake ConnectWise PSA tenant following the 2025.1 schema: `/login/companyinfo` discovery, Basic +
 * `clientId` auth, bare-array lists with `page`/`pageSize` (default 25, cap 1,000), `conditions`,
 * `orderBy`, `/count`, `Link` headers that drop `conditions` (the pyconnectwise#14 trap), per-agreement
 * additions, `{code, message, errors}` error bodies, injectable faults. Implements core's `PsaFake`.
 *
 * @example
 * const sandbox = createConnectWiseSandbox({ companies: 1000 });
 * const reader = createConnectWiseReader({ ...CONNECTWISE_SANDBOX_CREDENTIALS, site: sandbox.baseUrl, defaultCurrency: 'USD', fetch: sandbox.fetch });
 */
export function createConnectWiseSandbox(options: ConnectWiseSandboxOptions = {}) {
  const baseUrl = (options.baseUrl ?? 'https://connectwise-sandbox.vectis.test').replace(/\/+$/, '');
  const apiBase = `/${CODEBASE}apis/3.0`;
  const creds = CONNECTWISE_SANDBOX_CREDENTIALS;
  const basic = `Basic ${Buffer.from(`${creds.companyId}+${creds.publicKey}:${creds.privateKey}`).toString('base64')}`;
  let tenant: CwTenant = generate(options.seed ?? 7, { companies: options.companies ?? 25, linesPerCompany: options.linesPerCompany ?? 2 });
  let cap = options.pageSizeCap ?? 1000;
  const traffic = createTraffic(options.rateLimit, () => performance.now());
  let counter = 0;

  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
  const fail = (status: number, code: string, message: string, headers: Record<string, string> = {}) => json({ code, message, errors: [] }, status, headers);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const rel = `${url.pathname.startsWith(apiBase) ? url.pathname.slice(apiBase.length) : url.pathname}${url.search}`;
    const response = await route(request, url);
    traffic.log({ method: request.method, path: rel, status: response.status });
    return response;
  }

  async function route(request: Request, url: URL): Promise<Response> {
    const wait = traffic.admit();
    if (wait !== undefined) return fail(429, 'TooManyRequests', 'Rate limit exceeded.', { 'retry-after': String(Math.max(1, Math.ceil(wait / 1000))) });
    const path = url.pathname;
    const list = /\/(companies|agreements|catalog)$/.test(path);
    const info = path.match(/^\/login\/companyinfo\/([^/]+)$/);
    // Faults hit API calls; the discovery call only when a fault names it (`pathIncludes: 'companyinfo'`).
    const fault = traffic.take(path, list, info !== null);
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
      return fail(fault.status, fault.status === 401 ? 'Unauthorized' : fault.status === 400 ? 'InvalidObject' : 'Error', `Injected ${fault.status}`, headers);
    }
    if (fault?.kind === 'delay') await sleep(fault.ms, request.signal);
    if (fault?.kind === 'malformed-json') return new Response('<html><body><h1>502 Bad Gateway</h1>cloudflare</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    if (request.method !== 'GET') return json({ Message: `The requested resource does not support http method '${request.method}'.` }, 405);
    if (info) {
      if (decodeURIComponent(info[1] as string) !== creds.companyId) return fail(404, 'NotFound', 'Company not found');
      return json({ CompanyName: 'Vectis Sandbox MSP', Codebase: CODEBASE, VersionCode: 'v2025.1', VersionNumber: 'v4.6.90210', CompanyID: creds.companyId, IsCloud: 'False', SiteUrl: new URL(baseUrl).host });
    }
    if (!path.startsWith(apiBase)) return fail(404, 'NotFound', `No API at ${path}`);
    if (fault?.kind === 'expire-token' || request.headers.get('authorization') !== basic || request.headers.get('clientid') !== creds.clientId) {
      return fail(401, 'Unauthorized', 'Authentication failed: check the API member keys and the clientId header.');
    }
    if (fault?.kind === 'insert-during-paging') for (let i = 0; i < fault.count; i++) addCompany();
    const body = serve(path.slice(apiBase.length), url);
    if (body instanceof Response) return body;
    if (fault?.kind === 'schema-drift') breakSchema(body.data);
    return json(body.data, 200, body.headers);
  }

  function serve(path: string, url: URL): Response | { data: unknown; headers?: Record<string, string> } {
    const q = url.searchParams;
    const additions = path.match(/^\/finance\/agreements\/(\d+)\/additions(\/count)?$/);
    let rows: Row[] | undefined;
    let kind = '';
    if (path === '/company/companies' || path === '/company/companies/count') [rows, kind] = [tenant.companies, 'companies'];
    else if (path === '/finance/agreements' || path === '/finance/agreements/count') [rows, kind] = [tenant.agreements, 'agreements'];
    else if (path === '/procurement/catalog' || path === '/procurement/catalog/count') [rows, kind] = [tenant.catalog, 'catalog'];
    else if (path === '/finance/billingCycles') [rows, kind] = [tenant.billingCycles, 'cycles'];
    else if (additions) {
      const found = tenant.additions.get(Number(additions[1]));
      if (!tenant.agreements.some((a) => a.id === Number(additions[1]))) return fail(404, 'NotFound', `Agreement ${additions[1]} not found`);
      [rows, kind] = [found ?? [], 'additions'];
    } else return fail(404, 'NotFound', `No endpoint ${path}`);
    let predicate: (row: Row) => boolean;
    try {
      predicate = parseConditions(q.get('conditions'), (f) => FIELDS[kind]?.has(f) ?? f === 'id');
    } catch (error) {
      return json({ code: 'InvalidObject', message: 'conditions is invalid', errors: [{ code: 'ApiFindCondition', message: (error as Error).message, resource: kind, field: 'conditions' }] }, 400);
    }
    const matching = rows.filter(predicate);
    if (path.endsWith('/count')) return { data: { count: matching.length } };
    if (q.get('orderBy') && !/^id (asc|desc)$/.test(q.get('orderBy') as string)) return fail(400, 'InvalidObject', 'orderBy supports id in this sandbox');
    const ordered = q.get('orderBy') === 'id desc' ? [...matching].sort((a, b) => b.id - a.id) : [...matching].sort((a, b) => a.id - b.id);
    const page = Math.max(1, Number(q.get('page') ?? 1));
    const size = Math.min(Number(q.get('pageSize') ?? 25), cap);
    const slice = ordered.slice((page - 1) * size, page * size).map((r) => structuredClone(r));
    // The Link header rebuilds page numbers and drops `conditions`: following it blindly reads the wrong rows.
    const link = page * size < ordered.length ? { link: `<${baseUrl}${apiBase}${path}?pageSize=${size}&page=${page + 1}>; rel="next"` } : undefined;
    return { data: slice, ...(link ? { headers: link } : {}) };
  }

  function breakSchema(data: unknown): void {
    if (Array.isArray(data) && data[0]) (data[0] as Record<string, unknown>).id = 'drifted';
    else if (data && typeof data === 'object') (data as Record<string, unknown>).count = 'drifted';
  }

  function addCompany(): void {
    const last = tenant.companies.at(-1) as Row;
    counter++;
    tenant.companies.push({ ...structuredClone(last), id: last.id + 1, identifier: `New${counter}`, name: `New Client ${counter}`, deletedFlag: false });
  }

  const fake: PsaFake & {
    fetch: typeof fetch;
    tenant(): CwTenant;
    rateLimited(): number;
    /** Replace the tenant with these clients and billed lines (e.g. the same clients as a distributor sandbox). */
    load(clients: readonly SandboxPsaClient[], lines: readonly SandboxPsaLine[]): void;
  } = {
    baseUrl,
    renewsTokens: false,
    handle,
    fetch: async (input, init) => handle(new Request(input, init)),
    seed(size) {
      tenant = generate(options.seed ?? 7, size);
    },
    setPageSizeCap(n) {
      cap = n;
    },
    inject: (f: FakeFault) => traffic.inject(f),
    reset: () => traffic.reset(),
    requests: () => traffic.requests(),
    ids(stream) {
      if (stream === 'companies') return tenant.companies.filter((c) => c.deletedFlag !== true).map((c) => String(c.id));
      return [...tenant.additions.values()].flat().map((a) => String(a.id));
    },
    setUnknownStatus(companyId, rawStatus) {
      const c = tenant.companies.find((x) => String(x.id) === companyId);
      if (c) c.status = { id: 99, name: rawStatus, _info: {} };
    },
    tenant: () => tenant,
    rateLimited: () => traffic.rateLimited(),
    load(clients, lines) {
      tenant = tenantFrom(clients, lines);
    },
  };
  return fake;
}

export type ConnectWiseSandbox = ReturnType<typeof createConnectWiseSandbox>;
