import {
  type ConfigIssue,
  ConfigurationError,
  type ConnectorTuningOptions,
  credentialField,
  isConfigurationError,
  optionalHeaderValueField,
  parseOptions,
  tuningFields,
} from '@vectis/connector-core';
import { z } from 'zod';
import { resolveEndpoint, type ResolvedEndpoint } from './endpoint';

/**
 * Options of {@link createIngramConnector}. Every bad option is reported at once as a `ConfigurationError`.
 * The tuning options (`pacing` — default 45 per 60 000 ms per subscription key, under the product's promised
 * 50/min —, `concurrency`, `timeoutMs` — default 60 000, the API is slow —, `retry`, `fetch`,
 * `allowInsecureLoopback` for the sandbox, `onProgress`, `onRateLimit`) are the ones every connector takes.
 */
export interface IngramConnectorOptions extends ConnectorTuningOptions {
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
  /**
   * Accept an `apiUrl` host other than Ingram's (`api.cloud.im`, `api-lab.cloud.im`), e.g. a gateway
   * Ingram gave you. Off by default: the password and subscription key are sent to that host.
   */
  allowCustomApiUrl?: boolean;
  /** Records asked per list page (default 100; the server may return fewer). */
  pageSize?: number;
  /** Clock for the incremental checkpoint day (default `Date.now`). */
  now?: () => number;
}

const DEFAULT_PACING = { limit: 45, intervalMs: 60_000 };

const Schema = z.strictObject({
  username: credentialField('the Marketplace API user, shown on the Marketplace API page (login ends in ".api")'),
  password: z.string().min(1),
  subscriptionKey: credentialField('the subscription key shown on the Marketplace API page'),
  marketplace: z.string().optional(),
  apiUrl: z.string().optional(),
  region: z.string().optional(),
  clientId: optionalHeaderValueField(),
  applicationId: optionalHeaderValueField(),
  allowCustomApiUrl: z.boolean().default(false),
  pageSize: z.number().int().min(1).max(1000).default(100),
  now: z.custom<() => number>((v) => typeof v === 'function', { message: 'must be a function' }).optional(),
  ...tuningFields(DEFAULT_PACING),
});

/** Validated options with defaults applied and the endpoint resolved. */
export type ResolvedOptions = Omit<z.output<typeof Schema>, 'apiUrl' | 'marketplace' | 'applicationId'> & {
  endpoint: ResolvedEndpoint;
};

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
  if (clientId?.trim() && applicationId?.trim() && clientId.trim() !== applicationId.trim()) {
    issues.push({ field: 'applicationId', message: 'differs from clientId; they are the same setting (X-Client-Id), pass one' });
  }
  const { endpoint, issues: endpointIssues } = resolveEndpoint({
    apiUrl: stringAt(input, 'apiUrl'),
    region: stringAt(input, 'region'),
    marketplace: stringAt(input, 'marketplace'),
    allowInsecureLoopback: (input as { allowInsecureLoopback?: unknown } | undefined)?.allowInsecureLoopback === true,
    allowCustomApiUrl: (input as { allowCustomApiUrl?: unknown } | undefined)?.allowCustomApiUrl === true,
  });
  for (const issue of endpointIssues) if (!issues.some((i) => i.field === issue.field)) issues.push(issue);
  if (issues.length || !parsed || !endpoint) throw new ConfigurationError({ connector: 'ingram', issues });
  const { apiUrl: _apiUrl, marketplace: _marketplace, applicationId: _applicationId, ...rest } = parsed;
  const resolvedClientId = parsed.clientId ?? parsed.applicationId;
  return { ...rest, ...(resolvedClientId ? { clientId: resolvedClientId } : {}), endpoint };
}
