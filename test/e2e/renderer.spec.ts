/**
 * Renderer tests against the REAL build output in out/renderer.
 * Prerequisite: `npx electron-vite build` (the tests fail fast if it is missing).
 *
 * How the renderer is served: Playwright cannot intercept a custom scheme such
 * as app://, so every request is answered by page.route() under the fake
 * origin https://renderer.invalid (".invalid" never resolves; no server, no
 * socket). Files are looked up with the same path guard the Electron app://
 * handler uses (src-main/main/app-protocol-path.ts). Requests to any other
 * origin are aborted and recorded, mirroring the main process's
 * webRequest filter. Responses deliberately carry NO CSP header, so the CSP
 * seen here comes only from the <meta> tag in the built index.html.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { contentTypeFor, resolveAppPathname } from '../../src-main/main/app-protocol-path';
import { APP_NAME, CONTENT_SECURITY_POLICY } from '../../src-main/main/security-policy';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_ROOT = path.join(REPO_ROOT, 'out', 'renderer');
const ORIGIN = 'https://renderer.invalid';
const ENTRY = `${ORIGIN}/index.html`;

interface Served {
  /** Requests to anything but ORIGIN; all of them were aborted. */
  blocked: string[];
  pageErrors: string[];
  consoleErrors: string[];
}

async function serveBuiltRenderer(page: Page): Promise<Served> {
  const served: Served = { blocked: [], pageErrors: [], consoleErrors: [] };
  page.on('pageerror', (error) => served.pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') served.consoleErrors.push(message.text());
  });

  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) {
      served.blocked.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    const resolved = resolveAppPathname(RENDERER_ROOT, url.pathname);
    if (!resolved.ok || !existsSync(resolved.filePath)) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' });
      return;
    }
    await route.fulfill({
      status: 200,
      headers: { 'Content-Type': contentTypeFor(resolved.filePath), 'X-Content-Type-Options': 'nosniff' },
      body: readFileSync(resolved.filePath),
    });
  });
  return served;
}

test.beforeAll(() => {
  if (!existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
    throw new Error(`${RENDERER_ROOT}/index.html not found: run \`npx electron-vite build\` before \`npx playwright test\`.`);
  }
});

test('built index.html carries exactly the app CSP as a meta tag', () => {
  const html = readFileSync(path.join(RENDERER_ROOT, 'index.html'), 'utf8');
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  expect(match?.[1]).toBe(CONTENT_SECURITY_POLICY);
  // No inline scripts or styles in the build output.
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(html).not.toMatch(/<style[\s>]|\sstyle=/i);
});

test('start screen renders with the app name', async ({ page }) => {
  const served = await serveBuiltRenderer(page);
  await page.goto(ENTRY);

  await expect(page).toHaveTitle(APP_NAME);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(APP_NAME);
  await expect(page.getByText('CSV, JSON and NDJSON')).toBeVisible();
  await expect(page.getByText(/fully offline/)).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Open a support export' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open export…' })).toBeVisible();
  // Outside Electron there is no preload, so no version footer.
  await expect(page.getByText(/^Version /)).toHaveCount(0);

  await page.screenshot({ path: '/tmp/renderer.png', fullPage: true });

  expect(served.pageErrors).toEqual([]);
  expect(served.consoleErrors).toEqual([]);
  expect(served.blocked).toEqual([]);
});

test('no Node globals leak into the page', async ({ page }) => {
  await serveBuiltRenderer(page);
  await page.goto(ENTRY);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const globals = await page.evaluate(() => ({
    require: typeof (globalThis as Record<string, unknown>)['require'],
    process: typeof (globalThis as Record<string, unknown>)['process'],
    module: typeof (globalThis as Record<string, unknown>)['module'],
    Buffer: typeof (globalThis as Record<string, unknown>)['Buffer'],
  }));
  expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
});

test('CSP from the built index.html blocks network access and inline script', async ({ page }) => {
  const served = await serveBuiltRenderer(page);
  await page.goto(ENTRY);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  const result = await page.evaluate(async () => {
    const violations: { directive: string; blockedURI: string }[] = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push({ directive: event.effectiveDirective, blockedURI: event.blockedURI });
    });
    const waitForViolations = (count: number) =>
      new Promise<void>((resolve) => {
        const started = Date.now();
        const poll = () => (violations.length >= count || Date.now() - started > 3000 ? resolve() : setTimeout(poll, 20));
        poll();
      });

    let fetchError: string | null = null;
    try {
      await fetch('https://example.com');
    } catch (error) {
      fetchError = String(error);
    }
    await waitForViolations(1);

    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    await waitForViolations(2);

    return {
      fetchError,
      violations,
      inlineRan: (window as unknown as Record<string, unknown>)['__inlineRan'] === true,
    };
  });

  expect(result.fetchError).not.toBeNull();
  expect(result.violations).toContainEqual({ directive: 'connect-src', blockedURI: 'https://example.com/' });
  expect(result.violations.some((v) => v.directive.startsWith('script-src'))).toBe(true);
  expect(result.inlineRan).toBe(false);
  // CSP stopped the fetch inside the renderer: it never reached the network layer.
  expect(served.blocked.some((url) => url.startsWith('https://example.com'))).toBe(false);
});

// window.api (frozen, the contract's methods, the version footer) is tested in ipc-bridge.spec.ts, built by the
// preload's own buildApi over the real IPC dispatcher.
