import { describe, expect, it } from 'vitest';
import { collect, type ProgressEvent } from '../connector';
import { type PageCursor, type PageResult, paginate } from './paging';

type Item = { id: string };
const items = (n: number, prefix = 'r'): Item[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}` }));

/** A server holding `data` that caps pages at `cap`, recording each cursor it was asked for. */
function offsetServer(data: Item[], cap: number, o: { total?: boolean; filter?: string } = {}) {
  const calls: Array<PageCursor & { filter?: string }> = [];
  const fetchPage = async (cursor: PageCursor, filter?: string): Promise<PageResult<Item>> => {
    calls.push({ ...cursor, ...(filter === undefined ? {} : { filter }) });
    if (!('offset' in cursor)) throw new Error('offset expected');
    const page = data.slice(cursor.offset, cursor.offset + Math.min(cursor.limit, cap));
    return { items: page, total: o.total === false ? undefined : data.length };
  };
  return { calls, fetchPage };
}

const base = { connector: 'test', stream: 'customers' as const, idOf: (i: Item) => i.id };

describe('paginate (offset)', () => {
  it('walks past a server page cap smaller than asked, advancing by records received', async () => {
    const server = offsetServer(items(23), 5);
    const { items: got, coverage } = await collect(paginate({ ...base, style: 'offset', pageSize: 100, fetchPage: (c) => server.fetchPage(c) }));
    expect(got.map((i) => i.id)).toEqual(items(23).map((i) => i.id));
    expect(server.calls.map((c) => ('offset' in c ? c.offset : -1))).toEqual([0, 5, 10, 15, 20]);
    expect(coverage).toEqual({ stream: 'customers', expected: 23, fetched: 23, pages: 5, duplicatesDropped: 0, complete: true, truncatedReason: undefined });
  });

  it('keeps the caller filter on every page', async () => {
    const server = offsetServer(items(12), 4);
    await collect(paginate({ ...base, style: 'offset', pageSize: 4, fetchPage: (c) => server.fetchPage(c, 'status=active') }));
    expect(server.calls).toHaveLength(3);
    expect(server.calls.every((c) => c.filter === 'status=active')).toBe(true);
  });

  it('stops on a short page only when the vendor gives no total', async () => {
    const server = offsetServer(items(7), 5, { total: false });
    const { items: got, coverage } = await collect(paginate({ ...base, style: 'offset', pageSize: 5, fetchPage: (c) => server.fetchPage(c) }));
    expect(got).toHaveLength(7);
    expect(coverage).toMatchObject({ expected: undefined, fetched: 7, pages: 2, complete: true });
  });

  it('clamps the page size to the documented maximum', async () => {
    const server = offsetServer(items(3), 1_000);
    await collect(paginate({ ...base, style: 'offset', pageSize: 1_000, maxPageSize: 200, fetchPage: (c) => server.fetchPage(c) }));
    expect(server.calls[0]).toEqual({ offset: 0, limit: 200 });
  });

  it('drops duplicates when a newest-first list shifts, and counts them', async () => {
    const data = items(10);
    let inserted = false;
    const { items: got, coverage } = await collect(
      paginate({
        ...base,
        style: 'offset',
        pageSize: 4,
        fetchPage: async (c) => {
          if (!('offset' in c)) throw new Error('offset expected');
          if (c.offset > 0 && !inserted) {
            data.unshift({ id: 'new1' }, { id: 'new2' });
            inserted = true;
          }
          return { items: data.slice(c.offset, c.offset + c.limit), total: data.length };
        },
      }),
    );
    const ids = got.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(items(10).every((i) => ids.includes(i.id))).toBe(true);
    expect(coverage).toMatchObject({ duplicatesDropped: 2, fetched: 10, expected: 12, complete: true });
  });

  it('reports records skipped by a deletion as incomplete coverage', async () => {
    const data = items(8);
    const { coverage } = await collect(
      paginate({
        ...base,
        style: 'offset',
        pageSize: 4,
        fetchPage: async (c) => {
          if (!('offset' in c)) throw new Error('offset expected');
          if (c.offset === 4) data.splice(0, 1); // r5 moves to offset 3 and is never seen
          return { items: data.slice(c.offset, c.offset + c.limit), total: data.length };
        },
      }),
    );
    // r1 was read before it was deleted and r5 was never read: the counts match, the data does not.
    expect(coverage).toMatchObject({ complete: false, fetched: 7, expected: 7 });
    expect(coverage?.truncatedReason).toContain('shrank from 8 to 7');
  });

  it('stops a loop that keeps returning the same page instead of spinning forever', async () => {
    const { items: got, coverage } = await collect(
      paginate({ ...base, style: 'offset', pageSize: 2, fetchPage: async () => ({ items: items(2), total: 100 }) }),
    );
    expect(got).toHaveLength(2);
    expect(coverage).toMatchObject({ complete: false, pages: 3 });
    expect(coverage?.truncatedReason).toContain('no progress');
  });

  it('marks coverage incomplete at the maxPages safety limit', async () => {
    let n = 0;
    const { coverage } = await collect(
      paginate({ ...base, style: 'offset', pageSize: 1, maxPages: 3, fetchPage: async () => ({ items: [{ id: `x${++n}` }], total: 1_000 }) }),
    );
    expect(coverage).toMatchObject({ complete: false, pages: 3, fetched: 3 });
  });

  it('puts coverage on the last batch only, and emits page and stream-done events', async () => {
    const server = offsetServer(items(6), 3);
    const events: ProgressEvent[] = [];
    const batches = [];
    for await (const b of paginate({ ...base, style: 'offset', pageSize: 3, fetchPage: (c) => server.fetchPage(c), onProgress: (e) => events.push(e) })) batches.push(b);
    expect(batches.map((b) => b.coverage === undefined)).toEqual([true, false]);
    expect(events.map((e) => e.type)).toEqual(['page', 'page', 'stream-done']);
    expect(events[1]).toMatchObject({ page: 2, records: 3, total: 6 });
  });

  it('handles an empty list as one complete, empty batch', async () => {
    const { items: got, coverage } = await collect(paginate({ ...base, style: 'offset', pageSize: 10, fetchPage: async () => ({ items: [], total: 0 }) }));
    expect(got).toEqual([]);
    expect(coverage).toMatchObject({ fetched: 0, expected: 0, pages: 1, complete: true });
  });

  it('rejects with the abort reason and fetches nothing more once aborted', async () => {
    const controller = new AbortController();
    const server = offsetServer(items(20), 5);
    const iterator = paginate({ ...base, style: 'offset', pageSize: 5, signal: controller.signal, fetchPage: (c) => server.fetchPage(c) });
    await iterator.next();
    controller.abort();
    await expect(iterator.next()).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.calls).toHaveLength(1);
  });
});

describe('paginate (page and token styles)', () => {
  it('page style follows totalPages', async () => {
    const data = items(7);
    const asked: number[] = [];
    const { items: got, coverage } = await collect(
      paginate({
        ...base,
        style: 'page',
        pageSize: 3,
        fetchPage: async (c) => {
          if (!('page' in c)) throw new Error('page expected');
          asked.push(c.page);
          return { items: data.slice((c.page - 1) * c.size, c.page * c.size), totalPages: 3 };
        },
      }),
    );
    expect(asked).toEqual([1, 2, 3]);
    expect(got).toHaveLength(7);
    expect(coverage).toMatchObject({ pages: 3, complete: true });
  });

  it('page style with only a total, or with neither', async () => {
    const data = items(6);
    const page = (withTotal: boolean) =>
      collect(
        paginate({
          ...base,
          style: 'page',
          pageSize: 3,
          fetchPage: async (c) => {
            if (!('page' in c)) throw new Error('page expected');
            return { items: data.slice((c.page - 1) * c.size, c.page * c.size), ...(withTotal ? { total: 6 } : {}) };
          },
        }),
      );
    expect((await page(true)).coverage).toMatchObject({ pages: 2, fetched: 6, complete: true });
    // Without a total a full last page needs one more (empty) page to be sure.
    expect((await page(false)).coverage).toMatchObject({ pages: 3, fetched: 6, complete: true });
  });

  it('token style follows nextToken until it is absent', async () => {
    const pages: Record<string, PageResult<Item>> = {
      start: { items: items(2, 'a'), nextToken: 't2' },
      t2: { items: items(2, 'b'), nextToken: 't3' },
      t3: { items: items(1, 'c') },
    };
    const seen: Array<string | undefined> = [];
    const { items: got, coverage } = await collect(
      paginate({
        ...base,
        stream: 'subscriptions',
        style: 'token',
        pageSize: 2,
        fetchPage: async (c) => {
          if (!('token' in c)) throw new Error('token expected');
          seen.push(c.token);
          return pages[c.token ?? 'start'] ?? { items: [] };
        },
      }),
    );
    expect(seen).toEqual([undefined, 't2', 't3']);
    expect(got).toHaveLength(5);
    expect(coverage).toMatchObject({ stream: 'subscriptions', pages: 3, complete: true });
  });

  it('token style stops and says so when the vendor repeats a token', async () => {
    const { coverage } = await collect(
      paginate({ ...base, style: 'token', pageSize: 2, fetchPage: async (c) => ({ items: [{ id: `i-${'token' in c ? c.token : ''}` }], nextToken: 'same' }) }),
    );
    expect(coverage).toMatchObject({ complete: false, pages: 2 });
    expect(coverage?.truncatedReason).toContain('same page token');
  });
});

describe('paginate (early end)', () => {
  it('marks coverage incomplete when the vendor stops sending before its own total', async () => {
    const { coverage } = await collect(
      paginate({ ...base, style: 'offset', pageSize: 5, fetchPage: async (c) => ({ items: 'offset' in c && c.offset === 0 ? items(5) : [], total: 10 }) }),
    );
    expect(coverage).toMatchObject({ complete: false, fetched: 5, expected: 10, pages: 2 });
    expect(coverage?.truncatedReason).toContain('10 records but 5');
  });
});
