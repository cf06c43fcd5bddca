// Responses for the contract suite's newer faults (ExtendedFakeFault), in Ion's vocabulary: its
// envelopes (`customers[]` / `items[]`), its (guessed) correlation header `x-request-id` and its
// resource-name ids. See docs in README "Sandbox faults" for what each one stands for.
import { json } from './responses';

/** A 3xx from a gateway in front of Ion: sent before any credential is looked at. */
export function redirect(status: number, location: string): Response {
  return new Response(null, { status, headers: { location } });
}

/** The JSON body cut in half with status 200, as a gateway that drops the connection mid-answer sends it. */
export function truncated(body: unknown): Response {
  const text = JSON.stringify(body);
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}

/**
 * A misconfigured gateway reflecting the request's credentials (the Bearer access token; data calls
 * carry nothing else) in `x-request-id` (the header the connector reads as the correlation id) and in
 * the body: an HTML page, or JSON whose envelope is broken (`customers`/`items` a string, not a list).
 */
export function echoCredentials(request: Request, rel: string, shape: 'not-json' | 'wrong-shape'): Response {
  const echo = request.headers.get('authorization') ?? '';
  const headers = { 'x-request-id': echo };
  if (shape === 'not-json') {
    return new Response(`<html><body>Gateway error for ${echo}</body></html>`, { status: 200, headers: { 'content-type': 'text/html', ...headers } });
  }
  const list = rel.endsWith('/customers') ? 'customers' : 'items';
  return json({ [list]: echo, message: `request with ${echo}`, requestId: echo }, 200, headers);
}

/**
 * One record of a list page broken the way Ion data can be: a customer without its `name` (the
 * only place its id lives), a subscription whose `subscriptionTotalLicenses` is not a number.
 * The first item of the page is spoiled; the rest stays valid.
 */
export function spoilRecord(body: Record<string, unknown>, stream: 'customers' | 'subscriptions'): void {
  const list = body[stream === 'customers' ? 'customers' : 'items'] as Record<string, unknown>[] | undefined;
  const first = list?.[0];
  if (!first) return;
  if (stream === 'customers') delete first.name;
  else first.subscriptionTotalLicenses = 'unlimited';
}

/**
 * Ion's documented pages carry no total (SDK: `{customers, nextPageToken}`, `{items}`). The closest
 * honest equivalent of a lying total is a tenant that does send a count and gets it wrong: the
 * `totalCount` the unofficial spec shows on list envelopes (customers), and `paginationResponse`
 * (the PHP model's field, whose members are not published; `totalCount` is a guess) on subscriptions.
 */
export function addLyingTotal(body: Record<string, unknown>, stream: 'customers' | 'subscriptions', total: number): void {
  if (stream === 'customers') body.totalCount = total;
  else body.paginationResponse = { totalCount: total };
}
