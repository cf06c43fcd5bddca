import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

/**
 * One attempt took longer than the per-attempt timeout (and retries ran out).
 *
 * @example
 * createIngramConnector({ ...options, timeoutMs: 120_000 }); // raise it for slow tenants
 */
export class TimeoutError extends VectisError {
  override name = 'TimeoutError';
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;
  constructor(details: VectisErrorOptions & { method: string; url: string; timeoutMs: number }) {
    super(`${details.method} ${details.url} timed out after ${details.timeoutMs} ms`, {
      remedy: 'The distributor is slow or unreachable; retry later or raise the timeoutMs option.',
      ...details,
    });
    this.method = details.method;
    this.url = details.url;
    this.timeoutMs = details.timeoutMs;
  }
}

/** @example if (isTimeoutError(err)) … */
export const isTimeoutError = guardFor(TimeoutError, 'TimeoutError');
