// `npm run bench [filter]`: builds the packages, then runs every packages/*/bench/*.bench.ts with
// Node (type stripping), one after another so they don't compete for the two cores.
import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2];
const build = spawnSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = [];
for (const pkg of readdirSync('packages')) {
  const dir = join('packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.bench.ts')) files.push(join(dir, f));
}
let failed = 0;
for (const file of files) {
  if (filter && !file.includes(filter)) continue;
  console.log(`\n=== ${file} ===`);
  const r = spawnSync('node', ['--expose-gc', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
