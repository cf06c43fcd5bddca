import { type ConfigIssue, ConfigurationError, isConfigurationError, parseOptions, type ProgressEvent } from '@vectis/connector-core';
import { z } from 'zod';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoint';

/** Options of {@link createIngramConnector}. Every bad option is reported at once as a `ConfigurationError`. */
export interface IngramConnectorOptions {
  /** The Marketplace API user (its login ends in `.api`; shown as "CMPAPI User"). */
  username: string;
  /** That user's password (set or reset under Users in Cloud Marketplace). */
  password: string;
  /** The subscription key from the Marketplace API page; sent as `X-Subscription-Key` on every call. */
  subscriptionKey: string;
  /** Marketplace code sent in the token body, e.g. `us`, `uk`, `se`. Derived from a two-label `region` when omitted. */
  marketplace?: string;
  /** The API URL shown on the Marketplace API page, e.g. `https://api.cloud.im/marketplace/na`. Wins over `region`. */
  apiUrl?: string;
  /** The product's "region": the control-panel sub-domain (`us.na`), host (`cp.us.na.cloud.im`) or URL. */
  region?: string;
  /** Application id from Ingram support, sent as `X-Client-Id` (NOTES call it `applicationId`; both accepted). */
  clientId?: string;
  applicationId?: string;
  /** Proactive budget per subscription key (default 45 per 60 000 ms, under the product's promised 50/min); `false` disables. */
  pacing?: { limit: number; intervalMs: number } | false;
  /** Requests in flight (default 2). */
  concurrency?: number;
  /** Per-attempt timeout in ms (default 60 000: the API is slow). */
  timeoutMs?: number;
  retry?: { limit?: number; baseDelayMs?: number; maxRetryAfterMs?: number; defaultRetryAfterMs?: number };
  /** Records asked per list page (default 100; the server may return fewer). */
  pageSize?: number;
  fetch?: typeof fetch;
  /** Allow `http://127.0.0.1`/`localhost` API URLs (sandbox and tests only). */
  allowInsecureLoopback?: boolean;
  onProgress?: (event: ProgressEvent) => void;
  /** Called before waiting out a 429's `Retry-After`; return `false` to stop with a `RateLimitError` instead. */
  onRateLimit?: (info: { retryAfterMs: number; attempt: number; url: string }) => boolean | void;
  /** Clock for the incremental checkpoint day (default `Date.now`). */
  now?: () => number;
}

/** Validated options with the endpoint resolved. */
export interface ResolvedOptions extends Omit<IngramConnectorOptions, 'apiUrl' | 'region' | 'marketplace' | 'applicationId'> {
  endpoint: ResolvedEndpoint;
  region: string | undefined;
  pacing: { limit: number; intervalMs: number } | false;
  pageSize: number;
}

const fn = <T>() => z.custom<T>((v) => typeof v === 'function', { message: 'must be a function' });
const positiveInt = z.number().int().positive();

const Schema = z.strictObject({
  username: z.string().trim().min(1),
  password: z.string().min(1),
  subscriptionKey: z.string().trim().min(1),
  marketplace: z.string().optional(),
  apiUrl: z.string().optional(),
  region: z.string().optional(),
  clientId: z.string().trim().min(1).optional(),
  applicationId: z.string().trim().min(1).optional(),
  pacing: z.union([z.literal(false), z.strictObject({ limit: positiveInt, intervalMs: positiveInt })]).optional(),
  concurrency: z.number().int().min(1).max(16).optional(),
  timeoutMs: positiveInt.optional(),
  retry: z
    .strictObject({
      limit: z.number().int().min(0).max(10).optional(),
      baseDelayMs: z.number().min(0).optional(),
      maxRetryAfterMs: z.number().min(0).optional(),
      defaultRetryAfterMs: z.number().min(0).optional(),
    })
    .optional(),
  pageSize: z.number().int().min(1).max(1000).optional(),
  fetch: fn<typeof fetch>().optional(),
  allowInsecureLoopback: z.boolean().optional(),
  onProgress: fn<(event: ProgressEvent) => void>().optional(),
  onRateLimit: fn<(info: { retryAfterMs: number; attempt: number; url: string }) => boolean | void>().optional(),
  now: fn<() => number>().optional(),
});

const DEFAULT_PACING = { limit: 45, intervalMs: 60_000 };

function stringAt(input: unknown, key: string): string | undefined {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * Validates the options and resolves the API URL and marketplace (explicit values first, then
 * `region`), throwing one `ConfigurationError` that lists every problem.
 *
 * @example
 * resolveOptions({ username: 'acme.api', password, subscriptionKey, region: 'us.na' }).endpoint
 * // { apiUrl: 'https://api.cloud.im/marketplace/na', marketplace: 'us', … }
 */
export function resolveOptions(input: IngramConnectorOptions): ResolvedOptions {
  let parsed: z.output<typeof Schema> | undefined;
  const issues: ConfigIssue[] = [];
  try {
    parsed = parseOptions(Schema, input, 'ingram');
  } catch (error) {
    if (!isConfigurationError(error)) throw error;
    issues.push(...error.issues);
  }
  const clientId = stringAt(input, 'clientId');
  const applicationId = stringAt(input, 'applicationId');
  if (clientId && applicationId && clientId.trim() !== applicationId.trim()) {
    issues.push({ field: 'applicationId', message: 'differs from clientId; they are the same setting (X-Client-Id), pass one' });
  }
  const { endpoint, issues: endpointIssues } = resolveEndpoint({
    apiUrl: stringAt(input, 'apiUrl'),
    region: stringAt(input, 'region'),
    marketplace: stringAt(input, 'marketplace'),
    allowInsecureLoopback: (input as { allowInsecureLoopback?: unknown } | undefined)?.allowInsecureLoopback === true,
  });
  for (const issue of endpointIssues) if (!issues.some((i) => i.field === issue.field)) issues.push(issue);
  if (issues.length || !parsed || !endpoint) throw new ConfigurationError({ connector: 'ingram', issues });
  const { apiUrl: _apiUrl, marketplace: _marketplace, applicationId: _applicationId, ...rest } = parsed;
  const resolvedClientId = parsed.clientId ?? parsed.applicationId;
  return {
    ...rest,
    ...(resolvedClientId ? { clientId: resolvedClientId } : {}),
    endpoint,
    region: parsed.region,
    pacing: parsed.pacing ?? DEFAULT_PACING,
    pageSize: parsed.pageSize ?? 100,
  } as ResolvedOptions;
}
