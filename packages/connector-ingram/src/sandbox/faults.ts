// Responses for injected faults: drift, cut-off bodies and a gateway that echoes credentials.
import { json } from './responses';

/** A required field of the wrong type, as a drifting API would send it. */
export function breakSchema(body: Record<string, unknown>): void {
  const pagination = body.pagination as Record<string, unknown> | undefined;
  if (pagination) pagination.total = 'many';
  else body.id = 12345;
}

/** The body cut in half, as a gateway that drops the connection mid-answer sends it (status 200). */
export function truncated(body: unknown, correlationId: string): Response {
  const text = JSON.stringify(body);
  return new Response(text.slice(0, Math.max(1, Math.floor(text.length / 2))), {
    status: 200,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'x-correlation-id': correlationId },
  });
}

/** A misconfigured gateway reflecting the request's credentials in `X-Correlation-ID` and the body. */
export function echoCredentials(request: Request, body: Record<string, unknown>, shape: 'not-json' | 'wrong-shape'): Response {
  const echo = `${request.headers.get('authorization') ?? ''} ${request.headers.get('x-subscription-key') ?? ''}`;
  if (shape === 'not-json') {
    return new Response(`<html><body>Gateway error for ${echo}</body></html>`, { status: 200, headers: { 'content-type': 'text/html', 'x-correlation-id': echo } });
  }
  breakSchema(body);
  body.message = echo;
  return json(body, 200, echo);
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
