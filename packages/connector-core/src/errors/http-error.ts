import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

export interface HttpErrorDetails extends VectisErrorOptions {
  status: number;
  statusText?: string | undefined;
  method: string;
  /** The request URL with credentials and query secrets redacted. */
  url: string;
  /** Parsed JSON body, or a short text snippet of a non-JSON body (already redacted). */
  data?: unknown;
}

/**
 * An HTTP response the connector could not use. Subclasses name the cause by status:
 * {@link AuthenticationError} 401, {@link PermissionError} 403, {@link NotFoundError} 404,
 * {@link RateLimitError} 429, {@link ServerError} 5xx, {@link RedirectError} 3xx (never followed).
 *
 * @example
 * if (isHttpError(err)) console.log(err.status, err.method, err.url, err.correlationId);
 */
export class HttpError extends VectisError {
  override name = 'HttpError';
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly data: unknown;

  constructor(details: HttpErrorDetails, summary?: string) {
    const path = safePath(details.url);
    const status = `${details.status}${details.statusText ? ` ${details.statusText}` : ''}`;
    super(summary ?? `${details.method} ${path} failed with ${status}`, details);
    this.status = details.status;
    this.method = details.method;
    this.url = details.url;
    this.data = details.data;
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** @example if (isHttpError(err)) console.log(err.status); */
export const isHttpError = guardFor(HttpError, 'HttpError', 'AuthenticationError', 'PermissionError', 'NotFoundError', 'RateLimitError', 'ServerError', 'RedirectError');
