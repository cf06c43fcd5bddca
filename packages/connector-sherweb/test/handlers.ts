import customers from './fixtures/customers.json' with { type: 'json' };
import details from './fixtures/subscriptions-details.json' with { type: 'json' };
import payable from './fixtures/payable-charges.json' with { type: 'json' };
import pricing from './fixtures/pricing-information.json' with { type: 'json' };
import list from './fixtures/subscriptions-list.json' with { type: 'json' };
import token from './fixtures/token.json' with { type: 'json' };

export const CREDS = { clientId: 'fixture-client-id', clientSecret: 'Fixture-Secret-2b7e9', subscriptionKey: 'fixturesubscriptionkey5a6b7c8d9e' };
export const BASE = 'https://api.sherweb.com';
export const CUSTOMER = { acme: '3f0b9d7e-2a41-4c55-9a0e-1c2d3e4f5a61', prairie: '8c6e1f20-7b3d-4e9a-b1c4-2d5e6f7a8b92', boreal: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f' };

export interface LoggedRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

type Responder = (request: Request, path: string) => Response | undefined | Promise<Response | undefined>;

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

/** The fixture's subscriptions as another customer's: same products, their own subscription ids (acme keeps the fixture's). */
function perCustomer<T extends { items: { id: string }[] }>(body: T, customerId: string | null): T {
  const n = Object.values(CUSTOMER).indexOf(customerId ?? '');
  if (n <= 0) return body;
  return { ...body, items: body.items.map((item) => ({ ...item, id: `${item.id.slice(0, -1)}${n}` })) };
}

/**
 * A scripted Sherweb gateway answering from the spec fixtures (independent of the sandbox):
 * every customer gets the same details/pricing fixture unless a test puts an override in front.
 */
export function createScriptedApi() {
  const log: LoggedRequest[] = [];
  let overrides: Responder[] = [];
  let tokens = 0;
  const defaults: Responder = (_request, path) => {
    const route = path.split('?')[0];
    const forCustomer = (body: { items: { id: string }[] }) => perCustomer(body, new URLSearchParams(path.split('?')[1]).get('customerId'));
    if (route === '/auth/oidc/connect/token') return json({ ...token, access_token: `${token.access_token}-${++tokens}` });
    if (route === '/service-provider/v1/customers') return json(customers);
    if (route === '/service-provider/v1/billing/subscriptions/details') return json(forCustomer(details));
    if (route === '/service-provider/v1/billing/subscriptions/pricing-information') return json(forCustomer(pricing));
    if (route === '/service-provider/v1/billing/subscriptions') return json(forCustomer(list));
    if (route === '/distributor/v1/billing/payable-charges') return json(payable);
    return json({ statusCode: 404, message: 'Resource not found' }, 404);
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
    paths: () => log.map((r) => `${r.method} ${r.path.split('?')[0]}`),
  };
}
