// The only file in the repository that imports ky: one attempt per call (ky's own retry is off),
// because retry, 401 renewal and Retry-After policy live in ./request so they can be tested alone.
import ky, { isTimeoutError as isKyTimeout } from 'ky';
import type { z } from 'zod';
import type { Authorization, AuthStrategy } from '../auth/types';
import type { ProgressEvent } from '../connector';
import { ConfigurationError, type ErrorRemedies, NetworkError, redact, TimeoutError, VectisError } from '../errors/index';
import { notJsonError, validate } from './drift';
import { type ErrorBodyReader, tryJson } from './failure';
import { readOnlyFetch } from './guard';
import { createPacer, isRateBudget, type RateBudget } from './pacing';
import { createRequester, type ExchangeFn, type RetryPolicy } from './request';
import { abortable, createSemaphore, withinDeadline } from './timing';

export interface HttpClientOptions {
  /** Connector id (`ingram`), used in error prefixes and progress events. */
  connector: string;
  /** API base URL, already validated by the connector's options schema. */
  baseUrl: string;
  auth: AuthStrategy;
  /** Static headers on every request, the token call included (e.g. `X-Subscription-Key`). */
  headers?: Record<string, string>;
  /** Literal secrets redacted from every error (the auth strategy adds its own). */
  secrets?: readonly string[];
  /**
   * Proactive pacing per client instance: at most `limit` requests in every sliding window of
   * `intervalMs` (token calls count), with a small guard band for network jitter (`guardMs`, default
   * 2 % of the interval, 25 ms to 1 s). `spread: true` also spaces them `intervalMs / limit` apart.
   * `false` turns it off. A {@link RateBudget} object replaces the in-process pacer (e.g. a budget shared
   * by several workers on one credential); it is consulted before every attempt and told about every 429.
   */
  pacing?: { limit: number; intervalMs: number; spread?: boolean | undefined; guardMs?: number | undefined } | RateBudget | false;
  /** Max requests in flight (default 2). */
  concurrency?: number;
  retry?: { limit?: number; baseDelayMs?: number; maxRetryAfterMs?: number; defaultRetryAfterMs?: number };
  /** Per attempt, not across retries (default 60 000). */
  timeoutMs?: number;
  /** Injectable fetch; by default `globalThis.fetch`, looked up at call time so msw can intercept. */
  fetch?: typeof fetch;
  remedies?: ErrorRemedies;
  /** Response header carrying the vendor's correlation id, e.g. `x-correlation-id`. */
  correlationIdHeader?: string;
  /** Reads message and correlation id from a vendor error body. */
  errorBody?: ErrorBodyReader;
  /** A 429/503 wait (ms) read from the body when `Retry-After` is absent (e.g. Sherweb's "Try again in N seconds"). */
  retryAfterFromBody?: (body: unknown) => number | undefined;
  /** Called before waiting out a 429; return `false` to stop and throw RateLimitError instead. */
  onRateLimit?: (info: { retryAfterMs: number; attempt: number; url: string }) => boolean | void;
  /** Receives `request`, `retry`, `rate-limit-wait` and `token` events. */
  onProgress?: (event: ProgressEvent) => void;
}

export interface GetOptions<T> {
  searchParams?: Record<string, string | number | boolean | undefined>;
  /** The response is validated; a mismatch throws SchemaDriftError with payload paths. */
  schema: z.ZodType<T>;
  /** Aborting rejects promptly with the signal's reason, also while waiting for pacing or backoff. */
  signal?: AbortSignal;
  onProgress?: (event: ProgressEvent) => void;
}

export interface HttpClientStats {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  tokenRequests: number;
  unauthorizedRetries: number;
}

export interface HttpClient {
  get<T>(path: string, options: GetOptions<T>): Promise<{ data: T; correlationId?: string | undefined }>;
  readonly stats: Readonly<HttpClientStats>;
  /** Stops pacing timers and aborts requests in flight. */
  dispose(): void;
}

/**
 * The read-only HTTP kernel every connector uses: auth, pacing, retries, typed errors, validation.
 *
 * @example
 * const http = createHttpClient({
 *   connector: 'ingram', baseUrl: 'https://api.cloud.im/marketplace/na',
 *   auth: basicTokenAuth({ username, password, path: '/token', body: { marketplace: 'us' }, parse }),
 *   headers: { 'X-Subscription-Key': key }, secrets: [key], pacing: { limit: 45, intervalMs: 60_000 },
 * });
 * const { data } = await http.get('/customers', { searchParams: { offset: 0, limit: 100 }, schema: CustomerPage });
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { connector, auth } = options;
  checkHeaders(connector, options.headers);
  const base = options.baseUrl.replace(/\/+$/, '');
  const resolve = (path: string) => (/^https?:\/\//i.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`);
  const learned = new Set<string>();
  const secrets = () => withEncodings([...(options.secrets ?? []), ...auth.secrets(), ...learned]);
  // Credentials go to the configured API origin and the token call's origin, nowhere else.
  const origins = new Set([new URL(base).origin, new URL(resolve(auth.tokenCall.url)).origin]);
  const guardedFetch = readOnlyFetch({
    connector,
    fetch: options.fetch,
    allow: [{ method: auth.tokenCall.method, url: resolve(auth.tokenCall.url) }],
    secrets,
  });
  const timeoutMs = options.timeoutMs ?? 60_000;
  const lifetime = new AbortController();
  const budget = isRateBudget(options.pacing) ? options.pacing : undefined;
  const pacing = options.pacing;
  const pace = budget ? (signal?: AbortSignal) => budget.acquire(signal) : pacing && !isRateBudget(pacing) ? createPacer(pacing) : undefined;
  const slots = createSemaphore(Math.max(1, options.concurrency ?? 2));
  const stats: HttpClientStats = { requests: 0, retries: 0, rateLimitWaits: 0, tokenRequests: 0, unauthorizedRetries: 0 };
  const policy: RetryPolicy = {
    limit: options.retry?.limit ?? 3,
    baseDelayMs: options.retry?.baseDelayMs ?? 1_000,
    maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 120_000,
    defaultRetryAfterMs: options.retry?.defaultRetryAfterMs ?? 60_000,
  };

  /**
   * One attempt: a concurrency slot, a pacing slot, then the bearer token — taken last, right before
   * sending, so a request that queued for minutes never goes out with a token that expired meanwhile.
   */
  const exchange: ExchangeFn = async (req, emit, attempt, authorize) => {
    // The token call runs on behalf of a request that already holds a slot; taking a second one could deadlock.
    const release = req.tokenCall ? () => undefined : await slots.acquire(req.signal);
    try {
      let authorization: Authorization | undefined;
      // Renew first when due, so the token call is not queued behind this request's own pacing slot.
      if (authorize) await authorize();
      for (let round = 0; ; round++) {
        if (pace) {
          const started = Date.now();
          await abortable(pace(req.signal), req.signal);
          const waitMs = Date.now() - started;
          if (waitMs >= 5) emit({ type: 'rate-limit-wait', connector, waitMs, reason: 'pacing' });
        }
        if (!authorize) break;
        const before = stats.tokenRequests;
        authorization = await authorize();
        // A token call used time (and a pacing slot) after ours was granted: queue again so the send follows its grant.
        if (!pace || stats.tokenRequests === before || round >= 2) break;
      }
      const url = new URL(req.url);
      emit({ type: 'request', connector, method: req.method, path: redact(`${url.pathname}${url.search}`, secrets()), attempt });
      stats.requests++;
      const started = Date.now();
      const response = await ky(req.url, {
        method: req.method,
        headers: { ...options.headers, ...req.headers, ...authorization?.headers },
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: req.signal,
        retry: 0,
        timeout: timeoutMs,
        throwHttpErrors: false,
        redirect: 'manual',
        fetch: guardedFetch,
      });
      // ky's timeout ends at the headers; a body that stalls must count against the same attempt budget.
      const text = await withinDeadline(abortable(response.text(), req.signal), timeoutMs - (Date.now() - started), () => {
        void response.body?.cancel().catch(() => undefined);
        return new TimeoutError({ connector, method: req.method, url: redact(req.url, secrets()), timeoutMs });
      });
      return { status: response.status, statusText: response.statusText, headers: response.headers, text, token: authorization?.token };
    } catch (error) {
      if (req.signal.aborted) throw req.signal.reason;
      if (error instanceof VectisError) throw error;
      const url = redact(req.url, secrets());
      if (isKyTimeout(error)) throw new TimeoutError({ connector, method: req.method, url, timeoutMs });
      // ky's NetworkError holds the Request (with its Authorization header): keep only the underlying cause.
      const root = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const reason = root instanceof Error ? redact(root.message, secrets()) : undefined;
      // The cause is a redacted copy: the original's message (undici quotes bad header values) may hold a secret.
      const cause = root instanceof Error ? Object.assign(new Error(reason), { name: root.name, code: (root as { code?: unknown }).code }) : undefined;
      throw new NetworkError({ connector, method: req.method, url, reason, cause });
    } finally {
      release();
    }
  };

  const requester = createRequester({
    connector,
    auth,
    policy,
    stats,
    secrets,
    addSecret: (v) => void learned.add(v),
    resolve,
    exchange,
    // Every 429 (retried or not) goes to a pluggable budget, so other workers sharing it slow down too.
    options: budget?.penalize ? { ...options, penalize: (ms: number) => void Promise.resolve(budget.penalize?.(ms)).catch(() => undefined) } : options,
  });

  return {
    async get<T>(path: string, o: GetOptions<T>) {
      if (lifetime.signal.aborted) throw new VectisError('the HTTP client was disposed', { connector, remedy: 'Create a new connector; this one was disposed.' });
      const url = new URL(resolve(path));
      if (!origins.has(url.origin)) {
        throw new VectisError(`refused GET to ${url.origin}: credentials are only sent to the configured API`, {
          connector,
          remedy: 'This is a bug in the connector (it built a URL outside the API URL); nothing was sent. Please report it.',
        });
      }
      for (const [key, value] of Object.entries(o.searchParams ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
      const signal = o.signal ? AbortSignal.any([o.signal, lifetime.signal]) : lifetime.signal;
      const where = `GET ${path.split('?')[0]}`;
      // The readability check parses the body; keep that parse so a page is parsed once, not twice.
      let parsed: { text: string; json: ReturnType<typeof tryJson> } | undefined;
      const readable = (text: string) => (parsed = { text, json: tryJson(text) }).json.ok;
      const res = await requester.request({ method: 'GET', url: url.toString(), headers: { accept: 'application/json' }, signal, onProgress: o.onProgress, readable });
      // Header values are vendor text: a server echoing the Authorization header must not put the token in an error.
      const header = options.correlationIdHeader ? res.headers.get(options.correlationIdHeader) : null;
      const correlationId = header ? redact(header, secrets()) : undefined;
      const json = parsed?.text === res.text ? parsed.json : tryJson(res.text);
      if (!json.ok) {
        // Redact the whole body before cutting it: a cut secret would no longer match.
        const start = redact(res.text, secrets()).trim().slice(0, 60).replace(/\s+/g, ' ');
        throw notJsonError({ connector, where, start, correlationId });
      }
      return { data: validate(o.schema, json.value, { connector, where, correlationId, secrets }), correlationId };
    },
    get stats() {
      return { ...stats };
    },
    dispose() {
      lifetime.abort(new DOMException('The HTTP client was disposed', 'AbortError'));
    },
  };
}

// A header value with CR/LF or another control character could smuggle extra headers in (or make
// every call fail as a retried network error that echoes it): refuse it before anything is sent.
const HEADER_SAFE = /^[\x20-\x7e]*$/;

function checkHeaders(connector: string, headers: Record<string, string> | undefined): void {
  const bad = Object.entries(headers ?? {}).filter(([name, value]) => !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || !HEADER_SAFE.test(value));
  if (!bad.length) return;
  throw new ConfigurationError({
    connector,
    issues: bad.map(([name]) => ({ field: `headers.${name}`, message: 'contains a line break or another character not allowed in an HTTP header; copy the value again' })),
  });
}

// A vendor may echo a secret URL-encoded (a form body) or JSON-escaped; mask those spellings too.
function withEncodings(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const secret of secrets) {
    out.add(secret);
    out.add(encodeURIComponent(secret));
    out.add(new URLSearchParams({ s: secret }).toString().slice(2));
    out.add(JSON.stringify(secret).slice(1, -1));
  }
  return [...out];
}
