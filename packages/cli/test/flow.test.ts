// sync → psa import → match → links → report, each a subprocess, against the Ingram sandbox.
import { createSqliteStore } from '@vectis/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREDS, ingramTenant, vectis, workDir } from './helpers';

const csvCell = (v: string | number) => (/[",]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
const csv = (rows: (string | number)[][]) => `${rows.map((r) => r.map(csvCell).join(',')).join('\n')}\n`;

describe('the MSP flow from the command line', () => {
  let tenant: Awaited<ReturnType<typeof ingramTenant>>;
  let dir: string;
  let db: string;
  const run = (args: string[]) => vectis([...args, '--db', `sqlite:${db}`], { env: tenant.env, cwd: dir });
  let customers: { externalId: string; name: string }[] = [];

  beforeAll(async () => {
    tenant = await ingramTenant();
    dir = workDir({ policy: { minMarginPercent: '15' } });
    db = join(dir, 'vectis.db');
    expect((await run(['sync'])).code).toBe(0);
    const store = await createSqliteStore({ path: db });
    customers = (await store.listCustomers()).map((c) => ({ externalId: c.externalId, name: c.name }));
    const lines = await store.listSubscriptions();
    await store.close();

    // A ConnectWise company export (UI column names), with a row missing its name and a duplicate id.
    const companies: (string | number)[][] = [['Company RecID', 'Company Name', 'Website', 'City', 'State', 'Zip', 'Country', 'Status', 'Company Type']];
    customers.slice(0, 8).forEach((c, i) => companies.push([`${500 + i}`, c.name, '', '', '', '', 'United States', 'Active', 'Client']));
    companies.push(['599', '', '', '', '', '', '', 'Active', 'Client']); // line 10: no name
    companies.push(['500', 'Duplicate Co', '', '', '', '', '', 'Active', 'Client']); // line 11: duplicate id
    companies.push(['520', `${customers[2]!.name} (old)`, '', '', '', '', 'United States', 'Active', 'Client']); // a second candidate: review
    writeFileSync(join(dir, 'companies.csv'), csv(companies));

    const additions: (string | number)[][] = [['Addition RecID', 'Company RecID', 'Manufacturer Part Number', 'Description', 'Qty', 'Unit Price', 'Billing Cycle', 'Effective Date']];
    const byCustomer = new Map(customers.slice(0, 8).map((c, i) => [c.externalId, `${500 + i}`]));
    let n = 1;
    for (const l of lines) {
      const company = byCustomer.get(l.customerExternalId);
      if (!company || !l.sku || !l.unitCost) continue;
      additions.push([`A${n++}`, company, l.sku, l.productName, Math.max(0, Math.round(l.quantity) - 1), l.unitCost.amount, 'Monthly', '2026-01-01']);
    }
    additions.push(['A999', '500', 'SKU-X', 'bad qty', 'three', '1.00', 'Monthly', '2026-01-01']);
    writeFileSync(join(dir, 'additions.csv'), csv(additions));
  });
  afterAll(async () => {
    await tenant.close();
  });

  it('psa import lists every rejected row with its line number and reason, imports the rest, exits 2', async () => {
    const r = await run(['psa', 'import', join(dir, 'companies.csv'), '--format', 'connectwise']);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('line 10: rejected — company 599 has no name');
    expect(r.stdout).toContain('line 11: rejected — duplicate id 500');
    expect(r.stdout).toContain('companies: 9 imported, 2 rejected');
    const noCurrency = await run(['psa', 'import', join(dir, 'additions.csv'), '--format', 'connectwise', '--json']);
    const out = JSON.parse(noCurrency.stdout) as { kind: string; accepted: number; rejected: { line: number; reason: string }[] };
    expect(out.kind).toBe('contracts');
    expect(out.accepted).toBe(0); // no currency column and no --currency: money is never guessed
    expect(out.rejected[0]?.reason).toContain('pass --currency USD');
    const ok = await run(['psa', 'import', join(dir, 'additions.csv'), '--format', 'connectwise', '--currency', 'USD', '--json']);
    const good = JSON.parse(ok.stdout) as typeof out;
    expect(ok.code).toBe(2);
    expect(good.accepted).toBeGreaterThan(0);
    expect(good.rejected).toEqual([{ line: good.accepted + 2, reason: 'line A999: quantity "three" is not a non-negative number' }]);
  });

  it('match links customers; links never/confirm survive re-matching', async () => {
    const first = await run(['match', '--json']);
    expect(first.code).toBe(0);
    const tiers = (JSON.parse(first.stdout) as { tiers: { auto: number } }).tiers;
    expect(tiers.auto).toBeGreaterThan(0);
    const linkOf = async (id: string) => {
      const store = await createSqliteStore({ path: db });
      try {
        return (await store.listLinks()).filter((l) => l.customerExternalId === id);
      } finally {
        await store.close();
      }
    };
    const [a, b] = customers;
    const autoA = (await linkOf(a!.externalId)).find((l) => l.source === 'computed');
    expect(autoA?.psaCompanyId).toBe('500');
    expect((await run(['links', 'never', 'ingram', a!.externalId, '500'])).code).toBe(0);
    expect((await run(['links', 'confirm', 'ingram', b!.externalId, '507'])).code).toBe(0);
    expect((await run(['match'])).code).toBe(0);
    const afterA = await linkOf(a!.externalId);
    expect(afterA.some((l) => l.psaCompanyId === '500' && l.override !== 'never_link')).toBe(false);
    expect((await linkOf(b!.externalId)).find((l) => l.override === 'link')?.psaCompanyId).toBe('507');
    const bad = await run(['links', 'confirm', 'ingram', 'no-such-customer', '500']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not in the store');
    const review = await run(['match', '--review']);
    expect(review.stdout).toMatch(/matched \d+ distributor customers against 9 PSA companies: \d+ auto-linked, [1-9]\d* for review/);
    // The customer with two equally good PSA rows is queued with both candidates, the reasons and the command to decide.
    const c = customers[2]!;
    expect(review.stdout).toContain(`${c.name} (ingram_micro:${c.externalId})`);
    expect(review.stdout).toMatch(new RegExp(`→ PSA (502|520) .* score \\d\\.\\d\\d: .*name agrees`));
    expect(review.stdout).toMatch(/or PSA (502|520) /);
    expect(review.stdout).toMatch(new RegExp(`vectis links confirm ingram ${c.externalId} (502|520)`));
  });

  it('report renders table, json, csv and html from the store; bad options are all reported', async () => {
    const table = await run(['report']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Money Found digest');
    await run(['report', '--format', 'json', '--out', join(dir, 'r.json')]);
    const json = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { policy: { minMarginPercent: string }; report: { moneyFound: { findings: unknown[] } } };
    expect(json.policy.minMarginPercent).toBe('15'); // from vectis.config.json
    expect(json.report.moneyFound.findings.length).toBeGreaterThan(0); // contracts were imported one seat short
    const csvOut = await run(['report', '--format', 'csv']);
    expect(csvOut.stdout.split('\n')[0]).toBe('finding_id,kind,direction,customer,customer_key,sku,vendors,seats,monthly_impact,currency,confidence,summary,action');
    expect(csvOut.stdout).toContain('uncontracted_seats');
    const html = await run(['report', '--format', 'html', '--out', join(dir, 'r.html')]);
    expect(html.code).toBe(0);
    const page = readFileSync(join(dir, 'r.html'), 'utf8');
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/(src|href)=["']https?:/);
    for (const text of [table.stdout, csvOut.stdout, page, html.stderr]) {
      expect(text).not.toContain(CREDS.password);
      expect(text).not.toContain(CREDS.subscriptionKey);
    }
    const bad = await run(['report', '--week', '2026-49', '--format', 'pdf']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--format: must be one of table, json, csv, html');
    expect(bad.stderr).toContain('--week: must be an ISO week such as 2026-W49');
  });
});
