// Builds every package with tsup in dependency order (npm does not order workspace scripts).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const order = [
  'connector-core',
  'licensing-core',
  'matching',
  'testkit',
  'connector-ingram',
  'connector-pax8',
  'connector-sherweb',
  'connector-synnex',
  'sync',
  'psa-connectwise',
  'psa-halo',
  'psa-autotask',
  'scheduler',
  'cli',
];
for (const name of order) {
  const dir = `packages/${name}`;
  if (!existsSync(`${dir}/tsup.config.ts`)) continue;
  const r = spawnSync('tsup', [], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`build failed in ${dir}`);
    process.exit(r.status ?? 1);
  }
}
