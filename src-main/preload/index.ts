/**
 * Sandboxed preload (built to out/preload/index.cjs). Exposes exactly one frozen object as `window.api`: one method
 * per channel of the IPC contract (shared/ipc-contract.ts), `api.on` for job events and the static
 * `api.versions`. Built by ./build-api over the ipcRenderer wrapper; renderer code never sees ipcRenderer, an IPC
 * event or a path (a dropped File's path is looked up here and sent straight to main).
 */
import { contextBridge, webUtils } from 'electron';
import { buildApi } from './build-api';
import { invoke, on } from './ipc-renderer-wrapper';

export { buildApi } from './build-api';

/** Injected at build time from package.json (see electron.vite.config.ts). */
declare const __APP_VERSION__: string;

const api = buildApi(invoke, on, {
  pathForFile: (file) => webUtils.getPathForFile(file),
  versions: {
    app: __APP_VERSION__,
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
  },
});

contextBridge.exposeInMainWorld('api', api);
