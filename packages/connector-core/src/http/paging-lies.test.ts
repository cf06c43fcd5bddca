import { describe, expect, it } from 'vitest';
import { collect } from '../connector';
import type { PageCursor, PageResult } from './paging';
import { paginate } from './paging';

type Item = { id: string };
const items = (n: number): Item[] => Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}` }));
const base = { connector: 'test', stream: 'subscriptions' as const, idOf: (i: Item) => i.id };

/** A list of `data` that claims `claimed` records on every page. */
function lyingServer(data: Item[], claimed: (offset: number) => number) {
  const offsets: number[] = [];
  const fetchPage = async (c: PageCursor): Promise<PageResult<Item>> => {
    if ('offset' in c) {
      offsets.push(c.offset);
      return { items: data.slice(c.offset, c.offset + c.limit), total: claimed(c.offset) };
    }
    if ('page' in c) {
      offsets.push((c.page - 1) * c.size);
      return { items: data.slice((c.page - 1) * c.size, c.page * c.size), total: claimed((c.page - 1) * c.size) };
    }
    throw new Error('unexpected cursor');
  };
  return { offsets, fetchPage };
}

describe('paginate — totals that lie', () => {
  it('a list that says 750 but holds 1,500 is paged to the end and reported incomplete', async () => {
    const server = lyingServer(items(1_500), () => 750);
    const { items: got, coverage } = await collect(paginate({ ...base, style: 'offset', pageSize: 100, fetchPage: server.fetchPage }));
    expect(got).toHaveLength(1_500);
    expect(server.offsets.at(-1), 'paging must go on to an empty page').toBe(1_500);
    expect(coverage).toMatchObject({ complete: false, fetched: 1_500, expected: 750 });
    expect(coverage?.truncatedReason).toMatch(/reported 750 records but sent more/);
  });

  it('a full page at offset ≥ total (the total dropped to a lie mid-walk) keeps paging and is incomplete', async () => {
    const server = lyingServer(items(300), (offset) => (offset < 100 ? 300 : 100));
    const { items: got, coverage } = await collect(paginate({ ...base, style: 'offset', pageSize: 100, fetchPage: server.fetchPage }));
    expect(got).toHaveLength(300);
    expect(coverage?.complete).toBe(false);
  });

  it('page style: more records than the total → paged to a short page, incomplete', async () => {
    const server = lyingServer(items(250), () => 120);
    const { items: got, coverage } = await collect(paginate({ ...base, style: 'page', pageSize: 50, fetchPage: server.fetchPage }));
    expect(got).toHaveLength(250);
    expect(coverage?.complete).toBe(false);
  });

  it('an honest total that is a multiple of the page size costs no extra request and stays complete', async () => {
    const server = lyingServer(items(200), () => 200);
    const { coverage } = await collect(paginate({ ...base, style: 'offset', pageSize: 100, fetchPage: server.fetchPage }));
    expect(server.offsets).toEqual([0, 100]);
    expect(coverage).toMatchObject({ complete: true, fetched: 200 });
  });
});

describe('paginate — rejected records', () => {
  it('carries each page’s rejected records, counts them as received, and marks the coverage incomplete', async () => {
    const data = items(10);
    const { items: got, coverage } = await collect(
      paginate({
        ...base,
        style: 'offset',
        pageSize: 5,
        fetchPage: async (c) => {
          if (!('offset' in c)) throw new Error('offset expected');
          const page = data.slice(c.offset, c.offset + c.limit);
          // The vendor's third record is unreadable: rejected, not emitted, not a paging gap.
          const bad = page.filter((i) => i.id === 'r3');
          return { items: page.filter((i) => i.id !== 'r3'), rejected: bad.map((i) => ({ stream: 'subscriptions' as const, id: i.id, where: 'item', issues: [{ path: 'quantity', message: 'bad' }] })), total: 10 };
        },
      }),
    );
    expect(got).toHaveLength(9);
    expect(coverage).toMatchObject({ rejected: 1, fetched: 9, complete: false });
    expect(coverage?.truncatedReason).toMatch(/1 record\(s\) could not be read/);
    expect(coverage?.truncatedReason).not.toMatch(/reported 10 records but 9/);
  });
});

