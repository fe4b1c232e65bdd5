// `npm test`: type-check, lint, build what the tests drive (the CLI bundle and the renderer), then run the unit and
// CLI tests (vitest) and the browser tests (Playwright on Debian's Chromium). Every step runs even if an earlier
// one failed, so one run shows everything; the exit code is non-zero if any step failed. Each runner writes a JSON
// report to reports/, and the last line printed is the total: `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { summariseReports } from './test-summary.mjs';

const steps = [
  // first: it also builds the gazetteer data that the type-check and the app import
  ['build the CLI', 'node', ['scripts/build-cli.mjs']],
  ['type-check', 'npx', ['tsc', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  ['build the app', 'npx', ['electron-vite', 'build']],
  ['unit and CLI tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']],
  ['browser tests', 'npx', ['playwright', 'test']],
  ['packaging smoke test', 'node', ['scripts/packaging-smoke.mjs']],
  ['electronegativity', 'node', ['scripts/electronegativity-check.mjs']],
];

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
const failed = [];
for (const [name, cmd, args] of steps) {
  if (name === 'browser tests' && !existsSync('/usr/bin/chromium')) {
    console.error(`\n✗ ${name}: /usr/bin/chromium is missing (apt-get install -y chromium; .ci/run does it)`);
    failed.push(name);
    continue;
  }
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) failed.push(name);
}
const total = summariseReports('reports');
if (failed.length) console.error(`\nfailed steps: ${failed.join(', ')}`);
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failed.length || total.failed ? 1 : 0);
