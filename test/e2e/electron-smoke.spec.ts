/**
 * Electron smoke test: launches the built app (out/main/index.js) with
 * Playwright's _electron and checks that exactly one window opens on app://
 * with the app title; then opens a fixture export and exports it through
 * window.api (the dialogs answered in the main process) and the real job
 * worker, and checks the anonymised copy and its verification.
 *
 * Prerequisite: `npx electron-vite build`.
 * Skipped (with a reason in the report) when the Electron binary is not
 * installed. We do NOT `require('electron')` to find it: that module tries to
 * download the binary when it is missing.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { APP_ENTRY_URL, APP_NAME } from '../../src-main/main/security-policy';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN_ENTRY = path.join(REPO_ROOT, 'out', 'main', 'index.js');

function findElectronBinary(): string | null {
  const electronDir = path.join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const executable = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(executable) ? executable : null;
}

function skipWithoutElectron(electronBinary: string | null): void {
  test.skip(
    electronBinary === null,
    'Electron binary not installed on this machine (it cannot be downloaded here); smoke test skipped',
  );
  test.skip(
    process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY,
    'No display available (set DISPLAY, e.g. run under xvfb-run); Electron smoke test skipped',
  );
  if (!existsSync(MAIN_ENTRY)) {
    throw new Error(`${MAIN_ENTRY} not found: run \`npx electron-vite build\` first.`);
  }
}

function launch(electronBinary: string) {
  // Chromium refuses to start as root without --no-sandbox. This only drops
  // the OS-level process sandbox; contextIsolation/sandboxed preload still apply.
  const args = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
  return electron.launch({ executablePath: electronBinary, args: [...args, MAIN_ENTRY] });
}

test('Electron app opens one window on app:// with the app title', async () => {
  const electronBinary = findElectronBinary();
  skipWithoutElectron(electronBinary);
  const app = await launch(electronBinary!);
  try {
    const window = await app.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    expect(window.url()).toBe(APP_ENTRY_URL);
    await expect(window).toHaveTitle(APP_NAME);
    await expect(window.getByRole('heading', { level: 1 })).toHaveText(APP_NAME);
    expect(await window.evaluate(() => typeof (globalThis as Record<string, unknown>)['require'])).toBe('undefined');
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});

test('Electron app opens a fixture export and exports it through window.api and the job worker', async () => {
  const electronBinary = findElectronBinary();
  skipWithoutElectron(electronBinary);
  const fixture = path.join(REPO_ROOT, 'test', 'fixtures', 'presets', 'zendesk.csv');
  const outDir = mkdtempSync(path.join(tmpdir(), 'electron-smoke-'));
  const app = await launch(electronBinary!);
  try {
    // answer the open and folder dialogs in the main process, as the user would
    await app.evaluate(({ dialog }, paths) => {
      dialog.showOpenDialog = (async (...args: unknown[]) => {
        const options = (args.length > 1 ? args[1] : args[0]) as { properties?: string[] };
        return { canceled: false, filePaths: [options.properties?.includes('openDirectory') ? paths.outDir : paths.fixture] };
      }) as typeof dialog.showOpenDialog;
    }, { fixture, outDir });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    const outcome = await page.evaluate(async () => {
      const api = window.api!;
      const opened = await api.files.open({ purpose: 'export' });
      const folder = await api.files.chooseOutputFolder();
      if (!opened.ok || !folder.ok || !folder.value) return { error: 'dialogs' };
      const done = new Promise<unknown>((resolve) => {
        api.on('job:done', (e) => resolve({ done: e.result }));
        api.on('job:failed', (e) => resolve({ failed: e.error }));
      });
      const started = await api.jobs.run({ files: opened.value.map((f) => f.id), outputFolder: folder.value.id });
      if (!started.ok) return { error: started.error.code };
      return { paths: JSON.stringify(opened.value).includes('/'), result: await done };
    });
    expect(outcome).toMatchObject({ paths: false, result: { done: { passed: true } } });
    const written = readFileSync(path.join(outDir, 'zendesk.csv'), 'utf8');
    expect(written).not.toContain('hannah.whitcombe@example.com');
    expect(written.split('\n')[0]).not.toContain('Internal note');
  } finally {
    await app.close();
  }
});
