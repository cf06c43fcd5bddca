// Hostile or buggy gateway answers for the contract suite's newer faults (`ExtendedFakeFault`), in
// Sherweb's shapes: `{items: […]}` lists, ASP.NET `traceId`, the APIM gateway in front.
import { json } from './responses';

/**
 * The header the sandbox treats as Sherweb's correlation id. GUESS: Sherweb documents the id only as
 * ProblemDetails `traceId` in error bodies; ASP.NET Core behind APIM also answers a `Request-Id`
 * style header, so the echo fault copies credentials there and into the body's `traceId`.
 */
export const CORRELATION_HEADER = 'request-id';

/** A 3xx from the gateway, answered before any credential is looked at. */
export function redirect(status: number, location: string, traceId: string): Response {
  return new Response(null, { status, headers: { location, [CORRELATION_HEADER]: traceId } });
}

/** The JSON body cut in half, as a gateway that drops the connection mid-answer sends it (status 200). */
export function truncated(body: unknown, traceId: string): Response {
  const text = JSON.stringify(body);
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
    status: 200,
    headers: { 'content-type': 'application/json; charset=utf-8', [CORRELATION_HEADER]: traceId },
  });
}

/**
 * A misconfigured gateway reflecting the request's `Authorization` and `Ocp-Apim-Subscription-Key`
 * in the correlation header and the body: an HTML page, or a ProblemDetails-like object in place of
 * the `{items}` list (`items` missing, the echo in `traceId` and `detail`).
 */
export function echoCredentials(request: Request, shape: 'not-json' | 'wrong-shape'): Response {
  const echo = `${request.headers.get('authorization') ?? ''} ${request.headers.get('ocp-apim-subscription-key') ?? ''}`.trim();
  if (shape === 'not-json') {
    return new Response(`<html><body>Gateway error for ${echo}</body></html>`, { status: 200, headers: { 'content-type': 'text/html', [CORRELATION_HEADER]: echo } });
  }
  return json({ items: `request was ${echo}`, title: 'OK', status: 200, detail: echo, traceId: echo }, 200, { [CORRELATION_HEADER]: echo });
}

/**
 * One list item wrong the way Sherweb data can be: a customer without its `id`, or a subscription
 * whose integer `quantity` arrives as a string. The other items stay valid.
 */
export function spoilRecord(body: Record<string, unknown>, stream: 'customers' | 'subscriptions'): boolean {
  const items = body.items;
  if (!Array.isArray(items) || items.length === 0) return false;
  const item = items[Math.floor(items.length / 2)] as Record<string, unknown>;
  if (stream === 'customers') delete item.id;
  else item.quantity = String(item.quantity);
  return true;
}
