import type { RejectedRecord, StreamName } from '@vectis/connector-core';
import type { z } from 'zod';

/**
 * Parses each item of a whole-list response on its own: good items come back typed, a bad one
 * becomes a `RejectedRecord` (vendor id when readable, payload paths and messages, never values),
 * so one malformed subscription does not cost the rest of the list.
 *
 * @example
 * const { good, rejected } = parseItems(items, SherwebCustomer, { stream: 'customers', where: 'GET /service-provider/v1/customers' });
 */
export function parseItems<T>(
  items: readonly unknown[] | null | undefined,
  schema: z.ZodType<T>,
  at: { stream: StreamName; where: string },
): { good: { item: T; raw: unknown }[]; rejected: RejectedRecord[] } {
  const good: { item: T; raw: unknown }[] = [];
  const rejected: RejectedRecord[] = [];
  (items ?? []).forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      good.push({ item: parsed.data, raw });
      return;
    }
    const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
    rejected.push({
      stream: at.stream,
      ...(typeof id === 'string' && id ? { id } : {}),
      where: `${at.where} item ${index}`,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map(String).join('.'),
        message: issue.code === 'invalid_type' ? `expected ${String((issue as { expected?: unknown }).expected)}` : issue.message,
        code: issue.code,
      })),
    });
  });
  return { good, rejected };
}
