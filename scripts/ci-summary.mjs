// Prints the one plain summary line CI ends with, from Vitest's JSON report:
// `tests: N passed, N failed, N skipped` (todo cases — contract cases of stub connectors — count as skipped
// and are listed above the line). Exits non-zero when anything failed or the run itself failed.
import { readFileSync } from 'node:fs';

const [file, runStatus] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`could not read the test report ${file}: ${err.message}`);
  console.log('tests: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const pending = report.numPendingTests ?? 0;
const todo = report.numTodoTests ?? 0;
const suitesFailed = report.numFailedTestSuites ?? 0;
if (todo) console.log(`${todo} todo cases (contract cases of stub connectors, reported as stubs, not passes)`);
if (suitesFailed) console.log(`${suitesFailed} test files failed to run`);
const failedTotal = failed + (failed === 0 && (suitesFailed > 0 || Number(runStatus) !== 0) ? Math.max(suitesFailed, 1) : 0);
console.log(`tests: ${passed} passed, ${failedTotal} failed, ${pending + todo} skipped`);
process.exit(failedTotal > 0 ? 1 : 0);
