// Two syncs of one vendor into one store from separate processes (issue 10, item 1): the store
// lets one run at a time write a vendor. Before leases, both reported `succeeded` and the one that
// finished first marked most lines removed and pruned most of the week's usage rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore, createSqliteStore, type Store } from '@vectis/sync';
import { dropTestSchemas, PG_SERVER_SKIP_REASON, PG_TARGETS, PG_URL } from './pg-env';
import { spawnSync } from './processes/spawn-sync';

const dir = mkdtempSync(join(tmpdir(), 'vectis-concurrent-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await dropTestSchemas();
});

const LINES = 200; // 10 pages of 20
type Target = { engine: 'sqlite' | 'postgres'; path?: string; connectionString?: string; schema?: string | undefined };

function suite(target: () => Promise<Target>, open: (t: Target) => Promise<Store>): void {
  it('a second run started seconds later fails fast with StoreLockedError naming the first; nothing is lost', async () => {
    const t = await target();
    await (await open(t)).close(); // migrate first, so both children only sync
    const first = await spawnSync({ ...t, runId: 'run-first', lines: LINES, pageDelayMs: 400 });
    await first.writing;
    const second = await spawnSync({ ...t, runId: 'run-second', lines: LINES, pageDelayMs: 0 });
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a).toMatchObject({ event: 'done', status: 'succeeded', vendors: [{ status: 'succeeded', removed: 0, pruned: 0 }] });
    expect(b).toMatchObject({ event: 'done', status: 'failed', errors: [{ name: 'StoreLockedError' }] });
    expect((b.errors as { message: string }[])[0]?.message).toMatch(/another sync \(run run-first on [^:]+:\d+, since \S+\) is syncing ingram_micro/);
    const store = await open(t);
    expect(await store.listSubscriptions()).toHaveLength(LINES);
    expect(await store.listUsage({ week: 'latest-complete' })).toHaveLength(LINES);
    expect((await store.latestRuns()).map((r) => r.status).sort()).toEqual(['failed', 'succeeded']);
    await store.close();
  }, 60_000);

  it("a crashed run's lease lapses: the next run is refused until then, and a waiting run completes after", async () => {
    const t = await target();
    await (await open(t)).close();
    const crashed = await spawnSync({ ...t, runId: 'run-crashed', lines: LINES, pageDelayMs: 20, crashAfterPages: 3, lock: { ttlMs: 5000 } });
    expect(await crashed.done).toMatchObject({ event: 'exit', signal: 'SIGKILL' });
    const refused = await (await spawnSync({ ...t, runId: 'run-refused', lines: LINES, pageDelayMs: 0 })).done;
    expect(refused).toMatchObject({ status: 'failed', errors: [{ name: 'StoreLockedError', message: expect.stringMatching(/run run-crashed/) }] });
    const store = await open(t);
    expect(await store.listUsage()).toEqual([]); // the crashed run's half week is not served
    expect((await store.listUsage({ includeIncomplete: true })).length).toBeGreaterThan(0);
    await store.close();
    const waited = await (await spawnSync({ ...t, runId: 'run-waited', lines: LINES, pageDelayMs: 0, lock: { waitMs: 20_000 } })).done;
    expect(waited).toMatchObject({ status: 'succeeded', vendors: [{ status: 'succeeded', removed: 0 }] });
    const after = await open(t);
    expect(await after.listSubscriptions()).toHaveLength(LINES);
    expect(await after.listUsage()).toHaveLength(LINES);
    const runs = Object.fromEntries((await after.latestRuns()).map((r) => [r.id, r.status]));
    expect(runs).toEqual({ 'run-crashed': 'interrupted', 'run-refused': 'failed', 'run-waited': 'succeeded' });
    await after.close();
  }, 60_000);
}

let n = 0;
describe('two processes, one SQLite file', () => {
  suite(
    async () => ({ engine: 'sqlite', path: join(dir, `runs-${n++}.db`) }),
    (t) => createSqliteStore({ path: t.path ?? '' }),
  );
});

describe.skipIf(!PG_URL)(`two processes, one PostgreSQL database${PG_URL ? '' : ` (${PG_SERVER_SKIP_REASON})`}`, () => {
  suite(
    async () => ({ engine: 'postgres', ...(await PG_TARGETS[1]!.options()) }),
    (t) => createPostgresStore({ connectionString: t.connectionString, schema: t.schema }),
  );
});
