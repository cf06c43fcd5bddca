// Usage charges (issue #14 item 5) end to end: the Pax8 sandbox → runSync → license_usage, on
// SQLite and PostgreSQL (embedded PGlite, and the server when VECTIS_PG_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collect, type Usage } from '@vectis/connector-core';
import { createPax8Connector } from '@vectis/connector-pax8';
import { createPax8Sandbox, PAX8_SANDBOX_CREDENTIALS, type SandboxServer, type SandboxUsageSummary } from '@vectis/connector-pax8/sandbox';
import { createSqliteStore, runSync, type Store } from '@vectis/sync';
import { dropTestSchemas, PG_START_TIMEOUT_MS, PG_TARGETS, preparePg } from './pg-env';

beforeAll(preparePg, PG_START_TIMEOUT_MS);
afterAll(dropTestSchemas);

const WEEK = '2026-W49';
const WED = Date.parse('2026-12-02T06:00:00Z');
const THU = Date.parse('2026-12-03T06:00:00Z'); // same ISO week, one more day of usage rated

/** Independent of the connector: integer thousandths of the served JSON numbers, non-trial only. */
function sum(summaries: readonly SandboxUsageSummary[], field: 'currentCharges' | 'partnerTotal'): number {
  return summaries.filter((s) => s.isTrial !== true).reduce((t, s) => t + Math.round((s[field] ?? 0) * 1000), 0) / 1000;
}

const TARGETS = [{ kind: 'SQLite', skip: undefined, open: (): Promise<Store> => createSqliteStore({ path: ':memory:' }) }, ...PG_TARGETS];

for (const target of TARGETS) {
  describe.skipIf(target.skip)(`usage charges in license_usage (${target.kind})${target.skip ? ` (${target.skip})` : ''}`, () => {
    let clock = WED;
    const sandbox = createPax8Sandbox({ companies: 20, subscriptions: 120, now: () => clock });
    let server: SandboxServer;
    beforeAll(async () => {
      server = await sandbox.listen();
    });
    afterAll(async () => {
      await server.close();
    });
    const connect = (retry = { limit: 1, baseDelayMs: 1 }) =>
      createPax8Connector({ ...PAX8_SANDBOX_CREDENTIALS, apiUrl: server.url, allowInsecureLoopback: true, pacing: false, retry });

    it('stores each usage line\'s month-to-date charges exactly; a second run in the same week overwrites them', async () => {
      clock = WED;
      const store = await target.open();
      try {
        const first = await runSync({ connectors: [connect()], store, now: new Date(WED) });
        expect(first.status).toBe('succeeded');
        const lines = await store.listSubscriptions({ vendor: 'pax8' });
        const usageIds = lines.filter((l) => l.billingFrequency === 'usage').map((l) => l.externalId).sort();
        expect(usageIds.length).toBeGreaterThan(5);
        expect(first.vendors[0]?.usage).toMatchObject({ written: lines.length, charged: usageIds.length });

        const rows = await store.listUsage({ vendor: 'pax8', week: WEEK });
        expect(rows).toHaveLength(lines.length);
        expect(rows.filter((r) => r.charges).map((r) => r.subscriptionExternalId).sort()).toEqual(usageIds);
        // Exactly what the connector reads, amounts as decimal strings with their currency.
        const direct = await collect(connect().listSeatSnapshots({ week: WEEK, asOf: new Date(WED).toISOString(), lines: lines.filter((l) => l.billingFrequency === 'usage') }));
        const byId = new Map(rows.map((r) => [r.subscriptionExternalId, r]));
        for (const row of direct.items) expect(byId.get(row.subscriptionExternalId)?.charges).toEqual(row.charges);
        const billed = usageIds.find((id) => sum(sandbox.usageSummaries(id) ?? [], 'currentCharges') > 0) as string;
        const before = byId.get(billed) as Usage;
        expect(Number(before.charges?.customer?.amount)).toBe(sum(sandbox.usageSummaries(billed) ?? [], 'currentCharges'));
        expect(Number(before.charges?.partner?.amount)).toBe(sum(sandbox.usageSummaries(billed) ?? [], 'partnerTotal'));
        expect(before.charges).toMatchObject({ period: 'month_to_date', from: '2026-12-01' });
        expect(before.quantity).toBe(lines.find((l) => l.externalId === billed)?.quantity); // purchased quantity, not charges
        expect(rows.filter((r) => !r.charges).every((r) => !usageIds.includes(r.subscriptionExternalId))).toBe(true);

        // Thursday: Pax8 has rated one more day; its totals replace Wednesday's (they are not cumulative).
        clock = THU;
        const second = await runSync({ connectors: [connect()], store, now: new Date(THU) });
        expect(second.status).toBe('succeeded');
        const again = await store.listUsage({ vendor: 'pax8', week: WEEK });
        expect(again).toHaveLength(lines.length);
        const after = again.find((r) => r.subscriptionExternalId === billed) as Usage;
        expect(after.asOf).toBe(new Date(THU).toISOString());
        expect(Number(after.charges?.customer?.amount)).toBe(sum(sandbox.usageSummaries(billed) ?? [], 'currentCharges'));
        expect(Number(after.charges?.customer?.amount)).toBeGreaterThan(Number(before.charges?.customer?.amount));
      } finally {
        await store.close();
        clock = WED;
      }
    });

    it('a failed usage-summary read marks the week incomplete and the run partial; nothing reads as zero', async () => {
      const store = await target.open();
      try {
        sandbox.inject({ kind: 'status', status: 503, times: 1_000, pathIncludes: '/usage-summaries' });
        const run = await runSync({ connectors: [connect({ limit: 0, baseDelayMs: 1 })], store, now: new Date(WED) });
        sandbox.reset();
        expect(run.status).toBe('partial');
        expect(run.run.errors).toEqual(expect.arrayContaining([expect.objectContaining({ vendor: 'pax8', stream: 'seat_snapshots', name: 'IncompleteStream' })]));
        expect(await store.listUsage({ vendor: 'pax8', week: WEEK })).toEqual([]); // readers skip the incomplete week
        const rows = await store.listUsage({ vendor: 'pax8', week: WEEK, includeIncomplete: true });
        expect(rows.length).toBeGreaterThan(0);
        expect(rows.every((r) => r.charges === undefined)).toBe(true);
        const [weekRow] = await store.listWeeks({ vendor: 'pax8' });
        expect(weekRow).toMatchObject({ complete: false, reason: expect.stringContaining('usage charges incomplete') });
      } finally {
        sandbox.reset();
        await store.close();
      }
    });
  });
}
