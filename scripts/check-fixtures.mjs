// `node scripts/check-fixtures.mjs`: the labelled matching dev set is committed as a test fixture
// (packages/matching/test/fixtures/dev) so a fresh clone tests without anything beside it. When the
// shared copy exists (../shared/data/matching/dev, next to the clone), every file must be byte-identical
// in both directions; without it the check says it skipped and exits 0.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const fixture = resolve('packages/matching/test/fixtures/dev');
const shared = resolve(process.argv[2] ?? '../shared/data/matching/dev');

if (!existsSync(fixture)) {
  console.error(`check-fixtures: ${fixture} is missing; copy ${shared} there (cp -r).`);
  process.exit(1);
}
if (!existsSync(shared)) {
  console.log(`check-fixtures: skipped, no shared dev set at ${shared} to compare with`);
  process.exit(0);
}
const files = (dir) => readdirSync(dir).filter((f) => !f.startsWith('.')).sort();
const problems = [];
const inFixture = new Set(files(fixture));
for (const f of files(shared)) {
  if (!inFixture.has(f)) problems.push(`${f}: in ${shared} but not in the fixture`);
  else if (!readFileSync(join(shared, f)).equals(readFileSync(join(fixture, f)))) problems.push(`${f}: differs from ${join(shared, f)}`);
  inFixture.delete(f);
}
for (const f of inFixture) problems.push(`${f}: in the fixture but not in ${shared}`);
if (problems.length > 0) {
  for (const p of problems) console.error(`check-fixtures: ✗ ${p}`);
  console.error(`check-fixtures: the fixture must be byte-identical to the shared dev set; re-copy it: cp ${shared}/* ${fixture}/`);
  process.exit(1);
}
console.log(`check-fixtures: ✓ ${files(shared).length} files in packages/matching/test/fixtures/dev identical to ${shared}`);
