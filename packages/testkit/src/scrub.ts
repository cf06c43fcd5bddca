import { redact } from '@vectis/connector-core';

// Field names whose values are credentials or personal data in vendor payloads; matched case-insensitively.
const DEFAULT_FIELDS = ['password', 'token', 'access_token', 'refresh_token', 'refreshToken', 'accessToken', 'client_secret', 'clientSecret', 'subscriptionKey', 'apiKey', 'email', 'phone', 'phoneNumber'];

export interface ScrubOptions {
  /** Literal secrets to mask wherever they appear (strings inside any value or key). */
  secrets?: readonly string[];
  /** Field names whose values are replaced whole (default: credentials, email, phone). */
  fields?: readonly string[];
  /** Replacement for scrubbed values (default `[scrubbed]`). */
  replacement?: string;
}

/**
 * Scrubs a recorded vendor payload before it is committed as a fixture: credential and contact
 * fields are replaced, literal secrets and token-like strings are masked everywhere, structure is kept.
 *
 * @example
 * writeFileSync('test/fixtures/customers.json', JSON.stringify(scrubFixture(recorded, { secrets: [password] }), null, 2));
 */
export function scrubFixture<T>(value: T, options: ScrubOptions = {}): T {
  const fields = new Set((options.fields ?? DEFAULT_FIELDS).map((f) => f.toLowerCase()));
  const replacement = options.replacement ?? '[scrubbed]';
  const secrets = options.secrets ?? [];
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redact(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, inner]) => [k, fields.has(k.toLowerCase()) && inner !== null && inner !== undefined ? replacement : walk(inner)]),
      );
    }
    return v;
  };
  return walk(value) as T;
}
