import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

/**
 * The HTTP kernel refused a request that could change data at the distributor.
 * Connectors are read-only: GET, plus the auth strategy's own token call.
 *
 * @example
 * if (isReadOnlyViolationError(err)) console.error(err.method, err.url);
 */
export class ReadOnlyViolationError extends VectisError {
  override name = 'ReadOnlyViolationError';
  readonly method: string;
  readonly url: string;
  constructor(details: VectisErrorOptions & { method: string; url: string }) {
    super(`refused ${details.method} ${details.url}: connectors are read-only (GET and the token call only)`, {
      remedy: 'This is a bug in the connector; nothing was sent. Please report it.',
      ...details,
    });
    this.method = details.method;
    this.url = details.url;
  }
}

/** @example if (isReadOnlyViolationError(err)) … */
export const isReadOnlyViolationError = guardFor(ReadOnlyViolationError, 'ReadOnlyViolationError');
