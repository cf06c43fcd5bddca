import companiesPage from './fixtures/companies-page.json' with { type: 'json' };
import company from './fixtures/company.json' with { type: 'json' };
import product from './fixtures/product-detail.json' with { type: 'json' };
import subscriptionsPage from './fixtures/subscriptions-page.json' with { type: 'json' };
import token from './fixtures/token.json' with { type: 'json' };

// A scripted Pax8 API answering from the spec's own examples (fixtures copied verbatim from
// pax8-partner-api.openapi.json / pax8-auth.openapi.json), independent of the sandbox.

export const CREDS = { clientId: 'FixtureClientId0123456789abcdef', clientSecret: 'fixture-secret-Zq81-b7c' };
export const BASE = 'https://api.pax8.com/v1';

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

type Responder = (request: Request, path: string) => Response | undefined | Promise<Response | undefined>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

export const pax8Error = (status: number, type: string, message: string, instance: string) => json({ type, message, instance: `/public/v1${instance}`, status, details: [] }, status);

/** One full page: the fixture's items with an honest page block (the spec example's totals describe a bigger tenant). */
export const single = <T>(content: T[]) => ({ content, page: { size: 200, totalElements: content.length, totalPages: 1, number: 0 } });

/**
 * Defaults: token; `/companies` and `/subscriptions` serve the spec examples as one complete page;
 * `/products/{id}` serves the spec's Office 365 E3 detail for its id (404 otherwise); pricing is empty.
 */
export function createScriptedApi() {
  const log: LoggedRequest[] = [];
  let overrides: Responder[] = [];
  let tokens = 0;
  const defaults: Responder = (_request, path) => {
    const bare = path.split('?')[0] ?? path;
    if (bare === '/token') return json({ ...token, access_token: `fixture-access-token-${++tokens}` });
    if (bare === '/companies') return json(single(companiesPage.content));
    if (bare === `/companies/${company.id}`) return json(company);
    if (bare === '/subscriptions') return json(single(subscriptionsPage.content));
    if (bare === `/products/${product.id}`) return json(product);
    if (/^\/products\/[^/]+\/pricing$/.test(bare)) return json({ content: [] });
    return pax8Error(404, 'NOT_FOUND', `Not Found: ${bare}`, bare);
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
