// "Acme Cloud": a tiny vendor API implementing ContractFake, used to prove the contract suite and
// the connector-core kernel end to end. Offset paging with a server-side cap, newest-first lists,
// Basic → bearer token, multi-product subscriptions, and every fault the suite injects.
import type { ContractFake, ExtendedFakeFault, FakeFault, FakeRequestLog } from '../src/index';

export const ACME_BASE = 'https://api.acme-cloud.test/v2';
export const ACME_USER = 'reseller.api';
export const ACME_PASSWORD = 'acme-P4ssw0rd-9f8e7d';

interface AcmeProduct { id: string; sku: string; name: string; quantity: number }
interface AcmeCustomer { id: string; name: string; status: string }
interface AcmeSubscription { id: string; customerId: string; status: string; products: AcmeProduct[] }

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'x-correlation-id': `acme-${status}-7`, ...headers } });

export interface AcmeVendor extends ContractFake {
  /** Tokens issued so far. */
  tokensIssued(): number;
}

export function createAcmeVendor(): AcmeVendor {
  let customers: AcmeCustomer[] = [];
  let subscriptions: AcmeSubscription[] = [];
  let serial = 0;
  let cap = 1_000;
  let faults: Array<FakeFault & { left?: number }> = [];
  let log: FakeRequestLog[] = [];
  let insert: number | undefined;
  let issued = 0;
  const valid = new Set<string>();
  let extended: Array<ExtendedFakeFault & { left?: number }> = [];
  let generation = 0;

  const newCustomer = (): AcmeCustomer => ({ id: `C${++serial}`, name: `Customer ${serial}`, status: 'active' });
  const newSubscription = (customerId: string): AcmeSubscription => {
    const id = `S${++serial}`;
    const products = Array.from({ length: (serial % 3) + 1 }, (_, i) => ({ id: `P${i + 1}`, sku: `SKU-${i + 1}`, name: `Product ${i + 1}`, quantity: i + 1 }));
    return { id, customerId, status: serial % 4 === 0 ? 'suspended' : 'active', products };
  };

  function takeFault(path: string, method: string): FakeFault | undefined {
    for (const fault of faults) {
      if (fault.kind === 'expire-token' || fault.kind === 'insert-during-paging') continue;
      if (fault.pathIncludes && !path.includes(fault.pathIncludes)) continue;
      // Drift needs a data payload, so it waits for a list GET.
      if (fault.kind === 'schema-drift' && (method !== 'GET' || !/\/(customers|subscriptions)/.test(path))) continue;
      fault.left = (fault.left ?? fault.times) - 1;
      if (fault.left <= 0) faults = faults.filter((f) => f !== fault);
      return fault;
    }
    return undefined;
  }

  /** The first newer fault that applies (`lying-total` is a standing condition and never consumed). */
  function takeExtended(o: { token: boolean; list?: 'customers' | 'subscriptions' }): ExtendedFakeFault | undefined {
    const fault = extended.find((f) =>
      f.kind === 'redirect' ? o.token === (f.on === 'token') : f.kind === 'bad-record' ? f.stream === o.list : f.kind === 'lying-total' ? false : !o.token && o.list !== undefined,
    );
    if (!fault || fault.kind === 'lying-total') return undefined;
    fault.left = (fault.left ?? fault.times) - 1;
    if (fault.left <= 0) extended = extended.filter((f) => f !== fault);
    return fault;
  }

  function list<T extends { id: string }>(items: T[], url: URL, drift: boolean, which: 'customers' | 'subscriptions', extra?: ExtendedFakeFault): Response {
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 10), cap);
    const data: unknown[] = structuredClone(items.slice(offset, offset + limit));
    if (drift && data.length > 0) data[0] = { ...(data[0] as object), id: 12345 };
    const first = data[0] as { id?: string; products?: { quantity: unknown }[] } | undefined;
    // A list item without its id; a subscription whose seat count arrives as a string.
    if (extra?.kind === 'bad-record' && first) {
      if (which === 'customers') delete first.id;
      else if (first.products?.[0]) first.products[0].quantity = String(first.products[0].quantity);
    }
    const lying = extended.find((f) => f.kind === 'lying-total' && f.stream === which);
    const total = lying?.kind === 'lying-total' ? Math.floor(items.length * lying.factor) : items.length;
    return json(200, { data, pagination: { offset, limit, total } });
  }

  async function route(request: Request, path: string, url: URL): Promise<Response> {
    const fault = takeFault(path, request.method);
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      return json(fault.status, { status: fault.status, message: `injected ${fault.status}`, path: url.pathname }, headers);
    }
    if (fault?.kind === 'malformed-json') return new Response('<html><body>502 Bad Gateway</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });

    const isToken = request.method === 'POST' && url.pathname.endsWith('/token');
    const listOf = url.pathname.endsWith('/customers') ? 'customers' : url.pathname.endsWith('/subscriptions') ? 'subscriptions' : undefined;
    const extra = takeExtended({ token: isToken, ...(listOf ? { list: listOf } : {}) });
    if (extra?.kind === 'redirect') return new Response(null, { status: extra.status, headers: { location: extra.location } });
    if (isToken) {
      if (request.headers.get('authorization') !== `Basic ${btoa(`${ACME_USER}:${ACME_PASSWORD}`)}`) return json(401, { message: 'bad credentials' });
      const token = `acme-tok-${++issued}-${Math.random().toString(36).slice(2)}`;
      valid.add(token);
      return json(200, { token, expiresInSeconds: 1500 });
    }
    const bearer = request.headers.get('authorization')?.replace(/^Bearer /, '') ?? '';
    if (!valid.has(bearer)) return json(401, { message: 'token expired or missing' });
    if (request.method !== 'GET') return json(405, { message: 'method not allowed' });

    const which = url.pathname.endsWith('/customers') ? 'customers' : url.pathname.endsWith('/subscriptions') ? 'subscriptions' : undefined;
    if (!which) return json(404, { message: 'not found' });
    if (insert !== undefined && Number(url.searchParams.get('offset') ?? 0) > 0) {
      // Newest first: records created mid-walk push everything down by `insert` places.
      for (let i = 0; i < insert; i++) {
        if (which === 'customers') customers.unshift(newCustomer());
        else subscriptions.unshift(newSubscription(customers[0]?.id ?? 'C0'));
      }
      insert = undefined;
    }
    const drift = fault?.kind === 'schema-drift';
    if (extra?.kind === 'echo-credentials') {
      const echo = request.headers.get('authorization') ?? '';
      if (extra.body === 'not-json') return new Response(`<html>proxy error for ${echo}</html>`, { status: 200, headers: { 'x-correlation-id': echo } });
      return json(200, { data: 'unavailable', message: echo }, { 'x-correlation-id': echo });
    }
    const response = which === 'customers' ? list(customers, url, drift, which, extra) : list(subscriptions, url, drift, which, extra);
    if (extra?.kind !== 'truncated-json') return response;
    const text = await response.text();
    return new Response(text.slice(0, Math.floor(text.length / 2)), { status: 200, headers: { 'content-type': 'application/json' } });
  }

  return {
    baseUrl: ACME_BASE,
    async handle(request) {
      const url = new URL(request.url);
      const path = `${url.pathname.slice(new URL(ACME_BASE).pathname.length)}${url.search}`;
      const started = generation;
      const response = await route(request, path, url);
      // A slow answer that outlived a reset() belongs to the previous case, not to this log.
      if (started === generation) log.push({ method: request.method, path, status: response.status });
      return response;
    },
    seed(size) {
      serial = 0;
      customers = Array.from({ length: size.customers }, newCustomer).reverse();
      subscriptions = Array.from({ length: size.subscriptions }, (_, i) => newSubscription(customers[i % Math.max(1, customers.length)]?.id ?? 'C0')).reverse();
    },
    setPageSizeCap(n) {
      cap = n;
    },
    inject(fault) {
      if (fault.kind === 'expire-token') valid.clear();
      else if (fault.kind === 'insert-during-paging') insert = fault.count;
      else faults.push({ ...fault });
    },
    supports: ['redirect', 'truncated-json', 'echo-credentials', 'bad-record', 'lying-total'],
    injectExtended(fault) {
      extended.push({ ...fault });
    },
    tokens: () => [...valid],
    reset() {
      generation++;
      extended = [];
      faults = [];
      log = [];
      insert = undefined;
    },
    requests: () => [...log],
    ids: (stream) => (stream === 'customers' ? customers : subscriptions).map((r) => r.id),
    lineCount: () => subscriptions.reduce((n, s) => n + s.products.length, 0),
    setUnknownStatus(stream, id, rawStatus) {
      const record = (stream === 'customers' ? customers : subscriptions).find((r) => r.id === id);
      if (!record) throw new Error(`no ${stream} ${id}`);
      record.status = rawStatus;
    },
    tokensIssued: () => issued,
  };
}
