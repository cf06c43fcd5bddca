// Response builders. Ion's error body is not documented: the PHP client models
// `{error, message, code, details[]}` (used for API errors); token errors use RFC 6749's
// `{error, error_description}`. No correlation header is sent: none is documented.

const ERRORS: Record<number, [string, string]> = {
  400: ['INVALID_ARGUMENT', 'The request parameters are invalid.'],
  401: ['UNAUTHENTICATED', 'Request had invalid authentication credentials.'],
  403: ['PERMISSION_DENIED', 'The caller does not have permission.'],
  404: ['NOT_FOUND', 'Requested entity was not found.'],
  405: ['METHOD_NOT_ALLOWED', 'This sandbox only serves read operations.'],
  429: ['RESOURCE_EXHAUSTED', 'Too many requests. Try again later.'],
  500: ['INTERNAL', 'Internal error encountered.'],
  502: ['UNAVAILABLE', 'Bad gateway.'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
  504: ['DEADLINE_EXCEEDED', 'Gateway timeout.'],
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

/** `{error, message, code, details[]}`, with `Retry-After` when given. */
export function apiError(status: number, message?: string, retryAfterSeconds?: number): Response {
  const [error, text] = ERRORS[status] ?? ['UNKNOWN', 'Error.'];
  const headers: Record<string, string> = retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
  return json({ error, message: message ?? text, code: status, details: [] }, status, headers);
}

/** RFC 6749 §5.2 token error. */
export function oauthError(status: number, error: string, description: string): Response {
  return json({ error, error_description: description }, status, { 'cache-control': 'no-store' });
}

/** A proxy's HTML page served with status 200: not JSON at all. */
export function htmlPage(): Response {
  return new Response('<!DOCTYPE html><html><body><h1>StreamOne Ion is under maintenance</h1></body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
}
