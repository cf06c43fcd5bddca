import type { ExtendedFakeFault, FakeFeature } from '@vectis/connector-core';
import { CATALOG, pricingOf } from './catalog';
import { errorResponse, htmlPage, json, makeToken, tokenRefused } from './responses';
import { createRandom } from './seed';
import { listPage, type ListResult } from './lists';
import { listenFakeApi as listen, type SandboxServer } from '@vectis/connector-core';
import { createTenant, type SandboxChange, type SandboxCompanySeed } from './tenant';
import { createTraffic, type FakeFault, type SandboxStats } from './traffic';
import type { SandboxData, SandboxUsageSummary } from './types';
import { generatedSummaries, summariesPage } from './usage';
import { breakSchema, echoCredentials, sleep, spoilRecord, truncated } from './faults';

/**
 * The sandbox's API credential. Not secrets.
 *
 * @example
 * createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true });
 */
export const PAX8_SANDBOX_CREDENTIALS = Object.freeze({ clientId: 'vectis-sandbox-client', clientSecret: 'sandbox-client-secret' });

export interface Pax8SandboxOptions {
  /** Companies to generate (default 25). */
  companies?: number;
  /** Subscriptions to generate (default 60). */
  subscriptions?: number;
  /** PRNG seed (default 8): same seed, sizes and day → same tenant. */
  seed?: number;
  /** Companies to include first (e.g. clients the MSP also buys for elsewhere), with their own subscriptions. */
  seedCompanies?: readonly SandboxCompanySeed[];
  /** Accepted credential (default {@link PAX8_SANDBOX_CREDENTIALS}). */
  credentials?: { clientId?: string; clientSecret?: string };
  /** Audiences the token call accepts (default the partner audience and the legacy `api://p8p.client`). */
  audiences?: readonly string[];
  /** Largest page served, whatever `size` asks (default 200, Pax8's maximum). */
  pageSizeCap?: number;
  /** Past the last page: an empty `content` (default) or a 404, both seen on Pax8. */
  pastEnd?: 'empty' | '404';
  /** `expires_in` of issued tokens (default 86400, the only value the auth spec allows). */
  tokenTtlSeconds?: number;
  /** The tenant's clock (token expiry, dates); default `Date.now`. */
  now?: () => number;
  /** At most `limit` requests per sliding `intervalMs`, else 429 (real time). Default: none. */
  rateLimit?: { limit: number; intervalMs: number } | false;
  /** Send `Retry-After` with rate-limit 429s (Pax8 documents none; default false). */
  retryAfterOn429?: boolean;
}

const DEFAULT_AUDIENCES = ['https://api.pax8.com', 'api://p8p.client'];

/**
 * A fake Pax8 Partner API tenant that follows the vendor's spec field for field, for tests, examples
 * and benchmarks. Implements the contract suite's `ContractFake`.
 *
 * @example
 * const sandbox = createPax8Sandbox({ companies: 40, subscriptions: 120 });
 * const server = await sandbox.listen();
 * const pax8 = createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true });
 */
export function createPax8Sandbox(options: Pax8SandboxOptions = {}) {
  const creds = { ...PAX8_SANDBOX_CREDENTIALS, ...options.credentials };
  const audiences = new Set(options.audiences ?? DEFAULT_AUDIENCES);
  const ttl = options.tokenTtlSeconds ?? 86_400;
  let offsetMs = 0;
  const now = () => (options.now ?? Date.now)() + offsetMs;
  const today = () => new Date(now()).toISOString().slice(0, 10);
  const tenant = createTenant({ seed: options.seed ?? 8, today, ...(options.seedCompanies ? { companies: options.seedCompanies } : {}) });
  tenant.seed({ customers: options.companies ?? 25, subscriptions: options.subscriptions ?? 60 });
  const traffic = createTraffic(options.rateLimit || undefined);
  const tokens = new Map<string, number>(); // token → expiresAt
  const everIssued: string[] = []; // kept after an `expire-token` fault drops one, for the secret scan
  const noise = createRandom((options.seed ?? 8) ^ 0x5eed);
  let pageSizeCap = options.pageSizeCap ?? 200;
  let issued = 0;
  const basePath = '/v1';
  const baseUrl = `https://pax8-sandbox.vectis.test${basePath}`;

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : undefined;
    const rel = `${path ?? url.pathname}${url.search}`;
    const response = await route(request, url, path);
    traffic.log({ method: request.method, path: rel, status: response.status }, path ?? '');
    return response;
  }

  async function route(request: Request, url: URL, path: string | undefined): Promise<Response> {
    traffic.received();
    const fail = (status: number, message?: string, retryAfterSeconds?: number) => errorResponse(status, { instance: path ?? url.pathname, message, retryAfterSeconds });
    if (path === undefined) return fail(404, `No API at ${url.pathname}: the Partner API is under /v1.`);
    const waitMs = traffic.admit('partner');
    if (waitMs !== undefined) return fail(429, undefined, options.retryAfterOn429 ? Math.max(1, Math.ceil(waitMs / 1000)) : undefined);
    const isToken = path === '/token';
    const rel = `${path}${url.search}`;
    const fault = traffic.takeFault(rel, { token: isToken, list: path === '/companies' || path === '/subscriptions' });
    if (fault?.kind === 'status') return fail(fault.status, undefined, fault.retryAfterSeconds);
    // A redirect comes from the gateway, before any credential is looked at.
    if (fault?.kind === 'redirect') return new Response(null, { status: fault.status, headers: { location: fault.location } });
    if (fault?.kind === 'delay') await sleep(fault.ms, request.signal);
    if (fault?.kind === 'malformed-json') return htmlPage();
    if (isToken) return request.method === 'POST' ? token(request) : fail(405);
    if (request.method !== 'GET') return fail(405, 'This sandbox only serves the read operations.');
    const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const expiresAt = bearer ? tokens.get(bearer) : undefined;
    if (!bearer || expiresAt === undefined || expiresAt <= now()) return fail(401);
    if (fault?.kind === 'expire-token') {
      tokens.delete(bearer);
      return fail(401);
    }
    const result = serve(path, url.searchParams);
    if (result.kind === 'error') return fail(result.status, result.message);
    const body = result.body;
    if (fault?.kind === 'schema-drift') breakSchema(body);
    if (fault?.kind === 'bad-record') spoilRecord(path, body);
    if (fault?.kind === 'truncated-json') return truncated(body);
    if (fault?.kind === 'echo-credentials') return echoCredentials(request, body, fault.body);
    if (fault?.kind === 'insert-during-paging') {
      for (let i = 0; i < fault.count; i++) tenant.mutate(path === '/companies' ? { kind: 'new-company' } : { kind: 'new-subscription' });
    }
    return json(body);
  }

  async function token(request: Request): Promise<Response> {
    let body: Record<string, unknown>;
    try {
      body = (await request.json()) as Record<string, unknown>;
    } catch {
      return errorResponse(400, { instance: '/token', message: 'The token request must be JSON: {client_id, client_secret, audience, grant_type}' });
    }
    if (body.grant_type !== 'client_credentials') return json({ error: 'unsupported_grant_type', error_description: 'Unsupported grant type' }, 403);
    if (body.client_id !== creds.clientId || body.client_secret !== creds.clientSecret) return tokenRefused();
    // [U] Pax8's answer to a missing or foreign audience is not documented; Auth0 answers 403 like this.
    if (typeof body.audience !== 'string' || !audiences.has(body.audience)) {
      return json({ error: 'access_denied', error_description: `Service not enabled within domain: ${String(body.audience ?? '')}` }, 403);
    }
    issued++;
    const expiresAt = now() + ttl * 1000;
    const value = makeToken(issued, creds.clientId, expiresAt, noise.hex(43));
    tokens.set(value, expiresAt);
    everIssued.push(value);
    return json({ access_token: value, expires_in: ttl, token_type: 'Bearer' });
  }

  function serve(path: string, q: URLSearchParams): { kind: 'ok'; body: Record<string, unknown> } | { kind: 'error'; status: number; message?: string } {
    const ok = (body: unknown) => ({ kind: 'ok' as const, body: structuredClone(body) as Record<string, unknown> });
    if (path === '/companies' || path === '/subscriptions') {
      const page: ListResult = listPage(path, q, { tenant, pageSizeCap, pastEnd: options.pastEnd ?? 'empty', lyingTotal: traffic.lyingTotal(path) });
      return page.kind === 'ok' ? ok(page.body) : page;
    }
    const usage = /^\/subscriptions\/([^/]+)\/usage-summaries$/.exec(path);
    if (usage) {
      const id = decodeURIComponent(usage[1] as string);
      const all = summariesOf(id);
      if (!all) return { kind: 'error', status: 404, message: 'Invalid subscriptionId or companyId' };
      const page = summariesPage(all, q, pageSizeCap);
      return page.kind === 'ok' ? ok(page.body) : page;
    }
    const m = /^\/(companies|subscriptions|products)\/([^/]+)(\/pricing)?$/.exec(path);
    if (!m) return { kind: 'error', status: 404 };
    const [, kind, rawId, pricing] = m as unknown as [string, string, string, string | undefined];
    const id = decodeURIComponent(rawId);
    if (kind === 'companies' && !pricing) {
      const company = tenant.company(id);
      return company ? ok(company) : { kind: 'error', status: 404, message: `Company Not Found: ${id}` };
    }
    if (kind === 'subscriptions' && !pricing) {
      const sub = tenant.subscription(id);
      return sub ? ok(sub) : { kind: 'error', status: 404, message: `Subscription Not Found: ${id}` };
    }
    const product = kind === 'products' ? CATALOG.find((p) => p.product.id === id) : undefined;
    if (!product) return { kind: 'error', status: 404, message: `Product Not Found: ${id}` };
    return ok(pricing ? { content: pricingOf(product) } : product.product);
  }

  // Summaries set by a test replace the generated ones for that subscription.
  const summaryOverrides = new Map<string, SandboxUsageSummary[]>();
  function summariesOf(subscriptionId: string): SandboxUsageSummary[] | undefined {
    const sub = tenant.subscription(subscriptionId);
    if (!sub) return undefined;
    return summaryOverrides.get(subscriptionId) ?? generatedSummaries(sub, today());
  }

  function data(): SandboxData {
    return structuredClone({ companies: tenant.companies(), subscriptions: tenant.subscriptions(), products: CATALOG.map((p) => p.product) });
  }

  return {
    baseUrl,
    handle,
    /** Serves the sandbox over loopback HTTP (node:http) for examples and benchmarks. */
    listen: (o: { port?: number; host?: string } = {}): Promise<SandboxServer> => listen(handle, basePath, o),
    get data(): SandboxData {
      return data();
    },
    seed: (size: { customers: number; subscriptions: number }) => tenant.seed(size),
    setPageSizeCap: (cap: number) => void (pageSizeCap = Math.max(1, Math.floor(cap))),
    inject: (fault: FakeFault) => traffic.inject(fault),
    injectExtended: (fault: ExtendedFakeFault) => traffic.inject(fault),
    /** The contract suite's newer faults this sandbox serves (none is left as a todo). */
    supports: ['redirect', 'truncated-json', 'echo-credentials', 'bad-record', 'lying-total'] as const satisfies readonly FakeFeature[],
    /** Every access token issued (the secret scan looks for them too). */
    tokens: (): readonly string[] => everIssued.slice(),
    reset: () => traffic.reset(),
    requests: () => traffic.requests(),
    stats: (): SandboxStats => ({ ...traffic.stats(), tokensIssued: issued }),
    ids: (stream: 'customers' | 'subscriptions') => (stream === 'customers' ? tenant.companies() : tenant.subscriptions()).map((r) => r.id),
    /** The usage summaries served today for a subscription (none for seat products; `undefined`: no such subscription). */
    usageSummaries: (subscriptionId: string): SandboxUsageSummary[] | undefined => structuredClone(summariesOf(subscriptionId)),
    /** Serves exactly these summaries for a subscription from now on (`undefined`: back to the generated ones). */
    setUsageSummaries(subscriptionId: string, summaries: readonly SandboxUsageSummary[] | undefined): void {
      if (summaries) summaryOverrides.set(subscriptionId, structuredClone([...summaries]));
      else summaryOverrides.delete(subscriptionId);
    },
    /** One normalized line per Pax8 subscription. */
    lineCount: (): number => tenant.subscriptions().length,
    setUnknownStatus(stream: 'customers' | 'subscriptions', id: string, rawStatus: string): void {
      const record = stream === 'customers' ? tenant.company(id) : tenant.subscription(id);
      if (!record) throw new Error(`sandbox: no ${stream} record ${id}`);
      record.status = rawStatus;
      tenant.touched();
    },
    /** Applies one change (stamps `updatedDate`). */
    mutate: (change: SandboxChange): SandboxChange => tenant.mutate(change),
    /** Moves the tenant's clock forward (tokens expire, "today" advances). */
    advance(o: { days?: number; ms?: number }): void {
      offsetMs += (o.days ?? 0) * 86_400_000 + (o.ms ?? 0);
    },
    /** Advances 7 days and applies next week's changes (default: 3 seat changes, a cancellation, a cost increase, a new subscription). */
    simulateWeek(plan: { seatChanges?: number; newSubscriptions?: number; cancellations?: number; costIncreases?: number } = {}): SandboxChange[] {
      offsetMs += 7 * 86_400_000;
      return tenant.simulateWeek(plan);
    },
    today,
    now,
  };
}

/** The sandbox tenant returned by {@link createPax8Sandbox}. */
export type Pax8Sandbox = ReturnType<typeof createPax8Sandbox>;
