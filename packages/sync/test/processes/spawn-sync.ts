// Runs sync-child.ts in a separate Node process. The child imports the TypeScript sources, so it
// is bundled once with esbuild (dev-source condition, drivers left external) into node_modules/.cache.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../../..');
const outfile = join(root, 'node_modules/.cache/vectis-sync-test', `sync-child-${process.pid}.mjs`);
let built: Promise<unknown> | undefined;

export interface ChildRun {
  /** Resolves when the child holds its lease and writes its first page. */
  writing: Promise<void>;
  /** The child's final report, or `{ event: 'exit', code, signal }` when it died without one. */
  done: Promise<Record<string, unknown>>;
}

export async function spawnSync(input: Record<string, unknown>): Promise<ChildRun> {
  built ??= (mkdirSync(dirname(outfile), { recursive: true }),
  build({
    entryPoints: [join(here, 'sync-child.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22',
    conditions: ['dev-source'], external: ['pg', 'pg-*', '@electric-sql/*'], logLevel: 'error',
  }));
  await built;
  const child = spawn(process.execPath, [outfile, JSON.stringify(input)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onWriting!: () => void;
  const writing = new Promise<void>((r) => (onWriting = r));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('"event":"writing"')) onWriting();
  });
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<Record<string, unknown>>((resolveDone) => {
    child.on('exit', (code, signal) => {
      onWriting();
      const last = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((e) => e.event === 'done');
      resolveDone(last ?? { event: 'exit', code, signal, stderr: err.slice(0, 2000) });
    });
  });
  return { writing, done };
}
