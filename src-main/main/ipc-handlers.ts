/**
 * The implementations of the IPC contract's channels, with every dependency injected (the dialog, the handle
 * store, the job runner, the event sink), so they run under plain Node in tests. Handles are resolved to paths
 * here and only here; the renderer gets handle infos back, never a path. Job events are forwarded with the job's
 * id and kind. The settings and project-key channels are in ./settings-handlers; from them every job gets the
 * settings' default region (which the worker uses where the profile sets none) and run and verify the stored key's
 * bytes, which go to the job's worker thread and are wiped here once it has them.
 */
import type { OpenDialogOptions } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  IpcError,
  PREVIEW_LIMITS,
  type AppInfo,
  type ContractHandlers,
  type EventName,
  type EventPayload,
  type FileHandleInfo,
  type FilePurpose,
  type IpcErrorInfo,
  type JobKind,
  type JobStarted,
  type LoadedProfile,
} from '../../shared/ipc-contract';
import { ProfileError } from '../../shared/transform/policy';
import { planOutputs } from '../io/output-plan';
import { EXPORT_EXTENSIONS, type HandleStore } from './file-handles';
import type { JobListener, JobParams, JobProgressUpdate, JobRunner, StartedJob } from './job-runner-port';
import type { KeychainKeyStore } from './keychain-key-store';
import { createSettingsHandlers } from './settings-handlers';
import type { SettingsStore } from './settings-store';

/** The part of Electron's `dialog` the handlers use (bound to the app window by the caller). */
export interface DialogPort {
  showOpenDialog(options: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface IpcHandlerDeps {
  readonly appInfo: AppInfo;
  readonly dialog: DialogPort;
  readonly handles: HandleStore;
  readonly jobs: JobRunner;
  /** Sends a contract event to the app window. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** The app's settings (JSON in the app's data folder). */
  readonly settings: SettingsStore;
  /** The project key, kept by the OS keychain. */
  readonly keys: KeychainKeyStore;
}

const EXPORT_FILTERS = [
  { name: 'Support exports (CSV, JSON, NDJSON)', extensions: [...EXPORT_EXTENSIONS] },
  { name: 'All files', extensions: ['*'] },
];
const PROFILE_FILTERS = [{ name: 'Profiles (JSON)', extensions: ['json'] }];
const KEY_FILTERS = [
  { name: 'Project keys', extensions: ['key'] },
  { name: 'All files', extensions: ['*'] },
];

const OPEN_DIALOGS: Readonly<Record<FilePurpose, OpenDialogOptions>> = {
  export: { title: 'Open support exports', properties: ['openFile', 'multiSelections'], filters: EXPORT_FILTERS },
  profile: { title: 'Open a profile', properties: ['openFile'], filters: PROFILE_FILTERS },
  key: { title: 'Import a project key file', properties: ['openFile'], filters: KEY_FILTERS },
};

export function createIpcHandlers(deps: IpcHandlerDeps): ContractHandlers {
  const { dialog, handles } = deps;
  const running = new Map<string, StartedJob>();
  const file = (id: string) => handles.filePath(id);
  const files = (ids: readonly string[]) => ids.map(file);
  const prefs = createSettingsHandlers(deps);

  /** Starts a run or a verification with the stored key, if any; its bytes are wiped once the runner has them. */
  async function startKeyedJob<K extends 'run' | 'verify'>(kind: K, params: JobParams[K]): Promise<JobStarted> {
    const keyBytes = await prefs.jobKey();
    try {
      return startJob(kind, keyBytes ? { ...params, keyBytes } : params);
    } finally {
      keyBytes?.fill(0);
    }
  }

  function startJob<K extends JobKind>(kind: K, params: JobParams[K]): JobStarted {
    // Events the runner sends before `start` returns wait until the job id is known.
    const started: { jobId?: string } = {};
    const pending: ((id: string) => void)[] = [];
    const emitLater = (send: (id: string) => void) => (started.jobId === undefined ? pending.push(send) : send(started.jobId));
    const listener: JobListener = {
      onProgress: (p) => emitLater((id) => deps.emit('job:progress', { ...progressFields(p), jobId: id, kind })),
      onDone: (result) =>
        emitLater((id) => {
          running.delete(id);
          deps.emit('job:done', { jobId: id, kind, result: jsonSafe(result) });
        }),
      onFailed: (error) =>
        emitLater((id) => {
          running.delete(id);
          deps.emit('job:failed', { jobId: id, kind, error: safeError(withoutPaths(error, params)) });
        }),
    };
    const job = deps.jobs.start(kind, params, listener);
    const jobId = job.jobId;
    running.set(jobId, job);
    started.jobId = jobId;
    for (const send of pending.splice(0)) send(jobId);
    return { jobId };
  }

  return {
    'app:info': async () => ({ ...deps.appInfo }),

    'files:open': async ({ purpose }) => {
      const picked = await dialog.showOpenDialog(OPEN_DIALOGS[purpose]);
      if (picked.canceled) return [];
      const infos: FileHandleInfo[] = [];
      for (const path of picked.filePaths) infos.push(purpose === 'key' ? await prefs.addKeyFile(path) : await handles.addFile(path));
      return infos;
    },

    'files:fromDrop': async ({ path }) => handles.addFile(path),

    'files:chooseOutputFolder': async () => {
      const picked = await dialog.showOpenDialog({
        title: 'Choose the folder for the anonymised files',
        properties: ['openDirectory', 'createDirectory'],
      });
      const path = picked.canceled ? undefined : picked.filePaths[0];
      return path === undefined ? null : handles.addFolder(path);
    },

    'profiles:load': async ({ file: id }) => loadProfileFile(file(id)),

    'jobs:preview': async (request) =>
      startJob(
        'preview',
        {
          file: file(request.file),
          records: request.records ?? PREVIEW_LIMITS.defaultRecords,
          sample: request.sample ?? PREVIEW_LIMITS.defaultSample,
          defaultRegion: await prefs.jobRegion(),
        },
      ),

    'jobs:scan': async (request) =>
      startJob('scan', withProfile({ files: files(request.files), defaultRegion: await prefs.jobRegion() }, request.profile)),

    'jobs:run': async (request) => {
      const inputs = files(request.files);
      const outputFolder = handles.folderPath(request.outputFolder);
      const outputs = await planRunOutputs(inputs, outputFolder);
      return startKeyedJob('run', withProfile({ files: inputs, outputFolder, outputs, defaultRegion: await prefs.jobRegion() }, request.profile));
    },

    'jobs:verify': async (request) => {
      const params = { originals: files(request.originals), anonymised: files(request.anonymised), defaultRegion: await prefs.jobRegion() };
      return startKeyedJob('verify', withProfile(params, request.profile));
    },

    'jobs:cancel': async ({ jobId }) => {
      const job = running.get(jobId);
      if (!job) return { cancelled: false };
      running.delete(jobId);
      await job.cancel();
      return { cancelled: true };
    },

    ...prefs.handlers,
  };
}

/** Each input's output: the folder plus the input's base name; refused if it would overwrite an input or collide. */
async function planRunOutputs(inputs: readonly string[], folder: string): Promise<string[]> {
  const outputs = inputs.map((input) => join(folder, basename(input)));
  try {
    const plan = await planOutputs(inputs, `${folder}/`);
    if (plan.some((p, i) => p.output !== outputs[i])) throw new Error('plan differs');
  } catch {
    throw new IpcError('conflict', 'cannot write there: an output would overwrite an input, or two inputs share a name');
  }
  return outputs;
}

function withProfile<T extends object>(params: T, profile: unknown): T & { profile?: unknown } {
  return profile === undefined ? params : { ...params, profile };
}

/** Copies only the contract's progress fields (a runner may pass a richer object). */
function progressFields(p: JobProgressUpdate): JobProgressUpdate {
  const { bytes, totalBytes, records, findings, elapsedMs, etaMs } = p;
  return etaMs === undefined
    ? { bytes, totalBytes, records, findings, elapsedMs }
    : { bytes, totalBytes, records, findings, elapsedMs, etaMs };
}

function jsonSafe(value: unknown): unknown {
  try {
    return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
  } catch {
    return null;
  }
}

/** Keeps a runner's error to a short code and message (the runner promises they hold no user data). */
/**
 * A job's error names its files by path (the CLI prints them); the window gets each file's name only, as the
 * contract promises that no path crosses to the renderer.
 */
function withoutPaths(error: IpcErrorInfo, params: object): IpcErrorInfo {
  if (typeof error.message !== 'string') return error;
  const paths = Object.values(params).flatMap((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []));
  let message = error.message;
  // longest first, so that a folder does not cut a file path inside it in two
  for (const path of paths.filter((p) => p.includes('/') || p.includes('\\')).sort((a, b) => b.length - a.length)) {
    message = message.replaceAll(path, basename(path));
  }
  return { ...error, message };
}

function safeError(error: IpcErrorInfo): IpcErrorInfo {
  const code = typeof error.code === 'string' && /^[a-z][a-z-]{0,31}$/.test(error.code) ? error.code : 'internal';
  const message = typeof error.message === 'string' ? error.message.slice(0, 500) : 'the job failed';
  return { code, message };
}

/** A profile is small: anything larger is some other file given by mistake. */
const MAX_PROFILE_BYTES = 1 << 20;

/** Reads and checks a profile file; errors name what is wrong in the profile, never the file's path or content. */
async function loadProfileFile(path: string): Promise<LoadedProfile> {
  const { size } = await stat(path);
  if (size > MAX_PROFILE_BYTES) throw new IpcError('profile', `not a profile: larger than ${MAX_PROFILE_BYTES / 1024} KiB`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new IpcError('profile', 'not a profile: not valid JSON');
  }
  // loaded on first use: the profile module pulls in the presets' JSON, which the main process rarely needs
  const { parseProfile } = await import('../../shared/transform/profile');
  try {
    const policy = parseProfile(json);
    return { profile: json, ...(policy.name !== undefined ? { name: policy.name } : {}) };
  } catch (error) {
    if (error instanceof ProfileError) throw new IpcError('profile', error.message);
    throw error;
  }
}
