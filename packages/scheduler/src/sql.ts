/** Quotes a schema or table name for SQL (names come from configuration, never from vendor data). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
