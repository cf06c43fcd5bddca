// Response shapes as Pax8 sends them: JSON bodies, the `{type, message, instance, status, details}`
// error body (not RFC 7807), the token endpoint's `{error, error_description}`, a proxy's HTML page.

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const TYPES: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHORIZED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 408: 'REQUEST_TIMEOUT',
  422: 'UNPROCESSABLE_ENTITY', 429: 'TOO_MANY_REQUESTS', 500: 'INTERNAL_SERVER_ERROR', 502: 'BAD_GATEWAY', 503: 'SERVICE_UNAVAILABLE',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  401: 'Full authentication is required to access this resource',
  403: 'Access is denied',
  404: 'Not Found',
  429: 'Too many requests, the rate limit is 1000 requests per minute',
  500: 'An unexpected error occurred',
  503: 'Service temporarily unavailable',
};

/** Pax8's error body; `Retry-After` only when asked (Pax8 does not document one). */
export function errorResponse(status: number, o: { instance: string; message?: string | undefined; retryAfterSeconds?: number | undefined }): Response {
  const body = {
    type: TYPES[status] ?? 'ERROR',
    message: o.message ?? DEFAULT_MESSAGES[status] ?? 'Request failed',
    instance: `/public/v1${o.instance}`,
    status,
    details: [],
  };
  return json(body, status, o.retryAfterSeconds === undefined ? {} : { 'retry-after': String(o.retryAfterSeconds) });
}

/** The token endpoint's refusal (`pax8-auth.openapi.json` `token-error-auth-example`). */
export function tokenRefused(): Response {
  return json({ error: 'access_denied', error_description: 'Unauthorized' }, 401);
}

/** A 200 whose body is an HTML error page from a proxy. */
export function htmlPage(): Response {
  return new Response('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>', {
    status: 200,
    headers: { 'content-type': 'text/html' },
  });
}

/** A JWT-looking token (header.payload.signature); the sandbox only checks it is one it issued. */
export function makeToken(serial: number, clientId: string, expiresAt: number, noise: string): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  return `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: `${clientId}@clients`, aud: 'https://api.pax8.com', exp: Math.floor(expiresAt / 1000), n: serial })}.${noise}`;
}
