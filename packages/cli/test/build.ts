// Global setup: the commands run as real subprocesses on the built binary, so build it first
// (and the packages it imports, when a clean checkout has no dist yet).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const deps = ['connector-core', 'licensing-core', 'connector-ingram', 'connector-pax8', 'connector-sherweb', 'connector-synnex', 'sync', 'scheduler'];

export default function setup(): void {
  const missing = deps.some((d) => !existsSync(`${repo}packages/${d}/dist/index.js`));
  const run = missing
    ? spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: repo, stdio: 'inherit', env: { ...process.env, PATH: `${repo}node_modules/.bin:${process.env.PATH}` } })
    : spawnSync(process.execPath, [`${repo}node_modules/tsup/dist/cli-default.js`], { cwd: `${repo}packages/cli`, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('building @vectis/cli for the subprocess tests failed (run npm run build to see why)');
}
