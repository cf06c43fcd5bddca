import { describe, expect, it, vi } from 'vitest';
import type { Subscription } from '@vectis/connector-core';
import { batchedLookup } from '../src/sync-connector';
import { makeLines } from './fake-connector';

describe('previousLines batching', () => {
  it('serves lookups started together (one Ingram page) with one store query, each caller its own lines', async () => {
    const lines = makeLines('ingram_micro', 6);
    const load = vi.fn(async (parents: string[]) => new Map(parents.map((p) => [p, lines.filter((l) => l.parentExternalId === p)] as [string, Subscription[]])));
    const lookup = batchedLookup(load);
    const got = await Promise.all(['s00000', 's00001', 's00002', 'gone'].map((p) => lookup(p)));
    expect(load).toHaveBeenCalledTimes(1);
    expect(got.map((g) => g.map((l) => l.externalId))).toEqual([['s00000:p0', 's00000:p1'], ['s00001:p0', 's00001:p1'], ['s00002:p0', 's00002:p1'], []]);
    await lookup('s00000'); // a later call is a new batch
    expect(load).toHaveBeenCalledTimes(2);
  });
});
