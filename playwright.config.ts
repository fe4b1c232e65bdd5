/**
 * Browser tests for the built renderer (and an Electron smoke test that skips
 * itself when no Electron binary is installed).
 *
 *   npx electron-vite build     # produces out/renderer (+ out/main, out/preload)
 *   npx playwright test         # runs test/e2e against the build
 *
 * Browser: Debian's Chromium at /usr/bin/chromium (apt-get install chromium);
 * Playwright's downloadable browsers are never used. Override the path with
 * CHROMIUM_PATH if needed. No web server is started: the renderer tests serve
 * out/renderer through page.route() under a fake origin (see
 * test/e2e/renderer.spec.ts), so no socket is opened at all.
 */
import { defineConfig } from '@playwright/test';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  // Every temp folder (the tests', Chromium's profile) goes under one folder per run, removed at the end.
  globalSetup: './test/helpers/temp-root.global.ts',
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 1,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    serviceWorkers: 'block',
    trace: 'off',
    screenshot: 'off',
    video: 'off',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
});
