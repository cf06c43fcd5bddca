import { readFileSync } from 'node:fs';
import customerDetail from './fixtures/customer-detail.json' with { type: 'json' };
import customerDetail2 from './fixtures/customer-detail-1000001.json' with { type: 'json' };
import customersList from './fixtures/customers-list.json' with { type: 'json' };
import multi from './fixtures/subscription-detail-multi.json' with { type: 'json' };
import detail from './fixtures/subscription-detail.json' with { type: 'json' };
import subscriptionsList from './fixtures/subscriptions-list.json' with { type: 'json' };
import token from './fixtures/token.json' with { type: 'json' };

export const NGINX_504 = readFileSync(new URL('./fixtures/nginx-504.html', import.meta.url), 'utf8');
export const CREDS = { username: 'fixture.api', password: 'Fixture-Pass-9f3', subscriptionKey: 'fixture-key-7c1d2e', marketplace: 'us' };
export const BASE = 'https://api.cloud.im/marketplace/na';

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
 * A scripted Ingram API answering from the spec fixtures (token, lists, details), routed through
 * msw with `useFakeApi`. Tests put overrides in front with `api.on(…)`; every request is logged.
 */
export function createScriptedApi() {
  const log: LoggedRequest[] = [];
  let overrides: Responder[] = [];
  let tokens = 0;
  const defaults: Responder = (request, path) => {
    if (path === '/token') return json({ ...token, token: `${token.token}-${++tokens}` });
    if (path.startsWith('/subscriptions?')) return json(subscriptionsList);
    if (path === '/subscriptions/1000177') return json(detail);
    if (path === '/subscriptions/1000200') return json(multi);
    if (path.startsWith('/customers?')) return json(customersList);
    if (path === '/customers/1000002') return json(customerDetail);
    if (path === '/customers/1000001') return json(customerDetail2);
    return json({ timeStamp: '2026-11-26T00:00:00+00:00', status: 404, message: 'Not found', path, correlationId: 'a8n-404' }, 404);
  };
  return {
    baseUrl: BASE,
    log,
    async handle(request: Request): Promise<Response> {
      const url = new URL(request.url);
      const path = `${url.pathname.slice(new URL(BASE).pathname.length)}${url.search}`;
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
