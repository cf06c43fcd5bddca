// Response builders shaped like Ingram's gateway: JSON bodies, the 1.1 `errorMessage` error body,
// `X-Correlation-ID` on every response, and nginx's HTML page for 504.

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Time-out',
};

const DEFAULT_MESSAGES: Record<number, string> = {
  400: 'Request parameters are invalid.',
  401: 'Incorrect or missing authorization.',
  403: 'Access is denied.',
  404: 'Resource not found.',
  405: 'Method not allowed.',
  429: 'Rate limit is exceeded. Try again later.',
  500: 'Unable to process the request: the subscription has a pending order.',
  502: 'Bad gateway.',
  503: 'Service is temporarily unavailable.',
};

export function json(body: unknown, status: number, correlationId: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', 'x-correlation-id': correlationId, ...headers },
  });
}

/** The 1.1 spec's `errorMessage`: `{timeStamp, status, message, path, correlationId}`, all required. */
export function errorResponse(
  status: number,
  o: { path: string; correlationId: string; now: number; message?: string | undefined; retryAfterSeconds?: number | undefined },
): Response {
  const headers: Record<string, string> = {};
  if (o.retryAfterSeconds !== undefined) headers['retry-after'] = String(o.retryAfterSeconds);
  if (status === 502 || status === 504) {
    // nginx in front of the gateway answers timeouts with HTML, not JSON (NOTES §7).
    const title = `${status} ${REASONS[status]}`;
    return new Response(
      `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`,
      { status, headers: { 'content-type': 'text/html', 'x-correlation-id': o.correlationId, ...headers } },
    );
  }
  const body = {
    timeStamp: new Date(o.now).toISOString().replace('Z', '+00:00'),
    status,
    message: o.message ?? DEFAULT_MESSAGES[status] ?? REASONS[status] ?? 'Error.',
    path: o.path,
    correlationId: o.correlationId,
  };
  return json(body, status, o.correlationId, headers);
}

/** A proxy's HTML page served with status 200: not JSON at all. */
export function htmlPage(correlationId: string): Response {
  return new Response('<!DOCTYPE html><html><body><h1>Service maintenance</h1></body></html>', {
    status: 200,
    headers: { 'content-type': 'text/html', 'x-correlation-id': correlationId },
  });
}

/** A JWT-shaped opaque token (header.payload.signature), unique per issue. */
export function makeToken(counter: number, username: string, expiresAt: number, hex: string): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS384' })}.${part({ principal: username, n: counter, exp: Math.floor(expiresAt / 1000) })}.${hex}`;
}
