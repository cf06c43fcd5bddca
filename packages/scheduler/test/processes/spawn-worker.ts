// Runs worker-child.ts in a separate Node process (bundled once with esbuild, dev-source condition).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const outfile = join(root, 'node_modules/.cache/vectis-scheduler-test', `worker-child-${process.pid}.mjs`);
let built: Promise<unknown> | undefined;

export interface Worker {
  child: ChildProcess;
  events: Record<string, unknown>[];
  stderr: () => string;
  exited: Promise<void>;
}

export async function spawnWorker(input: Record<string, unknown>): Promise<Worker> {
  built ??= (mkdirSync(dirname(outfile), { recursive: true }),
  build({
    entryPoints: [join(here, 'worker-child.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22',
    conditions: ['dev-source'], external: ['pg', 'pg-*', 'pg-boss', '@electric-sql/*'], logLevel: 'error',
  }));
  await built;
  const child = spawn(process.execPath, [outfile, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const events: Record<string, unknown>[] = [];
  let buf = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buf += chunk.toString();
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        events.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        err += line;
      }
    }
  });
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  return { child, events, stderr: () => err, exited };
}
