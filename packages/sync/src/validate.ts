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

function label(item: unknown): string {
  const id = (item as { externalId?: unknown; subscriptionExternalId?: unknown } | null) ?? {};
  const key = typeof id.externalId === 'string' ? id.externalId : typeof id.subscriptionExternalId === 'string' ? id.subscriptionExternalId : undefined;
  return key ? `record ${key}` : 'a record without an id';
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
