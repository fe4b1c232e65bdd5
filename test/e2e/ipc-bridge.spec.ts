/**
 * The IPC bridge end to end, minus Electron: the BUILT renderer (out/renderer) runs in Debian's Chromium with a
 * `window.api` made by the preload's own `buildApi` (bundled for the page with esbuild), whose invoke goes
 * through `page.exposeBinding` to the REAL `createDispatcher` and IPC handlers in this test process. Only the
 * dialog (a fake returning a fixture) and the job runner (the not-available placeholder) are stand-ins.
 * Prerequisite: `npx electron-vite build`.
 *
 * Frame URLs: the page is served under https://renderer.invalid (Playwright cannot serve app://), so the binding
 * maps that origin onto app://bundle, as Electron would report it; every other frame URL is passed on unchanged,
 * and any frame but a page's main frame is passed on as null, as the Electron wrapper does.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { HandleStore } from '../../src-main/main/file-handles';
import { createDispatcher, isAppFrameUrl } from '../../src-main/main/ipc-dispatcher';
import { createIpcHandlers } from '../../src-main/main/ipc-handlers';
import { notAvailableJobRunner } from '../../src-main/main/job-runner-port';
import { contentTypeFor, resolveAppPathname } from '../../src-main/main/app-protocol-path';
import { APP_ORIGIN } from '../../src-main/main/security-policy';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_ROOT = path.join(REPO_ROOT, 'out', 'renderer');
const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'presets', 'zendesk.csv');
const ORIGIN = 'https://renderer.invalid';
const EVIL_ORIGIN = 'https://evil.invalid';
const APP_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** build-api.ts as a browser script that defines `__ipcBridge.buildApi`. */
function bundledBuildApi(): string {
  const result = buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src-main', 'preload', 'build-api.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__ipcBridge',
    platform: 'browser',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/** What the preload does, over the binding instead of ipcRenderer. */
const INSTALL_API = `(() => {
  const api = __ipcBridge.buildApi((channel, payload) => window.__ipcInvoke(channel, payload), () => () => {}, {
    pathForFile: () => '',
    versions: { app: ${JSON.stringify(APP_VERSION)}, electron: 'emulated', chrome: 'emulated' },
  });
  Object.defineProperty(window, 'api', { value: api, enumerable: true, configurable: false, writable: false });
})();`;

function senderFrameUrl(source: { frame: Frame; page: Page }): string | null {
  if (source.frame !== source.page.mainFrame()) return null;
  const url = source.frame.url();
  return url.startsWith(`${ORIGIN}/`) ? `${APP_ORIGIN}${url.slice(ORIGIN.length)}` : url;
}

interface Bridge {
  dialogCalls: number;
}

async function bridgeToMain(context: BrowserContext): Promise<Bridge> {
  const bridge: Bridge = { dialogCalls: 0 };
  const handlers = createIpcHandlers({
    appInfo: { app: APP_VERSION, electron: 'test', chrome: 'test' },
    dialog: {
      showOpenDialog: async () => {
        bridge.dialogCalls += 1;
        return { canceled: false, filePaths: [FIXTURE] };
      },
    },
    handles: new HandleStore(),
    jobs: notAvailableJobRunner,
    emit: () => undefined,
  });
  const dispatch = createDispatcher(handlers, isAppFrameUrl);
  await context.exposeBinding('__ipcInvoke', (source, channel: string, payload: unknown) =>
    dispatch(channel, senderFrameUrl(source), payload),
  );
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.origin === EVIL_ORIGIN) return route.fulfill({ contentType: 'text/html', body: '<p>elsewhere</p>' });
    const resolved = url.origin === ORIGIN ? resolveAppPathname(RENDERER_ROOT, url.pathname) : undefined;
    if (!resolved?.ok || !existsSync(resolved.filePath)) return route.abort('blockedbyclient');
    return route.fulfill({ contentType: contentTypeFor(resolved.filePath), body: readFileSync(resolved.filePath) });
  });
  return bridge;
}

async function openApp(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript({ content: `${bundledBuildApi()}\n${INSTALL_API}` });
  await page.goto(`${ORIGIN}/index.html`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  return page;
}

test.beforeAll(() => {
  if (!existsSync(path.join(RENDERER_ROOT, 'index.html'))) {
    throw new Error(`${RENDERER_ROOT}/index.html not found: run \`npx electron-vite build\` before \`npx playwright test\`.`);
  }
});

test('api.files.open() returns a handle, never a path, and the handle works where a path is refused', async ({ context }) => {
  const bridge = await bridgeToMain(context);
  const page = await openApp(context);

  const opened = await page.evaluate(() => window.api!.files.open());
  expect(bridge.dialogCalls).toBe(1);
  expect(opened.ok).toBe(true);
  if (!opened.ok) return;
  expect(opened.value).toHaveLength(1);
  const [info] = opened.value;
  expect(Object.keys(info!).sort()).toEqual(['format', 'id', 'name', 'size']);
  expect(info).toMatchObject({ name: 'zendesk.csv', format: 'csv' });
  const text = JSON.stringify(opened);
  expect(text).not.toContain(REPO_ROOT);
  expect(text).not.toContain('fixtures');

  const byHandle = await page.evaluate((id) => window.api!.jobs.preview({ file: id }), info!.id);
  expect(byHandle).toMatchObject({ ok: false, error: { code: 'not-available' } }); // accepted; no job runner yet
  const byPath = await page.evaluate((file) => window.api!.jobs.preview({ file }), FIXTURE);
  expect(byPath).toMatchObject({ ok: false, error: { code: 'invalid' } });
  expect(await page.evaluate(() => window.api!.app.info())).toEqual({
    ok: true,
    value: { app: APP_VERSION, electron: 'test', chrome: 'test' },
  });
});

test('a call from a forged frame URL is refused with forbidden, and the dialog never opens', async ({ context }) => {
  const bridge = await bridgeToMain(context);
  const evil = await context.newPage();
  await evil.goto(`${EVIL_ORIGIN}/index.html`);
  type Invoke = (channel: string, payload?: unknown) => Promise<unknown>;
  const result = await evil.evaluate(() =>
    (window as unknown as { __ipcInvoke: Invoke }).__ipcInvoke('files:open', { purpose: 'export' }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  expect(bridge.dialogCalls).toBe(0);
});

test('window.api is one frozen object with the contract methods and the version footer', async ({ context }) => {
  await bridgeToMain(context);
  const page = await openApp(context);
  const api = await page.evaluate(() => {
    const target = window.api!;
    try {
      (target as unknown as Record<string, unknown>)['injected'] = 1;
      (target.files as unknown as Record<string, unknown>)['open'] = () => 'hijacked';
    } catch {
      // strict-mode TypeError is fine too
    }
    return {
      keys: Object.keys(target).sort(),
      frozen: Object.isFrozen(target) && Object.isFrozen(target.files) && Object.isFrozen(target.versions),
      injected: 'injected' in target,
      openIntact: String(target.files.open).includes('files:open'),
    };
  });
  expect(api).toEqual({ keys: ['app', 'files', 'jobs', 'on', 'profiles', 'versions'], frozen: true, injected: false, openIntact: true });
  await expect(page.getByText(`Version ${APP_VERSION}`)).toBeVisible();
});
