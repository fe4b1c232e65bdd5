// Totals the test runners' JSON reports (vitest's, Playwright's, and the packaging and Electronegativity checks'
// `{ passed, failed, tests }`) into passed / failed / skipped counts.
// Run directly, it prints the line `N passed, N failed, N skipped` (used by .ci/run).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function summariseReports(dir) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  const vitest = join(dir, 'vitest.json');
  if (existsSync(vitest)) {
    const r = JSON.parse(readFileSync(vitest, 'utf8'));
    total.passed += r.numPassedTests;
    total.failed += r.numFailedTests;
    total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    // a test file that failed to load has no test results but must count as a failure
    total.failed += (r.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  } else {
    total.failed += 1; // the runner did not even write its report
  }
  const playwright = join(dir, 'playwright.json');
  if (existsSync(playwright)) {
    const s = JSON.parse(readFileSync(playwright, 'utf8')).stats;
    total.passed += s.expected + s.flaky;
    total.failed += s.unexpected;
    total.skipped += s.skipped;
  } else {
    total.failed += 1;
  }
  for (const name of ['packaging.json', 'electronegativity.json']) {
    const file = join(dir, name);
    if (existsSync(file)) {
      const r = JSON.parse(readFileSync(file, 'utf8'));
      total.passed += r.passed;
      total.failed += r.failed;
    } else {
      total.failed += 1;
    }
  }
  return total;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const t = summariseReports(process.argv[2] ?? 'reports');
  console.log(`${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
}
