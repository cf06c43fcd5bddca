import { inspect } from 'node:util';
import { isNotImplementedError, isVectisError, type NotImplementedError } from '@vectis/connector-core';
import { describe, expect, it } from 'vitest';
import { createSherwebConnector, SHERWEB_DOCS_URL } from '@vectis/connector-sherweb';

const SECRET = 'sherweb-client-secret-51d0b7';
const connector = () => createSherwebConnector({ clientId: 'c0ffee00-1234-4bcd-9def-001122334455', clientSecret: SECRET, subscriptionKey: '0123456789abcdef0123456789abcdef' });

async function rejection(promise: Promise<unknown>): Promise<NotImplementedError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isNotImplementedError(err)) throw new Error(`expected NotImplementedError, got ${String(err)}`);
  return err;
}

const firstBatch = (stream: AsyncIterable<unknown>) => stream[Symbol.asyncIterator]().next();

describe('Sherweb connector (typed stub)', () => {
  it('identifies itself as the Sherweb connector and declares that it syncs nothing yet', () => {
    const sherweb = connector();
    expect(sherweb).toMatchObject({ id: 'sherweb', vendor: 'sherweb', label: 'Sherweb' });
    expect(sherweb.capabilities).toEqual({ customers: false, subscriptions: false, seatSnapshots: false, incremental: false, stub: true });
  });

  it('rejects testConnection() with NotImplementedError pointing to the docs page', async () => {
    const err = await rejection(connector().testConnection());
    expect(err).toMatchObject({ vendor: 'Sherweb', method: 'testConnection', connector: 'sherweb' });
    expect(err.docsUrl).toBe(SHERWEB_DOCS_URL);
    expect(err.docsUrl.endsWith('docs/connectors/sherweb.md')).toBe(true);
    expect(err.message).toMatch(/^\[vectis:sherweb\] testConnection\(\) is not implemented yet for Sherweb/);
    expect(isVectisError(err)).toBe(true);
  });

  it.each([
    ['listCustomers', (c: ReturnType<typeof connector>) => c.listCustomers()],
    ['listSubscriptions', (c: ReturnType<typeof connector>) => c.listSubscriptions()],
    ['listSeatSnapshots', (c: ReturnType<typeof connector>) => c.listSeatSnapshots({ week: '2026-W48', asOf: '2026-11-26T00:00:00Z' })],
  ])('%s() returns a stream that fails on first iteration with NotImplementedError', async (method, call) => {
    const stream = call(connector()); // creating the stream must not throw
    const err = await rejection(firstBatch(stream));
    expect(err).toMatchObject({ method, vendor: 'Sherweb' });
    expect(err.message).toContain('docs/connectors/sherweb.md');
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
    const sherweb = connector();
    await expect(sherweb.dispose()).resolves.toBeUndefined();
    await expect(sherweb.dispose()).resolves.toBeUndefined();
  });

  it('keeps credentials off the connector object (safe to log)', () => {
    const sherweb = connector();
    expect(JSON.stringify(sherweb)).not.toContain(SECRET);
    expect(inspect(sherweb, { depth: 10, showHidden: true })).not.toContain(SECRET);
  });

  it('never puts a secret in a NotImplementedError', async () => {
    const err = await rejection(connector().testConnection());
    expect(`${err.message}\n${err.stack ?? ''}\n${JSON.stringify(err)}`).not.toContain(SECRET);
  });
});
