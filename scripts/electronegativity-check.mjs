// Electronegativity (Doyensec's static checker for Electron misconfigurations) in CI. Scans the Electron code as
// written (src-main/, src-renderer/) and as built (out/main, out/preload, out/renderer, which electron-builder
// packs), with package.json, for the Electron version in package.json. Electronegativity always exits 0, so this
// script parses its CSV report (reports/electronegativity.csv), prints every finding and fails (exit 1) on any
// finding of HIGH severity, whatever its confidence. Writes reports/electronegativity.json as
// { passed, failed, tests: [{ name, status, message? }] }.
//
// The tool fetches translations and Electron's release list at start-up (failures are tolerated); where user
// namespaces allow it, it runs under `unshare -rn`, with no network, so a run does not depend on what is online.
// Its report's two writes race; a preloaded module puts them in order (electronegativity-ordered-writes.mjs).
//
//   npx electron-vite build && node scripts/electronegativity-check.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import Papa from 'papaparse';
import { writeCheckReport } from './packaging-smoke.mjs';

/** Scanned, by path inside the repository (kept as is, so findings name the real files). */
const SCANNED_PATHS = ['src-main', 'src-renderer', 'out/main', 'out/preload', 'out/renderer', 'package.json'];
const CSV_REPORT = 'reports/electronegativity.csv';
const FAILING_SEVERITY = 'HIGH';

function electronVersion() {
  const range = JSON.parse(readFileSync('package.json', 'utf8')).devDependencies?.electron ?? '';
  const version = /\d+\.\d+\.\d+/.exec(range)?.[0];
  if (!version) throw new Error(`package.json: no Electron version in devDependencies.electron ("${range}")`);
  return version;
}

function electronegativityCli() {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@doyensec/electronegativity/package.json');
  const { bin } = JSON.parse(readFileSync(manifestPath, 'utf8'));
  return join(dirname(manifestPath), typeof bin === 'string' ? bin : bin.electronegativity);
}

/** Copies the scanned paths into `dir`, keeping their repository-relative layout. */
function stage(dir) {
  const missing = SCANNED_PATHS.filter((p) => !existsSync(p));
  for (const p of SCANNED_PATHS.filter((q) => existsSync(q))) cpSync(p, join(dir, p), { recursive: true });
  return missing;
}

/** Preloaded into the tool: its report's two writes race (see the file). */
const ORDERED_WRITES = new URL('./electronegativity-ordered-writes.mjs', import.meta.url).href;

function runElectronegativity(inputDir, version, csvPath) {
  const command = [process.execPath, '--import', ORDERED_WRITES, electronegativityCli(), '-i', inputDir, '-e', version, '-r', '-o', csvPath];
  const offline = spawnSync('unshare', ['-rn', 'true'], { stdio: 'ignore' }).status === 0;
  const [cmd, ...args] = offline ? ['unshare', '-rn', ...command] : command;
  console.log(`▶ ${offline ? 'unshare -rn ' : ''}electronegativity -i <${SCANNED_PATHS.join(', ')}> -e ${version} -r -o ${CSV_REPORT}`);
  return spawnSync(cmd, args, { stdio: 'inherit' }).status === 0;
}

/** The findings of an Electronegativity CSV report, with trimmed column names. */
function readFindings(csvPath) {
  const parsed = Papa.parse(readFileSync(csvPath, 'utf8'), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim() });
  if (parsed.errors.length) throw new Error(`${csvPath}: ${parsed.errors[0].message} (row ${parsed.errors[0].row})`);
  return parsed.data;
}

function describe(f) {
  return `${f.severity}/${f.confidence} ${f.issue} at ${f.filename}:${f.location}: ${f.description} (${f.url})`;
}

function main() {
  const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const csvPath = resolve(CSV_REPORT);
  const tests = [];
  try {
    mkdirSync(dirname(csvPath), { recursive: true });
    rmSync(csvPath, { force: true });
    const missing = stage(work);
    const ran = runElectronegativity(work, electronVersion(), csvPath) && existsSync(csvPath);
    const problem = missing.length ? `missing: ${missing.join(', ')} (run \`npx electron-vite build\` first)` : ran ? '' : `electronegativity failed or wrote no ${CSV_REPORT}`;
    tests.push(problem ? { name: 'electronegativity scans the sources and the build', status: 'failed', message: problem }
      : { name: 'electronegativity scans the sources and the build', status: 'passed' });
    if (ran) {
      const findings = readFindings(csvPath);
      console.log(`\n${findings.length} finding(s):`);
      for (const f of findings) console.log(`  ${describe(f)}`);
      const failing = findings.filter((f) => f.severity === FAILING_SEVERITY);
      tests.push(failing.length
        ? { name: `no ${FAILING_SEVERITY} severity finding`, status: 'failed', message: failing.map(describe).join('\n    ') }
        : { name: `no ${FAILING_SEVERITY} severity finding`, status: 'passed' });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(writeCheckReport('reports/electronegativity.json', tests) ? 1 : 0);
}

main();
