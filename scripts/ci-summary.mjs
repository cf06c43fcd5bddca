// Prints CI's test summary from Vitest's JSON report: test counts per package (vitest project),
// which PostgreSQL the store suites ran on, and the one plain line CI ends with:
// `tests: N passed, N failed, N skipped`, followed, when anything was skipped, by why, in
// parentheses (skip reasons are written into the test titles as `skipped: <reason>`). Todo cases
// (contract cases of stub connectors) count as skipped. Exits non-zero when anything failed or the
// run itself failed.
import { readFileSync } from 'node:fs';

const [file, runStatus] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`could not read the test report ${file}: ${err.message}`);
  console.log('tests: 0 passed, 1 failed, 0 skipped (no test report)');
  process.exit(1);
}

const packageOf = (path) => /packages\/([^/]+)\//.exec(path ?? '')?.[1] ?? /examples\/([^/]+)\//.exec(path ?? '')?.[1] ?? '(root)';
const perPackage = new Map();
const reasons = new Map();
const postgres = new Set();
for (const fileResult of report.testResults ?? []) {
  const pkg = packageOf(fileResult.name);
  const counts = perPackage.get(pkg) ?? { passed: 0, failed: 0, skipped: 0 };
  perPackage.set(pkg, counts);
  for (const t of fileResult.assertionResults ?? []) {
    const title = [...(t.ancestorTitles ?? []), t.title].join(' > ');
    const kind = /PostgreSQL[^(]*\((embedded PGlite|server at [^)]+)\)/.exec(title)?.[1];
    if (kind && t.status === 'passed') postgres.add(kind);
    if (t.status === 'passed') counts.passed++;
    else if (t.status === 'failed') counts.failed++;
    else {
      counts.skipped++;
      const stated = [...(t.ancestorTitles ?? []), t.title].map((part) => /skipped: (.*)$/.exec(part)?.[1]).find(Boolean);
      const why = t.status === 'todo' ? 'todo: contract cases of stub connectors' : (stated?.replace(/\)$/, '') ?? 'skipped without a stated reason');
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    }
  }
}

console.log('tests per package (vitest project):');
for (const [pkg, c] of [...perPackage].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`  ${pkg.padEnd(20)} ${String(c.passed).padStart(5)} passed, ${c.failed} failed, ${c.skipped} skipped`);
}
console.log(`PostgreSQL store suites ran on: ${postgres.size ? [...postgres].join(', ') : 'nothing (no PostgreSQL suite passed)'}`);
for (const [why, n] of reasons) console.log(`  skipped ${n}: ${why}`);

const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const pending = report.numPendingTests ?? 0;
const todo = report.numTodoTests ?? 0;
const suitesFailed = report.numFailedTestSuites ?? 0;
// Vitest counts a describe block as a suite too, so this is "suites with a failure", not files that did not run.
if (suitesFailed) console.log(`${suitesFailed} test suites (files or describe blocks) had a failure`);
const failedTotal = failed + (failed === 0 && (suitesFailed > 0 || Number(runStatus) !== 0) ? Math.max(suitesFailed, 1) : 0);
const skipped = pending + todo;
const why = skipped ? ` (${[...reasons].map(([r, n]) => `${n}: ${r}`).join('; ')})` : '';
console.log(`tests: ${passed} passed, ${failedTotal} failed, ${skipped} skipped${why}`);
process.exit(failedTotal > 0 ? 1 : 0);
