// The sync asks the connector for the next page before it writes the current one, so waiting for
// the vendor and writing to the store overlap; writes stay in stream order, and a run that stops
// early still closes the connector's stream.
import type { Batch, Customer } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createSqliteStore, runSync, type Store } from '@vectis/sync';
import { createFakeConnector, makeCustomers } from './fake-connector';

function logged(store: Store, log: string[], failOnWrite?: number): Store {
  let writes = 0;
  return Object.assign(Object.create(store) as Store, {
    async upsertCustomers(...args: Parameters<Store['upsertCustomers']>) {
      const n = ++writes;
      log.push(`write ${n} start (${args[1].map((c) => c.externalId)[0]})`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (n === failOnWrite) throw new Error('disk full');
      const counts = await store.upsertCustomers(...args);
      log.push(`write ${n} end`);
      return counts;
    },
  });
}

describe('one page of read-ahead', () => {
  it('requests page 2 while page 1 is being written, and writes the pages in order', async () => {
    const log: string[] = [];
    const store = await createSqliteStore({ path: ':memory:' });
    const connector = createFakeConnector({ customers: makeCustomers('ingram_micro', 30), pageSize: 10, onPage: (stream, page) => stream === 'customers' && log.push(`fetch ${page}`) });
    const result = await runSync({ connectors: [connector], store: logged(store, log), now: new Date('2026-11-30T06:00:00Z') });
    expect(result.status).toBe('succeeded');
    expect(log.indexOf('fetch 2')).toBeLessThan(log.indexOf('write 1 end'));
    expect(log.filter((l) => l.startsWith('write') && l.endsWith(')'))).toEqual(['write 1 start (c00000)', 'write 2 start (c00010)', 'write 3 start (c00020)']);
    expect(await store.listCustomers()).toHaveLength(30);
    await store.close();
  });

  it('a failed write ends the run with that error and closes the stream it was reading (no page left pending)', async () => {
    const log: string[] = [];
    let closed = false;
    const store = await createSqliteStore({ path: ':memory:' });
    const connector = createFakeConnector({ customers: makeCustomers('ingram_micro', 50), pageSize: 10, onPage: (stream, page) => stream === 'customers' && log.push(`fetch ${page}`) });
    const list = connector.listCustomers.bind(connector);
    connector.listCustomers = async function* (): AsyncGenerator<Batch<Customer>> {
      try {
        yield* list();
      } finally {
        closed = true;
      }
    };
    const result = await runSync({ connectors: [connector], store: logged(store, log, 2), now: new Date('2026-11-30T06:00:00Z') });
    expect(result.status).not.toBe('succeeded');
    expect(JSON.stringify(result.run.errors)).toContain('disk full');
    expect(closed).toBe(true);
    // Page 3 was read ahead while page 2 failed to write; nothing after it was requested.
    expect(log.filter((l) => l.startsWith('fetch'))).toEqual(['fetch 1', 'fetch 2', 'fetch 3']);
    expect(await store.listCustomers()).toHaveLength(10);
    await store.close();
  });
});
