import { inspect } from 'node:util';
import { isNotImplementedError, isVectisError, type NotImplementedError } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createPax8Connector, PAX8_DOCS_URL } from '@vectis/connector-pax8';

const SECRET = 'pax8-client-secret-7f3a9c1e';
const connector = () => createPax8Connector({ clientId: 'AbCdEf0123456789AbCdEf0123456789', clientSecret: SECRET });

async function rejection(promise: Promise<unknown>): Promise<NotImplementedError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isNotImplementedError(err)) throw new Error(`expected NotImplementedError, got ${String(err)}`);
  return err;
}

const firstBatch = (stream: AsyncIterable<unknown>) => stream[Symbol.asyncIterator]().next();

describe('Pax8 connector (typed stub)', () => {
  it('identifies itself as the Pax8 connector and declares that it syncs nothing yet', () => {
    const pax8 = connector();
    expect(pax8).toMatchObject({ id: 'pax8', vendor: 'pax8', label: 'Pax8' });
    expect(pax8.capabilities).toEqual({ customers: false, subscriptions: false, seatSnapshots: false, incremental: false, stub: true });
  });

  it('rejects testConnection() with NotImplementedError pointing to the docs page', async () => {
    const err = await rejection(connector().testConnection());
    expect(err).toMatchObject({ vendor: 'Pax8', method: 'testConnection', connector: 'pax8' });
    expect(err.docsUrl).toBe(PAX8_DOCS_URL);
    expect(err.docsUrl.endsWith('docs/connectors/pax8.md')).toBe(true);
    expect(err.message).toMatch(/^\[vectis:pax8\] testConnection\(\) is not implemented yet for Pax8/);
    expect(isVectisError(err)).toBe(true);
  });

  it.each([
    ['listCustomers', (c: ReturnType<typeof connector>) => c.listCustomers()],
    ['listSubscriptions', (c: ReturnType<typeof connector>) => c.listSubscriptions()],
    ['listSeatSnapshots', (c: ReturnType<typeof connector>) => c.listSeatSnapshots({ week: '2026-W48', asOf: '2026-11-26T00:00:00Z' })],
  ])('%s() returns a stream that fails on first iteration with NotImplementedError', async (method, call) => {
    const stream = call(connector()); // creating the stream must not throw
    const err = await rejection(firstBatch(stream));
    expect(err).toMatchObject({ method, vendor: 'Pax8' });
    expect(err.message).toContain('docs/connectors/pax8.md');
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
    const pax8 = connector();
    await expect(pax8.dispose()).resolves.toBeUndefined();
    await expect(pax8.dispose()).resolves.toBeUndefined();
  });

  it('keeps credentials off the connector object (safe to log)', () => {
    const pax8 = connector();
    expect(JSON.stringify(pax8)).not.toContain(SECRET);
    expect(inspect(pax8, { depth: 10, showHidden: true })).not.toContain(SECRET);
  });

  it('never puts a secret in a NotImplementedError', async () => {
    const err = await rejection(connector().testConnection());
    expect(`${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err)}`).not.toContain(SECRET);
  });
});
