import { AuthenticationError, type ErrorRemedies, type HttpError, httpErrorFromResponse, PermissionError, redact } from '../errors/index';

/** Reads a vendor error body: its message and correlation id, when it has them. */
export type ErrorBodyReader = (body: unknown) => { message?: string | undefined; correlationId?: string | undefined } | undefined;

const SNIPPET = 300;

/** Parsed JSON when the text is JSON, else undefined. */
export function tryJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text.trim()) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** A short redacted view of a body for error details: the JSON (redacted) or a text snippet (HTML 504 pages included). */
export function bodyData(text: string, secrets: readonly string[]): unknown {
  const clean = redact(text, secrets);
  const parsed = tryJson(clean);
  if (parsed.ok && clean.length <= 4_000) return parsed.value;
  const compact = clean.replace(/\s+/g, ' ').trim();
  return compact.length > SNIPPET ? `${compact.slice(0, SNIPPET)}…` : compact;
}

export interface FailureContext {
  connector: string;
  method: string;
  url: string;
  status: number;
  statusText: string;
  text: string;
  headers: Headers;
  secrets: readonly string[];
  remedies: ErrorRemedies;
  correlationIdHeader?: string | undefined;
  errorBody?: ErrorBodyReader | undefined;
  retryAfterMs?: number | undefined;
  /** Set for the auth strategy's token call: 400/401/403 there mean the credentials are wrong. */
  tokenRemedy?: string | undefined;
  tokenCall?: boolean;
  /** Overrides the remedy the status would get (e.g. a token revoked mid-run). */
  remedy?: string | undefined;
}

/** The vendor correlation id: the configured header first, then the error body. */
export function correlationOf(headers: Headers, headerName: string | undefined, body: unknown, reader: ErrorBodyReader | undefined): string | undefined {
  const fromHeader = headerName ? headers.get(headerName) : null;
  if (fromHeader) return fromHeader;
  try {
    return reader?.(body)?.correlationId;
  } catch {
    return undefined;
  }
}

/**
 * Turns a non-2xx response into the typed error, with remedy, correlation id and a redacted body snippet.
 *
 * @example
 * throw responseError({ connector: 'ingram', method: 'GET', url, status: 404, statusText: 'Not Found', text, headers, secrets, remedies: {} });
 */
export function responseError(c: FailureContext): HttpError {
  const parsed = tryJson(c.text);
  const body = parsed.ok ? parsed.value : undefined;
  const correlationId = correlationOf(c.headers, c.correlationIdHeader, body, c.errorBody);
  let vendorMessage: string | undefined;
  try {
    vendorMessage = body === undefined ? undefined : c.errorBody?.(body)?.message;
  } catch {
    vendorMessage = undefined;
  }
  // The reason phrase is chosen by the server, so it is vendor text like any other.
  const statusText = [redact(c.statusText, c.secrets), vendorMessage ? `(${redact(vendorMessage, c.secrets).slice(0, 200)})` : '']
    .filter(Boolean)
    .join(' ');
  const details = {
    connector: c.connector,
    status: c.status,
    statusText: statusText || undefined,
    method: c.method,
    url: redact(c.url, c.secrets),
    data: bodyData(c.text, c.secrets),
    correlationId: correlationId === undefined ? undefined : redact(correlationId, c.secrets),
    retryAfterMs: c.retryAfterMs,
    remedy: c.remedy,
  };
  if (c.tokenCall && (c.status === 400 || c.status === 401)) {
    return new AuthenticationError({ ...details, remedy: c.tokenRemedy ?? c.remedies.authentication ?? 'The token call was refused: check the credentials configured for this connector.' });
  }
  if (c.tokenCall && c.status === 403) {
    return new PermissionError({ ...details, remedy: c.tokenRemedy ?? c.remedies.permission ?? 'The credentials were recognised but may not request a token; check the API user or application permissions.' });
  }
  return httpErrorFromResponse(details, c.remedies);
}
