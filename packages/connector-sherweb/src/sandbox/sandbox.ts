import type { ExtendedFakeFault, FakeFault as CoreFakeFault, FakeFeature, FakeRequestLog } from '@vectis/connector-core';
import { echoCredentials, redirect, spoilRecord, truncated } from './hostile';
import { APIM, gateway, htmlPage, json, oauthError, problem, rateLimited } from './responses';
import { serveMeters } from './meters';
import { listenFakeApi as listen, sandboxRateGate, type SandboxServer } from '@vectis/connector-core';
import { createRandom, createTenant } from './tenant';
import type { SandboxData } from './types';

/**
 * The sandbox's default Client Id, Client Secret and Subscription Key. Not secrets.
 *
 * @example
 * createSherwebConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true });
 */
export const SANDBOX_CREDENTIALS = Object.freeze({
  clientId: 'vectis-sandbox-client',
  clientSecret: 'sandbox-client-secret',
  subscriptionKey: 'sandboxsubscriptionkey0123456789',
});

export interface SherwebSandboxOptions {
  /** Customers to generate (default 25). */
  customers?: number;
  /** Subscriptions to generate (default 60), spread over the customers. */
  subscriptions?: number;
  /** PRNG seed (default 7). */
  seed?: number;
  /** Customer currencies, assigned in turn (default `['Cad', 'Usd']`). */
  currencies?: readonly ('Cad' | 'Usd')[];
  credentials?: Partial<typeof SANDBOX_CREDENTIALS>;
  /** Scopes this API application may request (default both). */
  allowedScopes?: readonly string[];
  /** Token lifetime in `expires_in` (default 3600, as observed). */
  tokenTtlSeconds?: number;
  /** Whether the token call itself needs `Ocp-Apim-Subscription-Key` (default true: the auth spec's top-level security). */
  keyOnTokenCall?: boolean;
  /** `false` models a tenant without the `/billing/subscriptions/details` route (404 from APIM). */
  detailsRoute?: boolean;
  /** Per subscription key: at most `limit` requests per sliding `intervalMs`, else 429 "Try again in N seconds". */
  rateLimit?: { limit: number; intervalMs: number } | false;
  /** The tenant's clock (token expiry, billing period); default `Date.now`. */
  now?: () => number;
}

/** Request counts the bench and tests read. */
export interface SandboxStats {
  total: number;
  byPath: Record<string, number>;
  /** 429s sent because the configured rate limit was exceeded (injected faults not counted). */
  rateLimited: number;
  tokensIssued: number;
}

const SP = '/service-provider/v1';
const DIST = '/distributor/v1';
const TOKEN = '/auth/oidc/connect/token';
/** Every fault the sandbox can inject: the suite's `FakeFault` and `ExtendedFakeFault`. */
type FakeFault = CoreFakeFault | ExtendedFakeFault;
/** Lists that carry subscription quantities (a `bad-record` lands there, not in pricing-information). */
const SUBSCRIPTION_LISTS = new Set([`${SP}/billing/subscriptions`, `${SP}/billing/subscriptions/details`]);
const LISTS = new Set([`${SP}/customers`, `${SP}/billing/subscriptions`, `${SP}/billing/subscriptions/details`, `${SP}/billing/subscriptions/pricing-information`]);

/**
 * A fake Sherweb gateway (`https://api.sherweb.com` shape: `/auth`, `/service-provider/v1`,
 * `/distributor/v1`) following the published specs field for field. Implements core's `ContractFake`.
 *
 * @example
 * const sandbox = createSherwebSandbox({ customers: 40, subscriptions: 200 });
 * const server = await sandbox.listen();
 * const sherweb = createSherwebConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true });
 */
export function createSherwebSandbox(options: SherwebSandboxOptions = {}) {
  const creds = { ...SANDBOX_CREDENTIALS, ...options.credentials };
  const allowed = new Set(options.allowedScopes ?? ['service-provider', 'distributor']);
  const ttl = options.tokenTtlSeconds ?? 3600;
  const now = () => (options.now ?? Date.now)();
  const today = () => new Date(now()).toISOString().slice(0, 10);
  const tenant = createTenant({ seed: options.seed ?? 7, today, currencies: options.currencies ?? ['Cad', 'Usd'] });
  tenant.seed({ customers: options.customers ?? 25, subscriptions: options.subscriptions ?? 60 });
  const ids = createRandom((options.seed ?? 7) ^ 0x5eb);
  const tokens = new Map<string, { expiresAt: number; scopes: Set<string> }>();
  /** Every token ever issued (an expired or revoked one is still a secret). */
  const issued: string[] = [];
  // Sherweb's APIM limits per subscription key.
  const gate = sandboxRateGate(options.rateLimit || undefined);
  let log: FakeRequestLog[] = [];
  let faults: (FakeFault & { left: number })[] = [];
  let stats: SandboxStats = { total: 0, byPath: {}, rateLimited: 0, tokensIssued: 0 };
  const baseUrl = 'https://sherweb-sandbox.vectis.test';

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const rel = `${url.pathname}${url.search}`;
    const response = await route(request, url);
    log.push({ method: request.method, path: rel, status: response.status });
    stats.total++;
    stats.byPath[`${request.method} ${url.pathname}`] = (stats.byPath[`${request.method} ${url.pathname}`] ?? 0) + 1;
    return response;
  }

  function takeFault(rel: string, o: { token: boolean; list: boolean; path: string }): FakeFault | undefined {
    const index = faults.findIndex((f) => {
      if (f.kind === 'insert-during-paging') return o.list;
      if (f.kind === 'expire-token') return !o.token;
      if (f.kind === 'redirect') return o.token === (f.on === 'token');
      if (f.kind === 'echo-credentials') return !o.token;
      if (f.kind === 'bad-record') return f.stream === 'customers' ? o.path === `${SP}/customers` : SUBSCRIPTION_LISTS.has(o.path);
      // Sherweb lists carry no total, so a lying total has nowhere to go (see README, "Contract faults").
      if (f.kind === 'lying-total') return false;
      return f.pathIncludes === undefined ? !o.token : rel.includes(f.pathIncludes);
    });
    const fault = faults[index];
    if (!fault) return undefined;
    if (--fault.left <= 0) faults.splice(index, 1);
    return fault;
  }

  async function route(request: Request, url: URL): Promise<Response> {
    const path = url.pathname.replace(/\/+$/, '');
    const traceId = `00-${ids.hex(32)}-${ids.hex(16)}-00`;
    const fail = (status: number, detail?: string) => problem(status, { traceId, instance: path, detail });
    const key = request.headers.get('ocp-apim-subscription-key') ?? url.searchParams.get('subscription-key');
    const isToken = path === TOKEN;
    if (!isToken || options.keyOnTokenCall !== false) {
      const waitMs = gate.admit(key ?? '');
      if (waitMs !== undefined) {
        stats.rateLimited++;
        return rateLimited({ traceId, instance: path, seconds: Math.max(1, Math.ceil(waitMs / 1000)) });
      }
    }
    const fault = takeFault(`${path}${url.search}`, { token: isToken, list: LISTS.has(path), path });
    // A redirect comes from the gateway, before any credential is looked at.
    if (fault?.kind === 'redirect') return redirect(fault.status, fault.location, traceId);
    if (fault?.kind === 'status') return fault.status === 429 ? rateLimited({ traceId, instance: path, seconds: fault.retryAfterSeconds }) : fail(fault.status);
    if (fault?.kind === 'delay') await sleep(fault.ms, request.signal);
    if (fault?.kind === 'malformed-json') return htmlPage();
    if (!isToken || options.keyOnTokenCall !== false) {
      if (!key) return gateway(401, APIM.missingKey);
      if (key !== creds.subscriptionKey) return gateway(401, APIM.invalidKey);
    }
    if (isToken) return request.method === 'POST' ? token(request) : gateway(404, APIM.notFound);
    const api = path.startsWith(`${SP}/`) ? 'service-provider' : path.startsWith(`${DIST}/`) ? 'distributor' : undefined;
    if (!api) return gateway(404, APIM.notFound);
    const bearer = request.headers.get('authorization')?.match(/^Bearer (.+)$/)?.[1];
    const grant = bearer ? tokens.get(bearer) : undefined;
    if (!bearer || !grant || grant.expiresAt <= now()) return fail(401);
    if (fault?.kind === 'expire-token') {
      tokens.delete(bearer);
      return fail(401);
    }
    if (!grant.scopes.has(api)) return fail(403, `The access token does not grant the '${api}' scope.`);
    if (request.method !== 'GET') return fail(405, 'This sandbox serves the read operations only.');
    const body = serve(path, url.searchParams, fail);
    if (body instanceof Response) return body;
    if (fault?.kind === 'schema-drift') {
      // A required field of the wrong type, as a drifting API would send it.
      if ('items' in body) body.items = 'unavailable';
      else body.charges = 42;
    }
    if (fault?.kind === 'bad-record' && !spoilRecord(body, fault.stream)) {
      // An empty list has no record to spoil: the fault waits for the next list of its stream.
      faults.unshift({ ...fault, left: 1 });
    }
    if (fault?.kind === 'truncated-json') return truncated(body, traceId);
    if (fault?.kind === 'echo-credentials') return echoCredentials(request, fault.body);
    if (fault?.kind === 'insert-during-paging') {
      for (let i = 0; i < fault.count; i++) {
        if (path === `${SP}/customers`) tenant.addCustomer();
        else tenant.addSubscription(url.searchParams.get('customerId') ?? '');
      }
    }
    return json(body);
  }

  async function token(request: Request): Promise<Response> {
    const form = new URLSearchParams(await request.text());
    if (form.get('grant_type') !== 'client_credentials') return oauthError('unsupported_grant_type', 'Only client_credentials is supported.');
    if (form.get('client_id') !== creds.clientId || form.get('client_secret') !== creds.clientSecret) return oauthError('invalid_client', 'Invalid client credentials.');
    const scopes = (form.get('scope') ?? '').split(' ').filter(Boolean);
    if (scopes.length === 0) return oauthError('invalid_request', 'The mandatory scope parameter is missing.');
    if (scopes.some((s) => !allowed.has(s))) return oauthError('invalid_scope', 'The requested scope is not allowed for this client.');
    const value = `${ids.hex(40)}.${ids.hex(24)}`;
    issued.push(value);
    tokens.set(value, { expiresAt: now() + ttl * 1000, scopes: new Set(scopes) });
    stats.tokensIssued++;
    return json({ access_token: value, expires_in: ttl, token_type: 'Bearer', scope: scopes.join(' ') });
  }

  function serve(path: string, q: URLSearchParams, fail: (s: number, d?: string) => Response): Record<string, unknown> | Response {
    if (path === `${SP}/customers`) return { items: structuredClone(tenant.customers()) };
    if (path === `${DIST}/billing/payable-charges`) {
      const charges = tenant.payableCharges();
      return { periodFrom: charges[0]?.periodFrom ?? today(), periodTo: charges[0]?.periodTo ?? today(), charges };
    }
    const meters = serveMeters(path, q, (id) => structuredClone(tenant.subscriptionsOf(id)));
    if (meters) return tenant.customer(String(meters.customerId)) ? meters : fail(404, `Customer '${String(meters.customerId)}' was not found.`);
    if (!LISTS.has(path)) return gateway(404, APIM.notFound);
    if (path.endsWith('/details') && options.detailsRoute === false) return gateway(404, APIM.notFound);
    const customerId = q.get('customerId');
    if (!customerId) return fail(400, "The 'customerId' query parameter is required.");
    if (!tenant.customer(customerId)) return fail(404, `Customer '${customerId}' was not found.`);
    const subs = structuredClone(tenant.subscriptionsOf(customerId));
    const items = subs.map(({ customerId: _, status, ...s }) => {
      if (path.endsWith('/pricing-information')) return { id: s.id, billingCycle: s.billingCycle, fees: s.fees, commitmentTerm: s.commitmentTerm };
      if (path.endsWith('/details')) {
        const { billingCycle: _b, fees: _f, ...details } = s;
        return { ...details, ...(status === undefined ? {} : { status }) };
      }
      return s;
    });
    return { items };
  }

  return {
    baseUrl,
    handle,
    /** Serves the sandbox over loopback HTTP (node:http) for examples and benchmarks. */
    listen: (o: { port?: number; host?: string } = {}): Promise<SandboxServer> => listen(handle, '', o),
    get data(): SandboxData {
      return structuredClone({ customers: tenant.customers(), subscriptions: tenant.subscriptions(), payableCharges: tenant.payableCharges() });
    },
    seed: (size: { customers: number; subscriptions: number }) => tenant.seed(size),
    /** Sherweb has no paging: every list is served whole, so a page-size cap does not apply. */
    setPageSizeCap: (_cap: number) => undefined,
    inject: (fault: CoreFakeFault) => void faults.push({ ...fault, left: 'times' in fault ? fault.times : 1 }),
    /** The newer faults; `lying-total` is accepted but cannot apply (Sherweb lists carry no total). */
    injectExtended: (fault: ExtendedFakeFault) => void faults.push({ ...fault, left: 'times' in fault ? fault.times : Infinity }),
    /** `lying-total` is left out on purpose: no Sherweb response carries a count to lie with. */
    supports: ['redirect', 'truncated-json', 'echo-credentials', 'bad-record'] as const satisfies readonly FakeFeature[],
    /** Every access token issued since the sandbox was created, for the suite's secret scan. */
    tokens: (): readonly string[] => issued.slice(),
    reset(): void {
      faults = [];
      log = [];
      stats = { total: 0, byPath: {}, rateLimited: 0, tokensIssued: 0 };
      gate.reset();
    },
    requests: (): readonly FakeRequestLog[] => log.slice(),
    stats: (): SandboxStats => structuredClone(stats),
    ids: (stream: 'customers' | 'subscriptions') =>
      stream === 'customers' ? tenant.customers().map((c) => c.id) : tenant.subscriptions().map((s) => s.id),
    /** One line per Sherweb subscription (one SKU each). */
    lineCount: () => tenant.subscriptions().length,
    setUnknownStatus(stream: 'customers' | 'subscriptions', id: string, rawStatus: string): void {
      // Customers carry no status field: an unreadable `suspendedOn` is the only way one can be unknown.
      if (stream === 'customers') {
        const c = tenant.customer(id);
        if (!c) throw new Error(`sandbox: no customer ${id}`);
        c.suspendedOn = rawStatus;
        return;
      }
      const s = tenant.subscription(id);
      if (!s) throw new Error(`sandbox: no subscription ${id}`);
      s.status = rawStatus;
    },
    today,
  };
}

/** The sandbox tenant returned by {@link createSherwebSandbox}. */
export type SherwebSandbox = ReturnType<typeof createSherwebSandbox>;

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
