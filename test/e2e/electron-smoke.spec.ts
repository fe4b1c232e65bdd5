/**
 * Electron smoke test: launches the built app (out/main/index.js) with
 * Playwright's _electron and checks that exactly one window opens on app://
 * with the app title.
 *
 * Prerequisite: `npx electron-vite build`.
 * Skipped (with a reason in the report) when the Electron binary is not
 * installed. We do NOT `require('electron')` to find it: that module tries to
 * download the binary when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs';
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

test('Electron app opens one window on app:// with the app title', async () => {
  const electronBinary = findElectronBinary();
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

  // Chromium refuses to start as root without --no-sandbox. This only drops
  // the OS-level process sandbox; contextIsolation/sandboxed preload still apply.
  const args = typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({ executablePath: electronBinary!, args: [...args, MAIN_ENTRY] });
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
