import { inspect } from 'node:util';
import { isNotImplementedError, isVectisError, type NotImplementedError } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createSynnexConnector, SYNNEX_DOCS_URL } from '@vectis/connector-synnex';

const SECRET = 'ion-refresh-token-9b2e44d1';
const connector = () => createSynnexConnector({ accountId: '123456', refreshToken: SECRET, onRefreshTokenRotated: () => {} });

async function rejection(promise: Promise<unknown>): Promise<NotImplementedError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isNotImplementedError(err)) throw new Error(`expected NotImplementedError, got ${String(err)}`);
  return err;
}

const firstBatch = (stream: AsyncIterable<unknown>) => stream[Symbol.asyncIterator]().next();

describe('TD SYNNEX connector (typed stub)', () => {
  it('identifies itself as the TD SYNNEX connector and declares that it syncs nothing yet', () => {
    const ion = connector();
    expect(ion).toMatchObject({ id: 'synnex', vendor: 'td_synnex', label: 'TD SYNNEX' });
    expect(ion.capabilities).toEqual({ customers: false, subscriptions: false, seatSnapshots: false, incremental: false, stub: true });
  });

  it('rejects testConnection() with NotImplementedError pointing to the docs page', async () => {
    const err = await rejection(connector().testConnection());
    expect(err).toMatchObject({ vendor: 'TD SYNNEX', method: 'testConnection', connector: 'synnex' });
    expect(err.docsUrl).toBe(SYNNEX_DOCS_URL);
    expect(err.docsUrl.endsWith('docs/connectors/synnex.md')).toBe(true);
    expect(err.message).toMatch(/^\[vectis:synnex\] testConnection\(\) is not implemented yet for TD SYNNEX/);
    expect(isVectisError(err)).toBe(true);
  });

  it.each([
    ['listCustomers', (c: ReturnType<typeof connector>) => c.listCustomers()],
    ['listSubscriptions', (c: ReturnType<typeof connector>) => c.listSubscriptions()],
    ['listSeatSnapshots', (c: ReturnType<typeof connector>) => c.listSeatSnapshots({ week: '2026-W48', asOf: '2026-11-26T00:00:00Z' })],
  ])('%s() returns a stream that fails on first iteration with NotImplementedError', async (method, call) => {
    const stream = call(connector()); // creating the stream must not throw
    const err = await rejection(firstBatch(stream));
    expect(err).toMatchObject({ method, vendor: 'TD SYNNEX' });
    expect(err.message).toContain('docs/connectors/synnex.md');
  });

  it('fails a for-await loop before yielding any batch', async () => {
    const seen: unknown[] = [];
    const run = async () => {
      for await (const batch of connector().listCustomers()) seen.push(batch);
    };
    await rejection(run());
    expect(seen).toEqual([]);
  });

  it('disposes cleanly, also twice', async () => {
    const ion = connector();
    await expect(ion.dispose()).resolves.toBeUndefined();
    await expect(ion.dispose()).resolves.toBeUndefined();
  });

  it('keeps credentials off the connector object (safe to log)', () => {
    const ion = connector();
    expect(JSON.stringify(ion)).not.toContain(SECRET);
    expect(inspect(ion, { depth: 10, showHidden: true })).not.toContain(SECRET);
  });

  it('never puts a secret in a NotImplementedError', async () => {
    const err = await rejection(connector().testConnection());
    expect(`${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err)}`).not.toContain(SECRET);
  });

  it('never calls onRefreshTokenRotated: a stub refreshes nothing, so the stored token stays valid', async () => {
    const rotated: string[] = [];
    const ion = createSynnexConnector({ accountId: '123456', refreshToken: SECRET, onRefreshTokenRotated: (next) => void rotated.push(next) });
    await rejection(ion.testConnection());
    await rejection(firstBatch(ion.listSubscriptions()));
    await ion.dispose();
    expect(rotated).toEqual([]);
  });

  it('tags records td_synnex, the library tag (the product pages write the synnex alias)', () => {
    expect(connector().vendor).toBe('td_synnex');
  });
});
