import { z } from 'zod';
import type { Authorization, AuthStrategy, TokenSender } from '../auth/types';
import type { ProgressEvent } from '../connector';
import { isNetworkError, isTimeoutError, isVectisError, RedirectError, redact, type VectisError } from '../errors/index';
import type { ErrorRemedies } from '../errors/index';
import { SchemaDriftError } from '../errors/index';
import { driftIssues, notJsonError } from './drift';
import { correlationOf, type ErrorBodyReader, responseError, tryJson } from './failure';
import { backoffMs, parseRetryAfter, sleep } from './timing';

/** One HTTP answer, body read. */
export interface Exchange {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
  /** The access token the request was sent with (absent on the token call). */
  token?: string | undefined;
}

export interface RetryPolicy {
  limit: number;
  baseDelayMs: number;
  maxRetryAfterMs: number;
  defaultRetryAfterMs: number;
}

interface Stats {
  requests: number;
  retries: number;
  rateLimitWaits: number;
  tokenRequests: number;
  unauthorizedRetries: number;
}

export interface RequestInput {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal: AbortSignal;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
  /** True for the auth strategy's own token call (no bearer header, no 401 renewal). */
  tokenCall?: boolean;
  /** A 2xx body this rejects (truncated or non-JSON) is retried within the retry budget. */
  readable?: ((text: string) => boolean) | undefined;
}

/** Sends one attempt; `authorize`, when given, is called right before sending (after every queue). */
export type ExchangeFn = (
  req: RequestInput,
  emit: (e: ProgressEvent) => void,
  attempt: number,
  authorize: (() => Promise<Authorization>) | undefined,
) => Promise<Exchange>;

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

const BACKOFF_STATUSES = new Set([502, 503, 504]);
const UNABORTABLE = new AbortController().signal;

const REVOKED_REMEDY =
  'The distributor rejected the access token after it had worked earlier in this run, and a renewed token was refused too: the token or the credentials were probably revoked or rotated elsewhere (another tool, a password or key reset). Check that the API user and key are still active, and configure the current credentials.';
const REVOKED_TOKEN_CALL_REMEDY =
  'The token call was refused although the same credentials worked earlier in this run: they were probably changed, revoked or rotated elsewhere (another tool, a password or key reset). Configure the current credentials.';

/** Every string in a token response: a token is a secret from its first byte, before any parser has seen it. */
function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.length >= 8) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) stringsIn(v, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) stringsIn(v, out);
  }
  return out;
}

/**
 * The retry policy around single attempts: 401 → renew the token once and retry once; 429 → wait
 * `Retry-After` (or the default) unless above the cap or vetoed by `onRateLimit`; 502/503/504,
 * network errors, timeouts and unreadable 2xx bodies → jittered exponential backoff; 3xx →
 * `RedirectError` (never followed). All waits are abortable.
 */
export function createRequester(k: {
  connector: string;
  auth: AuthStrategy;
  policy: RetryPolicy;
  stats: Stats;
  secrets: () => readonly string[];
  /** Registers a value (e.g. a fresh token) as a secret for every later redaction. */
  addSecret: (secret: string) => void;
  resolve: (path: string) => string;
  exchange: ExchangeFn;
  options: {
    remedies?: ErrorRemedies | undefined;
    correlationIdHeader?: string | undefined;
    errorBody?: ErrorBodyReader | undefined;
    retryAfterFromBody?: ((body: unknown) => number | undefined) | undefined;
    onRateLimit?: ((info: { retryAfterMs: number; attempt: number; url: string }) => boolean | void) | undefined;
    /** Told about every 429 with the wait it asks for (a shared rate budget pushes its schedule back). */
    penalize?: ((retryAfterMs: number) => void) | undefined;
    onProgress?: ((event: ProgressEvent) => void) | undefined;
  };
}) {
  const { connector, auth, policy, stats } = k;
  // Set once a request with a bearer token succeeded: a later refusal means revoked, not mistyped.
  let worked = false;

  function emitter(local?: (e: ProgressEvent) => void) {
    return (event: ProgressEvent) => {
      k.options.onProgress?.(event);
      local?.(event);
    };
  }

  function failure(req: RequestInput, res: Exchange, retryAfterMs?: number, remedy?: string): VectisError {
    return responseError({
      connector,
      method: req.method,
      url: req.url,
      status: res.status,
      statusText: res.statusText,
      text: res.text,
      headers: res.headers,
      secrets: k.secrets(),
      remedies: k.options.remedies ?? {},
      correlationIdHeader: k.options.correlationIdHeader,
      errorBody: k.options.errorBody,
      retryAfterMs,
      tokenRemedy: worked ? REVOKED_TOKEN_CALL_REMEDY : auth.remedy,
      tokenCall: req.tokenCall === true,
      remedy,
    });
  }

  function redirect(req: RequestInput, res: Exchange): RedirectError {
    const secrets = k.secrets();
    let targetOrigin: string | undefined;
    try {
      const location = res.headers.get('location');
      // Only the origin is kept: the target's path or query may carry anything, secrets included.
      if (location) targetOrigin = redact(new URL(location, req.url).origin, secrets);
    } catch {
      targetOrigin = undefined;
    }
    const correlationId = correlationOf(res.headers, k.options.correlationIdHeader, undefined, undefined);
    return new RedirectError({
      connector,
      status: res.status,
      statusText: redact(res.statusText, secrets) || undefined,
      method: req.method,
      url: redact(req.url, secrets),
      targetOrigin,
      correlationId: correlationId === undefined ? undefined : redact(correlationId, secrets),
    });
  }

  async function authorize(req: RequestInput, emit: (e: ProgressEvent) => void): Promise<Authorization> {
    const send: TokenSender = async (token) => {
      stats.tokenRequests++;
      const url = k.resolve(token.url);
      // A rotating refresh (retryTokenCall false) is not cut off by the caller's abort: the vendor may
      // already have rotated, and dropping its answer would lose the only valid refresh token. It
      // still ends within the per-attempt timeout.
      const signal = auth.retryTokenCall ? req.signal : UNABORTABLE;
      const readable = (text: string) => tryJson(text).ok;
      const res = await request({ method: 'POST', url, headers: token.headers, body: token.body, signal, onProgress: req.onProgress, tokenCall: true, readable });
      const json = tryJson(res.text);
      // Not even a snippet of an unreadable token response is shown: it may hold a token prefix.
      if (!json.ok) throw notJsonError({ connector, where: `POST ${new URL(url).pathname}`, start: undefined });
      for (const secret of stringsIn(json.value)) k.addSecret(secret);
      return json.value;
    };
    for (let shared = 0; ; shared++) {
      try {
        return await auth.authorize(send, (reason) => emit({ type: 'token', connector, reason }));
      } catch (error) {
        if (req.signal.aborted) throw req.signal.reason;
        // The single-flight token call belonged to another request that was aborted: ask again.
        if (isAbortError(error) && shared < 2) continue;
        throw tokenFailure(error);
      }
    }
  }

  function tokenFailure(error: unknown): unknown {
    if (isVectisError(error) || isAbortError(error)) return error;
    const where = `POST ${new URL(k.resolve(auth.tokenCall.url)).pathname}`;
    if (error instanceof z.ZodError) return new SchemaDriftError({ connector, where, issues: driftIssues(error) });
    // A caller-supplied parse threw something else: report it as drift without echoing the token body.
    return new SchemaDriftError({ connector, where, issues: [{ path: '', message: 'the token response could not be read' }] });
  }

  async function backoff(req: RequestInput, emit: (e: ProgressEvent) => void, retries: number, reason: string, status?: number) {
    const waitMs = backoffMs(policy.baseDelayMs, retries);
    stats.retries++;
    emit({ type: 'retry', connector, attempt: retries + 1, waitMs, reason, status });
    await sleep(waitMs, req.signal);
  }

  // Only when the header is absent, and only for the statuses that carry a wait.
  function bodyRetryAfter(res: Exchange): number | undefined {
    if (!k.options.retryAfterFromBody || (res.status !== 429 && res.status !== 503)) return undefined;
    const json = tryJson(res.text);
    let ms: number | undefined;
    try {
      ms = json.ok ? k.options.retryAfterFromBody(json.value) : undefined;
    } catch {
      ms = undefined; // a reader that cannot read this body must not turn a 429 into another error
    }
    return ms !== undefined && Number.isFinite(ms) && ms >= 0 ? ms : undefined;
  }

  async function request(req: RequestInput): Promise<Exchange> {
    const emit = emitter(req.onProgress);
    const retryable = !req.tokenCall || auth.retryTokenCall;
    let retries = 0;
    let renewed = false;
    for (;;) {
      if (req.signal.aborted) throw req.signal.reason;
      // A failed token call already ran its own retries: it must not be retried again as this request's network error.
      let authFailed = false;
      const authorizeNow = req.tokenCall
        ? undefined
        : async () => {
            try {
              return await authorize(req, emit);
            } catch (error) {
              authFailed = true;
              throw error;
            }
          };
      let res: Exchange;
      try {
        res = await k.exchange(req, emit, retries + 1, authorizeNow);
      } catch (error) {
        if (!authFailed && retryable && retries < policy.limit && (isNetworkError(error) || isTimeoutError(error))) {
          await backoff(req, emit, retries, isTimeoutError(error) ? 'timeout' : 'network');
          retries++;
          continue;
        }
        throw error;
      }
      const token = res.token;
      if (res.status >= 200 && res.status < 300) {
        // A truncated or non-JSON 200 is usually a gateway hiccup: worth another attempt.
        if (req.readable && !req.readable(res.text) && retryable && retries < policy.limit) {
          await backoff(req, emit, retries, 'unreadable body', res.status);
          retries++;
          continue;
        }
        if (token !== undefined) worked = true;
        return res;
      }
      // fetch runs with redirect: 'manual'; a browser-style fetch reports an opaque redirect as status 0.
      if ((res.status >= 300 && res.status < 400) || res.status === 0) throw redirect(req, res);
      if (res.status === 401 && token !== undefined && !renewed) {
        // One renewal, one retry: a second 401 means the credentials themselves are refused.
        renewed = true;
        stats.unauthorizedRetries++;
        auth.invalidate(token);
        continue;
      }
      if (res.status === 401 && token !== undefined && worked) throw failure(req, res, undefined, REVOKED_REMEDY);
      const retryAfter = parseRetryAfter(res.headers.get('retry-after')) ?? bodyRetryAfter(res);
      if (res.status === 429) {
        const waitMs = retryAfter ?? policy.defaultRetryAfterMs;
        k.options.penalize?.(waitMs);
        if (waitMs > policy.maxRetryAfterMs || retries >= policy.limit || !retryable) throw failure(req, res, waitMs);
        const info = { retryAfterMs: waitMs, attempt: retries + 1, url: redact(req.url, k.secrets()) };
        if (k.options.onRateLimit?.(info) === false) throw failure(req, res, waitMs);
        stats.rateLimitWaits++;
        stats.retries++;
        emit({ type: 'rate-limit-wait', connector, waitMs, reason: 'retry-after' });
        await sleep(waitMs, req.signal);
        retries++;
        continue;
      }
      if (BACKOFF_STATUSES.has(res.status) && retryable && retries < policy.limit) {
        if (res.status === 503 && retryAfter !== undefined && retryAfter <= policy.maxRetryAfterMs) {
          stats.retries++;
          stats.rateLimitWaits++;
          emit({ type: 'rate-limit-wait', connector, waitMs: retryAfter, reason: 'retry-after' });
          await sleep(retryAfter, req.signal);
        } else {
          await backoff(req, emit, retries, `HTTP ${res.status}`, res.status);
        }
        retries++;
        continue;
      }
      throw failure(req, res, res.status === 429 ? retryAfter : undefined);
    }
  }

  return { request };
}
