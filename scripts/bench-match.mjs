// `npm run bench:match -- --psa <file> --distributor <file> --out <predictions.json>`:
// builds the packages quietly, then runs the matcher CLI with the given arguments.
import { spawnSync } from 'node:child_process';

const build = spawnSync('node', ['scripts/build.mjs'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync('node', ['packages/matching/bench/match.ts', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 1);
