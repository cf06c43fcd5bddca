import { z } from 'zod';
import type { AuthStrategy, TokenSender } from '../auth/types';
import type { ProgressEvent } from '../connector';
import { isNetworkError, isTimeoutError, isVectisError, redact, type VectisError } from '../errors/index';
import { driftIssues, notJsonError } from './drift';
import { type ErrorBodyReader, responseError, tryJson } from './failure';
import { backoffMs, parseRetryAfter, sleep } from './timing';
import type { ErrorRemedies } from '../errors/index';
import { SchemaDriftError } from '../errors/index';

/** One HTTP answer, body read. */
export interface Exchange {
  status: number;
  statusText: string;
  headers: Headers;
  text: string;
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

interface RequestInput {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | undefined;
  signal: AbortSignal;
  onProgress?: ((event: ProgressEvent) => void) | undefined;
  /** True for the auth strategy's own token call (no bearer header, no 401 renewal). */
  tokenCall?: boolean;
}

function isAbortError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

const BACKOFF_STATUSES = new Set([502, 503, 504]);
const UNABORTABLE = new AbortController().signal;

/**
 * The retry policy around single attempts: 401 → renew the token once and retry once; 429 → wait
 * `Retry-After` (or the default) unless above the cap or vetoed by `onRateLimit`; 502/503/504,
 * network errors and timeouts → jittered exponential backoff. All waits are abortable.
 */
export function createRequester(k: {
  connector: string;
  auth: AuthStrategy;
  policy: RetryPolicy;
  stats: Stats;
  secrets: () => readonly string[];
  resolve: (path: string) => string;
  exchange: (req: RequestInput, emit: (e: ProgressEvent) => void, attempt: number) => Promise<Exchange>;
  options: {
    remedies?: ErrorRemedies | undefined;
    correlationIdHeader?: string | undefined;
    errorBody?: ErrorBodyReader | undefined;
    retryAfterFromBody?: ((body: unknown) => number | undefined) | undefined;
    onRateLimit?: ((info: { retryAfterMs: number; attempt: number; url: string }) => boolean | void) | undefined;
    onProgress?: ((event: ProgressEvent) => void) | undefined;
  };
}) {
  const { connector, auth, policy, stats } = k;

  function emitter(local?: (e: ProgressEvent) => void) {
    return (event: ProgressEvent) => {
      k.options.onProgress?.(event);
      local?.(event);
    };
  }

  function failure(req: RequestInput, res: Exchange, retryAfterMs?: number): VectisError {
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
      tokenRemedy: auth.remedy,
      tokenCall: req.tokenCall === true,
    });
  }

  async function authorize(req: RequestInput, emit: (e: ProgressEvent) => void) {
    const send: TokenSender = async (token) => {
      stats.tokenRequests++;
      const url = k.resolve(token.url);
      // A rotating refresh (retryTokenCall false) is not cut off by the caller's abort: the vendor may
      // already have rotated, and dropping its answer would lose the only valid refresh token. It
      // still ends within the per-attempt timeout.
      const signal = auth.retryTokenCall ? req.signal : UNABORTABLE;
      const res = await request({ method: 'POST', url, headers: token.headers, body: token.body, signal, onProgress: req.onProgress, tokenCall: true });
      const json = tryJson(res.text);
      if (!json.ok) throw notJsonError({ connector, where: `POST ${new URL(url).pathname}`, start: redact(res.text.trim().slice(0, 60), k.secrets()) });
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
      let token: string | undefined;
      let headers = req.headers;
      if (!req.tokenCall) {
        const a = await authorize(req, emit);
        token = a.token;
        headers = { ...headers, ...a.headers };
      }
      let res: Exchange;
      try {
        res = await k.exchange({ ...req, headers }, emit, retries + 1);
      } catch (error) {
        if (retryable && retries < policy.limit && (isNetworkError(error) || isTimeoutError(error))) {
          await backoff(req, emit, retries, isTimeoutError(error) ? 'timeout' : 'network');
          retries++;
          continue;
        }
        throw error;
      }
      if (res.status >= 200 && res.status < 300) return res;
      if (res.status === 401 && token !== undefined && !renewed) {
        // One renewal, one retry: a second 401 means the credentials themselves are refused.
        renewed = true;
        stats.unauthorizedRetries++;
        auth.invalidate(token);
        continue;
      }
      const retryAfter = parseRetryAfter(res.headers.get('retry-after')) ?? bodyRetryAfter(res);
      if (res.status === 429) {
        const waitMs = retryAfter ?? policy.defaultRetryAfterMs;
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
