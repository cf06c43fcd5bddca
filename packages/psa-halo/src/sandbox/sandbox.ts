import type { FakeFault, PsaFake } from '@vectis/connector-core';
import { generate, type HaloTenant, type Row } from './seed';
import { createPsaSandboxTraffic as createTraffic, sandboxSleep as sleep } from '@vectis/connector-core';

/**
 * The sandbox's API application and tenant. Not secrets.
 *
 * @example
 * createHaloReader({ ...HALO_SANDBOX_CREDENTIALS, resourceServer: `${sandbox.baseUrl}/api` });
 */
export const HALO_SANDBOX_CREDENTIALS = Object.freeze({
  clientId: 'b2c1f7e0-halo-sandbox-client',
  clientSecret: 'halo-sandbox-secret-9d2e',
  tenant: 'vectis',
});

export interface HaloSandboxOptions {
  /** Clients (default 25; about 10% inactive). */
  companies?: number;
  /** Billed lines per client's recurring invoice (default 2; group headings come on top). */
  linesPerCompany?: number;
  seed?: number;
  /** Largest page served whatever `page_size` asks (Halo: 100). */
  pageSizeCap?: number;
  /** Hosted Halo: 300 requests per rolling 5 minutes (token calls count); `false` turns it off. */
  rateLimit?: { limit: number; intervalMs: number } | false;
  /** Token lifetime in seconds (default 3600). */
  tokenTtlSeconds?: number;
  baseUrl?: string;
}

const RATE_MESSAGE = 'Rate Limit Reached - 300 Requests per rolling 5 minute window';

/**
 * A fake HaloPSA instance: `POST /auth/token?tenant=` (client credentials), `GET /api/Client`,
 * `/api/RecurringInvoice` (`includelines`), `/api/RecurringInvoice/{id}`, `/api/Item`, `/api/Currency`;
 * `pageinate`/`page_size`/`page_no` with the silent 100-row cap and `record_count`; `includeinactive`;
 * rows in name order unless `order=id`; 300 requests / rolling 5 min → 429; Halo's mixed error bodies.
 *
 * @example
 * const sandbox = createHaloSandbox({ companies: 1000 });
 * const reader = createHaloReader({ ...HALO_SANDBOX_CREDENTIALS, resourceServer: `${sandbox.baseUrl}/api`, fetch: sandbox.fetch });
 */
export function createHaloSandbox(options: HaloSandboxOptions = {}) {
  const baseUrl = (options.baseUrl ?? 'https://halo-sandbox.vectis.test').replace(/\/+$/, '');
  const creds = HALO_SANDBOX_CREDENTIALS;
  let tenant: HaloTenant = generate(options.seed ?? 11, { companies: options.companies ?? 25, linesPerCompany: options.linesPerCompany ?? 2 });
  let cap = options.pageSizeCap ?? 100;
  const limit = options.rateLimit === undefined ? { limit: 300, intervalMs: 300_000 } : options.rateLimit || undefined;
  const traffic = createTraffic(limit, () => performance.now());
  const tokens = new Map<string, number>();
  let issued = 0;
  let inserted = 0;

  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });

  function errorFor(status: number, headers: Record<string, string> = {}): Response {
    // Halo answers in several shapes; each status gets the one clients have seen for it.
    if (status === 401) return json({ Message: 'Authorization has been denied for this request.' }, 401, headers);
    if (status === 403) return json({ ClassName: 'System.UnauthorizedAccessException', Message: 'You do not have permission to access this resource.' }, 403, headers);
    if (status === 429) return new Response(RATE_MESSAGE, { status: 429, headers: { 'content-type': 'text/plain', ...headers } });
    if (status === 404) return json({ Message: 'No HTTP resource was found that matches the request URI.' }, 404, headers);
    return json({ resultCode: -1, errorMessage: `An error occurred (${status}).` }, status, headers);
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const response = await route(request, url);
    traffic.log({ method: request.method, path: `${url.pathname.replace(/^\/api/, '')}${url.search}`, status: response.status });
    return response;
  }

  async function route(request: Request, url: URL): Promise<Response> {
    if (traffic.admit() !== undefined) return errorFor(429);
    const isToken = url.pathname === '/auth/token';
    const fault = traffic.take(url.pathname, /\/(Client|RecurringInvoice|Item)$/.test(url.pathname), isToken);
    if (fault?.kind === 'status') return errorFor(fault.status, fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {});
    if (fault?.kind === 'delay') await sleep(fault.ms, request.signal);
    if (fault?.kind === 'malformed-json') return new Response('<!DOCTYPE html><html><body>Service Unavailable</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    if (isToken) return token(request, url);
    if (!url.pathname.startsWith('/api/')) return errorFor(404);
    if (request.method !== 'GET') return json({ Message: `The requested resource does not support http method '${request.method}'.` }, 405);
    const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const expires = bearer ? tokens.get(bearer) : undefined;
    if (!bearer || expires === undefined || expires <= Date.now()) return errorFor(401);
    if (fault?.kind === 'expire-token') {
      tokens.delete(bearer);
      return errorFor(401);
    }
    if (fault?.kind === 'insert-during-paging') for (let i = 0; i < fault.count; i++) insertClient();
    const body = serve(url.pathname.slice(4), url.searchParams);
    if (body instanceof Response) return body;
    if (fault?.kind === 'schema-drift') breakSchema(body);
    return json(body);
  }

  async function token(request: Request, url: URL): Promise<Response> {
    if (request.method !== 'POST') return errorFor(405);
    const form = new URLSearchParams(await request.text());
    if (form.get('grant_type') !== 'client_credentials') return json({ error: 'unsupported_grant_type' }, 400);
    if (url.searchParams.get('tenant') !== creds.tenant) return json({ error: 'invalid_request', error_description: 'Unknown tenant.' }, 400);
    if (form.get('client_id') !== creds.clientId || form.get('client_secret') !== creds.clientSecret) {
      return json({ error: 'invalid_client', error_description: 'The client credentials are invalid.' }, 401);
    }
    const value = `halo-token-${++issued}-${Math.random().toString(16).slice(2)}`;
    const ttl = options.tokenTtlSeconds ?? 3600;
    tokens.set(value, Date.now() + ttl * 1000);
    return json({ access_token: value, token_type: 'Bearer', expires_in: ttl, scope: form.get('scope') ?? 'all' });
  }

  function serve(path: string, q: URLSearchParams): Response | Record<string, unknown> | unknown[] {
    if (path === '/Currency') return structuredClone(tenant.currencies);
    const detail = path.match(/^\/RecurringInvoice\/(\d+)$/);
    if (detail) {
      const found = tenant.invoices.find((h) => h.id === Number(detail[1]));
      return found ? structuredClone(found) : errorFor(404);
    }
    const lists: Record<string, [string, Row[]]> = { '/Client': ['clients', tenant.clients], '/RecurringInvoice': ['invoices', tenant.invoices], '/Item': ['items', tenant.items] };
    const entry = lists[path];
    if (!entry) return errorFor(404);
    const [key, all] = entry;
    let rows = path === '/Client' && q.get('includeinactive') !== 'true' ? all.filter((c) => c.inactive !== true) : all;
    // Without `order=id` rows come in name order, so inserts during the walk shift pages.
    rows = q.get('order') === 'id' ? [...rows].sort((a, b) => (q.get('orderdesc') === 'true' ? b.id - a.id : a.id - b.id)) : [...rows].sort((a, b) => String(a.name ?? a.client_name).localeCompare(String(b.name ?? b.client_name)));
    const paged = q.get('pageinate') === 'true';
    const size = Math.min(Number(q.get(paged ? 'page_size' : 'count') ?? 50) || 50, cap);
    const page = paged ? Math.max(1, Number(q.get('page_no') ?? 1)) : 1;
    const slice = rows.slice((page - 1) * size, page * size).map((row) => {
      const copy = structuredClone(row);
      if (path === '/RecurringInvoice' && q.get('includelines') !== 'true') delete copy.lines;
      return copy;
    });
    return { record_count: rows.length, [key]: slice };
  }

  function breakSchema(body: Record<string, unknown> | unknown[]): void {
    const rows = Array.isArray(body) ? body : (Object.values(body).find(Array.isArray) as unknown[] | undefined);
    if (rows?.[0]) (rows[0] as Record<string, unknown>).id = 'drifted';
  }

  function insertClient(): void {
    const last = tenant.clients.at(-1) as Row;
    inserted++;
    tenant.clients.push({ ...structuredClone(last), id: last.id + 1, name: `AAA Inserted ${inserted}` });
  }

  const fake: PsaFake & { fetch: typeof fetch; tenant(): HaloTenant; rateLimited(): number } = {
    baseUrl,
    renewsTokens: true,
    handle,
    fetch: async (input, init) => handle(new Request(input, init)),
    seed(size) {
      tenant = generate(options.seed ?? 11, size);
    },
    setPageSizeCap(n) {
      cap = n;
    },
    inject: (f: FakeFault) => traffic.inject(f),
    reset: () => traffic.reset(),
    requests: () => traffic.requests(),
    ids(stream) {
      if (stream === 'companies') return tenant.clients.map((c) => String(c.id));
      return tenant.invoices.flatMap((h) => (h.lines as Row[]).filter((l) => l.isgroupdesc !== true).map((l) => String(l.id)));
    },
    setUnknownStatus(companyId, rawStatus) {
      // Halo has no status label on a client: the open value is `customertype` (a tenant code table).
      const c = tenant.clients.find((x) => String(x.id) === companyId);
      if (c) c.customertype_name = rawStatus;
    },
    tenant: () => tenant,
    rateLimited: () => traffic.rateLimited(),
  };
  return fake;
}

export type HaloSandbox = ReturnType<typeof createHaloSandbox>;
