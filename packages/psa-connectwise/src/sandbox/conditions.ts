// A small evaluator for ConnectWise `conditions` (the subset readers send and the notes document):
// clauses joined by `and`, optional parentheses, `field op value` with `=`, `!=`, `>`, `<`, `>=`, `<=`,
// nested fields with `/`, quoted strings, booleans, numbers and `[dates]`. Anything else is a 400 `ApiFindCondition`.

type Row = Record<string, unknown>;

const CLAUSE = /^([A-Za-z_][\w/]*)\s*(!=|>=|<=|=|>|<)\s*(.+)$/;

function valueOf(row: Row, path: string): unknown {
  return path.split('/').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Row)[k] : undefined), row);
}

function literal(text: string): unknown {
  const t = text.trim();
  if (/^".*"$|^'.*'$/.test(t)) return t.slice(1, -1);
  if (/^\[.*\]$/.test(t)) return t.slice(1, -1);
  if (t === 'true' || t === 'false') return t === 'true';
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  throw new Error(`${t} is not a recognized value`);
}

/** Parses `conditions` into a row predicate; throws with ConnectWise's wording on anything it doesn't know. */
export function parseConditions(conditions: string | null, known: (field: string) => boolean): (row: Row) => boolean {
  if (!conditions || !conditions.trim()) return () => true;
  const clauses = conditions.split(/\s+and\s+/i).map((c) => c.trim().replace(/^\(+|\)+$/g, '').trim());
  const tests = clauses.map((clause) => {
    const m = clause.match(CLAUSE);
    if (!m) throw new Error(`Cannot parse condition "${clause}"`);
    const [, field, op, raw] = m as unknown as [string, string, string, string];
    if (!known(field.split('/')[0] as string)) throw new Error(`${field} is not a recognized name`);
    const want = literal(raw);
    return (row: Row) => {
      const have = valueOf(row, field) ?? (typeof want === 'boolean' ? false : undefined);
      if (op === '=') return have === want;
      if (op === '!=') return have !== want;
      if (typeof have !== typeof want || have === undefined) return false;
      const h = have as number | string;
      const w = want as number | string;
      return op === '>' ? h > w : op === '<' ? h < w : op === '>=' ? h >= w : h <= w;
    };
  });
  return (row) => tests.every((t) => t(row));
}
