import { describe, expect, it } from 'vitest';
import { paginatePsa } from './paging';
import { staticHeaderAuth } from './auth';
import { readOnlyFetch } from '../http/guard';
import { collect } from '../connector';
import { isReadOnlyViolationError } from '../errors/index';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: (i + 1) * 3 }));

function idServer(all: { id: number }[], cap = Number.POSITIVE_INFINITY) {
  const calls: Array<number | undefined> = [];
  return {
    calls,
    fetchPage: async ({ afterId, size }: { afterId: number | undefined; size: number }) => {
      calls.push(afterId);
      return { items: all.filter((r) => afterId === undefined || r.id > afterId).slice(0, Math.min(size, cap)) };
    },
  };
}

describe('paginatePsa', () => {
  it('walks an id cursor to exhaustion and reports complete coverage', async () => {
    const s = idServer(rows(25));
    const { items, coverage } = await collect(
      paginatePsa({ connector: 't', stream: 'psa_companies', mode: 'id-cursor', pageSize: 10, idOf: (r) => r.id, fetchPage: s.fetchPage, expected: 25 }) as never,
    );
    expect((items as { id: number }[]).map((r) => r.id)).toEqual(rows(25).map((r) => r.id));
    expect(s.calls).toEqual([undefined, 30, 60]);
    expect(coverage).toMatchObject({ stream: 'psa_companies', fetched: 25, expected: 25, pages: 3, complete: true });
  });

  it('an id cursor keeps reading past a silently capped page until the PSA\'s count is reached', async () => {
    const s = idServer(rows(40), 25);
    const { items, coverage } = await collect(
      paginatePsa({ connector: 't', stream: 'psa_companies', mode: 'id-cursor', pageSize: 1000, idOf: (r) => r.id, fetchPage: s.fetchPage, expected: 40 }) as never,
    );
    expect(items).toHaveLength(40);
    expect(coverage).toMatchObject({ complete: true, fetched: 40, expected: 40 });
  });

  it('page numbers under a silent cap keep going by the capped size when the PSA offsets that way (HaloAPI#90)', async () => {
    const all = rows(240);
    const { items, coverage } = await collect(
      paginatePsa({ connector: 't', stream: 'psa_companies', mode: 'page', pageSize: 1000, idOf: (r: { id: number }) => r.id,
        fetchPage: async ({ page }) => ({ items: all.slice((page - 1) * 100, page * 100), total: 240 }) }) as never,
    );
    expect(items).toHaveLength(240);
    expect(coverage).toMatchObject({ complete: true, pages: 3 });
  });

  it('page numbers under a silent cap that skip rows say the read is incomplete, never clean', async () => {
    const all = rows(40);
    const { items, coverage } = await collect(
      paginatePsa({ connector: 't', stream: 'psa_contract_lines', mode: 'page', pageSize: 500, idOf: (r: { id: number }) => r.id,
        fetchPage: async ({ page }) => ({ items: all.slice((page - 1) * 500, (page - 1) * 500 + 25), total: 40 }) }) as never,
    );
    expect(items).toHaveLength(25);
    expect(coverage).toMatchObject({ complete: false, fetched: 25, expected: 40 });
    expect((coverage as { truncatedReason: string }).truncatedReason).toMatch(/reported 40 records but 25/);
  });

  it('a cursor that does not move stops with a reason instead of looping', async () => {
    const { coverage } = await collect(
      paginatePsa({ connector: 't', stream: 'psa_contract_lines', mode: 'id-cursor', pageSize: 2, idOf: (r: { id: number }) => r.id,
        fetchPage: async () => ({ items: [{ id: 1 }, { id: 2 }] }) }) as never,
    );
    expect(coverage).toMatchObject({ complete: false });
  });

  it('page mode stops on a short page and compares with the total the PSA sent', async () => {
    const all = rows(7);
    const { items, coverage } = await collect(
      paginatePsa({ connector: 't', stream: 'psa_contract_lines', mode: 'page', pageSize: 3, idOf: (r: { id: number }) => r.id,
        fetchPage: async ({ page, size }) => ({ items: all.slice((page - 1) * size, page * size), total: 7 }) }) as never,
    );
    expect(items).toHaveLength(7);
    expect(coverage).toMatchObject({ complete: true, pages: 3 });
  });
});

describe('staticHeaderAuth', () => {
  it('opens no write path: the guard still refuses a POST to the API', async () => {
    const auth = staticHeaderAuth({ headers: { authorization: 'Basic x' }, secrets: ['x'] });
    const guarded = readOnlyFetch({ connector: 't', allow: [{ method: 'POST', url: auth.tokenCall.url }], fetch: async () => new Response('{}') });
    const error = await guarded('https://api-na.myconnectwise.net/v4_6_release/apis/3.0/company/companies', { method: 'POST' }).catch((e: unknown) => e);
    expect(isReadOnlyViolationError(error)).toBe(true);
    expect((await auth.authorize(async () => ({}))).headers).toEqual({ authorization: 'Basic x' });
  });
});
