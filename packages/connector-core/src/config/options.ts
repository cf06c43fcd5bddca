import { z } from 'zod';
import { ConfigurationError, type ConfigIssue } from '../errors/index';
import { payloadPath } from '../http/drift';

/**
 * Validates connector options, throwing one ConfigurationError that lists every problem by field
 * path. Values are never echoed (they may be passwords).
 *
 * @example
 * const options = parseOptions(IngramOptions, input, 'ingram');
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, connector: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: ConfigIssue[] = result.error.issues.map((issue) => ({
    field: payloadPath(issue.path) || '(options)',
    message: describeIssue(issue, valueAt(input, issue.path)),
  }));
  throw new ConfigurationError({ connector, issues });
}

// zod's default messages can quote the received value ("Invalid input: expected …, received 'hunter2'"
// or an unrecognized key name); rebuild them from the issue code so nothing the user typed is repeated.
function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'is required' : `must be ${issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? `must be at least ${String(issue.minimum)} characters` : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${String(issue.maximum)} characters` : `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown option${issue.keys.length > 1 ? 's' : ''} (${issue.keys.length}); check the spelling against the documented options`;
    case 'invalid_format':
      return `must be a valid ${issue.format}`;
    case 'custom':
      return issue.message;
    default:
      return 'is invalid';
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * An API base URL: https only (plain http only for loopback, and only when allowed), no
 * user:password@, no query or fragment; the trailing `/` is stripped so paths can be appended.
 *
 * @example
 * z.object({ apiUrl: httpsUrl().default('https://api.cloud.im/marketplace/na') })
 */
export function httpsUrl(o: { allowInsecureLoopback?: boolean } = {}): z.ZodType<string, string> {
  return z.string().transform((value, ctx) => {
    let url: URL;
    const raw = value.trim();
    // The URL parser drops an empty `#` or `?` and keeps `@`-userinfo apart: check what was typed too.
    const authority = raw.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0] ?? '';
    if (/[?#]/.test(raw) || authority.includes('@')) {
      ctx.addIssue({ code: 'custom', message: /[?#]/.test(raw) ? 'must not contain a query string or fragment' : 'must not contain a user name or password; pass credentials as their own options' });
      return z.NEVER;
    }
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be an absolute URL such as https://api.example.com/v1' });
      return z.NEVER;
    }
    const loopbackHttp = url.protocol === 'http:' && isLoopback(url.hostname);
    if (url.protocol !== 'https:' && !(loopbackHttp && o.allowInsecureLoopback)) {
      const why = loopbackHttp ? 'plain http is allowed for localhost only when allowInsecureLoopback is set' : 'must use https://';
      ctx.addIssue({ code: 'custom', message: why });
      return z.NEVER;
    }
    if (url.username || url.password) {
      ctx.addIssue({ code: 'custom', message: 'must not contain a user name or password; pass credentials as their own options' });
      return z.NEVER;
    }
    if (url.search || url.hash) {
      ctx.addIssue({ code: 'custom', message: 'must not contain a query string or fragment' });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  });
}

/**
 * One DNS label (`[a-z0-9-]`, 1–63 characters, lower-cased), for region, gateway and marketplace codes
 * that are spliced into a host or path: `us.evil.com` or `../x` cannot redirect requests.
 *
 * @example
 * z.object({ marketplace: hostLabel().optional() })
 */
export function hostLabel(): z.ZodType<string, string> {
  return z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)$/, 'must be a single code of letters, digits and hyphens (e.g. "us" or "na")');
}
