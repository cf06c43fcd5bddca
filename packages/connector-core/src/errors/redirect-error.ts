import { HttpError, type HttpErrorDetails } from './http-error';
import { guardFor } from './vectis-error';

/**
 * The server answered with a redirect (3xx). The kernel never follows redirects: a followed
 * redirect would re-send the credentials, and for 307/308 the token call's body, to wherever the
 * server points, past the read-only guard. Nothing was sent to the target.
 *
 * @example
 * if (isRedirectError(err)) console.error(`the API moved to ${err.targetOrigin}; check the API URL`);
 */
export class RedirectError extends HttpError {
  override name = 'RedirectError';
  /** Origin (`https://host:port`) the redirect pointed at, or `undefined` when the server sent no readable `Location`. */
  readonly targetOrigin: string | undefined;
  constructor(details: HttpErrorDetails & { targetOrigin?: string | undefined }) {
    const target = details.targetOrigin ? `to ${details.targetOrigin}` : 'without a readable Location';
    super(
      {
        remedy:
          details.targetOrigin === undefined
            ? 'Check the API URL: the server answered with a redirect instead of data. Redirects are never followed, so nothing was sent elsewhere.'
            : `Check the API URL: the server points ${target}. Redirects are never followed, so no credentials were sent there; if that address really is the distributor's API, configure it as the API URL.`,
        ...details,
      },
      `${details.method} ${safePath(details.url)} was redirected (${details.status}) ${target}`,
    );
    this.targetOrigin = details.targetOrigin;
  }
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** @example if (isRedirectError(err)) … */
export const isRedirectError = guardFor(RedirectError, 'RedirectError');
