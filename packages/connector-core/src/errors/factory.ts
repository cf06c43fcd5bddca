import { AuthenticationError } from './authentication-error';
import { HttpError, type HttpErrorDetails } from './http-error';
import { NotFoundError } from './not-found-error';
import { PermissionError } from './permission-error';
import { RateLimitError } from './rate-limit-error';
import { ServerError } from './server-error';

/** Connector-specific remedies, by the kind of failure. Each says what the user should do. */
export interface ErrorRemedies {
  authentication?: string;
  permission?: string;
  notFound?: string;
  rateLimited?: string;
  server?: string;
  other?: string;
}

const DEFAULT_REMEDIES: Required<ErrorRemedies> = {
  authentication: 'Check the credentials configured for this connector; they were refused.',
  permission: 'The credentials work but lack access to this resource; check the API user’s role or the key’s entitlements.',
  notFound: 'Check the API URL or region: this path does not exist there, or the object is not visible to this account.',
  rateLimited: 'The distributor is rate limiting this key; lower the pace, or check whether another tool shares the same key.',
  server: 'The distributor failed to answer; retry later, and quote the correlation id to its support if it persists.',
  other: 'The distributor refused the request.',
};

/**
 * The one place that turns an HTTP status into a typed error.
 *
 * @example
 * throw httpErrorFromResponse({ status: 404, method: 'GET', url, connector: 'ingram', correlationId }, remedies);
 */
export function httpErrorFromResponse(
  details: HttpErrorDetails & { retryAfterMs?: number | undefined },
  remedies: ErrorRemedies = {},
): HttpError {
  const r = { ...DEFAULT_REMEDIES, ...remedies };
  const withRemedy = (remedy: string) => ({ ...details, remedy: details.remedy ?? remedy });
  const { status } = details;
  if (status === 401) return new AuthenticationError(withRemedy(r.authentication));
  if (status === 403) return new PermissionError(withRemedy(r.permission));
  if (status === 404) return new NotFoundError(withRemedy(r.notFound));
  if (status === 429) return new RateLimitError(withRemedy(r.rateLimited));
  if (status >= 500) return new ServerError(withRemedy(r.server));
  return new HttpError(withRemedy(r.other));
}
