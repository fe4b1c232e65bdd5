// Packaging smoke test (CI): packs the built app (out/, from `electron-vite build`) with electron-builder.yml for
// `--linux dir`, against a stub Electron, then checks what was packed. No download: the stub is a folder holding one
// fake `electron` file (the only file electron-builder needs for `--linux dir`), which carries the fuse wire that the
// real binary carries (sentinel, version, length, then one byte per fuse, in Electron's default states). So the
// configured `electronFuses` are really flipped by electron-builder (@electron/fuses) and read back here.
// Checks: electron-builder succeeds; app.asar holds the main, preload and renderer builds and package.json, and no
// sources, tests, source maps, CLI bundle or devDependency (electron included); the sample export is packed beside
// app.asar; the fuses are flipped; there is no auto-update file. Writes reports/packaging.json as { passed, failed, tests: [{ name, status, message? }] }; exit 1
// if a check failed. Packs into a temporary folder, so dist/ is left alone.
//
//   npx electron-vite build && node scripts/packaging-smoke.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';

/** What the packed app must hold (paths inside app.asar). */
const REQUIRED_ENTRIES = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json'];
/** What it must never hold: sources, tests, source maps, TypeScript, the CLI bundle, scratch builds. */
const FORBIDDEN_ENTRIES = [
  { what: 'sources (src-main/, src-renderer/, shared/)', test: (p) => /^(src-main|src-renderer|shared)\//.test(p) },
  { what: 'tests (test/)', test: (p) => p.startsWith('test/') },
  { what: 'TypeScript files', test: (p) => /\.(ts|tsx|mts|cts)$/.test(p) && !p.endsWith('.d.ts') },
  { what: 'source maps', test: (p) => p.endsWith('.map') },
  { what: 'anything in out/ but main, preload and renderer', test: (p) => /^out\/(?!(main|preload|renderer)\/)[^/]+\//.test(p) },
];
/** Fuse → the state electron-builder.yml asks for. The stub starts every one of them in the opposite state. */
const EXPECTED_FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  OnlyLoadAppFromAsar: true,
  EnableEmbeddedAsarIntegrityValidation: true,
  GrantFileProtocolExtraPrivileges: false,
};
/** Files packed beside app.asar (electron-builder.yml `extraResources`), relative to resources/. */
const REQUIRED_RESOURCES = ['sample/sample-support-export.csv'];
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron's defaults, one ASCII byte per FuseV1Options index ('1' on, '0' off). */
const ELECTRON_DEFAULT_FUSE_WIRE = '10110001';
const FUSE_ON = '1'.charCodeAt(0);
const FUSE_OFF = '0'.charCodeAt(0);

/** Writes `{ passed, failed, tests }` to `file` and prints one line per test; returns the number that failed. */
export function writeCheckReport(file, tests) {
  const failed = tests.filter((t) => t.status !== 'passed').length;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify({ passed: tests.length - failed, failed, tests }, null, 2)}\n`);
  for (const t of tests) console.log(`${t.status === 'passed' ? '✓' : '✗'} ${t.name}${t.message ? `\n    ${t.message}` : ''}`);
  console.log(`${tests.length - failed} passed, ${failed} failed (${file})`);
  return failed;
}

function makeStubElectronDist(dir) {
  mkdirSync(dir, { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, ELECTRON_DEFAULT_FUSE_WIRE.length]), Buffer.from(ELECTRON_DEFAULT_FUSE_WIRE)]);
  writeFileSync(join(dir, 'electron'), Buffer.concat([Buffer.from('stub electron for scripts/packaging-smoke.mjs\n'), wire]), { mode: 0o755 });
}

function packWithStub(stubDir, outputDir) {
  const args = ['electron-builder', '--linux', 'dir', '--config', 'electron-builder.yml', '--publish', 'never',
    `-c.electronDist=${stubDir}`, `-c.directories.output=${outputDir}`];
  console.log(`▶ npx ${args.join(' ')}`);
  return spawnSync('npx', ['--no-install', ...args], { stdio: 'inherit' }).status === 0;
}

function check(name, failure) {
  return failure ? { name, status: 'failed', message: failure } : { name, status: 'passed' };
}

function checkAsarContents(asarPath, devDependencies) {
  const entries = listPackage(asarPath, { isPack: false }).map((p) => p.replaceAll('\\', '/').replace(/^\//, ''));
  const present = new Set(entries);
  const missing = REQUIRED_ENTRIES.filter((p) => !present.has(p));
  const forbidden = FORBIDDEN_ENTRIES.map(({ what, test }) => {
    const found = entries.filter(test);
    return found.length ? `${what}: ${found.slice(0, 5).join(', ')}${found.length > 5 ? ` and ${found.length - 5} more` : ''}` : '';
  }).filter(Boolean);
  const devDeps = devDependencies.filter((name) => present.has(`node_modules/${name}`));
  return [
    check('app.asar holds out/main/index.js, out/preload/index.cjs, out/renderer/index.html and package.json',
      missing.length ? `missing: ${missing.join(', ')}` : ''),
    check('app.asar holds no sources, tests, TypeScript, source maps or other out/ folders', forbidden.join('; ')),
    check('app.asar holds no devDependency (node_modules/electron included)',
      devDeps.length ? `found: ${devDeps.map((n) => `node_modules/${n}`).join(', ')}` : ''),
  ];
}

async function checkFuses(executable) {
  const wire = await getCurrentFuseWire(executable);
  const wrong = Object.entries(EXPECTED_FUSES).filter(([fuse, on]) => wire[FuseV1Options[fuse]] !== (on ? FUSE_ON : FUSE_OFF));
  return check(`fuses flipped: ${Object.entries(EXPECTED_FUSES).map(([f, on]) => `${f} ${on ? 'on' : 'off'}`).join(', ')}`,
    wrong.length ? `not as configured: ${wrong.map(([f]) => f).join(', ')}` : '');
}

async function main() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  const missingBuild = REQUIRED_ENTRIES.filter((p) => p.startsWith('out/') && !existsSync(p));
  const work = mkdtempSync(join(tmpdir(), 'packaging-smoke-'));
  const tests = [];
  try {
    const stubDir = join(work, 'electron-stub');
    makeStubElectronDist(stubDir);
    const packed = missingBuild.length === 0 && packWithStub(stubDir, join(work, 'dist'));
    tests.push(check('electron-builder packs the app for --linux dir with electron-builder.yml', packed ? ''
      : missingBuild.length ? `${missingBuild.join(', ')} missing: run \`npx electron-vite build\` first` : 'electron-builder failed (see its output above)'));
    const appDir = join(work, 'dist', 'linux-unpacked');
    const asarPath = join(appDir, 'resources', 'app.asar');
    if (packed && existsSync(asarPath)) {
      tests.push(...checkAsarContents(asarPath, Object.keys(pkg.devDependencies ?? {})));
      tests.push(await checkFuses(join(appDir, pkg.name)));
      const missingResources = REQUIRED_RESOURCES.filter((p) => !existsSync(join(appDir, 'resources', p)));
      tests.push(check(`resources/ holds ${REQUIRED_RESOURCES.join(', ')} (the start screen's sample export)`,
        missingResources.length ? `missing: ${missingResources.map((p) => `resources/${p}`).join(', ')}` : ''));
      tests.push(check('no auto-update configuration (resources/app-update.yml)',
        existsSync(join(appDir, 'resources', 'app-update.yml')) ? 'resources/app-update.yml exists' : ''));
    } else if (packed) {
      tests.push(check('electron-builder wrote resources/app.asar', `not found: ${asarPath}`));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  process.exit(writeCheckReport('reports/packaging.json', tests) ? 1 : 0);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
