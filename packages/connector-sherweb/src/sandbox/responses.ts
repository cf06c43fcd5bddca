// Response builders shaped like Sherweb's edge: the API answers RFC 7807 ProblemDetails with an
// ASP.NET `traceId`; the Azure APIM gateway in front answers `{statusCode, message}` for key
// problems and unknown routes; the token endpoint answers OAuth `{error, error_description}`.

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** ProblemDetails as ASP.NET Core writes it (`application/problem+json`, `traceId` extension). */
export function problem(status: number, o: { traceId: string; instance: string; detail?: string | undefined }): Response {
  const body = {
    type: `https://tools.ietf.org/html/rfc9110#section-15.${status >= 500 ? '6' : '5'}.${status >= 500 ? status - 499 : status - 399}`,
    title: TITLES[status] ?? 'Error',
    status,
    ...(o.detail ? { detail: o.detail } : {}),
    instance: o.instance,
    traceId: o.traceId,
  };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json; charset=utf-8' } });
}

/** Sherweb's 429: the wait is only in the text ("Try again in N seconds"), no `Retry-After` header. */
export function rateLimited(o: { traceId: string; instance: string; seconds?: number | undefined }): Response {
  const detail = o.seconds === undefined ? 'Rate limit is exceeded.' : `Rate limit is exceeded. Try again in ${o.seconds} seconds.`;
  return problem(429, { ...o, detail });
}

/** The APIM gateway's own errors (missing or invalid subscription key, unknown operation). */
export function gateway(status: number, message: string): Response {
  return json({ statusCode: status, message }, status);
}

export const APIM = {
  missingKey: 'Access denied due to missing subscription key. Make sure to include subscription key when making requests to an API.',
  invalidKey: 'Access denied due to invalid subscription key. Make sure to provide a valid key for an active subscription.',
  notFound: 'Resource not found',
};

/** OAuth 2 token errors (RFC 6749 §5.2). */
export function oauthError(error: 'invalid_client' | 'invalid_scope' | 'invalid_request' | 'unsupported_grant_type', description: string): Response {
  // IdentityServer answers 400 for every token error, invalid_client included.
  return json({ error, error_description: description }, 400);
}

/** A proxy's HTML page served with status 200: not JSON at all. */
export function htmlPage(): Response {
  return new Response('<!DOCTYPE html><html><body><h1>Service maintenance</h1></body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
}
