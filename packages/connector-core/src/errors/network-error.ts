import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

/**
 * The request never got an HTTP answer (DNS, refused connection, reset, TLS).
 *
 * @example
 * if (isNetworkError(err)) console.error('check the API URL and your network', err.message);
 */
export class NetworkError extends VectisError {
  override name = 'NetworkError';
  readonly method: string;
  readonly url: string;
  constructor(details: VectisErrorOptions & { method: string; url: string; reason?: string | undefined }) {
    super(`${details.method} ${details.url} could not reach the server${details.reason ? ` (${details.reason})` : ''}`, {
      remedy: 'Check the API URL or region, and that this machine can reach the distributor; the request is retried automatically a few times before this error.',
      ...details,
    });
    this.method = details.method;
    this.url = details.url;
  }
}

/** @example if (isNetworkError(err)) … */
export const isNetworkError = guardFor(NetworkError, 'NetworkError');
