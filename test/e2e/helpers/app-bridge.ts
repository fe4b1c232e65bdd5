/**
 * The end-to-end harness: the BUILT renderer (out/renderer) in Debian's Chromium, with a `window.api` made by the
 * preload's own `buildApi` (bundled for the page with esbuild), bridged to the REAL main-process side in this test
 * process: `createDispatcher` over `createIpcHandlers`, a real `HandleStore` and, by default, a REAL job runner on
 * the built worker (out/main/job-worker.js). Only the dialog is a stand-in: a queue of answers the test sets.
 * Prerequisite: `npx electron-vite build`.
 *
 * - Serving: every request of the context is answered by `context.route` under the fake origin
 *   https://renderer.invalid (no server, no socket), with the app:// handler's own path guard. Anything else is
 *   aborted, and every request the pages make is recorded, so a test can assert that none left the origin.
 * - Invoke: `window.__ipcInvoke` (a context binding) → the dispatcher. The page's origin is mapped onto
 *   app://bundle, as Electron would report the frame; other frame URLs pass unchanged, and a frame that is not a
 *   page's main frame passes as null, as the Electron wrapper does.
 * - Events: the handlers' `emit` goes to the current app page (the last one `openApp` made, as main sends to its
 *   window), in order, through one `page.evaluate` chain that calls the listeners registered with `api.on`. Events
 *   for a page that is gone are dropped, as Electron drops them. Each event is also logged here with its time.
 * - Settings and the project key: the real settings store and keychain key store over a data folder (a new temp
 *   folder unless given, so that a second bridge can reopen the same one), with a fake safeStorage.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import type { EventName, EventPayload } from '../../../shared/ipc-contract';
import { createJobRunner } from '../../../src-main/jobs/job-runner';
import { contentTypeFor, resolveAppPathname } from '../../../src-main/main/app-protocol-path';
import { HandleStore } from '../../../src-main/main/file-handles';
import { createDispatcher, isAppFrameUrl } from '../../../src-main/main/ipc-dispatcher';
import { createIpcHandlers, type DialogPort } from '../../../src-main/main/ipc-handlers';
import type { JobRunner } from '../../../src-main/main/job-runner-port';
import { RecentProfiles } from '../../../src-main/main/recent-profiles';
import { SAMPLE_EXPORT_RESOURCE } from '../../../src-main/main/sample-export';
import type { SafeStorageLike } from '../../../src-main/main/keychain-key-store';
import { APP_ORIGIN } from '../../../src-main/main/security-policy';
import { fakeSafeStorage, settingsDeps } from '../../helpers/fake-safe-storage';

// The engine imports JSON modules without an import attribute (the app's bundler inlines them); Node's ESM loader in
// this test process needs `type: 'json'`, so a hook adds it for .json files (e.g. when `profiles:load` imports the
// profile module and its presets).
register(
  `data:text/javascript,${encodeURIComponent(
    "export async function load(url, context, next) { return next(url, url.startsWith('file:') && url.endsWith('.json') ? { ...context, importAttributes: { ...context.importAttributes, type: 'json' } } : context); }",
  )}`,
);

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const RENDERER_ROOT = path.join(REPO_ROOT, 'out', 'renderer');
export const WORKER_PATH = path.join(REPO_ROOT, 'out', 'main', 'job-worker.js');
/** The fake origin the built renderer is served under. */
export const ORIGIN = 'https://renderer.invalid';
export const APP_VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
/** What `app:info` answers in the harness. */
export const BRIDGE_APP_INFO = Object.freeze({ app: APP_VERSION, electron: 'test', chrome: 'test' });

type DialogOptions = Parameters<DialogPort['showOpenDialog']>[0];

/** The fake dialog: answers are taken in order; with none queued, the dialog is cancelled. */
export interface FakeDialog {
  /** The next dialog picks these paths (files for `files:open`, one folder for `files:chooseOutputFolder`). */
  answer(...paths: string[]): void;
  /** The next dialog is cancelled. */
  cancel(): void;
  /** The options of every dialog opened so far. */
  readonly calls: readonly DialogOptions[];
  /** Answers not used yet. */
  readonly pending: number;
}

export interface LoggedEvent {
  readonly event: EventName;
  readonly payload: EventPayload<EventName>;
  /** Date.now() when main emitted it. */
  readonly at: number;
}

export interface AppBridge {
  readonly dialog: FakeDialog;
  /** Every URL any page of the context requested, in order. */
  readonly requests: readonly string[];
  /** The requested URLs outside ORIGIN (all of them were aborted). */
  foreignRequests(): string[];
  /** Every event main emitted, in order. */
  readonly events: readonly LoggedEvent[];
  /** A new page showing the built renderer with `window.api` installed; it becomes the window events go to. */
  openApp(): Promise<Page>;
  /** The app's data folder (settings and the keychain-encrypted key). */
  readonly dataDir: string;
}

export interface AppBridgeOptions {
  /** Default: the real runner on out/main/job-worker.js. */
  readonly jobs?: JobRunner;
  /** Pages of this origin are served `<p>elsewhere</p>` (to forge a sender); every other foreign request is aborted. */
  readonly foreignOrigin?: string;
  /** The sample export `files:openSample` opens; default: the one the app ships (resources/sample/). */
  readonly samplePath?: string;
  /** The app's data folder (settings, the stored key, the recent-profiles list); default: a new temp folder. */
  readonly dataDir?: string;
  /** Default: a fake keychain that can encrypt. */
  readonly safeStorage?: SafeStorageLike;
}

/** The build the harness needs; throws with the command to run when it is missing. */
export function assertBuilt(): void {
  for (const file of [path.join(RENDERER_ROOT, 'index.html'), WORKER_PATH]) {
    if (!existsSync(file)) throw new Error(`${file} not found: run \`npx electron-vite build\` before \`npx playwright test\`.`);
  }
}

let bundled: string | undefined;

/** build-api.ts as a browser script that defines `__ipcBridge.buildApi` (bundled once per worker process). */
function bundledBuildApi(): string {
  bundled ??= buildSync({
    entryPoints: [path.join(REPO_ROOT, 'src-main', 'preload', 'build-api.ts')],
    bundle: true,
    format: 'iife',
    globalName: '__ipcBridge',
    platform: 'browser',
    write: false,
  }).outputFiles[0]!.text;
  return bundled;
}

/**
 * What the preload does, over the binding instead of ipcRenderer. `__ipcEmit` (not enumerable) is how the harness
 * delivers an event: to each listener of that event, payload only, one listener's throw not stopping the others.
 */
const INSTALL_API = `(() => {
  const listeners = new Map();
  const on = (event, listener) => {
    if (!listeners.has(event)) listeners.set(event, new Set());
    const set = listeners.get(event);
    const entry = (payload) => listener(payload);
    set.add(entry);
    return () => { set.delete(entry); };
  };
  Object.defineProperty(window, '__ipcEmit', {
    value: (event, payload) => {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try { listener(payload); } catch (error) { setTimeout(() => { throw error; }); }
      }
    },
    enumerable: false, configurable: false, writable: false,
  });
  const api = __ipcBridge.buildApi((channel, payload) => window.__ipcInvoke(channel, payload), on, {
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

function createFakeDialog(): FakeDialog & DialogPort {
  const answers: { canceled: boolean; filePaths: string[] }[] = [];
  const calls: DialogOptions[] = [];
  return {
    answer: (...paths) => void answers.push({ canceled: false, filePaths: paths }),
    cancel: () => void answers.push({ canceled: true, filePaths: [] }),
    calls,
    get pending() {
      return answers.length;
    },
    showOpenDialog: async (options) => {
      calls.push(options);
      return answers.shift() ?? { canceled: true, filePaths: [] };
    },
  };
}

/** Installs the bridge on `context` (bindings, routes, request log); open the app with `openApp()`. */
export async function createAppBridge(context: BrowserContext, options: AppBridgeOptions = {}): Promise<AppBridge> {
  assertBuilt();
  const dialog = createFakeDialog();
  const requests: string[] = [];
  const events: LoggedEvent[] = [];
  let appPage: Page | undefined;
  let delivery: Promise<unknown> = Promise.resolve();
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'anonymiser-e2e-data-'));

  const handlers = createIpcHandlers({
    appInfo: { ...BRIDGE_APP_INFO },
    dialog,
    handles: new HandleStore(),
    jobs: options.jobs ?? createJobRunner({ workerPath: WORKER_PATH }),
    samplePath: options.samplePath ?? path.join(REPO_ROOT, 'resources', SAMPLE_EXPORT_RESOURCE),
    recentProfiles: new RecentProfiles(path.join(dataDir, 'recent-profiles.json')),
    emit: (event, payload) => {
      events.push({ event, payload, at: Date.now() });
      const page = appPage;
      if (!page || page.isClosed()) return;
      delivery = delivery
        .then(() => page.evaluate(([e, p]) => (window as unknown as { __ipcEmit: (e: string, p: unknown) => void }).__ipcEmit(e, p), [event, payload] as const))
        .catch(() => undefined); // the page went away: dropped, as Electron drops events for a closed window
    },
    ...settingsDeps(dataDir, options.safeStorage ?? fakeSafeStorage()),
  });
  const dispatch = createDispatcher(handlers, isAppFrameUrl);
  await context.exposeBinding('__ipcInvoke', (source, channel: string, payload: unknown) => dispatch(channel, senderFrameUrl(source), payload));

  context.on('request', (request) => void requests.push(request.url()));
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (options.foreignOrigin !== undefined && url.origin === options.foreignOrigin) {
      return route.fulfill({ contentType: 'text/html', body: '<p>elsewhere</p>' });
    }
    const resolved = url.origin === ORIGIN ? resolveAppPathname(RENDERER_ROOT, url.pathname) : undefined;
    if (!resolved?.ok || !existsSync(resolved.filePath)) return route.abort('blockedbyclient');
    return route.fulfill({
      headers: { 'Content-Type': contentTypeFor(resolved.filePath), 'X-Content-Type-Options': 'nosniff' },
      body: readFileSync(resolved.filePath),
    });
  });

  return {
    dataDir,
    dialog,
    requests,
    events,
    foreignRequests: () => requests.filter((url) => !url.startsWith(`${ORIGIN}/`)),
    async openApp() {
      const page = await context.newPage();
      await page.addInitScript({ content: `${bundledBuildApi()}\n${INSTALL_API}` });
      appPage = page;
      await page.goto(`${ORIGIN}/index.html`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      return page;
    },
  };
}
