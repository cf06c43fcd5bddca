// Checks every package after the build: each `exports` target exists, `types` comes before
// `default`, published packages ship only dist, and publint finds no error (when installed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

let problems = 0;
const fail = (pkg, msg) => {
  problems++;
  console.log(`✗ ${pkg}: ${msg}`);
};
for (const dir of readdirSync('packages')) {
  const root = join('packages', dir);
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const name = manifest.name;
  if (manifest.type !== 'module') fail(name, 'must be "type": "module" (ESM only)');
  if (!manifest.engines?.node) fail(name, 'engines.node missing');
  for (const [sub, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target === 'string') {
      if (!existsSync(join(root, target))) fail(name, `exports["${sub}"] → ${target} does not exist`);
      continue;
    }
    const keys = Object.keys(target);
    if (keys.includes('types') && keys.indexOf('types') > keys.indexOf('default')) fail(name, `exports["${sub}"]: "types" must come before "default"`);
    for (const [cond, file] of Object.entries(target)) {
      if (!existsSync(join(root, file))) fail(name, `exports["${sub}"].${cond} → ${file} does not exist (was the package built?)`);
    }
  }
  if (!manifest.private && JSON.stringify(manifest.files) !== '["dist"]') fail(name, 'published packages ship only "dist"');
  if (!manifest.private && !manifest.repository?.directory) fail(name, 'repository.directory missing');
}
const publint = join('node_modules', '.bin', 'publint');
if (existsSync(publint)) {
  for (const dir of readdirSync('packages')) {
    const r = spawnSync(publint, ['--level', 'error', join('packages', dir)], { encoding: 'utf8' });
    if (r.status !== 0) fail(dir, `publint:\n${r.stdout}${r.stderr}`);
  }
} else {
  console.log('publint not installed; skipped the publint part');
}
// attw: the published entry points resolve with types under ESM-only resolution (node16 and bundler).
const attw = join('node_modules', '.bin', 'attw');
if (existsSync(attw)) {
  for (const dir of readdirSync('packages')) {
    const manifest = JSON.parse(readFileSync(join('packages', dir, 'package.json'), 'utf8'));
    if (manifest.private) continue;
    const r = spawnSync(attw, ['--pack', join('packages', dir), '--profile', 'esm-only', '--format', 'table-flipped'], { encoding: 'utf8' });
    if (r.status !== 0) fail(dir, `attw:\n${r.stdout}${r.stderr}`);
  }
} else {
  console.log('attw not installed; skipped the types check');
}
if (problems) {
  console.log(`${problems} package problem(s)`);
  process.exit(1);
}
console.log('packages ok');
