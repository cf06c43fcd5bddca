import { guardFor, VectisError, type VectisErrorOptions } from './vectis-error';

/** One invalid option. */
export interface ConfigIssue {
  /** Option name, e.g. `apiUrl` or `pacing.limit`. */
  field: string;
  message: string;
}

/**
 * Options failed validation. Every bad option is listed, not just the first.
 * Values are never echoed, so secrets cannot leak through this error.
 *
 * @example
 * if (isConfigurationError(err)) for (const i of err.issues) console.error(`${i.field}: ${i.message}`);
 */
export class ConfigurationError extends VectisError {
  override name = 'ConfigurationError';
  readonly issues: readonly ConfigIssue[];
  constructor(details: VectisErrorOptions & { issues: readonly ConfigIssue[] }) {
    const list = details.issues.map((i) => `${i.field}: ${i.message}`).join('; ');
    super(`invalid options (${details.issues.length}): ${list}`, {
      remedy: 'Fix the options listed and create the connector again.',
      ...details,
    });
    this.issues = details.issues;
  }
}

/** @example if (isConfigurationError(err)) … */
export const isConfigurationError = guardFor(ConfigurationError, 'ConfigurationError');
