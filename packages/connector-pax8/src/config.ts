import { ConfigurationError, redact, type ConfigIssue } from '@vectis/connector-core';
import { z } from 'zod';

// Local stand-ins for the option helpers connector-core is adding (parseOptions, httpsUrl).
// Kept private to this package and swapped for the core ones once they land.

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Fields every connector takes for tuning, with this vendor's pacing default. */
export function tuningFields(pacing: { limit: number; intervalMs: number }) {
  return {
    /** Allows `http://` API/token URLs on a loopback host (local fakes and tests); never needed in production. */
    allowInsecureLoopback: z.boolean().default(false),
    /** Per-attempt timeout. */
    timeoutMs: z.int().min(1000, 'must be at least 1000 ms').max(300_000, 'must be at most 300000 ms (5 min)').default(30_000),
    retry: z
      .strictObject({
        /** Retries after the first attempt, for 429, 5xx and network errors on idempotent calls. */
        limit: z.int().min(0, 'must be 0 or more').max(10, 'must be at most 10').default(3),
        /** Longest `Retry-After` the connector waits for; a longer one fails with `RateLimitError`. */
        maxRetryAfterMs: z.int().min(0, 'must be 0 or more').max(900_000, 'must be at most 900000 ms (15 min)').default(60_000),
      })
      .prefault({}),
    /** Proactive pacing: at most `limit` requests per `intervalMs`, per connector instance. */
    pacing: z
      .strictObject({
        limit: z.int().min(1, 'must be at least 1'),
        intervalMs: z.int().min(1, 'must be at least 1 ms'),
      })
      .default(pacing),
    /** A fetch implementation (tests, proxies, instrumentation). Defaults to the global fetch. */
    fetch: z
      .custom<typeof globalThis.fetch>((v) => typeof v === 'function', { message: 'must be a fetch-compatible function' })
      .optional(),
  };
}

/**
 * An https URL (http only on a loopback host, which `insecureLoopback` then has to allow).
 * No credentials, query or fragment; a trailing slash is dropped.
 */
export function serviceUrl(what: string) {
  return z
    .string({ error: `must be a URL string (${what})` })
    .superRefine((value, ctx) => {
      const problem = urlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    // Refinement issues don't abort zod's pipeline, so the transform must survive an invalid value.
    .transform((value) => (urlProblem(value) ? value : new URL(value).href.replace(/\/+$/, '')));
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL such as https://host/path';
  }
  if (url.username || url.password) return 'must not contain credentials; pass them as options instead';
  if (url.search || url.hash) return 'must not contain a query string or fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return 'must use https (http is allowed only on a loopback host with allowInsecureLoopback: true)';
}

/** Reports every `http://` URL among `fields` when `allowInsecureLoopback` is not set. */
export function requireLoopbackOptIn(fields: readonly string[]) {
  return (value: unknown, ctx: z.RefinementCtx): void => {
    if (!isRecord(value) || value.allowInsecureLoopback === true) return;
    for (const field of fields) {
      const url = value[field];
      // Only loopback http URLs get here without their own issue; say what unlocks them.
      if (typeof url === 'string' && !urlProblem(url) && new URL(url).protocol === 'http:') {
        ctx.addIssue({ code: 'custom', path: [field], message: 'uses http; set allowInsecureLoopback: true (local fakes only) or use https' });
      }
    }
  };
}

/**
 * A credential sent in a header or form body: required, trimmed, visible ASCII without spaces
 * (so a pasted line break or a second value can't smuggle extra headers in).
 */
export function credential(whereToFindIt: string) {
  return z
    .string({ error: (iss) => (iss.input === undefined ? `is required: ${whereToFindIt}` : 'must be a string') })
    .trim()
    .min(1, `is required: ${whereToFindIt}`)
    .regex(/^[\x21-\x7e]*$/, 'must be a single token of visible ASCII characters (no spaces or line breaks); copy it again');
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses options with `schema`; on failure throws one `ConfigurationError` listing every bad field.
 * Values are never echoed, and every string the caller passed is redacted from the messages anyway.
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, connector: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const secrets = isRecord(input) ? Object.values(input).filter((v): v is string => typeof v === 'string') : [];
  const issues: ConfigIssue[] = [];
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push({ field: [...issue.path, key].join('.'), message: 'is not an option of this connector; check its spelling' });
    } else {
      issues.push({ field: issue.path.join('.') || '(options)', message: redact(issue.message, secrets) });
    }
  }
  throw new ConfigurationError({ connector, issues });
}
