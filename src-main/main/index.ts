/**
 * Electron main process: one hardened window serving the built renderer from
 * the privileged app:// scheme. No network, no updater, no crash uploads, no
 * shell.openExternal. Pure decisions live in ./security-policy and
 * ./app-protocol-path (unit-tested without Electron).
 *
 * Run with `npx electron-vite build && npx electron-vite preview`.
 * `electron-vite dev` (Vite dev server over http://localhost) is deliberately
 * not supported: the request filter only allows app:// and the CSP forbids
 * the inline scripts the dev server injects.
 */
import { app, BrowserWindow, dialog, Menu, nativeTheme, protocol, safeStorage, session } from 'electron';
import type { MenuItemConstructorOptions, Session } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeFor, isInsideRoot, resolveAppRequestPath } from './app-protocol-path';
import { HandleStore } from './file-handles';
import { createIpcHandlers } from './ipc-handlers';
import { RecentProfiles } from './recent-profiles';
import { SAMPLE_EXPORT_RESOURCE } from './sample-export';
import { isAppFrameUrl, registerHandlers, sendEvent } from './ipc-main-wrapper';
import { createKeychainKeyStore } from './keychain-key-store';
import { createSettingsStore } from './settings-store';
import { createJobRunner } from '../jobs/job-runner';
import { openWriteJournal, recoverInterruptedWrites, WRITE_JOURNAL_FOLDER } from '../io/write-journal';
import {
  APP_ENTRY_URL,
  APP_NAME,
  APP_SCHEME,
  UNREACHABLE_DICTIONARY_URL,
  appResponseHeaders,
  appSchemeRegistration,
  createWebPreferences,
  isAllowedRequestUrl,
} from './security-policy';

const here = path.dirname(fileURLToPath(import.meta.url)); // out/main
const RENDERER_ROOT = path.resolve(here, '../renderer');
const PRELOAD_PATH = path.resolve(here, '../preload/index.cjs');
/** The sample export: packed beside app.asar (electron-builder.yml `extraResources`), or in the repository. */
const SAMPLE_EXPORT_PATH = app.isPackaged
  ? path.join(process.resourcesPath, SAMPLE_EXPORT_RESOURCE)
  : path.resolve(here, '../../resources', SAMPLE_EXPORT_RESOURCE);

// Must happen before `ready`.
app.enableSandbox();
protocol.registerSchemesAsPrivileged(appSchemeRegistration());

// ---------------------------------------------------------------------------
// app:// — serves only files inside out/renderer, always with the CSP header.

let realRendererRoot: Promise<string> | undefined;

function notFound(status = 404): Response {
  return new Response('Not found', { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
}

async function serveAppRequest(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405);
  const resolved = resolveAppRequestPath(RENDERER_ROOT, request.url);
  if (!resolved.ok) return notFound();
  try {
    // Re-check after resolving symlinks so a link cannot point outside.
    realRendererRoot ??= realpath(RENDERER_ROOT);
    const root = await realRendererRoot;
    const file = await realpath(resolved.filePath);
    if (!isInsideRoot(root, file) || file === root) return notFound();
    if (!(await stat(file)).isFile()) return notFound();
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
    return new Response(body, { status: 200, headers: appResponseHeaders(contentTypeFor(file)) });
  } catch {
    return notFound();
  }
}

// ---------------------------------------------------------------------------
// Sessions: deny every permission, cancel every non-app:// request, no
// spellchecker dictionary downloads, no downloads at all.

const hardenedSessions = new WeakSet<Session>();

function hardenSession(ses: Session): void {
  if (hardenedSessions.has(ses)) return;
  hardenedSessions.add(ses);

  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });

  ses.setSpellCheckerEnabled(false);
  ses.setSpellCheckerDictionaryDownloadURL(UNREACHABLE_DICTIONARY_URL);

  ses.on('will-download', (event) => event.preventDefault());
}

app.on('session-created', hardenSession);

// ---------------------------------------------------------------------------
// Every webContents: no navigation, no new windows, no <webview>.

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => {
    if (!isAllowedRequestUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

// ---------------------------------------------------------------------------

/** Standard roles only: the default menu's Help items call shell.openExternal. */
function installMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    title: APP_NAME,
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 520,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17191c' : '#f6f6f3',
    // contextIsolation and sandbox are already true in createWebPreferences (unit-tested); written here again so that
    // static checkers that read only this call (Electronegativity) see them
    webPreferences: { ...createWebPreferences({ preloadPath: PRELOAD_PATH, devTools: !app.isPackaged }), contextIsolation: true, sandbox: true },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`Failed to load ${APP_ENTRY_URL}:`, error);
  });
  return win;
}

/**
 * The IPC contract's handlers, registered once; dialogs and events go to the current main window. Settings and the
 * keychain-encrypted project key live in the app's data folder (`userData`); call after `ready` (safeStorage).
 */
function registerIpc(currentWindow: () => BrowserWindow | undefined): void {
  const dataDir = app.getPath('userData');
  // temp files that a killed app (or one that lost power) left beside its outputs go at the next start
  const journalDir = path.join(dataDir, WRITE_JOURNAL_FOLDER);
  recoverInterruptedWrites(journalDir);
  openWriteJournal(journalDir);
  const handlers = createIpcHandlers({
    appInfo: { app: app.getVersion(), electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' },
    dialog: {
      showOpenDialog: (options) => {
        const win = currentWindow();
        return win ? dialog.showOpenDialog(win, options) : dialog.showOpenDialog(options);
      },
    },
    handles: new HandleStore(),
    jobs: createJobRunner({ journalDir }),
    emit: (event, payload) => {
      const win = currentWindow();
      if (win) sendEvent(win.webContents, event, payload);
    },
    // --- start screen, export options and report (issue 7) ---
    samplePath: SAMPLE_EXPORT_PATH,
    recentProfiles: new RecentProfiles(path.join(dataDir, 'recent-profiles.json')),
    settings: createSettingsStore(dataDir),
    keys: createKeychainKeyStore(dataDir, safeStorage),
  });
  registerHandlers(handlers, { isTrustedSender: isAppFrameUrl });
}

let mainWindow: BrowserWindow | undefined;

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

void app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  protocol.handle(APP_SCHEME, serveAppRequest);
  installMenu();
  mainWindow = createMainWindow();
  registerIpc(() => (mainWindow?.isDestroyed() === false ? mainWindow : undefined));

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
});
