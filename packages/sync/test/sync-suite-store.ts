// runSync against every store, part two: what the store must refuse or hide (issue 10 items 1, 3,
// 12) and records the connector itself could not read (Batch.rejected). Called by syncSuite.
import { expect, it } from 'vitest';
import { isSchemaDriftError, type Batch, type Subscription } from '@vectis/connector-core';
import { isStoreLockedError, runSync, type Store } from '@vectis/sync';
import { createFakeConnector, type FakeConnector } from './fake-connector';

const MON = new Date('2026-11-23T06:00:00Z'); // 2026-W48
const THU = new Date('2026-11-26T06:00:00Z'); // 2026-W48

/** Makes the fake's subscription pages carry `rejected` entries on page `page`. */
function withRejected(fake: FakeConnector, page: number): void {
  const list = fake.listSubscriptions.bind(fake);
  fake.listSubscriptions = (options) =>
    (async function* (): AsyncGenerator<Batch<Subscription>> {
      let n = 0;
      for await (const batch of list(options)) {
        if (++n !== page) yield batch;
        else
          yield {
            ...batch,
            rejected: [
              { stream: 'subscriptions', id: 'SUB-77', where: 'GET /subscriptions page 2 item 4', issues: [{ path: 'quantity', message: 'expected number, received string' }] },
              { stream: 'subscriptions', where: 'GET /subscriptions page 2 item 9', issues: [{ path: 'id', message: 'required' }] },
            ],
          };
      }
    })();
}

export function storeSuite(store: () => Store): void {
  it("counts records the connector rejected under 'skip' and holds back removal and the checkpoint", async () => {
    const fake = createFakeConnector({ incremental: true });
    await runSync({ connectors: [fake], store: store(), now: MON });
    const saved = await store().getCheckpoint('ingram_micro');
    fake.data.lines = fake.data.lines.slice(0, 30); // 10 lines gone: must not be marked removed on an unclean read
    withRejected(fake, 2);
    const result = await runSync({ connectors: [fake], store: store(), now: THU });
    expect(result.vendors[0]).toMatchObject({ status: 'partial', checkpointSaved: false, subscriptions: { invalid: 2, removed: 0 }, usage: { pruned: 0 } });
    expect(result.run.errors.find((e) => e.name === 'InvalidRecords')?.message).toMatch(/2 invalid subscriptions record\(s\) skipped \(record SUB-77: quantity: expected number.*GET \/subscriptions page 2 item 9: id: required/);
    expect(await store().listSubscriptions()).toHaveLength(40);
    expect(await store().getCheckpoint('ingram_micro')).toEqual(saved);
  });

  it("stops the connector with SchemaDriftError on a rejected record under 'fail'", async () => {
    const fake = createFakeConnector();
    withRejected(fake, 2);
    const result = await runSync({ connectors: [fake], store: store(), now: THU, policy: { invalidRecords: 'fail' } });
    expect(result.status).toBe('failed');
    expect(isSchemaDriftError(result.failed[0]?.error)).toBe(true);
    expect((result.failed[0]?.error as Error).message).toMatch(/subscriptions stream, GET \/subscriptions page 2 item 4/);
    expect(await store().listSubscriptions()).toHaveLength(10); // page 1 committed, nothing after
  });

  it('routes text the store cannot hold (NUL, lone surrogate, a 3 kB id) to the invalid-record policy, never failing the page', async () => {
    const fake = createFakeConnector();
    const lines = fake.data.lines as Subscription[];
    fake.data.lines = [
      ...lines.slice(0, 11),
      { ...lines[11]!, productName: 'Microsoft 365\u0000E3' },
      { ...lines[12]!, raw: { note: 'broken \ud83d text' } },
      { ...lines[13]!, externalId: `${'x'.repeat(3000)}:p0` },
      ...lines.slice(14),
    ];
    const result = await runSync({ connectors: [fake], store: store(), now: THU });
    expect(result.vendors[0]).toMatchObject({ status: 'partial', subscriptions: { inserted: 37, invalid: 3, removed: 0 } });
    const warning = result.run.errors.find((e) => e.name === 'InvalidRecords')?.message ?? '';
    expect(warning).toMatch(/productName: contains a NUL character/);
    expect(warning).toMatch(/raw\.note: contains a lone UTF-16 surrogate/);
    expect(warning).not.toContain('x'.repeat(100)); // samples name the problem, not the value
    expect(await store().listSubscriptions()).toHaveLength(37); // good records of the same pages stored
    const strict = await runSync({ connectors: [fake], store: store(), now: THU, policy: { invalidRecords: 'fail' } });
    expect(isSchemaDriftError(strict.failed[0]?.error)).toBe(true);
  });

  it('hides the week a failed run left half-written and names why; the rerun completes it', async () => {
    const fake = createFakeConnector();
    fake.options.failAfter = { stream: 'subscriptions', pages: 2 };
    await runSync({ connectors: [fake], store: store(), now: THU });
    expect(await store().listUsage({ week: '2026-W48', includeIncomplete: true })).toHaveLength(20);
    expect(await store().listUsage({ week: '2026-W48' })).toEqual([]);
    expect(await store().listWeeks()).toEqual([expect.objectContaining({ week: '2026-W48', complete: false, reason: 'failed: Error' })]);
    fake.options.failAfter = undefined;
    await runSync({ connectors: [fake], store: store(), now: THU });
    expect(await store().listUsage({ week: 'latest-complete' })).toHaveLength(40);
    expect(await store().listWeeks()).toEqual([expect.objectContaining({ week: '2026-W48', complete: true, reason: undefined })]);
  });

  it('keeps a complete week visible when a later run of the week fails before writing usage', async () => {
    const fake = createFakeConnector();
    await runSync({ connectors: [fake], store: store(), now: MON });
    fake.options.failAfter = { stream: 'customers', pages: 0 };
    await runSync({ connectors: [fake], store: store(), now: THU });
    expect(await store().listUsage({ week: '2026-W48' })).toHaveLength(40);
  });

  it('two runs of one vendor at once on one store: the second fails with StoreLockedError, the first completes', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow = createFakeConnector();
    const list = slow.listCustomers.bind(slow);
    slow.listCustomers = async function* (options) {
      await gate;
      yield* list(options);
    };
    const first = runSync({ connectors: [slow], store: store(), now: THU, runId: 'first' });
    await new Promise((r) => setTimeout(r, 50));
    const second = await runSync({ connectors: [createFakeConnector()], store: store(), now: THU, runId: 'second' });
    release();
    expect(second.status).toBe('failed');
    expect(isStoreLockedError(second.failed[0]?.error)).toBe(true);
    expect((second.failed[0]?.error as Error).message).toMatch(/run first on/);
    expect((await first).status).toBe('succeeded');
    expect(await store().listUsage({ week: '2026-W48' })).toHaveLength(40);
    expect((await store().latestRuns()).map((r) => [r.id, r.status])).toEqual(expect.arrayContaining([['first', 'succeeded'], ['second', 'failed']]));
  });

  it('refuses lock options that are not milliseconds', async () => {
    const bad = runSync({ connectors: [createFakeConnector()], store: store(), lock: { waitMs: -1, ttlMs: Number.NaN } });
    await expect(bad).rejects.toMatchObject({ name: 'ConfigurationError', message: expect.stringMatching(/lock\.waitMs.*lock\.ttlMs/s) });
  });
}
