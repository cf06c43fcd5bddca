import customersPage1 from './fixtures/customers-page-1.json' with { type: 'json' };
import customersPage2 from './fixtures/customers-page-2.json' with { type: 'json' };
import subscriptionsEmpty from './fixtures/subscriptions-empty.json' with { type: 'json' };
import subscriptionsPage1 from './fixtures/subscriptions-page-1.json' with { type: 'json' };
import token from './fixtures/token.json' with { type: 'json' };

export const BASE = 'https://ion.tdsynnex.com';
export const ACCOUNT = '100200';
export const REFRESH = 'fixture-refresh-token-1';
export const API = `/api/v3/accounts/${ACCOUNT}`;

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

type Responder = (request: Request, path: string) => Response | undefined | Promise<Response | undefined>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/**
 * A scripted Ion API answering from the SDK-sample fixtures (token, two customer pages, one
 * subscription page then an empty one), routed through msw with `useFakeApi`. Overrides go in front
 * with `api.on(…)`; every request is logged.
 */
export function createScriptedApi() {
  const log: LoggedRequest[] = [];
  let overrides: Responder[] = [];
  let tokens = 0;
  const defaults: Responder = (_request, path) => {
    if (path === '/oauth/token') {
      tokens++;
      return json({ ...token, access_token: `${token.access_token}-${tokens}`, refresh_token: `fixture-refresh-token-${tokens + 1}` });
    }
    const url = new URL(path, BASE);
    if (url.pathname === `${API}/customers`) return json(url.searchParams.has('pageToken') ? customersPage2 : customersPage1);
    if (url.pathname === `${API}/subscriptions`) return json(url.searchParams.get('pagination.offset') === '0' ? subscriptionsPage1 : subscriptionsEmpty);
    return json({ error: 'NOT_FOUND', message: 'Requested entity was not found.', code: 404, details: [] }, 404);
  };
  return {
    baseUrl: BASE,
    log,
    async handle(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const path = `${url.pathname}${url.search}`;
      const headers: Record<string, string> = {};
      request.headers.forEach((value, name) => (headers[name] = value));
      log.push({ method: request.method, path, headers, body: request.method === 'GET' ? '' : await request.clone().text() });
      for (const responder of overrides) {
        const response = await responder(request, path);
        if (response) return response;
      }
      return (await defaults(request, path)) as Response;
    },
    on(responder: Responder): void {
      overrides.unshift(responder);
    },
    reset(): void {
      overrides = [];
      log.length = 0;
      tokens = 0;
    },
    paths: () => log.map((r) => `${r.method} ${r.path}`),
  };
}
