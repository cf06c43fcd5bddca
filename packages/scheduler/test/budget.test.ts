import { createIngramConnector } from '@vectis/connector-ingram';
import { createIngramSandbox, SANDBOX_CREDENTIALS } from '@vectis/connector-ingram/sandbox';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgRateBudget, migrateRateBudget } from '../src/index';
import { dropSchemas, freshSchema, PG_SKIP, PG_URL } from './pg-env';

afterAll(dropSchemas);

describe.skipIf(PG_SKIP)(`shared PostgreSQL rate budget${PG_SKIP ? ` (${PG_SKIP})` : ''}`, () => {
  it('workers starting at once on a fresh schema all migrate it (no "type already exists" race)', async () => {
    for (let round = 0; round < 30; round++) {
      const schema = freshSchema();
      // Separate pools, as separate processes would have: the catalog is the only thing they share.
      const pools = Array.from({ length: 8 }, () => new pg.Pool({ connectionString: PG_URL, max: 1 }));
      try {
        const results = await Promise.allSettled(pools.map((pool) => migrateRateBudget(pool, schema)));
        expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
      }
    }
  }, 60_000);

  it('N workers on one credential never exceed the vendor limit in any window (token calls and pages included)', async () => {
    const limit = 8;
    const intervalMs = 1_000;
    const sandbox = createIngramSandbox({ customers: 12, rateLimit: { limit, intervalMs } });
    const server = await sandbox.listen();
    const schema = freshSchema();
    // Each worker has its own pool, as separate processes would: the only thing they share is the row.
    const workers = [1, 2, 3].map(() => {
      const budget = createPgRateBudget({ connectionString: PG_URL, schema, credential: 'tenant-1/ingram', limit, intervalMs });
      const connector = createIngramConnector({ ...SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pageSize: 5, pacing: budget });
      return { budget, connector };
    });
    try {
      const counts = await Promise.all(
        workers.map(async ({ connector }) => {
          let n = 0;
          for await (const batch of connector.listCustomers()) n += batch.items.length;
          return n;
        }),
      );
      expect(counts).toEqual([12, 12, 12]);
      const stats = sandbox.stats();
      expect(stats.rateLimited).toBe(0);
      expect(stats.maxInWindow).toBeLessThanOrEqual(limit);
      expect(stats.tokensIssued).toBe(3);
    } finally {
      for (const w of workers) {
        await w.connector.dispose();
        await w.budget.close();
      }
      await server.close();
    }
  }, 60_000);

  it('a 429 seen by one worker pushes the shared schedule back for every worker on that credential', async () => {
    const schema = freshSchema();
    const a = createPgRateBudget({ connectionString: PG_URL, schema, credential: 'tenant-2/pax8', limit: 100, intervalMs: 1_000 });
    const b = createPgRateBudget({ connectionString: PG_URL, schema, credential: 'tenant-2/pax8', limit: 100, intervalMs: 1_000 });
    const other = createPgRateBudget({ connectionString: PG_URL, schema, credential: 'tenant-3/pax8', limit: 100, intervalMs: 1_000 });
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await a.acquire();
      await other.acquire();
      await a.penalize?.(30_000);
      const { rows } = await client.query<{ credential: string; ahead_ms: number; penalties: number }>(
        `SELECT credential, extract(epoch FROM (tat - clock_timestamp())) * 1000 AS ahead_ms, penalties FROM "${schema}".vectis_rate_budget ORDER BY credential`,
      );
      expect(rows[0]).toMatchObject({ credential: 'tenant-2/pax8', penalties: 1 });
      expect(Number(rows[0]?.ahead_ms)).toBeGreaterThan(25_000);
      expect(Number(rows[1]?.ahead_ms)).toBeLessThan(1_000); // another credential is not slowed
      // Worker b now waits for the penalty: its grant does not come while we abort after a short wait.
      const ac = new AbortController();
      const pending = b.acquire(ac.signal);
      setTimeout(() => ac.abort(new Error('gave up waiting')), 200);
      await expect(pending).rejects.toThrow('gave up waiting');
    } finally {
      await client.end();
      await a.close();
      await b.close();
      await other.close();
    }
  }, 30_000);
});
