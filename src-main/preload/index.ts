/**
 * Sandboxed preload (built to out/preload/index.cjs). Exposes exactly one
 * frozen, data-only object as `window.api`. No ipcRenderer, no functions yet:
 * the IPC contract arrives with the review workspace.
 */
import { contextBridge } from 'electron';
import type { AppApi } from '../../src-renderer/src/api';

/** Injected at build time from package.json (see electron.vite.config.ts). */
declare const __APP_VERSION__: string;

const api: AppApi = Object.freeze({
  versions: Object.freeze({
    app: __APP_VERSION__,
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
  }),
});

// contextBridge copies (and freezes) plain values into the main world.
contextBridge.exposeInMainWorld('api', api);
