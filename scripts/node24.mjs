#!/usr/bin/env node
// Runs a command under Node.js >= 22.12 (Node 24 preferred). Machines that ship an older Node
// (this project's CI ships Node 20, which is end of life) get Node 24 from the npm registry,
// installed once into ./.node24 (git-ignored) as the `node@24` package.
// Plain JavaScript on purpose: this file must run on the old Node it replaces.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const [major, minor] = process.versions.node.split('.').map(Number);
const modern = major > 22 || (major === 22 && minor >= 12);

function node24Bin() {
  const prefix = process.env.VECTIS_NODE24_PREFIX ?? join(root, '.node24');
  const bin = join(prefix, 'node_modules', '.bin');
  if (!existsSync(join(bin, 'node'))) {
    process.stderr.write(`[node24] Node ${process.versions.node} is older than 22.12; installing node@24 into ${prefix} …\n`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const r = spawnSync(npm, ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', 'node@24'], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0 || !existsSync(join(bin, 'node'))) {
      process.stderr.write('[node24] could not install node@24 from the npm registry; install Node 24 yourself (see .nvmrc) and retry.\n');
      process.exit(1);
    }
  }
  return bin;
}

const args = process.argv.slice(2);
if (args.length === 0) {
  process.stderr.write('usage: node scripts/node24.mjs <command> [args…]\n');
  process.exit(2);
}
const paths = [join(root, 'node_modules', '.bin')];
if (!modern) paths.unshift(node24Bin());
const env = { ...process.env, PATH: [...paths, process.env.PATH ?? ''].join(delimiter) };
const child = spawn(args[0], args.slice(1), { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
child.on('error', (err) => {
  process.stderr.write(`[node24] cannot run ${args[0]}: ${err.message}\n`);
  process.exit(1);
});
