import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

/**
 * The connector is a typed stub: its options are real and validated, its data methods are not built yet.
 *
 * @example
 * if (isNotImplementedError(err)) console.log(`${err.vendor} is not available yet: ${err.docsUrl}`);
 */
export class NotImplementedError extends VectisError {
  override name = 'NotImplementedError';
  readonly vendor: string;
  readonly method: string;
  readonly docsUrl: string;
  constructor(details: VectisErrorOptions & { vendor: string; method: string; docsUrl: string }) {
    super(`${details.method}() is not implemented yet for ${details.vendor}: this connector is a typed stub`, {
      remedy: `See ${details.docsUrl} for its status and what it will sync.`,
      ...details,
    });
    this.vendor = details.vendor;
    this.method = details.method;
    this.docsUrl = details.docsUrl;
  }
}

/** @example if (isNotImplementedError(err)) … */
export const isNotImplementedError = guardFor(NotImplementedError, 'NotImplementedError');
