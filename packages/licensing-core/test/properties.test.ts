import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subscription, Usage, Vendor } from '@vectis/connector-core';
import { computeLicensingReport, type LicensingInput, type LicensingReport } from '@vectis/licensing-core';
import { contract, line, link, NOW, snap } from './helpers';

const VENDORS: Vendor[] = ['ingram_micro', 'pax8', 'sherweb', 'td_synnex'];
const CUSTOMERS = ['c1', 'c2', 'c3'];
const SKUS = ['A', 'B', 'C'];

const lineArb = fc.record({
  vendor: fc.constantFrom<Vendor>('pax8', 'ingram_micro', 'sherweb'),
  customer: fc.constantFrom(...CUSTOMERS),
  sku: fc.constantFrom(...SKUS),
  quantity: fc.integer({ min: 0, max: 40 }),
  cost: fc.constantFrom('2.21', '1.989', '10', '0.3333', '120.00'),
  currency: fc.constantFrom('USD', 'USD', 'EUR'),
  term: fc.constantFrom('P1M', 'P1Y', 'P3Y', 'unknown') as fc.Arbitrary<Subscription['pricePeriod']>,
  status: fc.constantFrom('active', 'active', 'cancelled', 'trial') as fc.Arbitrary<Subscription['status']>,
  assigned: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
});
const contractArb = fc.record({
  customer: fc.constantFrom(...CUSTOMERS),
  sku: fc.constantFrom(...SKUS, 'UNMAPPED'),
  quantity: fc.integer({ min: 0, max: 40 }),
  price: fc.constantFrom('3.00', '2.50', '36.00'),
  currency: fc.constantFrom('USD', 'EUR'),
  period: fc.constantFrom('P1M', 'P1Y') as fc.Arbitrary<'P1M' | 'P1Y'>,
});
const scenarioArb = fc.record({ lines: fc.array(lineArb, { maxLength: 25 }), contracts: fc.array(contractArb, { maxLength: 12 }) });

type LineSpec = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;
type ContractSpec = typeof contractArb extends fc.Arbitrary<infer T> ? T : never;

function build(s: { lines: LineSpec[]; contracts: ContractSpec[] }): LicensingInput {
  const subscriptions = s.lines.map((l, i) =>
    line({
      vendor: l.vendor, externalId: `l${i}`, customerExternalId: l.customer, sku: l.sku, quantity: l.quantity,
      unitCost: { amount: l.cost, currency: l.currency }, pricePeriod: l.term, commitmentTerm: l.term === 'unknown' ? 'P1M' : l.term,
      status: l.status, recurring: l.status !== 'trial', ...(l.status === 'cancelled' ? { endDate: i % 2 ? '2026-12-31' : '2026-01-01' } : {}),
    }),
  );
  const snapshots: Usage[] = s.lines.flatMap((l, i) => [
    snap({ vendor: l.vendor, subscriptionExternalId: `l${i}`, customerExternalId: l.customer, sku: l.sku, quantity: l.quantity, ...(l.assigned === undefined ? {} : { assigned: l.assigned }) }),
    snap({ vendor: l.vendor, week: '2026-W47', asOf: '2026-11-16T00:00:00.000Z', subscriptionExternalId: `l${i}`, customerExternalId: l.customer, sku: l.sku, quantity: (l.quantity * 7) % 41 }),
  ]);
  // Every vendor's customer cN is linked to PSA company N, so moving lines between vendors keeps the customer.
  const links = VENDORS.flatMap((vendor) => CUSTOMERS.map((c) => link({ vendor, customerExternalId: c, psaCompanyId: c.slice(1) })));
  const contracts = s.contracts.map((c, i) => contract({
    id: `k${i}`, psaCompanyId: c.customer.slice(1), sku: c.sku === 'UNMAPPED' ? undefined : c.sku, productId: c.sku === 'UNMAPPED' ? 'X' : undefined,
    quantity: c.quantity, unitPrice: { amount: c.price, currency: c.currency }, billingPeriod: c.period,
  }));
  return { subscriptions, contracts, links, snapshots, policy: { minMarginPercent: '25' }, now: NOW };
}

/** Every money and seat figure, without vendor names or line references. */
function figures(r: LicensingReport) {
  return {
    rollups: r.rollups.items.map((x) => [x.customer.key, x.skuKey, x.seats, x.contractedSeats, x.monthlyCost, x.monthlyRevenue, x.margin?.margin, x.margin?.unitMarginPercent]),
    totals: r.rollups.totals,
    customers: r.customers.map((c) => [c.customer.key, c.totals]),
    findings: r.moneyFound.findings.map((f) => [f.id, f.kind, f.direction, f.seats, f.monthlyImpact]),
    drift: r.drift.skus.map((d) => [d.customerKey, d.skuKey, d.change, d.delta]),
    status: [r.rollups.coverage.status, r.seats.coverage.status, r.moneyFound.coverage.status],
  };
}

const SCALE = 10n ** 10n;
function dec(text: string): bigint {
  const [w = '0', f = ''] = text.replace('-', '').split('.');
  const v = BigInt(w) * SCALE + BigInt(f.padEnd(10, '0'));
  return text.startsWith('-') ? -v : v;
}

function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('invariants (fast-check)', () => {
  it('customer sums equal the totals, per currency', () => {
    fc.assert(fc.property(scenarioArb, (s) => {
      const r = computeLicensingReport(build(s));
      for (const t of r.rollups.totals) {
        const mine = r.customers.flatMap((c) => c.totals.filter((x) => x.currency === t.currency));
        expect(mine.reduce((a, x) => a + dec(x.monthlyCost.amount), 0n)).toBe(dec(t.monthlyCost.amount));
        expect(mine.reduce((a, x) => a + dec(x.monthlyRevenue.amount), 0n)).toBe(dec(t.monthlyRevenue.amount));
        expect(mine.reduce((a, x) => a + dec(x.margin.amount), 0n)).toBe(dec(t.margin.amount));
      }
    }), { numRuns: 150 });
  });

  it('permuting the input order changes nothing, finding ids included', () => {
    fc.assert(fc.property(scenarioArb, fc.integer(), (s, seed) => {
      const base = build(s);
      const shuffled: LicensingInput = {
        ...base,
        subscriptions: shuffle(base.subscriptions, seed),
        contracts: shuffle(base.contracts, seed + 1),
        links: shuffle(base.links, seed + 2),
        snapshots: shuffle(base.snapshots ?? [], seed + 3),
      };
      expect(computeLicensingReport(shuffled)).toEqual(computeLicensingReport(base));
    }), { numRuns: 150 });
  });

  it('relabelling vendors changes only the labels', () => {
    const swap: Record<string, Vendor> = { pax8: 'td_synnex', ingram_micro: 'pax8', sherweb: 'ingram_micro', td_synnex: 'sherweb' };
    fc.assert(fc.property(scenarioArb, (s) => {
      const relabelled = build({ ...s, lines: s.lines.map((l) => ({ ...l, vendor: swap[l.vendor] as Vendor })) });
      const a = computeLicensingReport(build(s));
      const b = computeLicensingReport(relabelled);
      expect(figures(b)).toEqual(figures(a));
      expect(b.rollups.items.map((x) => x.vendors)).toEqual(a.rollups.items.map((x) => x.vendors.map((v) => swap[v]).sort()));
    }), { numRuns: 100 });
  });

  it("splitting one vendor's lines across two vendors changes no money figure", () => {
    fc.assert(fc.property(scenarioArb, fc.array(fc.boolean(), { minLength: 25, maxLength: 25 }), (s, move) => {
      const split = build({ ...s, lines: s.lines.map((l, i) => (l.vendor === 'pax8' && move[i] ? { ...l, vendor: 'td_synnex' as Vendor } : l)) });
      expect(figures(computeLicensingReport(split))).toEqual(figures(computeLicensingReport(build(s))));
    }), { numRuns: 100 });
  });
});
