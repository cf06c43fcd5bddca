import type { FakeFault, PsaFake } from '@vectis/connector-core';
import { matches, parseSearch } from './query';
import { type Entities, generate, PICKLISTS, type Row } from './seed';
import { createPsaSandboxTraffic as createTraffic, sandboxSleep as sleep } from '@vectis/connector-core';

/**
 * The sandbox's API user. Not secrets.
 *
 * @example
 * createAutotaskReader({ ...AUTOTASK_SANDBOX_CREDENTIALS, zoneLookupUrl: `${sandbox.baseUrl}/atservicesrest` });
 */
export const AUTOTASK_SANDBOX_CREDENTIALS = Object.freeze({
  userName: 'vectis-api@sandbox.example',
  secret: 'autotask-sandbox-secret-7c1',
  integrationCode: 'VECTISSANDBOXTRACKINGID',
});

export interface AutotaskSandboxOptions {
  companies?: number;
  linesPerCompany?: number;
  seed?: number;
  /** Adds an active CAD currency and Canadian companies (the multi-currency module). */
  multiCurrency?: boolean;
  /** Largest page served (`MaxRecords` above 500 is a 500 error, as on the real API). */
  pageSizeCap?: number;
  /** Requests per rolling hour for the database (default 10,000); `false` turns it off. */
  hourlyLimit?: number | false;
  /** Requests already used this hour by other integrations (what ThresholdInformation reports). */
  usedByOthers?: number;
  baseUrl?: string;
}

/**
 * A fake Autotask REST v1.0 tenant: unauthenticated zone lookup, the three auth headers (wrong secret 401,
 * wrong user/code 500), `GET /{Entity}/query?search=` and `/query/count`, `{items, pageDetails}` with a
 * `nextPageUrl` that only works as POST (GET → 405), rows not in id order within a page, URLs over 2,048
 * characters → 404, 3 threads per endpoint and 10,000 requests per hour → 429, `{"errors": […]}` bodies,
 * picklists in `entityInformation/fields`, ThresholdInformation. Implements core's `PsaFake`.
 *
 * @example
 * const sandbox = createAutotaskSandbox({ companies: 1000 });
 * const reader = createAutotaskReader({ ...AUTOTASK_SANDBOX_CREDENTIALS, zoneLookupUrl: `${sandbox.baseUrl}/atservicesrest`, fetch: sandbox.fetch });
 */
export function createAutotaskSandbox(options: AutotaskSandboxOptions = {}) {
  const baseUrl = (options.baseUrl ?? 'https://webservices99.autotask.net').replace(/\/+$/, '');
  const creds = AUTOTASK_SANDBOX_CREDENTIALS;
  const size = { companies: options.companies ?? 25, linesPerCompany: options.linesPerCompany ?? 2 };
  let data: Entities = generate(options.seed ?? 3, size, { multiCurrency: options.multiCurrency === true });
  let cap = options.pageSizeCap ?? 500;
  const hourly = options.hourlyLimit === undefined ? 10_000 : options.hourlyLimit;
  const traffic = createTraffic(hourly ? { limit: hourly, intervalMs: 3_600_000 } : undefined, () => performance.now());
  const inflight = new Map<string, number>();
  let served = 0;
  let inserted = 0;

  const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
  const errors = (status: number, ...messages: string[]) => json({ errors: messages }, status);

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const response = await route(request, url);
    traffic.log({ method: request.method, path: `${url.pathname.replace(/^\/ATServicesRest\/V1\.0/i, '')}${url.search}`, status: response.status });
    return response;
  }

  async function route(request: Request, url: URL): Promise<Response> {
    if (url.pathname.toLowerCase() === '/atservicesrest/v1.0/zoneinformation') {
      // Zone lookups are exempt from thread limiting and need no credentials.
      if (url.searchParams.get('user') !== creds.userName) return errors(500, 'Zone information could not be determined');
      return json({ zoneName: 'Sandbox Zone 99', url: `${baseUrl}/ATServicesRest/`, webUrl: 'https://ww99.autotask.net/', ci: 99 });
    }
    if (request.url.length > 2_048) return json({ Message: 'The requested URL is too long.' }, 404);
    if (traffic.admit() !== undefined) return errors(429, 'API Threshold Exceeded: this database has used its hourly request allowance.');
    const fault = traffic.take(url.pathname, /\/query$/i.test(url.pathname));
    if (fault?.kind === 'status') return json({ errors: [`Injected ${fault.status}`] }, fault.status, fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {});
    if (fault?.kind === 'delay') await sleep(fault.ms, request.signal);
    if (fault?.kind === 'malformed-json') return new Response('<html><head><title>Service Unavailable</title></head></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const m = url.pathname.match(/^\/ATServicesRest\/V1\.0\/(.+)$/i);
    if (!m) return json({ Message: 'No HTTP resource was found that matches the request URI.' }, 404);
    if (request.method !== 'GET') return json({ Message: `The requested resource does not support http method '${request.method}'.` }, 405);
    const h = request.headers;
    if (h.get('username') !== creds.userName || h.get('apiintegrationcode') !== creds.integrationCode) return errors(500, 'Unable to authenticate: unknown user name or integration code.');
    if (h.get('secret') !== creds.secret || fault?.kind === 'expire-token') return errors(401, 'Authentication failed.');
    const entity = (m[1] as string).split('/')[0] as string;
    const threads = inflight.get(entity) ?? 0;
    if (threads >= 3) return errors(429, 'Thread Threshold Exceeded — The Autotask API thread threshold of 3 threads has been exceeded.');
    inflight.set(entity, threads + 1);
    try {
      await Promise.resolve(); // lets concurrent requests overlap, so the thread limit is observable
      if (fault?.kind === 'insert-during-paging') for (let i = 0; i < fault.count; i++) insertCompany();
      const body = serve(m[1] as string, url);
      if (body instanceof Response) return body;
      if (fault?.kind === 'schema-drift') {
        const rows = (body as { items?: Row[] }).items;
        if (rows?.[0]) (rows[0] as Record<string, unknown>).id = 'drifted';
        else if ('queryCount' in body) (body as Record<string, unknown>).queryCount = 'drifted';
        else if ('fields' in body) (body as Record<string, unknown>).fields = 'drifted';
        else if ('externalRequestThreshold' in body) (body as Record<string, unknown>).externalRequestThreshold = 'drifted';
      }
      served++;
      return json(body);
    } finally {
      inflight.set(entity, (inflight.get(entity) ?? 1) - 1);
    }
  }

  function serve(rest: string, url: URL): Response | Record<string, unknown> {
    if (rest.toLowerCase() === 'thresholdinformation') return { externalRequestThreshold: 10_000, requestThresholdTimeframe: 60, currentTimeframeRequestCount: (options.usedByOthers ?? 0) + served };
    const [entityName, ...tail] = rest.split('/');
    const entity = Object.keys(data).find((k) => k.toLowerCase() === entityName?.toLowerCase()) ?? Object.keys(PICKLISTS).find((k) => k.toLowerCase() === entityName?.toLowerCase());
    if (!entity) return json({ Message: 'No HTTP resource was found that matches the request URI.' }, 404);
    const sub = tail.join('/').toLowerCase();
    if (sub === 'entityinformation/fields') {
      const pick = PICKLISTS[entity] ?? {};
      const names = Object.keys((data[entity] ?? [])[0] ?? { id: 0 });
      return { fields: [...new Set([...names, ...Object.keys(pick)])].map((name) => ({ name, dataType: 'integer', isRequired: false, isReadOnly: name === 'id', isQueryable: true, isReference: false, isPickList: name in pick, picklistValues: (pick[name] ?? []).map(([value, label], i) => ({ value: String(value), label, isDefaultValue: false, sortOrder: i, parentValue: '', isActive: true, isSystem: true })) })) };
    }
    if (sub === 'query/next') return json({ Message: "The requested resource does not support http method 'GET'." }, 405);
    if (sub !== 'query' && sub !== 'query/count') return json({ Message: 'No HTTP resource was found that matches the request URI.' }, 404);
    let search;
    try {
      search = parseSearch(url.searchParams.get('search'));
    } catch (error) {
      return errors(500, (error as Error).message);
    }
    const rows = (data[entity] ?? []).filter((row) => matches(search, row));
    if (sub === 'query/count') return { queryCount: rows.length };
    const max = Math.min(search.MaxRecords ?? 500, cap);
    // The lowest ids that match, but not in id order within the page: readers must take the max id.
    const page = [...rows].sort((a, b) => a.id - b.id).slice(0, max).map((row) => structuredClone(row));
    page.sort((a, b) => (a.id % 7) - (b.id % 7) || a.id - b.id);
    const next = rows.length > max ? `${baseUrl}/ATServicesRest/V1.0/${entity}/query/next?paging=${encodeURIComponent(JSON.stringify({ pageSize: max, previousIds: [], nextIds: page.map((r) => r.id) }))}&search=${encodeURIComponent(url.searchParams.get('search') ?? '')}` : null;
    return { items: page, pageDetails: { count: page.length, requestCount: max, prevPageUrl: null, nextPageUrl: next } };
  }

  function insertCompany(): void {
    const last = data.Companies?.at(-1) as Row;
    inserted++;
    data.Companies?.push({ ...structuredClone(last), id: last.id + 1, companyName: `Inserted ${inserted}` });
  }

  const fake: PsaFake & { fetch: typeof fetch; data(): Entities; rateLimited(): number } = {
    baseUrl,
    renewsTokens: false,
    handle,
    fetch: async (input, init) => handle(new Request(input, init)),
    seed(s) {
      data = generate(options.seed ?? 3, s, { multiCurrency: options.multiCurrency === true });
    },
    setPageSizeCap(n) {
      cap = n;
    },
    inject: (f: FakeFault) => traffic.inject(f),
    reset() {
      traffic.reset();
      served = 0;
    },
    requests: () => traffic.requests(),
    ids(stream) {
      if (stream === 'companies') return (data.Companies ?? []).map((c) => String(c.id));
      return [...(data.ContractServices ?? []).map((l) => `svc-${l.id}`), ...(data.ContractServiceBundles ?? []).map((l) => `bundle-${l.id}`)];
    },
    setUnknownStatus(companyId, rawStatus) {
      // Autotask's open value is the companyType picklist: add a tenant-defined label and use it.
      const list = PICKLISTS.Companies?.companyType as Array<[number, string]>;
      if (!list.some(([v]) => v === 99)) list.push([99, rawStatus]);
      const c = data.Companies?.find((x) => String(x.id) === companyId);
      if (c) c.companyType = 99;
    },
    data: () => data,
    rateLimited: () => traffic.rateLimited(),
  };
  return fake;
}

export type AutotaskSandbox = ReturnType<typeof createAutotaskSandbox>;
