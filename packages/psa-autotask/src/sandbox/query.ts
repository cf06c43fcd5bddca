// Evaluates Autotask's `search` JSON: `{MaxRecords, IncludeFields, filter:[{op, field, value, items}]}` with
// the documented ops (eq, noteq, gt, gte, lt, lte, beginsWith, endsWith, contains, exist, notExist, in,
// notIn, and/or groups). Field names match case-insensitively, as on the real API.

type Row = Record<string, unknown>;
export interface Filter { op: string; field?: string; value?: unknown; items?: Filter[] }
export interface Search { MaxRecords?: number; IncludeFields?: string[]; filter: Filter[] }

function field(row: Row, name: string): unknown {
  const key = Object.keys(row).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : row[key];
}

function test(f: Filter, row: Row): boolean {
  const op = f.op.toLowerCase();
  if (op === 'and') return (f.items ?? []).every((i) => test(i, row));
  if (op === 'or') return (f.items ?? []).some((i) => test(i, row));
  const have = field(row, f.field ?? '');
  const want = f.value;
  const cmp = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)));
  switch (op) {
    case 'eq': return have === want || String(have) === String(want);
    case 'noteq': return String(have) !== String(want);
    case 'gt': return have !== null && have !== undefined && cmp(have, want) > 0;
    case 'gte': return have !== null && have !== undefined && cmp(have, want) >= 0;
    case 'lt': return have !== null && have !== undefined && cmp(have, want) < 0;
    case 'lte': return have !== null && have !== undefined && cmp(have, want) <= 0;
    case 'contains': return String(have ?? '').toLowerCase().includes(String(want).toLowerCase());
    case 'beginswith': return String(have ?? '').toLowerCase().startsWith(String(want).toLowerCase());
    case 'endswith': return String(have ?? '').toLowerCase().endsWith(String(want).toLowerCase());
    case 'exist': return have !== null && have !== undefined;
    case 'notexist': return have === null || have === undefined;
    case 'in': return Array.isArray(want) && want.some((w) => String(w) === String(have));
    case 'notin': return Array.isArray(want) && !want.some((w) => String(w) === String(have));
    default: throw new Error(`Unknown operator '${f.op}'.`);
  }
}

/** Parses and validates `search`; throws Autotask's message on a bad query. */
export function parseSearch(raw: string | null): Search {
  if (!raw) throw new Error('The search parameter is required.');
  const s = JSON.parse(raw) as Search;
  if (!Array.isArray(s.filter) || s.filter.length === 0) throw new Error('A query requires at least one filter.');
  if (s.MaxRecords !== undefined && (!Number.isInteger(s.MaxRecords) || s.MaxRecords < 1 || s.MaxRecords > 500)) throw new Error('MaxRecords must be between 1 and 500.');
  return s;
}

export function matches(search: Search, row: Row): boolean {
  return search.filter.every((f) => test(f, row));
}
