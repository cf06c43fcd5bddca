// Connectors already validate vendor payloads; the sync validates the normalized records again
// at the database boundary, so one bad record cannot poison a table or another vendor's rows.
import { SchemaDriftError, type DriftIssue, type Vendor } from '@vectis/connector-core';

/** The slice of a zod schema used here (keeps zod out of this package's dependencies). */
interface Parser<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] } };
}

export interface Checked<T> {
  valid: T[];
  invalid: number;
  /** A few examples for the run record (paths and messages, never values). */
  samples: string[];
}

function issuesOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string; code: string }[] }): DriftIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code }));
}

/**
 * An id fit for a run record: the run record itself is stored (JSONB on PostgreSQL), so text the
 * store refuses is replaced with U+FFFD, and an over-long id is cut.
 */
export function safeId(id: string): string {
  const clean = id.replace(/\u0000/g, '\uFFFD').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD');
  return clean.length > 60 ? `${clean.slice(0, 40)}… (${clean.length} characters)` : clean;
}

function label(item: unknown): string {
  const id = (item as { externalId?: unknown; subscriptionExternalId?: unknown } | null) ?? {};
  const key = typeof id.externalId === 'string' ? id.externalId : typeof id.subscriptionExternalId === 'string' ? id.subscriptionExternalId : undefined;
  return key ? `record ${safeId(key)}` : 'a record without an id';
}

// Keys stored in indexed columns. PostgreSQL's B-tree refuses index rows over ~2,700 bytes, and
// (vendor, parent, line id) share one index row, so each id is held to 1,000 UTF-8 bytes.
const ID_FIELDS = ['externalId', 'parentExternalId', 'customerExternalId', 'subscriptionExternalId'] as const;
export const MAX_ID_BYTES = 1000;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL refuses (NUL, which neither `text` nor `jsonb` can hold; a lone UTF-16
 * surrogate, which `jsonb` rejects and UTF-8 cannot encode) anywhere in the record, raw payload
 * included, and over-long ids. SQLite would take them, so both engines refuse them here, before
 * the page's transaction: such a record goes through the invalid-record policy like any other.
 */
export function textIssues(record: Record<string, unknown>): DriftIssue[] {
  const issues: DriftIssue[] = [];
  for (const field of ID_FIELDS) {
    const id = record[field];
    if (typeof id === 'string' && Buffer.byteLength(id, 'utf8') > MAX_ID_BYTES) {
      issues.push({ path: field, message: `longer than ${MAX_ID_BYTES} bytes (${Buffer.byteLength(id, 'utf8')}); the store cannot index it` });
    }
  }
  const walk = (value: unknown, path: string): void => {
    if (issues.length >= 3) return;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) issues.push({ path, message: 'contains a NUL character, which the store cannot hold' });
      else if (LONE_SURROGATE.test(value)) issues.push({ path, message: 'contains a lone UTF-16 surrogate (not valid Unicode text)' });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, path ? `${path}.${i}` : String(i)));
    else for (const [k, v] of Object.entries(value)) {
      walk(k, path ? `${path}.(key)` : '(key)');
      walk(v, path ? `${path}.${k}` : k);
    }
  };
  walk(record, '');
  return issues;
}

/**
 * Parses each item with `schema`; records tagged with another vendor are invalid too (they would
 * land in, and later be "removed" from, another vendor's rows). With `fail`, the first invalid
 * record throws `SchemaDriftError`.
 */
export function checkBatch<T extends { vendor: Vendor }>(
  schema: Parser<T>,
  items: readonly unknown[],
  context: { vendor: Vendor; connector: string; stream: string; policy: 'skip' | 'fail' },
): Checked<T> {
  const out: Checked<T> = { valid: [], invalid: 0, samples: [] };
  for (const item of items) {
    const parsed = schema.safeParse(item);
    let issues: DriftIssue[] | undefined;
    if (!parsed.success) issues = issuesOf(parsed.error);
    else if (parsed.data.vendor !== context.vendor) {
      issues = [{ path: 'vendor', message: `tagged ${parsed.data.vendor}, expected ${context.vendor}` }];
    } else {
      const text = textIssues(parsed.data as unknown as Record<string, unknown>);
      if (text.length) issues = text;
    }
    if (!issues) {
      out.valid.push((parsed as { data: T }).data);
      continue;
    }
    if (context.policy === 'fail') {
      throw new SchemaDriftError({ connector: context.connector, where: `${context.stream} stream, ${label(item)}`, issues });
    }
    out.invalid++;
    if (out.samples.length < 3) {
      out.samples.push(`${label(item)}: ${issues.slice(0, 2).map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    }
  }
  return out;
}
