import { HttpError, type HttpErrorDetails } from './http-error';
import { guardFor } from './vectis-error';

/**
 * HTTP 403: The credentials are valid but lack access.
 *
 * @example
 * if (isPermissionError(err)) console.error(err.message); // says what to do
 */
export class PermissionError extends HttpError {
  override name = 'PermissionError';
  constructor(details: HttpErrorDetails) {
    super(details);
  }
}

/** @example if (isPermissionError(err)) … */
export const isPermissionError = guardFor(PermissionError, 'PermissionError');
