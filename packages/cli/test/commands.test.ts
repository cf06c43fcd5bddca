// The commands as subprocesses against the Ingram sandbox tenant: what a cron job or a script sees.
import { DatabaseSync } from 'node:sqlite';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, cleanEnv, CREDS, ingramTenant, refusingPax8Tenant, tempDir, vectis, workDir } from './helpers';

const secrets = [CREDS.password, CREDS.subscriptionKey];
const expectNoSecrets = (...texts: string[]) => {
  for (const t of texts) for (const s of secrets) expect(t).not.toContain(s);
};

describe('vectis --help', () => {
  it('lists every command and shows examples per command', async () => {
    const root = await vectis(['--help']);
    expect(root.code).toBe(0);
    for (const c of ['test', 'sync', 'psa', 'match', 'links', 'report', 'demo']) expect(root.stdout).toContain(c);
    const sync = await vectis(['sync', '--help']);
    expect(sync.stdout).toContain('Examples:');
    expect(sync.stdout).toContain('--full');
    expect((await vectis(['psa', 'import', '--help'])).stdout).toContain('--format <psa>');
  });
});

describe('configuration', () => {
  it('with nothing configured, sync fails and names the variables to set', async () => {
    const r = await vectis(['sync', '--db', `sqlite:${join(tempDir(), 'x.db')}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('INGRAM_USERNAME');
  });

  it('reports every missing or invalid variable of every vendor at once, never echoing a value', async () => {
    const env = cleanEnv({ INGRAM_USERNAME: 'someone.api', INGRAM_API_URL: 'ftp://nope', PAX8_CLIENT_ID: 'pax8-id-value', SHERWEB_CLIENT_SECRET: 'sherweb-secret-value-1' });
    const r = await vectis(['sync', '--json'], { env, cwd: tempDir() });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { name: string; issues: { field: string }[] } };
    expect(out.ok).toBe(false);
    expect(out.error.name).toBe('ConfigurationError');
    const fields = out.error.issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['INGRAM_PASSWORD', 'INGRAM_SUBSCRIPTION_KEY', 'PAX8_CLIENT_SECRET', 'SHERWEB_CLIENT_ID', 'SHERWEB_SUBSCRIPTION_KEY']));
    expect(r.stdout + r.stderr).not.toContain('sherweb-secret-value-1');
  });

  it('a config file with a credential or an unknown key is refused with every bad field', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vectis.config.json'), JSON.stringify({ db: 'sqlite:./a.db', ingramPassword: 'x', colour: 'blue', policy: { minMarginPercent: 12 } }));
    const r = await vectis(['report'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ingramPassword: credentials are read from environment variables only');
    expect(r.stderr).toContain('colour: is not a known setting');
    expect(r.stderr).toContain('policy.minMarginPercent: must be a decimal string');
  });
});

describe('the cron line with only environment variables', () => {
  it('vectis sync && vectis report --format html --out … works with no flags and no config file', async () => {
    // A small tenant: Ingram's default pacing (45 requests a minute) stays in force, as on a real cron.
    const small = await ingramTenant({ customers: 3, subscriptions: 5 });
    try {
      const cwd = tempDir();
      const sync = await vectis(['sync'], { env: small.env, cwd });
      expect(sync.code).toBe(0);
      expect(existsSync(join(cwd, 'vectis.db'))).toBe(true);
      const report = await vectis(['report', '--format', 'html', '--out', 'licensing.html'], { env: small.env, cwd });
      expect(report.code).toBe(0);
      expect(readFileSync(join(cwd, 'licensing.html'), 'utf8')).toContain('Seats per week per customer and SKU');
      expectNoSecrets(sync.stdout, sync.stderr, report.stderr, readFileSync(join(cwd, 'licensing.html'), 'utf8'));
    } finally {
      await small.close();
    }
  });

  it('an unreachable PostgreSQL is a typed error that never shows the password', async () => {
    const small = await ingramTenant({ customers: 2, subscriptions: 2 });
    try {
      const r = await vectis(['sync', '--db', 'postgres://vectis:Pg-Pa55-never-shown@127.0.0.1:1/vectis', '--json'], { env: small.env, cwd: tempDir() });
      expect(r.code).toBe(1);
      expect((JSON.parse(r.stdout) as { error: { name: string } }).error.name).toBe('StoreUnavailableError');
      expect(r.stdout + r.stderr).not.toContain('Pg-Pa55-never-shown');
    } finally {
      await small.close();
    }
  });
});

describe('against the Ingram sandbox', () => {
  let tenant: Awaited<ReturnType<typeof ingramTenant>>;
  let pax8: Awaited<ReturnType<typeof refusingPax8Tenant>>;
  beforeAll(async () => {
    tenant = await ingramTenant();
    pax8 = await refusingPax8Tenant();
  });
  afterAll(async () => {
    await tenant.close();
    await pax8.close();
  });

  it('vectis test prints the connection message; a vendor whose credentials are refused reports the typed error and fails the run', async () => {
    const cwd = workDir();
    const ok = await vectis(['test', 'ingram'], { env: tenant.env, cwd });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Connected to Ingram Micro/);
    const both = await vectis(['test', '--json'], { env: { ...tenant.env, ...pax8.env }, cwd });
    expect(both.code).toBe(1);
    const out = JSON.parse(both.stdout) as { results: { vendor: string; ok: boolean; error?: string; message: string }[] };
    expect(out.results.find((x) => x.vendor === 'ingram')?.ok).toBe(true);
    expect(out.results.find((x) => x.vendor === 'pax8')).toMatchObject({ ok: false, error: 'AuthenticationError' });
    expectNoSecrets(both.stdout, both.stderr, ok.stdout, ok.stderr);
    expect(both.stdout).not.toContain('pax8-secret-xyz');
  });

  it('vectis sync writes the store and exits 0; plain line logs when not a TTY; no secret anywhere, database included', async () => {
    const dir = workDir();
    const db = join(dir, 'vectis.db');
    const r = await vectis(['sync', '--db', `sqlite:${db}`], { env: tenant.env, cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ingram: succeeded/);
    expect(r.stderr).toMatch(/\[sync\] customers: 12 .*records/);
    expect(r.stderr).not.toContain('\r'); // no redrawn bar in a log file
    const json = await vectis(['sync', '--db', `sqlite:${db}`, '--full', '--json'], { env: tenant.env, cwd: dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, status: 'succeeded', vendors: [{ vendor: 'ingram_micro', status: 'succeeded' }] });
    const bytes = readFileSync(db).toString('latin1') + (existsSync(`${db}-wal`) ? readFileSync(`${db}-wal`).toString('latin1') : '');
    expectNoSecrets(r.stdout, r.stderr, json.stdout, json.stderr, bytes);
  });

  it('on a terminal, sync draws one progress bar per stream (util-linux `script` provides the pseudo-terminal)', async () => {
    const cwd = workDir();
    const db = join(cwd, 'vectis.db');
    const command = `'${process.execPath}' '${BIN}' sync --db 'sqlite:${db}'`;
    const child = spawn('script', ['-qec', command, '/dev/null'], { cwd, env: tenant.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let screen = '';
    child.stdout.on('data', (d: Buffer) => (screen += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(screen).toMatch(/\[sync\] customers +\[█+\] 12\/12/);
    expect(screen).toMatch(/\[sync\] subscriptions +\[█+\] \d+\/\d+/);
    expect(screen).toContain('\x1b['); // redrawn in place, not one line per update
    expectNoSecrets(screen);
  });

  it('exits 2 (partial) when one configured distributor failed and another succeeded', async () => {
    const cwd = workDir();
    const db = join(cwd, 'vectis.db');
    const r = await vectis(['sync', '--db', `sqlite:${db}`, '--json'], { env: { ...tenant.env, ...pax8.env }, cwd });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout) as { ok: boolean; exitCode: number; vendors: { vendor: string; status: string }[] };
    expect(out).toMatchObject({ ok: false, exitCode: 2 });
    expect(out.vendors.find((v) => v.vendor === 'ingram_micro')?.status).toBe('succeeded');
    expect(out.vendors.find((v) => v.vendor === 'pax8')?.status).toBe('failed');
    const text = await vectis(['sync', '--db', `sqlite:${db}`], { env: { ...tenant.env, ...pax8.env }, cwd });
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/pax8: failed/);
    expectNoSecrets(r.stdout, r.stderr, text.stdout, text.stderr);
    expect(text.stdout + text.stderr).not.toContain('pax8-secret-xyz');
  });

  it('a second run while another holds the store lock fails with a message naming the lock', async () => {
    const dir = workDir({ busyTimeoutMs: 200 });
    const db = join(dir, 'vectis.db');
    expect((await vectis(['sync', '--db', `sqlite:${db}`], { env: tenant.env, cwd: dir })).code).toBe(0);
    const other = new DatabaseSync(db);
    other.exec('BEGIN IMMEDIATE'); // the other run, mid-write
    try {
      const r = await vectis(['sync', '--db', `sqlite:${db}`], { env: tenant.env, cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('another sync run holds the store lock');
      expect(r.stderr).toContain(db);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  });

  it('a second sync of the same vendor while another run holds its lease reports the holder', async () => {
    const dir = workDir();
    const db = join(dir, 'vectis.db');
    expect((await vectis(['sync', '--db', `sqlite:${db}`], { env: tenant.env, cwd: dir })).code).toBe(0);
    const other = new DatabaseSync(db);
    const now = new Date().toISOString();
    const later = new Date(Date.now() + 10 * 60_000).toISOString();
    // Another process's run, alive (its lease expires in ten minutes).
    other.prepare('INSERT INTO sync_leases (vendor, run_id, holder, acquired_at, heartbeat_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('ingram_micro', 'run-elsewhere-1', 'cron-host:4242', now, now, later);
    other.close();
    const r = await vectis(['sync', '--db', `sqlite:${db}`], { env: tenant.env, cwd: dir });
    expect(r.code).not.toBe(0);
    expect(r.stdout + r.stderr).toContain('run-elsewhere-1');
    expect(r.stdout + r.stderr).toContain('cron-host:4242');
  });
});
