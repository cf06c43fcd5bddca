import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

/** One problem found while validating a vendor payload. */
export interface DriftIssue {
  /** Path inside the payload, e.g. `data[3].products[0].quantity`. */
  path: string;
  message: string;
  /** zod issue code, e.g. `invalid_type`. */
  code?: string | undefined;
}

/**
 * A vendor response did not match the documented shape (the vendor changed its API,
 * or we are talking to something that is not that API).
 *
 * @example
 * if (isSchemaDriftError(err)) for (const i of err.issues) console.error(err.where, i.path, i.message);
 */
export class SchemaDriftError extends VectisError {
  override name = 'SchemaDriftError';
  /** Which payload failed, e.g. `GET /subscriptions/1000177`. */
  readonly where: string;
  readonly issues: readonly DriftIssue[];
  constructor(details: VectisErrorOptions & { where: string; issues: readonly DriftIssue[] }) {
    const first = details.issues.slice(0, 3).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ');
    const more = details.issues.length > 3 ? ` and ${details.issues.length - 3} more` : '';
    super(`${details.where} returned data in an unexpected shape (${first}${more})`, {
      remedy: 'The distributor may have changed its API: check the API URL points at the right service, and report this with the correlation id.',
      ...details,
    });
    this.where = details.where;
    this.issues = details.issues;
  }
}

/** @example if (isSchemaDriftError(err)) … */
export const isSchemaDriftError = guardFor(SchemaDriftError, 'SchemaDriftError');
