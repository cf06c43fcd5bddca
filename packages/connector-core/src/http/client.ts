// The only file in the repository that imports ky: one attempt per call (ky's own retry is off),
// because retry, 401 renewal and Retry-After policy live in ./request so they can be tested alone.
import ky, { isTimeoutError as isKyTimeout } from 'ky';
import pThrottle from 'p-throttle';
import type { z } from 'zod';
import type { AuthStrategy } from '../auth/types';
import type { ProgressEvent } from '../connector';
import { type ErrorRemedies, NetworkError, redact, TimeoutError, VectisError } from '../errors/index';
import { notJsonError, validate } from './drift';
import { type ErrorBodyReader, tryJson } from './failure';
import { readOnlyFetch } from './guard';
import { createRequester, type Exchange, type RetryPolicy } from './request';
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
  /** Proactive pacing per client instance; token calls count. `false` turns it off. */
  pacing?: { limit: number; intervalMs: number } | false;
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
  const base = options.baseUrl.replace(/\/+$/, '');
  const resolve = (path: string) => (/^https?:\/\//i.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`);
  const secrets = () => withEncodings([...(options.secrets ?? []), ...auth.secrets()]);
  const guardedFetch = readOnlyFetch({
    connector,
    fetch: options.fetch,
    allow: [{ method: auth.tokenCall.method, url: resolve(auth.tokenCall.url) }],
    secrets,
  });
  const timeoutMs = options.timeoutMs ?? 60_000;
  const lifetime = new AbortController();
  const pacing = options.pacing ? options.pacing : undefined;
  const gate = pacing ? pThrottle({ limit: pacing.limit, interval: pacing.intervalMs, strict: true, signal: lifetime.signal })(async () => undefined) : undefined;
  const slots = createSemaphore(Math.max(1, options.concurrency ?? 2));
  const stats: HttpClientStats = { requests: 0, retries: 0, rateLimitWaits: 0, tokenRequests: 0, unauthorizedRetries: 0 };
  const policy: RetryPolicy = {
    limit: options.retry?.limit ?? 3,
    baseDelayMs: options.retry?.baseDelayMs ?? 1_000,
    maxRetryAfterMs: options.retry?.maxRetryAfterMs ?? 120_000,
    defaultRetryAfterMs: options.retry?.defaultRetryAfterMs ?? 60_000,
  };

  /** One attempt: a concurrency slot, a pacing slot, one guarded ky call with its own timeout. */
  async function exchange(
    req: { method: string; url: string; headers: Record<string, string>; body?: string | undefined; signal: AbortSignal },
    emit: (e: ProgressEvent) => void,
    attempt: number,
  ): Promise<Exchange> {
    const release = await slots.acquire(req.signal);
    try {
      if (gate) {
        const started = Date.now();
        await abortable(Promise.resolve(gate()), req.signal);
        const waitMs = Date.now() - started;
        if (waitMs >= 5) emit({ type: 'rate-limit-wait', connector, waitMs, reason: 'pacing' });
      }
      const url = new URL(req.url);
      emit({ type: 'request', connector, method: req.method, path: redact(`${url.pathname}${url.search}`, secrets()), attempt });
      stats.requests++;
      const started = Date.now();
      const response = await ky(req.url, {
        method: req.method,
        headers: { ...options.headers, ...req.headers },
        ...(req.body === undefined ? {} : { body: req.body }),
        signal: req.signal,
        retry: 0,
        timeout: timeoutMs,
        throwHttpErrors: false,
        fetch: guardedFetch,
      });
      // ky's timeout ends at the headers; a body that stalls must count against the same attempt budget.
      const text = await withinDeadline(abortable(response.text(), req.signal), timeoutMs - (Date.now() - started), () => {
        void response.body?.cancel().catch(() => undefined);
        return new TimeoutError({ connector, method: req.method, url: redact(req.url, secrets()), timeoutMs });
      });
      return { status: response.status, statusText: response.statusText, headers: response.headers, text };
    } catch (error) {
      if (req.signal.aborted) throw req.signal.reason;
      if (error instanceof VectisError) throw error;
      const url = redact(req.url, secrets());
      if (isKyTimeout(error)) throw new TimeoutError({ connector, method: req.method, url, timeoutMs });
      // ky's NetworkError holds the Request (with its Authorization header): keep only the underlying cause.
      const root = error instanceof Error && error.cause instanceof Error ? error.cause : error;
      const reason = root instanceof Error ? redact(root.message, secrets()) : undefined;
      throw new NetworkError({ connector, method: req.method, url, reason, cause: root });
    } finally {
      release();
    }
  }

  const requester = createRequester({ connector, auth, policy, stats, secrets, resolve, exchange, options });

  return {
    async get<T>(path: string, o: GetOptions<T>) {
      if (lifetime.signal.aborted) throw new VectisError('the HTTP client was disposed', { connector, remedy: 'Create a new connector; this one was disposed.' });
      const url = new URL(resolve(path));
      for (const [key, value] of Object.entries(o.searchParams ?? {})) if (value !== undefined) url.searchParams.set(key, String(value));
      const signal = o.signal ? AbortSignal.any([o.signal, lifetime.signal]) : lifetime.signal;
      const where = `GET ${path.split('?')[0]}`;
      const res = await requester.request({ method: 'GET', url: url.toString(), headers: { accept: 'application/json' }, signal, onProgress: o.onProgress });
      const correlationId = options.correlationIdHeader ? (res.headers.get(options.correlationIdHeader) ?? undefined) : undefined;
      const json = tryJson(res.text);
      if (!json.ok) {
        const start = redact(res.text.trim().slice(0, 60), secrets()).replace(/\s+/g, ' ');
        throw notJsonError({ connector, where, start, correlationId });
      }
      return { data: validate(o.schema, json.value, { connector, where, correlationId }), correlationId };
    },
    get stats() {
      return { ...stats };
    },
    dispose() {
      lifetime.abort(new DOMException('The HTTP client was disposed', 'AbortError'));
    },
  };
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
