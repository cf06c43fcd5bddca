import type { ProgressEvent } from '../connector';

/** What a strategy hands the kernel to request a token: the kernel adds pacing, the timeout, the guard and error mapping. */
export interface TokenRequest {
  /** Absolute URL, or a path relative to the client's `baseUrl`. */
  url: string;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends the strategy's token call through the kernel and returns the parsed JSON body.
 * Non-2xx answers become typed errors (400/401 → AuthenticationError, 403 → PermissionError).
 */
export type TokenSender = (request: TokenRequest) => Promise<unknown>;

export type TokenReason = Extract<ProgressEvent, { type: 'token' }>['reason'];

/** What the kernel gets back when it asks a strategy to authorize a request. */
export interface Authorization {
  /** Headers to set on the request (e.g. `Authorization: Bearer …`). */
  headers: Record<string, string>;
  /** The access token used, so a 401 can invalidate exactly this one. */
  token: string;
}

/**
 * An auth strategy is a token provider: the HTTP kernel asks it for headers before each request
 * and tells it when a token was refused. Strategies never send requests themselves; they call
 * the `send` function the kernel gives them, so token calls are paced, timed out and guarded.
 *
 * @example
 * const auth = basicTokenAuth({ username, password, path: '/token', body: { marketplace: 'us' }, parse: (j) => TokenInfo.parse(j) });
 * const http = createHttpClient({ connector: 'ingram', baseUrl, auth });
 */
export interface AuthStrategy {
  /** The single non-GET request the read-only guard lets through: the token call. */
  readonly tokenCall: { readonly method: 'POST'; readonly url: string };
  /** Whether the kernel may retry the token call on 5xx/network errors (false for rotating refresh tokens). */
  readonly retryTokenCall: boolean;
  /** What to tell the user when the token call is refused. */
  readonly remedy: string | undefined;
  /** Every secret this strategy knows, access tokens included, for redaction. */
  secrets(): readonly string[];
  /**
   * Headers for the next request. Fetches a token when none is cached or it expires within
   * `renewBeforeMs`; concurrent callers share one token call (single-flight).
   */
  authorize(send: TokenSender, onToken?: (reason: TokenReason) => void): Promise<Authorization>;
  /** The server refused `token` (401): forget it so the next `authorize` fetches a new one. */
  invalidate(token: string): void;
}
