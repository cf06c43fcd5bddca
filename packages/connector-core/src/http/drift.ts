import type { z } from 'zod';
import type { DriftIssue } from '../errors/index';
import { redact, SchemaDriftError } from '../errors/index';

/** `['data', 3, 'products', 0, 'quantity']` → `data[3].products[0].quantity`. */
export function payloadPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * zod issues → drift issues (paths into the payload, messages without the offending values).
 * Paths can hold vendor-chosen record keys, so both are redacted with `secrets`.
 */
export function driftIssues(error: z.ZodError, secrets: readonly string[] = []): DriftIssue[] {
  return error.issues.map((issue) => ({ path: redact(payloadPath(issue.path), secrets), message: redact(issue.message, secrets), code: issue.code }));
}

/**
 * Validates `data` with `schema`, throwing SchemaDriftError naming `where` and the payload paths.
 *
 * @example
 * const page = validate(PageSchema, json, { connector: 'ingram', where: 'GET /customers' });
 */
export function validate<T>(
  schema: z.ZodType<T>,
  data: unknown,
  at: { connector: string; where: string; correlationId?: string | undefined; secrets?: (() => readonly string[]) | undefined },
): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw new SchemaDriftError({ connector: at.connector, where: at.where, issues: driftIssues(result.error, at.secrets?.()), correlationId: at.correlationId });
}

/**
 * A 2xx whose body is not JSON (a proxy's HTML page, a truncated answer) is drift too: the data is unusable.
 * `start` must already be redacted; `undefined` hides the body entirely (the token call's answer).
 *
 * @example
 * throw notJsonError({ connector: 'ingram', where: 'GET /customers', start: '<html>' });
 */
export function notJsonError(at: { connector: string; where: string; start: string | undefined; correlationId?: string | undefined }): SchemaDriftError {
  const shown = at.start === undefined ? 'not shown: it may hold a credential' : at.start ? `it starts with "${at.start}"` : 'it is empty';
  return new SchemaDriftError({
    connector: at.connector,
    where: at.where,
    issues: [{ path: '', message: `response body is not JSON (${shown})`, code: 'not_json' }],
    correlationId: at.correlationId,
  });
}
