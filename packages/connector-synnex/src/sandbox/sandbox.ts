import type { ExtendedFakeFault, FakeFeature } from '@vectis/connector-core';
import { createAuthority, type RotationMode } from './auth';
import { addLyingTotal, echoCredentials, redirect, spoilRecord, truncated } from './faults';
import { apiError, htmlPage, json, oauthError } from './responses';
import { createRandom } from './seed';
import { listenFakeApi as listen, type SandboxServer } from '@vectis/connector-core';
import { createTenant } from './tenant';
import { createTraffic, type FakeFault, type SandboxStats } from './traffic';
import type { SandboxCustomer, SandboxData, SandboxSubscription } from './types';

/**
 * The sandbox's account id and first refresh token. Not secrets; the refresh token rotates on first use.
 *
 * @example
 * createSynnexConnector({ ...SANDBOX_CREDENTIALS, onRefreshTokenRotated: save, apiUrl: server.url, allowInsecureLoopback: true });
 */
export const SANDBOX_CREDENTIALS = Object.freeze({ accountId: '100200', refreshToken: 'ion-sandbox-refresh-token-0' });

export interface SynnexSandboxOptions {
  /** Customers to generate (default 25). */
  customers?: number;
  /** Subscriptions to generate (default 60). */
  subscriptions?: number;
  /** PRNG seed (default 42). */
  seed?: number;
  accountId?: string;
  /** The refresh token the tenant starts with (default {@link SANDBOX_CREDENTIALS}). */
  refreshToken?: string;
  /** `immediate` (default, NOTES §1: the old token stops working) or `on-first-use`. */
  rotation?: RotationMode;
  /** `expires_in` of access tokens (default 1800 s; Ion's TTL is not published). */
  accessTokenTtlSeconds?: number;
  /** When set, the token call must carry these as HTTP Basic (401 `invalid_client` otherwise). */
  clientCredentials?: { clientId: string; clientSecret: string };
  /**
   * How `GET /subscriptions` pages: `offset` (`pagination.limit`/`pagination.offset`, TD SYNNEX's SDK; default),
   * `token` (`nextPageToken`, as a shell client sees it), or `ignores-offset` (a broken tenant answering page 1 forever).
   */
  subscriptionPaging?: 'offset' | 'token' | 'ignores-offset';
  /** Largest page served whatever the client asks (default 100). */
  pageSizeCap?: number;
  /** At most `limit` requests per sliding `intervalMs` (real time), else 429 + `Retry-After`. */
  rateLimit?: { limit: number; intervalMs: number } | false;
  /** The tenant's clock (token expiry); default `Date.now`. `advance()` moves it forward. */
  now?: () => number;
}

const encodeToken = (offset: number) => Buffer.from(JSON.stringify({ o: offset, v: 1 })).toString('base64url');
function decodeToken(token: string): number | undefined {
  try {
    const value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    return Number.isInteger(value.o) && (value.o as number) >= 0 ? (value.o as number) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A fake TD SYNNEX StreamOne Ion v3 tenant for tests, examples and benchmarks: a rotating refresh-token
 * grant at `/oauth/token`, token-paged customers, offset- or token-paged account-wide subscriptions,
 * expiring access tokens, rate limits and injected faults. Implements core's `ContractFake`.
 *
 * @example
 * const sandbox = createSynnexSandbox({ customers: 40, subscriptions: 120 });
 * const server = await sandbox.listen();
 * const ion = createSynnexConnector({ ...SANDBOX_CREDENTIALS, onRefreshTokenRotated: save, apiUrl: server.url, allowInsecureLoopback: true });
 */
export function createSynnexSandbox(options: SynnexSandboxOptions = {}) {
  const accountId = options.accountId ?? SANDBOX_CREDENTIALS.accountId;
  let offsetMs = 0;
  const now = () => (options.now ?? Date.now)() + offsetMs;
  const rnd = createRandom((options.seed ?? 42) ^ 0x10e);
  const tenant = createTenant({ seed: options.seed ?? 42, accountId, now });
  tenant.seed({ customers: options.customers ?? 25, subscriptions: options.subscriptions ?? 60 });
  const traffic = createTraffic(options.rateLimit || undefined);
  const authority = createAuthority({
    initialRefreshToken: options.refreshToken ?? SANDBOX_CREDENTIALS.refreshToken,
    ttlSeconds: options.accessTokenTtlSeconds ?? 1800,
    rotation: options.rotation ?? 'immediate',
    now,
    rnd,
  });
  const basic = options.clientCredentials
    ? `Basic ${Buffer.from(`${options.clientCredentials.clientId}:${options.clientCredentials.clientSecret}`).toString('base64')}`
    : undefined;
  const paging = options.subscriptionPaging ?? 'offset';
  let pageSizeCap = options.pageSizeCap ?? 100;
  const baseUrl = 'https://ion-sandbox.vectis.test';
  const apiPrefix = '/api/v3/accounts/';

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const rel = url.pathname.replace(/\/+$/, '') || '/';
    const response = await route(request, url, rel);
    traffic.log({ method: request.method, path: `${url.pathname}${url.search}`, status: response.status }, rel);
    return response;
  }

  async function route(request: Request, url: URL, rel: string): Promise<Response> {
    traffic.received();
    const waitMs = traffic.admit();
    if (waitMs !== undefined) return apiError(429, undefined, Math.max(1, Math.ceil(waitMs / 1000)));
    const isToken = rel === '/oauth/token';
    const list = /\/(customers|subscriptions)$/.test(rel);
    const fault = traffic.takeFault(`${rel}${url.search}`, { token: isToken, list });
    if (fault?.kind === 'status') return apiError(fault.status, undefined, fault.retryAfterSeconds);
    // A redirect comes from a gateway in front of Ion, before any credential is looked at.
    if (fault?.kind === 'redirect') return redirect(fault.status, fault.location);
    if (fault?.kind === 'delay') await sleep(fault.ms, request.signal);
    if (fault?.kind === 'malformed-json') return htmlPage();
    if (isToken) return request.method === 'POST' ? token(request) : apiError(405);
    if (rel === '/oauth/validateAccess') return apiError(405, 'validateAccess is not served by this sandbox; trust expires_in.');
    if (!rel.startsWith(apiPrefix)) return apiError(404, `No API at ${rel}: v3 paths are /api/v3/accounts/{accountId}/…`);
    if (request.method !== 'GET') return apiError(405);
    const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    if (!bearer || !authority.use(bearer)) return apiError(401);
    if (fault?.kind === 'expire-token') {
      authority.revoke(bearer);
      return apiError(401);
    }
    const [account, ...rest] = rel.slice(apiPrefix.length).split('/');
    if (account !== accountId) return apiError(403, `The caller does not have permission on account ${account}.`);
    const body = serve(`/${rest.join('/')}`, url.searchParams);
    if (body instanceof Response) return body;
    if (fault?.kind === 'schema-drift') body.nextPageToken = 42; // the documented string, as a number
    const stream = rel.endsWith('/customers') ? 'customers' : rel.endsWith('/subscriptions') ? 'subscriptions' : undefined;
    const factor = stream ? traffic.lyingTotal(stream) : undefined;
    if (stream && factor !== undefined) addLyingTotal(body, stream, Math.floor(count(stream, url.searchParams) * factor));
    if (fault?.kind === 'bad-record') spoilRecord(body, fault.stream);
    if (fault?.kind === 'truncated-json') return truncated(body);
    if (fault?.kind === 'echo-credentials') return echoCredentials(request, rel, fault.body);
    if (fault?.kind === 'insert-during-paging') {
      for (let i = 0; i < fault.count; i++) rel.endsWith('/customers') ? tenant.addCustomer() : tenant.addSubscription();
    }
    return json(body);
  }

  async function token(request: Request): Promise<Response> {
    if (basic && request.headers.get('authorization') !== basic) return oauthError(401, 'invalid_client', 'Client authentication failed.');
    const form = new URLSearchParams(await request.text());
    if (form.get('grant_type') !== 'refresh_token') return oauthError(400, 'unsupported_grant_type', 'Only grant_type=refresh_token is supported.');
    const result = authority.refresh(form.get('refresh_token') ?? '');
    if ('grant' in result) return json(result.grant, 200, { 'cache-control': 'no-store' });
    return oauthError(400, 'invalid_grant', result.reused ? 'The refresh token has already been used.' : 'The refresh token is invalid or expired.');
  }

  function size(q: URLSearchParams, key: string): number | Response {
    const n = q.has(key) ? Number(q.get(key)) : 10; // SDK default page size
    return Number.isInteger(n) && n >= 1 ? Math.min(n, pageSizeCap) : apiError(400, `${key} must be a positive integer.`);
  }

  function serve(path: string, q: URLSearchParams): Record<string, unknown> | Response {
    if (path === '/customers') {
      const n = size(q, 'pageSize');
      if (n instanceof Response) return n;
      const start = q.has('pageToken') ? decodeToken(q.get('pageToken') ?? '') : 0;
      if (start === undefined) return apiError(400, 'Invalid page token.');
      const all = filterCustomers(q).reverse(); // newest first [U]
      const page = all.slice(start, start + n);
      return { customers: structuredClone(page), ...(start + n < all.length ? { nextPageToken: encodeToken(start + n) } : {}) };
    }
    const detail = path.match(/^\/customers\/([^/]+)(?:\/subscriptions\/([^/]+))?$/);
    if (detail) {
      const customer = tenant.customer(decodeURIComponent(detail[1] as string));
      if (!customer) return apiError(404, 'Customer not found.');
      if (!detail[2]) return structuredClone(customer) as unknown as Record<string, unknown>;
      const sid = decodeURIComponent(detail[2]);
      const sub = tenant.subscriptions().find((s) => s.customerId === detail[1] && (s.subscriptionId === sid || s.id === sid));
      return sub ? ({ ...structuredClone(sub), activityLogs: {} } as unknown as Record<string, unknown>) : apiError(404, 'Subscription not found.');
    }
    if (path === '/subscriptions') return subscriptionPage(q);
    return apiError(404);
  }

  function subscriptionPage(q: URLSearchParams): Record<string, unknown> | Response {
    const all = filterSubscriptions(q).reverse(); // newest first [U]
    if (paging === 'token') {
      const n = size(q, q.has('pageSize') ? 'pageSize' : 'pagination.limit');
      if (n instanceof Response) return n;
      const start = q.has('pageToken') ? decodeToken(q.get('pageToken') ?? '') : 0;
      if (start === undefined) return apiError(400, 'Invalid page token.');
      return { items: structuredClone(all.slice(start, start + n)), ...(start + n < all.length ? { nextPageToken: encodeToken(start + n) } : {}) };
    }
    const n = size(q, 'pagination.limit');
    if (n instanceof Response) return n;
    const offset = paging === 'ignores-offset' ? 0 : Number(q.get('pagination.offset') ?? 0);
    if (!Number.isInteger(offset) || offset < 0) return apiError(400, 'pagination.offset must be an integer >= 0.');
    return { items: structuredClone(all.slice(offset, offset + n)) };
  }

  function filterCustomers(q: URLSearchParams): SandboxCustomer[] {
    const status = q.get('filter.customerStatus')?.toLowerCase();
    const name = q.get('filter.customerName')?.toLowerCase();
    return tenant.customers().filter(
      (c) => (!status || c.customerStatus.toLowerCase() === status) && (!name || c.customerOrganization.toLowerCase().includes(name)),
    );
  }

  function filterSubscriptions(q: URLSearchParams): SandboxSubscription[] {
    const customerId = q.get('customerId');
    const status = q.get('subscriptionStatus')?.toLowerCase();
    return tenant.subscriptions().filter((s) => (!customerId || s.customerId === customerId) && (!status || s.subscriptionStatus.toLowerCase() === status));
  }

  /** How many records the (filtered) list holds: what a truthful count would say. */
  function count(stream: 'customers' | 'subscriptions', q: URLSearchParams): number {
    return stream === 'customers' ? filterCustomers(q).length : filterSubscriptions(q).length;
  }

  const customerId = (c: SandboxCustomer) => c.name.slice(c.name.lastIndexOf('/') + 1);

  return {
    baseUrl,
    handle,
    /** Serves the sandbox over loopback HTTP (node:http) for examples and benchmarks. */
    listen: (o: { port?: number; host?: string } = {}): Promise<SandboxServer> => listen(handle, '', o),
    get data(): SandboxData {
      return structuredClone({ accountId, customers: tenant.customers(), subscriptions: tenant.subscriptions() });
    },
    seed: (s: { customers: number; subscriptions: number }) => tenant.seed(s),
    setPageSizeCap: (cap: number) => void (pageSizeCap = Math.max(1, Math.floor(cap))),
    inject: (fault: FakeFault) => traffic.inject(fault),
    injectExtended: (fault: ExtendedFakeFault) => traffic.inject(fault),
    /** The contract suite's newer fault kinds this sandbox implements (see README "Sandbox faults"). */
    supports: ['redirect', 'truncated-json', 'echo-credentials', 'bad-record', 'lying-total'] as const satisfies readonly FakeFeature[],
    /** Every access and refresh token the tenant issued (for the secret scan). */
    tokens: (): readonly string[] => authority.issued(),
    /** Drops faults and the request log; the token chain (which refresh token is live) is kept, as on a real tenant. */
    reset: () => traffic.reset(),
    requests: () => traffic.requests(),
    stats: (): SandboxStats => ({ ...traffic.stats(), ...authority.stats() }),
    ids: (stream: 'customers' | 'subscriptions') => (stream === 'customers' ? tenant.customers().map(customerId) : tenant.subscriptions().map((s) => s.id)),
    /** Subscription lines: one per Ion subscription (each is one product/SKU). */
    lineCount: (): number => tenant.subscriptions().length,
    setUnknownStatus(stream: 'customers' | 'subscriptions', id: string, rawStatus: string): void {
      const record = stream === 'customers' ? tenant.customer(id) : tenant.subscription(id);
      if (!record) throw new Error(`sandbox: no ${stream} record ${id}`);
      if ('customerStatus' in record) record.customerStatus = rawStatus;
      else record.subscriptionStatus = rawStatus;
    },
    /** Edits one stored subscription as a tenant would send it (e.g. drop `subscriptionTotalLicenses`). */
    editSubscription(id: string, edit: (raw: Record<string, unknown>) => void): void {
      const record = tenant.subscription(id);
      if (!record) throw new Error(`sandbox: no subscription ${id}`);
      edit(record as unknown as Record<string, unknown>);
    },
    /** The refresh token the tenant accepts now (the newest one issued). */
    currentRefreshToken: () => authority.current(),
    /** Whether the tenant would still accept `refreshToken`. */
    accepts: (refreshToken: string) => authority.isLive(refreshToken),
    /** Moves the tenant's clock forward (access tokens expire). */
    advance(ms: number): void {
      offsetMs += ms;
    },
    now,
  };
}

/** The sandbox tenant returned by {@link createSynnexSandbox}. */
export type SynnexSandbox = ReturnType<typeof createSynnexSandbox>;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
