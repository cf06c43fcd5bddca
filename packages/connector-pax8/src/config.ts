import { ConfigurationError, httpsUrl, isConfigurationError, parseOptions, type ConfigIssue } from '@vectis/connector-core';
import { z } from 'zod';

// Option building blocks shared in shape by the three stub connectors (pax8, sherweb, synnex).
// Messages go through core's parseOptions, which keeps only `custom` messages verbatim, so every
// hint meant for the user is raised as a custom issue.

/** Fields every connector takes for tuning, with this vendor's pacing default. */
export function tuningFields(pacing: { limit: number; intervalMs: number }) {
  return {
    /** Allows `http://` URLs on a loopback host (local fakes and tests); never needed in production. */
    allowInsecureLoopback: z.boolean().default(false),
    /** Per-attempt timeout. */
    timeoutMs: z.int().min(1000).max(300_000).default(30_000),
    retry: z
      .strictObject({
        /** Retries after the first attempt, for 429, 5xx and network errors on idempotent calls. */
        limit: z.int().min(0).max(10).default(3),
        /** Longest `Retry-After` the connector waits for; a longer one fails with `RateLimitError`. */
        maxRetryAfterMs: z.int().min(0).max(900_000).default(60_000),
      })
      .prefault({}),
    /** Proactive pacing: at most `limit` requests per `intervalMs`, per connector instance. */
    pacing: z.strictObject({ limit: z.int().min(1), intervalMs: z.int().min(1) }).default(pacing),
    /** A fetch implementation (tests, proxies, instrumentation). Defaults to the global fetch. */
    fetch: z
      .custom<typeof globalThis.fetch>((v) => typeof v === 'function', { message: 'must be a fetch-compatible function' })
      .optional(),
  };
}

/**
 * An API or token URL: https, or http on a loopback host; `requireLoopbackOptIn` then demands
 * `allowInsecureLoopback: true` for the latter (core's `httpsUrl` can't see sibling options).
 */
export function serviceUrl(): z.ZodType<string> {
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
