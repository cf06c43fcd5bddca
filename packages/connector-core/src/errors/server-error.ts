import { HttpError, type HttpErrorDetails } from './http-error';
import { guardFor } from './vectis-error';

/**
 * HTTP 5xx: The distributor's server failed.
 *
 * @example
 * if (isServerError(err)) console.error(err.message); // says what to do
 */
export class ServerError extends HttpError {
  override name = 'ServerError';
  constructor(details: HttpErrorDetails) {
    super(details);
  }
}

/** @example if (isServerError(err)) … */
export const isServerError = guardFor(ServerError, 'ServerError');
