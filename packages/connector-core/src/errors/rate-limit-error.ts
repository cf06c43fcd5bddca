import { HttpError, type HttpErrorDetails } from './http-error';
import { guardFor } from './vectis-error';

/**
 * HTTP 429 after the retries ran out, or a `Retry-After` longer than the configured cap.
 *
 * @example
 * if (isRateLimitError(err)) scheduleRetry(err.retryAfterMs ?? 60_000);
 */
export class RateLimitError extends HttpError {
  override name = 'RateLimitError';
  /** How long the server asked us to wait, when it said. */
  readonly retryAfterMs: number | undefined;
  constructor(details: HttpErrorDetails & { retryAfterMs?: number | undefined }) {
    super(details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** @example if (isRateLimitError(err)) … */
export const isRateLimitError = guardFor(RateLimitError, 'RateLimitError');
