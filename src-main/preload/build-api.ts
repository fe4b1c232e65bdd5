/**
 * Builds the one `window.api` object from two raw IPC primitives, without touching Electron, so the contract test
 * and the browser tests can build exactly what the preload exposes. One method per contract channel, grouped by
 * the channel's prefix (`files:open` → `api.files.open`), plus `api.on` for events and the static `api.versions`.
 * Every method resolves with the contract's `IpcResult`; it never rejects. Listeners get the payload only.
 * Everything is frozen.
 */
import { isEventName, type Channel, type EventName, type IpcResult, type ResponseOf } from '../../shared/ipc-contract';
import type { AppApi, AppVersions } from '../../src-renderer/src/api';

/** Sends one request and resolves with main's reply (an IpcResult). */
export type RawInvoke = (channel: Channel, payload?: unknown) => Promise<unknown>;
/** Subscribes to one event; the listener gets the payload only. Returns the unsubscribe function. */
export type RawOn = (event: EventName, listener: (payload: unknown) => void) => () => void;

export interface PreloadExtras {
  /** `webUtils.getPathForFile` in the preload; '' when the File is not on disk. */
  pathForFile(file: File): string;
  versions: AppVersions;
}

const NO_EXTRAS: PreloadExtras = { pathForFile: () => '', versions: { app: '', electron: '', chrome: '' } };

function isResult(reply: unknown): reply is IpcResult<unknown> {
  return typeof reply === 'object' && reply !== null && typeof (reply as { ok?: unknown }).ok === 'boolean';
}

export function buildApi(invoke: RawInvoke, on: RawOn, extras: PreloadExtras = NO_EXTRAS): AppApi {
  // Main's reply is trusted to follow the contract once it has the shape of a result.
  const call = async <C extends Channel>(channel: C, payload?: unknown): Promise<IpcResult<ResponseOf<C>>> => {
    try {
      const reply = payload === undefined ? await invoke(channel) : await invoke(channel, payload);
      if (isResult(reply)) return reply as IpcResult<ResponseOf<C>>;
    } catch {
      // fall through: the channel could not be reached
    }
    return { ok: false, error: { code: 'internal', message: `${channel}: no valid reply from the app` } };
  };

  const app: AppApi['app'] = { info: () => call('app:info') };
  const files: AppApi['files'] = {
    open: (request = { purpose: 'export' as const }) => call('files:open', request),
    fromDrop: (file: File) => {
      let path = '';
      try {
        path = extras.pathForFile(file);
      } catch {
        // not a File object
      }
      if (path === '') {
        return Promise.resolve({ ok: false, error: { code: 'invalid', message: 'the dropped item is not a file on disk' } } as const);
      }
      return call('files:fromDrop', { path });
    },
    chooseOutputFolder: () => call('files:chooseOutputFolder'),
    openSample: () => call('files:openSample'),
  };
  const profiles: AppApi['profiles'] = { load: (request) => call('profiles:load', request), recent: () => call('profiles:recent') };
  const reports: AppApi['reports'] = { acknowledge: (request) => call('reports:acknowledge', request) };
  const jobs: AppApi['jobs'] = {
    preview: (request) => call('jobs:preview', request),
    scan: (request) => call('jobs:scan', request),
    run: (request) => call('jobs:run', request),
    verify: (request) => call('jobs:verify', request),
    cancel: (request) => call('jobs:cancel', request),
  };
  const settings: AppApi['settings'] = { get: () => call('settings:get'), set: (patch) => call('settings:set', patch) };
  const keys: AppApi['keys'] = {
    status: () => call('keys:status'),
    create: () => call('keys:create'),
    import: (request) => call('keys:import', request),
    destroy: () => call('keys:destroy'),
  };
  const api: AppApi = {
    versions: Object.freeze({ ...extras.versions }),
    app: Object.freeze(app),
    files: Object.freeze(files),
    profiles: Object.freeze(profiles),
    jobs: Object.freeze(jobs),
    reports: Object.freeze(reports),
    settings: Object.freeze(settings),
    keys: Object.freeze(keys),
    on: (event, listener) => {
      if (!isEventName(event)) throw new TypeError('api.on: unknown event');
      if (typeof listener !== 'function') throw new TypeError('api.on: the listener must be a function');
      return on(event, (payload) => (listener as (payload: unknown) => void)(payload));
    },
  };
  return Object.freeze(api);
}
