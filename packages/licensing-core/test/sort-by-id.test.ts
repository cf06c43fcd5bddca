import { describe, expect, it } from 'vitest';
import { findingId, idKey, sortById } from '../src/finding-id';

describe('sortById (the order of Money Found rows)', () => {
  it('gives exactly the text order of the ids, including ids that share their first hex digits', () => {
    const items = Array.from({ length: 5_000 }, (_, i) => ({ id: findingId('uncontracted_seats', `psa:${i}`, `psa:SKU-${i % 7}`), i }));
    // Two ids equal in the numeric prefix but not after it: only the whole-id fallback orders them.
    items.push({ id: 'lf_0000000000000ffffffffffffffff', i: -1 }, { id: 'lf_00000000000000000000000000000', i: -2 }, { id: 'lf_0000000f000000000000000000000', i: -3 });
    const expected = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    expect(sortById(items).map((x) => x.i)).toEqual(expected.map((x) => x.i));
  });

  it('gives the same order with keys taken earlier for some of the items', () => {
    const items = Array.from({ length: 2_000 }, (_, i) => ({ id: findingId('below_margin', `psa:${i}`, 'sku:X'), i }));
    const known = items.slice(0, 1_500).map((x) => idKey(x.id)); // the rest are keyed by sortById itself
    expect(sortById(items, known).map((x) => x.i)).toEqual(sortById(items).map((x) => x.i));
  });

  it('sorts ids of any other shape the plain way, without changing the input array', () => {
    const odd = 'lf_000000000000000000000000000Z'; // right length, not hex at the end
    const items = [{ id: 'b' }, { id: 'lf_zz' }, { id: odd }, { id: 'a' }];
    expect(sortById(items).map((x) => x.id)).toEqual(['a', 'b', odd, 'lf_zz']);
    expect(items.map((x) => x.id)).toEqual(['b', 'lf_zz', odd, 'a']);
  });

  it('orders ids that only share the lf_ prefix and hex start by their whole text, whatever follows', () => {
    const items = [{ id: 'lf_0000001Zq' }, { id: 'lf_0000001Aq' }, { id: 'lf_00000000ff' }, { id: 'lf_0000001' }];
    expect(sortById(items).map((x) => x.id)).toEqual(['lf_00000000ff', 'lf_0000001', 'lf_0000001Aq', 'lf_0000001Zq']);
  });
});
