// Benchmark: the full licensing computation on 100,000 subscription lines, 100,000 contract lines
// and 52 weekly snapshots of a 2,000-line subset, every one of the 51 consecutive week pairs
// compared (seat counts change every week, so each pair yields ~2,000 drift lines). Run with `npm run bench licensing` (plain node,
// after the tsup build). Figures are ratios against a baseline measured in the same process: a
// bare pass that groups every input by customer + SKU, so noisy-machine speed cancels out.
import type { Subscription, Usage, Vendor } from '@vectis/connector-core';
import type { CustomerLink, LicensingInput, PsaContractLine } from '@vectis/licensing-core';

// LICENSING_CORE=/path/to/other-build.mjs runs the same input through another build (A/B runs
// of an older version in the same session); by default the package itself.
const { computeLicensingReport } = (await import(process.env.LICENSING_CORE ?? '@vectis/licensing-core')) as typeof import('@vectis/licensing-core');

const LINES = 100_000;
const CONTRACTS = 100_000;
const CUSTOMERS = 10_000;
const WEEKS = 52;
const SNAPSHOT_LINES = 2_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const VENDORS: Vendor[] = ['ingram_micro', 'pax8', 'sherweb', 'td_synnex'];
const TERMS = ['P1M', 'P1M', 'P1Y', 'P3Y'] as const;
const COSTS = ['2.21', '1.989', '12.50', '0.3333', '120.00'];

function generate(): LicensingInput {
  const subscriptions: Subscription[] = [];
  for (let i = 0; i < LINES; i++) {
    const c = i % CUSTOMERS;
    const term = TERMS[i % TERMS.length] ?? 'P1M';
    subscriptions.push({
      vendor: VENDORS[c % VENDORS.length] ?? 'pax8',
      externalId: `sub-${i}`,
      customerExternalId: `cust-${c}`,
      sku: `SKU-${Math.floor(i / CUSTOMERS) % 8}`,
      productName: 'Product',
      quantity: 1 + (i % 37),
      unitCost: { amount: COSTS[i % COSTS.length] ?? '1.00', currency: c % 10 === 0 ? 'EUR' : 'USD' },
      msrp: { amount: '20.00', currency: c % 10 === 0 ? 'EUR' : 'USD' },
      amountBasis: 'unit',
      pricePeriod: term,
      billingFrequency: term === 'P1M' ? 'monthly' : 'annual',
      commitmentTerm: term,
      recurring: i % 50 !== 0,
      status: i % 40 === 0 ? 'cancelled' : 'active',
      rawStatus: 'Active',
      // Cancelled lines ended before `now`; live ones end after it (else they would be lapsed).
      endDate: i % 40 === 0 ? '2026-10-01' : '2027-06-01',
      renewalDate: '2027-06-01',
      raw: {},
    });
  }
  const contracts: PsaContractLine[] = [];
  for (let i = 0; i < CONTRACTS; i++) {
    const c = i % CUSTOMERS;
    contracts.push({
      id: `ag-${i}`,
      psaCompanyId: `${c}`,
      sku: `SKU-${Math.floor(i / CUSTOMERS) % 9}`,
      quantity: 1 + (i % 31),
      unitPrice: { amount: i % 3 === 0 ? '36.00' : '3.00', currency: c % 10 === 0 ? 'EUR' : 'USD' },
      billingPeriod: i % 3 === 0 ? 'P1Y' : 'P1M',
      status: i % 97 === 0 ? 'cancelled' : 'active',
    });
  }
  const links: CustomerLink[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    links.push({ vendor: VENDORS[c % VENDORS.length] ?? 'pax8', customerExternalId: `cust-${c}`, psaCompanyId: `${c}`, status: c % 20 === 0 ? 'review' : 'auto' });
  }
  const snapshots: Usage[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const monday = Date.UTC(2025, 11, 1) + w * 7 * 86_400_000; // 2025-12-01 is a Monday (2025-W49)
    const asOf = new Date(monday).toISOString();
    for (let i = 0; i < SNAPSHOT_LINES; i++) {
      const line = subscriptions[i] as Subscription;
      snapshots.push({
        vendor: line.vendor, week: isoWeek(monday), asOf, customerExternalId: line.customerExternalId,
        subscriptionExternalId: line.externalId, sku: line.sku, quantity: line.quantity + ((i + w) % 3), assigned: line.quantity - (i % 2),
        source: 'vendor_usage',
      });
    }
  }
  return { subscriptions, contracts, links, snapshots, policy: { minMarginPercent: '20' }, now: '2026-11-26T06:00:00Z' };
}

function isoWeek(ms: number): string {
  const d = new Date(ms);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const week = Math.ceil(((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

// Baseline: touch and group every input once (what any implementation must at least do).
function baseline(input: LicensingInput): number {
  const groups = new Map<string, number>();
  for (const l of input.subscriptions) {
    const k = `${l.vendor}:${l.customerExternalId}\u0000${l.sku ?? ''}`;
    groups.set(k, (groups.get(k) ?? 0) + l.quantity);
  }
  for (const c of input.contracts) {
    const k = `psa:${c.psaCompanyId}\u0000${c.sku ?? ''}`;
    groups.set(k, (groups.get(k) ?? 0) + c.quantity);
  }
  for (const s of input.snapshots ?? []) groups.set(`${s.week}:${s.subscriptionExternalId}`, s.quantity);
  return groups.size;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
}

const gc = (globalThis as { gc?: () => void }).gc;
const input = generate();
gc?.();
const heapBefore = process.memoryUsage().heapUsed;

const baseTimes: number[] = [];
const fullTimes: number[] = [];
// CPU time (all threads of this process) next to wall time: on a shared, loaded machine wall time
// also counts waiting for a core, CPU time much less so.
const baseCpu: number[] = [];
const fullCpu: number[] = [];
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let peakHeap = 0;
let report: ReturnType<typeof computeLicensingReport> | undefined;
for (let r = 0; r < RUNS; r++) {
  report = undefined;
  gc?.();
  let t = performance.now();
  let c = cpu();
  baseline(input);
  baseTimes.push(performance.now() - t);
  baseCpu.push(cpu() - c);
  gc?.();
  t = performance.now();
  c = cpu();
  report = computeLicensingReport(input);
  fullTimes.push(performance.now() - t);
  fullCpu.push(cpu() - c);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed - heapBefore);
}
const base = median(baseTimes);
const full = median(fullTimes);
const baseMin = Math.min(...baseTimes);
const fullMin = Math.min(...fullTimes);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
console.log(`input: ${LINES} lines, ${CONTRACTS} contracts, ${CUSTOMERS} customers, ${WEEKS} weeks × ${SNAPSHOT_LINES} snapshot rows`);
console.log(`baseline (group inputs):  median ${base.toFixed(0)} ms, min ${baseMin.toFixed(0)} ms of ${RUNS}`);
console.log(`computeLicensingReport:   median ${full.toFixed(0)} ms, min ${fullMin.toFixed(0)} ms of ${RUNS} (goal < 1000 ms)`);
console.log(`ratio to baseline:        ${(full / base).toFixed(1)}× (medians), ${(fullMin / baseMin).toFixed(1)}× (minimums)`);
console.log(`CPU time ratio:           ${(median(fullCpu) / median(baseCpu)).toFixed(1)}× (medians), ${(Math.min(...fullCpu) / Math.min(...baseCpu)).toFixed(1)}× (minimums); report CPU median ${median(fullCpu).toFixed(0)} ms`);
console.log(`heap held after one run:  ${mb(peakHeap)} above the input (before GC); peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}`);
console.log(`output: ${report?.rollups.items.length} rollups, ${report?.moneyFound.findings.length} findings, ${report?.drift.periods?.length ?? 1} week pairs, ${report?.drift.lines.length} drift lines, ${report?.flags.length} flags`);
