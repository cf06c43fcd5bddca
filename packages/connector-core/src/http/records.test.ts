import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRecord, parseRecords, seatCount } from './records';

const Line = z.object({ id: z.string().min(1), quantity: seatCount() });

describe('parseRecords', () => {
  it('keeps the good records and rejects each bad one with its id and paths, never its values', () => {
    const raw = [
      { id: 'a', quantity: 3 },
      { id: 'b', quantity: '7' }, // a string where the spec says number
      { quantity: 2 }, // no id
      { id: 'd', quantity: -1 },
      { id: 'e' }, // missing quantity is unknown, not 0
      { id: 'f', quantity: 0 },
    ];
    const { items, rejected } = parseRecords(raw, Line, { stream: 'subscriptions', where: 'GET /subs offset 0' });
    expect(items.map((i) => i.id)).toEqual(['a', 'f']);
    expect(rejected.map((r) => [r.id, r.where, r.issues.map((i) => i.path)])).toEqual([
      ['b', 'GET /subs offset 0 item 1', ['quantity']],
      [undefined, 'GET /subs offset 0 item 2', ['id']],
      ['d', 'GET /subs offset 0 item 3', ['quantity']],
      ['e', 'GET /subs offset 0 item 4', ['quantity']],
    ]);
    expect(JSON.stringify(rejected)).not.toContain('"7"');
  });

  it('applies extra rules after the schema, and rejects non-finite numbers', () => {
    const r = parseRecord({ id: 'x', quantity: 5 }, Line, { stream: 'subscriptions', where: 'detail', check: (l) => (l.quantity > 4 ? [{ path: 'quantity', message: 'too many for this test' }] : []) });
    expect(r).toEqual({ rejected: { stream: 'subscriptions', id: 'x', where: 'detail', issues: [{ path: 'quantity', message: 'too many for this test' }] } });
    expect('rejected' in parseRecord({ id: 'y', quantity: Number.POSITIVE_INFINITY }, Line, { stream: 'subscriptions', where: 'd' })).toBe(true);
  });
});
