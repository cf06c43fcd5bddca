import { HttpError, type HttpErrorDetails } from './http-error';
import { guardFor } from './vectis-error';

/**
 * HTTP 404: Nothing found at this URL.
 *
 * @example
 * if (isNotFoundError(err)) console.error(err.message); // says what to do
 */
export class NotFoundError extends HttpError {
  override name = 'NotFoundError';
  constructor(details: HttpErrorDetails) {
    super(details);
  }
}

/** @example if (isNotFoundError(err)) … */
export const isNotFoundError = guardFor(NotFoundError, 'NotFoundError');
