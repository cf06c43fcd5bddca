// The demo's PSA export: two generic-format CSV files derived deterministically from the synced
// sandbox customers, with the differences real PSA data has (names typed differently, clients
// missing from the PSA, seats contracted short, prices below margin). Demo only.
import type { Customer, Subscription } from '@vectis/connector-core';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** amount × percent / 100, exact, rounded half-up to 2 decimals (BigInt, never floats). */
function scale(amount: string, percent: bigint): string {
  const [whole = '0', frac = ''] = amount.split('.');
  const units = BigInt(whole + frac.padEnd(4, '0').slice(0, 4));
  const cents = (units * percent * 2n + 10000n) / 20000n;
  const s = cents.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

const cell = (v: string | number | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (head: string[], rows: (string | number | null | undefined)[][]) => `${[head.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n')}\n`;

/**
 * @example
 * const { companiesCsv, contractsCsv } = demoPsaExport(customers, lines);
 */
export function demoPsaExport(customers: readonly Customer[], lines: readonly Subscription[]): { companiesCsv: string; contractsCsv: string } {
  const random = rng(7);
  const companyOf = new Map<string, number>();
  const companies: (string | number | null | undefined)[][] = [];
  let id = 19000;
  for (const c of [...customers].sort((a, b) => a.externalId.localeCompare(b.externalId))) {
    if (random() < 0.1) continue; // a client never entered in the PSA
    const r = random();
    const name = r < 0.3 ? c.name.replace(/,?\s+(inc\.?|llc|ltd\.?|corp\.?)$/i, '') : r < 0.45 ? c.name.toUpperCase() : c.name;
    const website = c.domains?.find((d) => d.source === 'contact_email' || d.source === 'website')?.domain;
    companies.push([id, name, website ?? '', c.address?.city, c.address?.state, c.address?.postalCode, c.address?.country, 'Active', 'Client']);
    companyOf.set(c.externalId, id++);
  }
  for (let i = 1; i <= 3; i++) companies.push([id++, `Prospect Holdings ${i}`, '', '', '', '', 'US', 'Active', 'Prospect']);

  const contracts: (string | number | null | undefined)[][] = [];
  let n = 1;
  for (const line of [...lines].sort((a, b) => a.externalId.localeCompare(b.externalId))) {
    const company = companyOf.get(line.customerExternalId);
    if (company === undefined || !line.sku || !line.recurring || line.status === 'cancelled' || !line.unitCost) continue;
    const r = random();
    if (r < 0.1) continue; // never contracted
    const seats = Math.round(line.quantity);
    const quantity = r < 0.3 ? Math.max(0, seats - 1 - Math.floor(random() * 3)) : seats;
    const price = r > 0.9 ? scale(line.unitCost.amount, 105n) : line.unitPrice?.amount ?? scale(line.unitCost.amount, 125n);
    const period = line.pricePeriod === 'P1Y' ? 'annually' : 'monthly';
    contracts.push([`AGR-${String(n++).padStart(5, '0')}`, company, line.sku, line.productName, quantity, price, line.unitCost.currency, period, 'active', line.startDate]);
  }
  return {
    companiesCsv: csv(['id', 'name', 'website', 'city', 'state', 'postalCode', 'country', 'status', 'type'], companies),
    contractsCsv: csv(['id', 'psaCompanyId', 'sku', 'description', 'quantity', 'unitPrice', 'currency', 'billingPeriod', 'status', 'startDate'], contracts),
  };
}
