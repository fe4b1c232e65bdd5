/**
 * Shape of `window.api`, exposed by src-main/preload/index.ts (built by src-main/preload/build-api.ts) through
 * contextBridge. One method per channel of the IPC contract (shared/ipc-contract.ts): `files:open` is
 * `api.files.open`. Every method resolves with an `IpcResult` (`{ ok: true, value }` or
 * `{ ok: false, error: { code, message } }`) and never rejects. Files and folders are opaque handles.
 */
import type {
  AcknowledgeRequest,
  AcknowledgeResult,
  AppInfo,
  AppSettings,
  KeyStatus,
  SettingsPatch,
  SettingsView,
  EventName,
  EventPayload,
  FileHandleInfo,
  FilePurpose,
  FolderHandleInfo,
  HandleId,
  IpcResult,
  JobStarted,
  LoadedProfile,
  PreviewRequest,
  RecentProfile,
  RunRequest,
  ScanRequest,
  VerifyRequest,
} from '../../shared/ipc-contract';

export interface AppVersions {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
}

export interface AppApi {
  /** Static, known when the preload runs. */
  readonly versions: AppVersions;
  readonly app: {
    readonly info: () => Promise<IpcResult<AppInfo>>;
  };
  readonly files: {
    /** An open dialog (several files for exports); an empty list when cancelled. Default purpose: 'export'. */
    readonly open: (request?: { readonly purpose: FilePurpose }) => Promise<IpcResult<FileHandleInfo[]>>;
    /** A File from a drop event; the preload looks up its path and main turns it into a handle. */
    readonly fromDrop: (file: File) => Promise<IpcResult<FileHandleInfo>>;
    /** A folder dialog; null when cancelled. */
    readonly chooseOutputFolder: () => Promise<IpcResult<FolderHandleInfo | null>>;
    /** The sample export shipped with the app. */
    readonly openSample: () => Promise<IpcResult<FileHandleInfo>>;
  };
  readonly profiles: {
    /** Reads and checks a profile file opened with `files.open({ purpose: 'profile' })`. */
    readonly load: (request: { readonly file: HandleId }) => Promise<IpcResult<LoadedProfile>>;
    /** The profiles opened lately, newest first, as handles for `load`. */
    readonly recent: () => Promise<IpcResult<RecentProfile[]>>;
  };
  readonly jobs: {
    readonly preview: (request: PreviewRequest) => Promise<IpcResult<JobStarted>>;
    readonly scan: (request: ScanRequest) => Promise<IpcResult<JobStarted>>;
    readonly run: (request: RunRequest) => Promise<IpcResult<JobStarted>>;
    readonly verify: (request: VerifyRequest) => Promise<IpcResult<JobStarted>>;
    readonly cancel: (request: { readonly jobId: string }) => Promise<IpcResult<{ cancelled: boolean }>>;
  };
  readonly reports: {
    /** Writes acknowledgements of residual findings into a finished run's report files. */
    readonly acknowledge: (request: AcknowledgeRequest) => Promise<IpcResult<AcknowledgeResult>>;
  };
  readonly settings: {
    readonly get: () => Promise<IpcResult<SettingsView>>;
    /** A partial update; resolves with the settings now in force. */
    readonly set: (patch: SettingsPatch) => Promise<IpcResult<AppSettings>>;
  };
  /** The project key in the OS keychain: only its status and fingerprint ever reach the window. */
  readonly keys: {
    readonly status: () => Promise<IpcResult<KeyStatus>>;
    readonly create: () => Promise<IpcResult<KeyStatus>>;
    /** Imports a key file opened with `files.open({ purpose: 'key' })`. */
    readonly import: (request: { readonly file: HandleId }) => Promise<IpcResult<KeyStatus>>;
    readonly destroy: () => Promise<IpcResult<KeyStatus>>;
  };
  /** Subscribes to a job event; returns the function that unsubscribes. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void;
}

declare global {
  interface Window {
    /** Undefined when the renderer runs outside Electron (e.g. browser tests). */
    readonly api: AppApi | undefined;
  }
}
