// A sync in a process of its own, for the multi-process lock tests (bundled by spawn-sync.ts).
// Input: one JSON argument. Output: JSON lines on stdout: {"event":"writing"} once the run holds
// its lease and writes, then {"event":"done",…}. With crashAfterPages it kills itself (SIGKILL)
// mid-stream, as a crashed host would: no finally block, no lease release, no run record update.
import type { Batch } from '@vectis/connector-core';
import { createPostgresStore, createSqliteStore, runSync } from '@vectis/sync';
import { createFakeConnector, makeLines } from '../fake-connector';

interface ChildInput {
  engine: 'sqlite' | 'postgres';
  path?: string;
  connectionString?: string;
  schema?: string;
  runId: string;
  lines: number;
  pageDelayMs: number;
  crashAfterPages?: number;
  lock?: { waitMs?: number; ttlMs?: number };
}

const input = JSON.parse(process.argv[2] ?? '{}') as ChildInput;
const say = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const store =
  input.engine === 'sqlite'
    ? await createSqliteStore({ path: input.path ?? '' })
    : await createPostgresStore({ connectionString: input.connectionString, schema: input.schema });
const fake = createFakeConnector({ lines: makeLines('ingram_micro', input.lines, 50), pageSize: 20 });
const listSubscriptions = fake.listSubscriptions.bind(fake);
let pages = 0;
fake.listSubscriptions = (options) =>
  (async function* (): AsyncGenerator<Batch<never>> {
    for await (const batch of listSubscriptions(options)) {
      if (pages++ === 0) say({ event: 'writing' });
      if (input.crashAfterPages !== undefined && pages > input.crashAfterPages) process.kill(process.pid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, input.pageDelayMs));
      yield batch as Batch<never>;
    }
  })();

const result = await runSync({ connectors: [fake], store, runId: input.runId, lock: input.lock });
say({
  event: 'done', status: result.status,
  vendors: result.vendors.map((v) => ({ status: v.status, removed: v.subscriptions.removed, pruned: v.usage.pruned })),
  errors: result.failed.map((f) => ({ name: (f.error as Error).name, message: (f.error as Error).message })),
});
await store.close();
