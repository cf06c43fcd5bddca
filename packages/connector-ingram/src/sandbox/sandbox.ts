import type { ExtendedFakeFault, FakeFeature } from '@vectis/connector-core';
import { createRandom } from './seed';
import { breakSchema, echoCredentials, sleep, truncated } from './faults';
import { errorResponse, htmlPage, json, makeToken } from './responses';
import { createTraffic, type FakeFault, type SandboxStats } from './traffic';
import { createTenant, type SandboxChange } from './tenant';
import type { SandboxCustomer, SandboxData, SandboxSubscription } from './types';
import { listenFakeApi as listen, type SandboxServer } from '@vectis/connector-core';

/**
 * The sandbox's default API user, password, subscription key and marketplace. Not secrets.
 *
 * @example
 * createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true });
 */
export const SANDBOX_CREDENTIALS = Object.freeze({
  username: 'vectis-sandbox.api',
  password: 'sandbox-password',
  subscriptionKey: 'sandbox-subscription-key',
  marketplace: 'us',
});

export interface IngramSandboxOptions {
  /** Customers to generate (default 25). */
  customers?: number;
  /** Subscriptions to generate (default 60). */
  subscriptions?: number;
  /** PRNG seed (default 42): same seed, sizes, marketplace and day → same tenant. */
  seed?: number;
  /** Marketplace code; decides the currency (us USD, ca CAD, uk GBP, se SEK, de EUR, au AUD). Default `us`. */
  marketplace?: string;
  /** Gateway in the API path `/marketplace/<gateway>` (default `na`); other gateways answer 404. */
  gateway?: string;
  /** Accepted credentials (default {@link SANDBOX_CREDENTIALS}). */
  credentials?: { username?: string; password?: string; subscriptionKey?: string };
  /** When set, every call must send this `X-Client-Id` (403 otherwise). */
  requireClientId?: string;
  /** Largest page served whatever `limit` asks (default 100). */
  pageSizeCap?: number;
  /** Token lifetime returned as `expiresInSeconds` (default 1500). */
  tokenTtlSeconds?: number;
  /** The tenant's clock (token expiry, dates); default `Date.now`. `advance()` moves it forward. */
  now?: () => number;
  /** Per subscription key: at most `limit` requests per sliding `intervalMs`, else 429 + `Retry-After`. */
  rateLimit?: { limit: number; intervalMs: number } | false;
  /** Customer list items: `basic` (`id, externalId, name, status`, as Ingram's examples; default) or `full`. */
  customerList?: 'basic' | 'full';
}

const LIST_ONLY_OMITS = ['totalPrice', 'totalSubscriptionPrice', 'totalSubscriptionCost', 'products', 'orderParameters', 'fulfillmentParameters', 'planId'];

/**
 * A fake Ingram Micro Marketplace API tenant that follows the 1.6 spec field for field, for tests,
 * examples and benchmarks. Implements the contract suite's `ContractFake`.
 *
 * @example
 * const sandbox = createIngramSandbox({ customers: 40, subscriptions: 120 });
 * const server = await sandbox.listen();
 * const connector = createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true });
 * sandbox.simulateWeek(); // seat changes, a new subscription, a cancellation, a cost increase
 */
export function createIngramSandbox(options: IngramSandboxOptions = {}) {
  const marketplace = (options.marketplace ?? SANDBOX_CREDENTIALS.marketplace).toLowerCase();
  const gateway = options.gateway ?? 'na';
  const creds = { ...SANDBOX_CREDENTIALS, ...options.credentials };
  const basic = `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}`;
  const ttl = options.tokenTtlSeconds ?? 1500;
  let offsetMs = 0;
  const now = () => (options.now ?? Date.now)() + offsetMs;
  const today = () => new Date(now()).toISOString().slice(0, 10);
  const tenant = createTenant({ seed: options.seed ?? 42, marketplace, today });
  tenant.seed({ customers: options.customers ?? 25, subscriptions: options.subscriptions ?? 60 });
  const traffic = createTraffic(options.rateLimit || undefined);
  const tokens = new Map<string, number>(); // token → expiresAt
  const ids = createRandom((options.seed ?? 42) ^ 0x5eed);
  let pageSizeCap = options.pageSizeCap ?? 100;
  let issued = 0;
  const spoiled = new Set<string>(); // subscription ids whose next detail carries a bad record
  let generation = 0; // bumped by reset()
  const basePath = `/marketplace/${gateway}`;
  const baseUrl = `https://ingram-sandbox.vectis.test${basePath}`;

  function correlationId(): string {
    return `a8n-${ids.hex(8)}-${ids.hex(4)}-${ids.hex(4)}-${ids.hex(4)}-${ids.hex(12)}`;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(`${basePath}/`) ? url.pathname.slice(basePath.length) : undefined;
    const rel = `${path ?? url.pathname}${url.search}`;
    const cid = correlationId();
    const fail = (status: number, message?: string, retryAfterSeconds?: number) =>
      errorResponse(status, { path: path ?? url.pathname, correlationId: cid, now: now(), message, retryAfterSeconds });
    const started = generation;
    const response = await route(request, url, path, rel, cid, fail);
    // A slow answer that outlived a reset() belongs to the previous test, not to this log.
    if (started === generation) traffic.log({ method: request.method, path: rel, status: response.status }, path ?? '');
    return response;
  }

  async function route(
    request: Request,
    url: URL,
    path: string | undefined,
    rel: string,
    cid: string,
    fail: (status: number, message?: string, retryAfterSeconds?: number) => Response,
  ): Promise<Response> {
    traffic.received();
    if (path === undefined) return fail(404, `No API at ${url.pathname}: the API URL is ${basePath} on this gateway.`);
    const key = request.headers.get('x-subscription-key');
    const waitMs = traffic.admit(key ?? '');
    if (waitMs !== undefined) return fail(429, undefined, Math.max(1, Math.ceil(waitMs / 1000)));
    const isToken = path === '/token';
    const fault = traffic.takeFault(rel, { token: isToken, list: path === '/customers' || path === '/subscriptions' });
    if (fault?.kind === 'status') return fail(fault.status, undefined, fault.retryAfterSeconds);
    // A redirect comes from the gateway, before any credential is looked at.
    if (fault?.kind === 'redirect') return new Response(null, { status: fault.status, headers: { location: fault.location, 'x-correlation-id': cid } });
    if (fault?.kind === 'delay') await sleep(fault.ms, request.signal);
    if (fault?.kind === 'malformed-json') return htmlPage(cid);
    if (!key) return fail(401, 'Access denied due to missing subscription key. Make sure to include the X-Subscription-Key header.');
    if (key !== creds.subscriptionKey) return fail(401, 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.');
    if (options.requireClientId && request.headers.get('x-client-id') !== options.requireClientId) {
      return fail(403, 'The application is not allowed: a valid X-Client-Id header is required.');
    }
    if (isToken) return request.method === 'POST' ? token(request, cid, fail) : fail(405);
    if (request.method !== 'GET') return fail(405, 'This sandbox only serves the read operations.');
    const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const expiresAt = bearer ? tokens.get(bearer) : undefined;
    if (!bearer || expiresAt === undefined || expiresAt <= now()) return fail(401, 'The access token is missing, expired or invalid.');
    if (fault?.kind === 'expire-token') {
      tokens.delete(bearer);
      return fail(401, 'The access token is missing, expired or invalid.');
    }
    const body = serve(path, url.searchParams, fail);
    if (body instanceof Response) return body;
    if (fault?.kind === 'schema-drift') breakSchema(body);
    if (fault?.kind === 'bad-record') spoilRecord(path, body);
    if (fault?.kind === 'truncated-json') return truncated(body, cid);
    if (fault?.kind === 'echo-credentials') return echoCredentials(request, body, fault.body);
    if (fault?.kind === 'insert-during-paging') {
      for (let i = 0; i < fault.count; i++) path.startsWith('/customers') ? tenant.addCustomer() : tenant.mutate({ kind: 'new-subscription' });
    }
    return json(body, 200, cid);
  }

  async function token(request: Request, cid: string, fail: (s: number, m?: string) => Response): Promise<Response> {
    if (request.headers.get('authorization') !== basic) return fail(401, 'Bad credentials: the API user name or password is incorrect.');
    let body: { marketplace?: unknown } = {};
    try {
      body = (await request.json()) as { marketplace?: unknown };
    } catch {
      return fail(400, 'The request body must be JSON: {"marketplace": "<code>"}.');
    }
    if (body.marketplace !== marketplace) return fail(403, `The user has no access to marketplace '${String(body.marketplace)}'.`);
    issued++;
    const expiresAt = now() + ttl * 1000;
    const value = makeToken(issued, creds.username, expiresAt, ids.hex(32));
    tokens.set(value, expiresAt);
    return json({ token: value, expiresInSeconds: ttl }, 200, cid);
  }

  function serve(path: string, q: URLSearchParams, fail: (s: number, m?: string) => Response): Record<string, unknown> | Response {
    const detail = path.match(/^\/(customers|subscriptions)\/([^/]+)$/);
    if (detail) {
      const id = decodeURIComponent(detail[2] as string);
      const found = detail[1] === 'customers' ? tenant.customer(id) : tenant.subscription(id);
      if (!found) return fail(404, `The ${detail[1] === 'customers' ? 'customer' : 'subscription'} is not found.`);
      const copy = structuredClone(found) as unknown as Record<string, unknown>;
      const product = (copy.products as Record<string, unknown>[] | undefined)?.[0];
      // A detail marked by a `bad-record` fault: the spec's integer quantity arrives as a string.
      if (spoiled.delete(id) && product) product.quantity = String(product.quantity);
      return copy;
    }
    if (path !== '/customers' && path !== '/subscriptions') return fail(404);
    const offset = q.has('offset') ? Number(q.get('offset')) : 0;
    const limit = q.has('limit') ? Number(q.get('limit')) : 10;
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 1) {
      return fail(400, 'offset must be an integer >= 0 and limit an integer >= 1.');
    }
    const items = path === '/customers' ? filterCustomers(q) : filterSubscriptions(q);
    const size = Math.min(limit, pageSizeCap);
    // Newest first, as Ingram lists have been since 1.5.
    const page = items.slice().reverse().slice(offset, offset + size).map((item) => listItem(path, item));
    const factor = traffic.lyingTotal(path.slice(1));
    const total = factor === undefined ? items.length : Math.floor(items.length * factor);
    return { data: page, pagination: { offset, limit: size, total } };
  }

  function listItem(path: string, item: SandboxCustomer | SandboxSubscription): Record<string, unknown> {
    if (path === '/customers') {
      const c = item as SandboxCustomer;
      if (options.customerList === 'full') return structuredClone(c) as unknown as Record<string, unknown>;
      return { id: c.id, ...(c.externalId ? { externalId: c.externalId } : {}), name: c.name, status: c.status };
    }
    const copy = structuredClone(item) as unknown as Record<string, unknown>;
    for (const k of LIST_ONLY_OMITS) delete copy[k];
    return copy;
  }

  function filterCustomers(q: URLSearchParams): SandboxCustomer[] {
    const externalId = q.get('externalId');
    const name = q.get('name')?.toLowerCase();
    const email = q.get('email')?.toLowerCase();
    return tenant.customers().filter(
      (c) =>
        (externalId === null || c.externalId === externalId) &&
        (!name || c.name.toLowerCase().includes(name)) &&
        (!email || c.contactPersons.some((p) => p.email.toLowerCase() === email)),
    );
  }

  function filterSubscriptions(q: URLSearchParams): SandboxSubscription[] {
    const customerId = q.get('customerId');
    const status = q.get('status');
    const from = q.get('creationDateFrom');
    const to = q.get('creationDateTo');
    return tenant.subscriptions().filter(
      (s) =>
        (customerId === null || s.customerId === customerId) &&
        (status === null || s.status === status) &&
        (from === null || s.creationDate >= from) &&
        (to === null || s.creationDate <= to),
    );
  }

  function spoilRecord(path: string, body: Record<string, unknown>): void {
    const first = (body.data as Record<string, unknown>[] | undefined)?.[0];
    if (!first) return;
    // Customers: a list item without its id. Subscriptions carry seats only in the detail, so the fault goes there.
    if (path === '/customers') delete first.id;
    else spoiled.add(String(first.id));
  }

  function data(): SandboxData {
    return structuredClone({
      marketplace,
      currency: tenant.market.currency,
      customers: tenant.customers(),
      subscriptions: tenant.subscriptions(),
    });
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
    /** The contract suite's newer fault kinds this sandbox implements. */
    supports: ['redirect', 'truncated-json', 'echo-credentials', 'bad-record', 'lying-total'] as const satisfies readonly FakeFeature[],
    /** Every access token issued (for the secret scan). */
    tokens: (): readonly string[] => [...tokens.keys()],
    reset: () => {
      generation++;
      traffic.reset();
      spoiled.clear();
    },
    requests: () => traffic.requests(),
    stats: (): SandboxStats => ({ ...traffic.stats(), tokensIssued: issued }),
    ids: (stream: 'customers' | 'subscriptions') =>
      stream === 'customers' ? tenant.customers().map((c) => c.id) : tenant.subscriptions().map((s) => s.id),
    /** Subscription lines the tenant holds (one per product, across every subscription). */
    lineCount: (): number => tenant.subscriptions().reduce((n, s) => n + s.products.length, 0),
    setUnknownStatus(stream: 'customers' | 'subscriptions', id: string, rawStatus: string): void {
      const record = stream === 'customers' ? tenant.customer(id) : tenant.subscription(id);
      if (!record) throw new Error(`sandbox: no ${stream} record ${id}`);
      record.status = rawStatus;
    },
    /** Applies one change and stamps `lastModifiedDate` with the sandbox's today. */
    mutate: (change: SandboxChange): SandboxChange => tenant.mutate(change),
    /** Moves the tenant's clock forward (tokens expire, "today" advances). */
    advance(o: { days?: number; ms?: number }): void {
      offsetMs += (o.days ?? 0) * 86_400_000 + (o.ms ?? 0);
    },
    /**
     * Advances 7 days and applies next week's changes: seat changes (default 3), a cancellation,
     * a cost increase and a new subscription. Returns what changed.
     */
    simulateWeek(plan: { seatChanges?: number; newSubscriptions?: number; cancellations?: number; costIncreases?: number } = {}): SandboxChange[] {
      offsetMs += 7 * 86_400_000;
      return tenant.simulateWeek(plan);
    },
    /** The sandbox's current day (`YYYY-MM-DD`). */
    today,
    /** The sandbox's clock (ms since epoch), `advance()` included: hand it to a connector's `now` option. */
    now,
  };
}

/** The sandbox tenant returned by {@link createIngramSandbox}. */
export type IngramSandbox = ReturnType<typeof createIngramSandbox>;
