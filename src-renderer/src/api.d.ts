/**
 * Shape of `window.api`, exposed by src-main/preload/index.ts through
 * contextBridge. Data only for now; the IPC contract comes later.
 */
export interface AppVersions {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
}

export interface AppApi {
  readonly versions: AppVersions;
}

declare global {
  interface Window {
    /** Undefined when the renderer runs outside Electron (e.g. browser tests). */
    readonly api: AppApi | undefined;
  }
}
