// `vectis demo`: sandbox only, every line says DEMO, real credentials in the environment are ignored.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertLoopback } from '../src/commands/demo';
import { cleanEnv, vectis } from './helpers';

describe('vectis demo', () => {
  it('runs the whole flow on the sandbox; every printed line says DEMO; credential variables are ignored', async () => {
    // A "real" tenant configured in the shell: the demo must not touch it, nor print it.
    const env = cleanEnv({
      INGRAM_USERNAME: 'real-msp-user.api',
      INGRAM_PASSWORD: 'real-password-do-not-use',
      INGRAM_SUBSCRIPTION_KEY: 'real-subscription-key-do-not-use',
      INGRAM_API_URL: 'https://api.cloud.im/marketplace/na',
      PAX8_CLIENT_ID: 'real-pax8-id',
      PAX8_CLIENT_SECRET: 'real-pax8-secret',
    });
    const r = await vectis(['demo'], { env });
    expect(r.code).toBe(0);
    const lines = `${r.stdout}${r.stderr}`.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) expect(line.startsWith('DEMO ')).toBe(true);
    expect(r.stdout).toContain('Money Found digest');
    expect(r.stderr).toMatch(/Connected to Ingram Micro/);
    expect(r.stderr).toMatch(/matching: \d+ auto-linked/);
    const all = r.stdout + r.stderr;
    for (const s of ['real-msp-user', 'real-password', 'real-subscription-key', 'api.cloud.im', 'real-pax8']) expect(all).not.toContain(s);
  });

  it('--json prints one parseable line that says DEMO', async () => {
    const r = await vectis(['demo', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { mode: string; sync: string[] };
    expect(out.mode).toBe('DEMO');
    expect(out.sync).toEqual(['succeeded', 'succeeded']);
  });

  it('--keep leaves a two-week database; report --week picks the week (drift compares it with the week before)', async () => {
    const demo = await vectis(['demo', '--keep', '--json']);
    const { db } = JSON.parse(demo.stdout) as { db: string };
    const latest = await vectis(['report', '--format', 'json', '--db', `sqlite:${db}`]);
    expect(latest.code).toBe(0);
    const now = JSON.parse(latest.stdout) as { week: string; report: { drift: { status: string; previousWeek: string; lines: unknown[] } } };
    expect(now.report.drift.status).toBe('compared');
    expect(now.report.drift.lines.length).toBeGreaterThan(0); // the sandbox week changed seats
    const before = await vectis(['report', '--format', 'json', '--week', now.report.drift.previousWeek, '--db', `sqlite:${db}`]);
    const earlier = JSON.parse(before.stdout) as typeof now;
    expect(earlier.week).toBe(now.report.drift.previousWeek);
    expect(earlier.report.drift.status).toBe('no_baseline');
    rmSync(dirname(db), { recursive: true, force: true });
  });

  it('refuses any sandbox URL that is not loopback', () => {
    expect(() => assertLoopback('http://127.0.0.1:4010/marketplace/na')).not.toThrow();
    expect(() => assertLoopback('http://localhost:4010')).not.toThrow();
    expect(() => assertLoopback('https://api.cloud.im/marketplace/na')).toThrow(/not a loopback address/);
    expect(() => assertLoopback('http://10.0.0.5:80')).toThrow(/not a loopback address/);
  });
});
