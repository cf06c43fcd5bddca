// Runs the built `vectis` binary as a subprocess, the way a cron job or a script does.
import { createIngramSandbox } from '@vectis/connector-ingram/sandbox';
import { createPax8Sandbox } from '@vectis/connector-pax8/sandbox';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

export interface Run { code: number; stdout: string; stderr: string }

/** A clean environment: nothing from the developer's shell (no real credentials) leaks in. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...extra };
}

export function vectis(args: readonly string[], o: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: o.cwd ?? tmpdir(), env: o.env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export const tempDir = (name = 'vectis-cli-test-') => mkdtempSync(join(tmpdir(), name));

/** Distinctive credentials, so a test can prove they never appear in any output. */
export const CREDS = { username: 'cli-test-user.api', password: 'pw-S3cr3t-never-printed', subscriptionKey: 'sk-9f8e7d6c-never-printed' };

/** An Ingram sandbox tenant on loopback and the environment that points the CLI at it. */
export async function ingramTenant(options: Parameters<typeof createIngramSandbox>[0] = {}) {
  const sandbox = createIngramSandbox({ customers: 12, subscriptions: 30, credentials: CREDS, ...options });
  const server = await sandbox.listen();
  const env = cleanEnv({
    INGRAM_USERNAME: CREDS.username,
    INGRAM_PASSWORD: CREDS.password,
    INGRAM_SUBSCRIPTION_KEY: CREDS.subscriptionKey,
    INGRAM_API_URL: server.url,
    INGRAM_MARKETPLACE: 'us',
    INGRAM_ALLOW_INSECURE_LOOPBACK: '1',
  });
  return { sandbox, server, env, close: () => server.close() };
}

/**
 * A Pax8 sandbox on loopback and the variables that point the CLI at it with a client secret the
 * sandbox refuses: a configured distributor whose credentials are wrong.
 */
export async function refusingPax8Tenant() {
  const sandbox = createPax8Sandbox({ companies: 3, subscriptions: 5 });
  const server = await sandbox.listen();
  const env = { PAX8_CLIENT_ID: 'pax8-client', PAX8_CLIENT_SECRET: 'pax8-secret-xyz', PAX8_API_URL: server.url, PAX8_ALLOW_INSECURE_LOOPBACK: '1' };
  return { env, close: () => server.close() };
}

/** The sandbox has no rate limit; real tenants keep Ingram's 45 requests a minute default. */
export const FAST_CONFIG = { connectors: { ingram: { pacing: { limit: 500, intervalMs: 1000 } } } };

/** A working directory with a `vectis.config.json` (fast pacing plus `extra`). */
export function workDir(extra: Record<string, unknown> = {}): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'vectis.config.json'), JSON.stringify({ ...FAST_CONFIG, ...extra }));
  return dir;
}
