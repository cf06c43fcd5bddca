import { httpsUrl } from '@vectis/connector-core';

// Where the API lives and which marketplace to ask for, from what the user typed.
//
// Ingram's docs and the product's setup page disagree (NOTES §12): the product asks for a
// "region" such as `us.na` (the control-panel sub-domain of `cp.us.na.cloud.im`), while the API
// needs two separate values: the marketplace code (`us`, token body) and the gateway (`na`, URL
// path of `https://api.cloud.im/marketplace/<gateway>`). Explicit `apiUrl`/`marketplace` win.

/** How the API URL and marketplace code were obtained; shown by `testConnection()`. */
export interface ResolvedEndpoint {
  apiUrl: string;
  marketplace: string;
  apiUrlSource: string;
  marketplaceSource: string;
}

export interface EndpointIssue {
  field: string;
  message: string;
}

const LABEL = /^[a-z][a-z0-9-]{0,14}$/;
const MARKETPLACE = /^[a-z]{2,8}$/;

/**
 * `us.na`, `cp.us.na.cloud.im` or `https://cp.us.na.cloud.im/…` → `['us', 'na']`; `undefined` when it is not a region.
 *
 * @example
 * parseRegion('cp.us.na.cloud.im') // ['us', 'na']
 */
export function parseRegion(input: string): string[] | undefined {
  let value = input.trim().toLowerCase();
  if (!value.includes('://')) value = value.replace(/\.+$/, '');
  if (value.includes('://')) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    if (url.username || url.password || url.port) return undefined;
    // A URL must be the control panel's own host; anything else is refused, not reinterpreted.
    const host = normalizeHost(url.hostname);
    if (!host.endsWith('.cloud.im')) return undefined;
    value = host;
  }
  if (value.endsWith('.cloud.im')) {
    value = value.slice(0, -'.cloud.im'.length);
    if (!value.startsWith('cp.')) return undefined; // only the control-panel host names a region
  }
  if (value.startsWith('cp.')) value = value.slice(3);
  const labels = value.split('.');
  // Labels end up in a URL path: letters, digits and dashes only, so nothing can redirect the host.
  if (labels.length < 1 || labels.length > 2 || !labels.every((l) => LABEL.test(l))) return undefined;
  return labels;
}

// Where Ingram's Marketplace API lives (NOTES §2): production `api.cloud.im`, and the lab host
// `api-lab.cloud.im` (access on request). RFC 6761 reserved names (`.test`, `.localhost`, `.invalid`,
// `.example`) can never be a stranger's server, so fakes and sandboxes may use them.
const INGRAM_API_HOSTS = new Set(['api.cloud.im', 'api-lab.cloud.im']);
const RESERVED_TLD = /\.(test|localhost|invalid|example)$/;

/**
 * A host as it will be resolved: lower-cased, without the trailing dot that DNS ignores
 * (`cp.us.na.cloud.im.` is `cp.us.na.cloud.im`).
 *
 * @example
 * normalizeHost('CP.us.na.Cloud.IM.') // 'cp.us.na.cloud.im'
 */
export function normalizeHost(hostname: string): string {
  return hostname.toLowerCase().replace(/\.+$/, '');
}

/**
 * Validates an API URL with the kernel's rules (https, or http loopback when allowed; no credentials,
 * query or fragment), refuses the control panel, and only accepts Ingram's API hosts (plus loopback
 * and reserved test names) unless `allowCustomApiUrl` is set: the password and subscription key go
 * to this URL, so a typo or a phishing link must not receive them.
 */
export function checkApiUrl(input: string, allowInsecureLoopback: boolean, allowCustomApiUrl = false): { url?: string; problem?: string } {
  const parsed = httpsUrl({ allowInsecureLoopback }).safeParse(input);
  if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? 'is not a valid API URL' };
  const url = new URL(parsed.data);
  const host = normalizeHost(url.hostname);
  if (/^cp\..*\.cloud\.im$/.test(host)) {
    return {
      problem:
        'this is the control-panel address, not the API: use the API URL shown on the Marketplace API page (e.g. https://api.cloud.im/marketplace/na), or pass the control-panel host as region',
    };
  }
  // httpsUrl only lets http through for loopback (when allowed); https on loopback is a local proxy or fake.
  const loopback = url.protocol === 'http:' || /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|\[::1\])$/.test(host);
  if (INGRAM_API_HOSTS.has(host)) {
    if (url.port) return { problem: `must not name a port: Ingram's API answers on the default https port (use https://${host}/…)` };
    // Rebuilt from the normalized host, so a trailing dot never reaches the request or the guard.
    return { url: `https://${host}${url.pathname}`.replace(/\/+$/, '') };
  }
  if (loopback || RESERVED_TLD.test(host) || allowCustomApiUrl) return { url: parsed.data };
  return {
    problem: `is not an Ingram API host (api.cloud.im): the API password and subscription key would be sent to ${host}; copy the API URL from the Marketplace API page, or set allowCustomApiUrl: true if this host really is Ingram's API (e.g. a gateway Ingram gave you)`,
  };
}

/**
 * Resolves `{apiUrl, marketplace}` from the options, explicit values first, then `region`.
 * Returns every problem found, so the configuration error can list them all.
 *
 * @example
 * resolveEndpoint({ region: 'us.na' }).endpoint?.apiUrl // 'https://api.cloud.im/marketplace/na'
 */
export function resolveEndpoint(o: {
  apiUrl?: string | undefined;
  region?: string | undefined;
  marketplace?: string | undefined;
  allowInsecureLoopback?: boolean | undefined;
  allowCustomApiUrl?: boolean | undefined;
}): { endpoint?: ResolvedEndpoint; issues: EndpointIssue[] } {
  const issues: EndpointIssue[] = [];
  let region: string[] | undefined;
  if (o.region !== undefined) {
    region = parseRegion(o.region);
    if (!region) {
      issues.push({
        field: 'region',
        message:
          'expected the control-panel sub-domain such as "us.na" (from https://cp.us.na.cloud.im), or that host; use apiUrl for anything else',
      });
    }
  }
  let apiUrl: string | undefined;
  let apiUrlSource = 'apiUrl option';
  if (o.apiUrl !== undefined) {
    const checked = checkApiUrl(o.apiUrl, o.allowInsecureLoopback === true, o.allowCustomApiUrl === true);
    if (checked.problem) issues.push({ field: 'apiUrl', message: checked.problem });
    apiUrl = checked.url;
  } else if (region) {
    const gateway = region[region.length - 1] as string;
    apiUrl = `https://api.cloud.im/marketplace/${gateway}`;
    apiUrlSource = `derived from region "${region.join('.')}" (gateway "${gateway}")`;
  } else if (o.region === undefined) {
    issues.push({
      field: 'apiUrl',
      message: 'required (or region): copy the API URL from the Marketplace API page, e.g. https://api.cloud.im/marketplace/na',
    });
  }
  let marketplace: string | undefined;
  let marketplaceSource = 'marketplace option';
  if (o.marketplace !== undefined) {
    marketplace = o.marketplace.trim().toLowerCase();
    if (!MARKETPLACE.test(marketplace)) {
      issues.push({ field: 'marketplace', message: 'expected a marketplace code such as "us", "uk" or "se"' });
    }
  } else if (region && region.length === 2) {
    marketplace = region[0] as string;
    marketplaceSource = `derived from region "${region.join('.')}"`;
  } else if (region) {
    issues.push({
      field: 'marketplace',
      message: `required: region "${region.join('.')}" names only the gateway; set the marketplace code from your control-panel address or Ingram contract (e.g. "uk", "se", "de")`,
    });
  } else if (o.region === undefined) {
    issues.push({ field: 'marketplace', message: 'required: the marketplace code, e.g. "us" (or pass region such as "us.na")' });
  }
  if (issues.length || !apiUrl || !marketplace) return { issues };
  return { endpoint: { apiUrl, marketplace, apiUrlSource, marketplaceSource }, issues };
}
