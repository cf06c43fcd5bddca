import type { ProgressEvent } from '../connector';
import { ConfigurationError, isConfigurationError, type ConfigIssue } from '../errors/index';
import { isRateBudget, type RateBudget } from '../http/pacing';
import { httpsUrl, parseOptions } from './options';
import { z } from 'zod';

// Option building blocks every connector's options schema is made of (tuning, credentials, URLs),
// so connectors validate the same way and stay small.
// Messages go through core's parseOptions, which keeps only `custom` messages verbatim, so every
// hint meant for the user is raised as a custom issue.

// A RateBudget object (e.g. a budget shared by workers) replaces the in-process pacer.
type Pacing = { limit: number; intervalMs: number } | RateBudget | false;

const isPositiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;
const isPacing = (v: unknown): v is Pacing =>
  v === false ||
  isRateBudget(v) ||
  (isRecord(v) && Object.keys(v).every((k) => k === 'limit' || k === 'intervalMs') && isPositiveInt(v.limit) && isPositiveInt(v.intervalMs));

const fn = <T>(what: string) => z.custom<T>((v) => typeof v === 'function', { message: `must be a function (${what})` });

/**
 * Tuning every connector takes, shaped like core's `HttpClientOptions` (and the contract suite's
 * `env.tuning`), with this vendor's pacing default; the other defaults are the kernel's.
 */
export function tuningFields(pacing: { limit: number; intervalMs: number }) {
  return {
    /** Allows `http://` URLs on a loopback host (local fakes and tests); never needed in production. */
    allowInsecureLoopback: z.boolean().default(false),
    /** Per-attempt timeout, not across retries. */
    timeoutMs: z.int().min(1).max(600_000).default(60_000),
    retry: z
      .strictObject({
        /** Retries after the first attempt (429, 502/503/504, network errors; idempotent calls only). */
        limit: z.int().min(0).max(10).default(3),
        /** First backoff step when the vendor gives no `Retry-After`. */
        baseDelayMs: z.int().min(0).max(600_000).default(1_000),
        /** Longest `Retry-After` the connector waits out; a longer one fails with `RateLimitError`. */
        maxRetryAfterMs: z.int().min(0).max(3_600_000).default(120_000),
        /** Wait after a 429 that carries no `Retry-After`. */
        defaultRetryAfterMs: z.int().min(0).max(3_600_000).default(60_000),
      })
      .prefault({}),
    /** Proactive pacing per connector instance: at most `limit` requests per `intervalMs`; `false` turns it off; a `RateBudget` object (shared budget) replaces it. */
    pacing: z
      .custom<Pacing>(isPacing, { message: 'must be false (no pacing), { limit, intervalMs } with positive whole numbers, or a rate budget with acquire()' })
      .default(pacing),
    /** Requests in flight. */
    concurrency: z.int().min(1).max(16).default(2),
    /** A fetch implementation (tests, proxies, instrumentation). Defaults to the global fetch at call time. */
    fetch: fn<typeof globalThis.fetch>('fetch-compatible').optional(),
    /** Called before waiting out a 429; return `false` to stop and throw `RateLimitError` instead. */
    onRateLimit: fn<(info: { retryAfterMs: number; attempt: number; url: string }) => boolean | void>('onRateLimit').optional(),
    /** Receives `request`, `retry`, `rate-limit-wait` and `token` events. */
    onProgress: fn<(event: ProgressEvent) => void>('onProgress').optional(),
  };
}

/** The tuning options every connector accepts, as callers pass them (all optional). */
export type ConnectorTuningOptions = z.input<z.ZodObject<ReturnType<typeof tuningFields>>>;

/**
 * An API or token URL: https, or http on a loopback host; `loopbackOptIn` then demands
 * `allowInsecureLoopback: true` for the latter (core's `httpsUrl` can't see sibling options).
 */
export function serviceUrl(): z.ZodType<string, string> {
  return httpsUrl({ allowInsecureLoopback: true });
}

function isLoopbackHttp(value: unknown): boolean {
  if (typeof value !== 'string' || !URL.canParse(value.trim())) return false;
  const url = new URL(value.trim());
  return url.protocol === 'http:' && /^(localhost|\[::1\]|127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i.test(url.hostname);
}

const LOOPBACK_MESSAGE = 'uses plain http; set allowInsecureLoopback: true (local fakes only) or use https';

/** A cross-field rule over the raw input; run both as a schema refinement and by `parseConnectorOptions`. */
export type CrossCheck = (input: unknown) => ConfigIssue[];

/** http on loopback among `fields` needs `allowInsecureLoopback: true`. */
export function loopbackOptIn(fields: readonly string[]): CrossCheck {
  return (value) => {
    if (!isRecord(value) || value.allowInsecureLoopback === true) return [];
    return fields.filter((field) => isLoopbackHttp(value[field])).map((field) => ({ field, message: LOOPBACK_MESSAGE }));
  };
}

/** A `CrossCheck` as a zod object refinement. */
export function refinement(check: CrossCheck) {
  return (value: unknown, ctx: z.RefinementCtx): void => {
    for (const issue of check(value)) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.message });
  };
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const NOT_A_TOKEN = 'must be a single token of visible ASCII characters (no spaces or line breaks); copy it again';

/**
 * A credential sent in a header or form body: trimmed, non-empty, visible ASCII without spaces
 * (so a pasted line break or a second value can't smuggle extra headers in).
 */
export function credential(whereToFindIt: string) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: `is required: ${whereToFindIt}` });
      else if (!VISIBLE_ASCII.test(value)) ctx.addIssue({ code: 'custom', message: NOT_A_TOKEN });
    });
}

/** An optional credential; blank (as a form sends an empty field) means absent. */
export function optionalCredential() {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value !== '' && !VISIBLE_ASCII.test(value)) ctx.addIssue({ code: 'custom', message: NOT_A_TOKEN });
    })
    .optional()
    .transform((value) => value || undefined);
}

const HEADER_SAFE = /^[\x20-\x7e]+$/;
const NOT_HEADER_SAFE = 'contains a line break or another character that cannot be sent in an HTTP header; copy it again';

/**
 * A non-secret option sent as a header value (an application or client id): trimmed, non-empty,
 * printable ASCII only, so CR/LF can never split the header or smuggle another one in.
 *
 * @example
 * z.object({ clientId: optionalHeaderValue() })
 */
export function headerValue(whereToFindIt: string) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') ctx.addIssue({ code: 'custom', message: `is required: ${whereToFindIt}` });
      else if (!HEADER_SAFE.test(value)) ctx.addIssue({ code: 'custom', message: NOT_HEADER_SAFE });
    });
}

/** An optional {@link headerValue}; blank means absent. */
export function optionalHeaderValue() {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value !== '' && !HEADER_SAFE.test(value)) ctx.addIssue({ code: 'custom', message: NOT_HEADER_SAFE });
    })
    .optional()
    .transform((value) => value || undefined);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Core's `parseOptions` (one ConfigurationError listing every bad field, values never echoed),
 * with a remedy that says where this vendor's credentials live.
 */
export function parseConnectorOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  at: { connector: string; remedy: string; checks: readonly CrossCheck[] },
): z.output<S> {
  try {
    return parseOptions(schema, input, at.connector);
  } catch (err) {
    if (!isConfigurationError(err)) throw err;
    // zod skips object-level refinements once a field aborts (e.g. a non-integer timeout), so the
    // cross-field rules are re-run on the raw input to keep the promise of listing every bad field.
    const seen = new Set(err.issues.map((i) => `${i.field}\n${i.message}`));
    const missed = at.checks.flatMap((check) => check(input)).filter((i) => !seen.has(`${i.field}\n${i.message}`));
    throw new ConfigurationError({ connector: at.connector, issues: [...err.issues, ...missed], remedy: at.remedy });
  }
}
