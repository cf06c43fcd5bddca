import { createConnectWiseReader } from '@vectis/psa-connectwise';
import { CONNECTWISE_SANDBOX_CREDENTIALS, createConnectWiseSandbox, type SandboxPsaClient, type SandboxPsaLine } from '@vectis/psa-connectwise/sandbox';
import { createPostgresStore, runSync } from '@vectis/sync';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createScheduler, type SchedulerLogEvent, type SyncJob, syncJobOutcome, type JobContext } from '../src/index';
import { dropSchemas, freshSchema, PG_SKIP, PG_URL, until } from './pg-env';

afterAll(dropSchemas);

const CLIENTS: SandboxPsaClient[] = [
  { name: 'Cruz Brothers Auto Body', website: 'cruzbrothers.com', city: 'Jackson', state: 'MS', country: 'US' },
  { name: 'NORDIC CAFE', city: 'Malmö', country: 'SE' },
];
const LINES: SandboxPsaLine[] = [
  { client: 0, product: 'M365-BP', description: 'Microsoft 365 Business Premium', quantity: 8, unitPrice: '22.00', unitCost: '19.80', currency: 'USD' },
  { client: 0, product: 'EXO-P1', quantity: 3, unitPrice: '48.00', currency: 'USD', period: 'Yearly' },
  { client: 1, product: 'M365-BS', quantity: 5, unitPrice: '135.50', currency: 'SEK' },
];
const job = { tenant: 'acme', kind: 'psa', vendor: 'connectwise', credentialRef: 'vault:acme/connectwise', mode: 'full' } as const;

async function rows(schema: string) {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    const companies = await c.query(`SELECT psa, name, city, country FROM "${schema}".psa_companies ORDER BY name`);
    const lines = await c.query(`SELECT sku, quantity::text AS quantity, unit_price_amount::text AS price, unit_price_currency AS currency, billing_period FROM "${schema}".psa_contract_lines ORDER BY sku`);
    return { companies: companies.rows, lines: lines.rows };
  } finally {
    await c.end();
  }
}

/** What a backend's `execute` does for a PSA job: a reader from the resolved secrets, paced by the shared budget, synced with runSync. */
function psaExecute(sandbox: ReturnType<typeof createConnectWiseSandbox>, storeSchema: string, onRun: () => void) {
  return async (j: SyncJob, ctx: JobContext) => {
    onRun();
    if (j.kind !== 'psa' || j.vendor !== 'connectwise') throw new Error(`unexpected job ${j.kind}/${j.vendor}`);
    const s = ctx.credential.secrets;
    const reader = createConnectWiseReader({
      companyId: s.companyId ?? '', publicKey: s.publicKey ?? '', privateKey: s.privateKey ?? '', clientId: s.clientId ?? '',
      site: sandbox.baseUrl, fetch: sandbox.fetch, defaultCurrency: 'USD', pacing: ctx.budget, onProgress: ctx.onProgress,
    });
    const store = await createPostgresStore({ connectionString: PG_URL ?? '', schema: storeSchema });
    try {
      return syncJobOutcome(await runSync({ connectors: [], readers: [reader], store, signal: ctx.signal }));
    } finally {
      await reader.dispose();
      await store.close();
    }
  };
}

describe.skipIf(PG_SKIP)(`PSA jobs through the scheduler${PG_SKIP ? ` (${PG_SKIP})` : ''}`, () => {
  it('a ConnectWise job syncs the PSA companies and billed lines into the store, paced by the shared budget', async () => {
    const sandbox = createConnectWiseSandbox();
    sandbox.load(CLIENTS, LINES);
    const schema = freshSchema();
    const storeSchema = freshSchema();
    const events: SchedulerLogEvent[] = [];
    let runs = 0;
    const s = createScheduler({
      connectionString: PG_URL ?? '', schema, log: (e) => events.push(e), boss: { schedule: false, supervise: false },
      resolver: { resolve: async () => ({ secrets: { ...CONNECTWISE_SANDBOX_CREDENTIALS }, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: psaExecute(sandbox, storeSchema, () => runs++),
    });
    try {
      await s.start();
      const id = await s.enqueue(job);
      await s.work({ pollingIntervalSeconds: 0.5 });
      await until(async () => (await s.boss.findJobs('vectis-sync', { id: id ?? '' }))[0]?.state === 'completed', 30_000, 'the PSA job to complete');
      expect(runs).toBe(1);
      const got = await rows(storeSchema);
      expect(got.companies).toEqual([
        { psa: 'connectwise', name: 'Cruz Brothers Auto Body', city: 'Jackson', country: 'US' },
        { psa: 'connectwise', name: 'NORDIC CAFE', city: 'Malmö', country: 'SE' },
      ]);
      expect(got.lines).toEqual([
        expect.objectContaining({ sku: 'EXO-P1', quantity: '3', price: '48', currency: 'USD' }),
        expect.objectContaining({ sku: 'M365-BP', quantity: '8', price: '22', currency: 'USD' }),
        expect.objectContaining({ sku: 'M365-BS', quantity: '5', price: '135.5', currency: 'SEK' }),
      ]);
      expect(events.find((e) => e.name === 'vectis.job.completed')?.attributes).toMatchObject({ 'vectis.kind': 'psa', 'vectis.vendor': 'connectwise', 'vectis.run.status': 'succeeded', 'vectis.run.readers': 1 });
      // Every request went through the credential's shared budget row.
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      const budget = await c.query(`SELECT credential FROM "${schema}".vectis_rate_budget`);
      await c.end();
      expect(budget.rows).toEqual([{ credential: 'vault:acme/connectwise' }]);
      // A direct runSync of the same sandbox stores the same rows.
      const reference = freshSchema();
      const store = await createPostgresStore({ connectionString: PG_URL ?? '', schema: reference });
      const reader = createConnectWiseReader({ ...CONNECTWISE_SANDBOX_CREDENTIALS, site: sandbox.baseUrl, fetch: sandbox.fetch, defaultCurrency: 'USD', pacing: false });
      await runSync({ connectors: [], readers: [reader], store });
      await reader.dispose();
      await store.close();
      expect(got).toEqual(await rows(reference));
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 60_000);

  it('a refused PSA API key is dead-lettered with its remedy, once: no retry, no secret in the dead letter', async () => {
    const sandbox = createConnectWiseSandbox();
    sandbox.load(CLIENTS, LINES);
    const events: SchedulerLogEvent[] = [];
    let runs = 0;
    const s = createScheduler({
      connectionString: PG_URL ?? '', schema: freshSchema(), log: (e) => events.push(e), boss: { schedule: false, supervise: false },
      retry: { limit: 3, delaySeconds: 1, maxDelaySeconds: 1 },
      resolver: { resolve: async () => ({ secrets: { ...CONNECTWISE_SANDBOX_CREDENTIALS, privateKey: 'revoked-private-key-77' }, rateLimit: { limit: 50, intervalMs: 1_000 } }) },
      execute: psaExecute(sandbox, freshSchema(), () => runs++),
    });
    try {
      await s.start();
      await s.enqueue(job);
      await s.work({ pollingIntervalSeconds: 0.5 });
      await until(async () => (await s.deadLetters()).length > 0, 30_000, 'the dead letter');
      // Longer than the 1 s retry delay: a retry would have run by now.
      await new Promise((r) => setTimeout(r, 3_000));
      expect(runs).toBe(1);
      const [dead] = await s.deadLetters();
      expect(dead).toMatchObject({ job: { kind: 'psa', vendor: 'connectwise', credentialRef: 'vault:acme/connectwise' }, error: 'AuthenticationError' });
      expect(dead?.remedy).toMatch(/API Members|key/i);
      expect(JSON.stringify(dead)).not.toContain('revoked-private-key-77');
      expect(JSON.stringify(events)).not.toContain('revoked-private-key-77');
      // The login was not hammered: one refused call (plus at most the kernel's single 401 retry) per attempt.
      expect(sandbox.requests().filter((r) => r.status === 401).length).toBeLessThanOrEqual(2);
      expect(events.filter((e) => e.name === 'vectis.job.failed')).toEqual([]);
    } finally {
      await s.stop({ timeout: 5_000 });
    }
  }, 60_000);
});
