// Responses for injected faults, in Pax8's shapes: drift, cut-off bodies, a gateway that echoes
// credentials, one record wrong the way Pax8 data can be, a `page` whose totals lie.
import { json } from './responses';

/**
 * A required field of the wrong type, as a drifting API would send it: the page envelope, so the
 * walk itself cannot be trusted (a single bad item would be rejected, not fatal).
 */
export function breakSchema(body: Record<string, unknown>): void {
  const page = body.page as Record<string, unknown> | undefined;
  if (page) page.totalElements = 'many';
  else body.id = 12345;
}

/** The JSON body cut in half, as a gateway that drops the connection mid-answer sends it (status 200). */
export function truncated(body: unknown): Response {
  const text = JSON.stringify(body);
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), { status: 200, headers: { 'content-type': 'application/json' } });
}

// [U] Pax8 documents no correlation-id header (NOTES §1; the connector reads none). A gateway in
// front of it may add one; the echo goes into the two names such gateways use, so a connector
// that ever starts reading one of them is checked too.
const ECHO_HEADERS = ['x-request-id', 'x-correlation-id'];

/**
 * A misconfigured gateway reflecting the request's credentials in a request-id header and in the
 * body. Pax8 data calls carry one credential header, `Authorization: Bearer <token>` (NOTES §1: no
 * subscription-key header); the client secret travels only in the token call's JSON body.
 */
export function echoCredentials(request: Request, body: Record<string, unknown>, shape: 'not-json' | 'wrong-shape'): Response {
  const echo = request.headers.get('authorization') ?? '';
  const headers = Object.fromEntries(ECHO_HEADERS.map((h) => [h, echo]));
  if (shape === 'not-json') {
    return new Response(`<html><body>Gateway error for ${echo}</body></html>`, { status: 200, headers: { 'content-type': 'text/html', ...headers } });
  }
  breakSchema(body);
  body.message = echo;
  return json(body, 200, headers);
}

/**
 * One record of a list page wrong the way Pax8's data can be (the rest stay valid): a company
 * without its `id` (required by the spec, and what records are keyed by), a subscription whose
 * integer `quantity` arrives as a string. The second item when there is one, so the bad record is
 * not always the page's first.
 */
export function spoilRecord(path: string, body: Record<string, unknown>): void {
  const content = body.content as Record<string, unknown>[] | undefined;
  const item = content?.[content.length > 1 ? 1 : 0];
  if (!item) return;
  if (path === '/companies') delete item.id;
  else item.quantity = String(item.quantity);
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
