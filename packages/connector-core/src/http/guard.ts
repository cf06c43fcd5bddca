import { ReadOnlyViolationError, redact } from '../errors/index';

/** A request the guard lets through besides GET (the auth strategy's token call). */
export interface AllowedCall {
  method: string;
  /** Absolute URL, compared without its query string. */
  url: string;
}

function describe(input: string | URL | Request, init?: RequestInit): { method: string; url: string } {
  if (input instanceof Request) return { method: (init?.method ?? input.method).toUpperCase(), url: input.url };
  return { method: (init?.method ?? 'GET').toUpperCase(), url: String(input) };
}

function withoutQuery(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

/**
 * Wraps `fetch` so nothing but GET plus the listed calls (the auth strategy's token call) can
 * leave the process: anything else throws ReadOnlyViolationError before a byte is sent.
 * Redirects are never followed (`redirect: 'manual'` is forced): fetch would otherwise re-send the
 * request, credentials and body included, to a URL this guard never checked. The caller gets the
 * 3xx response itself (the kernel turns it into `RedirectError`).
 *
 * @example
 * const safeFetch = readOnlyFetch({ connector: 'ingram', allow: [{ method: 'POST', url: 'https://api.cloud.im/marketplace/na/token' }] });
 * await safeFetch('https://api.cloud.im/marketplace/na/orders', { method: 'POST' }); // throws, nothing sent
 */
export function readOnlyFetch(o: {
  connector: string;
  allow: readonly AllowedCall[];
  /** The fetch to guard; by default `globalThis.fetch`, looked up at call time (so msw can intercept). */
  fetch?: typeof fetch | undefined;
  /** Secrets to mask in the refused URL. */
  secrets?: () => readonly string[];
}): typeof fetch {
  const allowed = o.allow.map((a) => `${a.method.toUpperCase()} ${withoutQuery(a.url)}`);
  return async (input, init) => {
    const { method, url } = describe(input, init);
    if (method !== 'GET' && !allowed.includes(`${method} ${withoutQuery(url)}`)) {
      throw new ReadOnlyViolationError({ connector: o.connector, method, url: redact(url, o.secrets?.() ?? []) });
    }
    // `init.redirect` wins over a Request's own setting, so this holds whatever the caller built.
    return (o.fetch ?? globalThis.fetch)(input, { ...init, redirect: 'manual' });
  };
}
