import { HttpError, type HttpErrorDetails } from './http-error';
import { guardFor } from './vectis-error';

/**
 * HTTP 401: The credentials were refused.
 *
 * @example
 * if (isAuthenticationError(err)) console.error(err.message); // says what to do
 */
export class AuthenticationError extends HttpError {
  override name = 'AuthenticationError';
  constructor(details: HttpErrorDetails) {
    super(details);
  }
}

/** @example if (isAuthenticationError(err)) … */
export const isAuthenticationError = guardFor(AuthenticationError, 'AuthenticationError');
