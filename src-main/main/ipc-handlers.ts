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
import { basename } from 'node:path';
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
  type RecentProfile,
} from '../../shared/ipc-contract';
import { ProfileError } from '../../shared/transform/policy';
import { acknowledgeInReport, type ReportFiles } from '../jobs/report-acknowledgements';
import { EXPORT_EXTENSIONS, type HandleStore } from './file-handles';
import type { JobListener, JobParams, JobProgressUpdate, JobRunner, StartedJob } from './job-runner-port';
import type { KeychainKeyStore } from './keychain-key-store';
import type { RecentProfiles } from './recent-profiles';
import { planRun } from './run-plan';
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
  // --- start screen, export options and report (issue 7) ---
  /** The sample export shipped with the app; without it, `files:openSample` is not available. */
  readonly samplePath?: string;
  /** The profiles opened lately; without it, none are remembered. */
  readonly recentProfiles?: RecentProfiles;
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
  async function startKeyedJob<K extends 'run' | 'verify'>(kind: K, params: JobParams[K], onDone?: (jobId: string) => void): Promise<JobStarted> {
    const keyBytes = await prefs.jobKey();
    try {
      return startJob(kind, keyBytes ? { ...params, keyBytes } : params, onDone);
    } finally {
      keyBytes?.fill(0);
    }
  }

  /** The report files of each finished run that wrote one, by job id (for `reports:acknowledge`). */
  const reports = new Map<string, { readonly files: ReportFiles; readonly paths: readonly string[] }>();

  function startJob<K extends JobKind>(kind: K, params: JobParams[K], onDone?: (jobId: string) => void): JobStarted {
    // Events the runner sends before `start` returns wait until the job id is known.
    const started: { jobId?: string } = {};
    const pending: ((id: string) => void)[] = [];
    const emitLater = (send: (id: string) => void) => (started.jobId === undefined ? pending.push(send) : send(started.jobId));
    const listener: JobListener = {
      onProgress: (p) => emitLater((id) => deps.emit('job:progress', { ...progressFields(p), jobId: id, kind })),
      onDone: (result) =>
        emitLater((id) => {
          running.delete(id);
          onDone?.(id);
          deps.emit('job:done', { jobId: id, kind, result: kind === 'run' ? withBaseNames(jsonSafe(result), pathsOf(params)) : jsonSafe(result) });
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

    'profiles:load': async ({ file: id }) => {
      const path = file(id);
      const loaded = await loadProfileFile(path);
      await deps.recentProfiles?.remember(path).catch(() => undefined); // a list that cannot be written is no reason to fail
      return loaded;
    },

    'jobs:preview': async (request) =>
      startJob(
        'preview',
        {
          file: file(request.file),
          records: request.records ?? PREVIEW_LIMITS.defaultRecords,
          sample: request.sample ?? PREVIEW_LIMITS.defaultSample,
          ...(request.headOnly === true ? { headOnly: true } : {}),
          defaultRegion: await prefs.jobRegion(),
        },
      ),

    'jobs:scan': async (request) =>
      startJob('scan', withProfile({ files: files(request.files), defaultRegion: await prefs.jobRegion() }, request.profile)),

    'jobs:run': async (request) => {
      const inputs = files(request.files);
      const outputFolder = handles.folderPath(request.outputFolder);
      const plan = await planRun(inputs, outputFolder, request);
      const params = withProfile(
        {
          files: inputs,
          outputFolder,
          outputs: plan.outputs,
          defaultRegion: await prefs.jobRegion(),
          ...(request.format ? { format: request.format } : {}),
          ...(plan.report ? { report: plan.report } : {}),
          ...(plan.package ? { package: plan.package } : {}),
        },
        request.profile,
      );
      const report = plan.report;
      return startKeyedJob('run', params, report ? (id) => reports.set(id, { files: report, paths: pathsOf(params) }) : undefined);
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

    // --- start screen, export options and report (issue 7) ---
    'files:openSample': async () => {
      if (deps.samplePath === undefined) throw new IpcError('not-available', 'the sample export is not part of this build');
      return handles.addFile(deps.samplePath);
    },

    'profiles:recent': async () => {
      const paths = (await deps.recentProfiles?.list().catch(() => [])) ?? [];
      const recent: RecentProfile[] = [];
      for (const path of paths) {
        const info = await handles.addFile(path).catch(() => undefined); // gone or unreadable since: left out
        if (info) recent.push({ id: info.id, name: info.name });
      }
      return recent;
    },

    'reports:acknowledge': async ({ jobId, ids, note }) => {
      const run = reports.get(jobId);
      if (!run) throw new IpcError('not-found', 'no report was written for this export');
      const outcome = await acknowledgeInReport(run.files, ids, note === undefined ? {} : { note });
      return { acknowledged: outcome.acknowledged, complete: outcome.complete, report: withBaseNames(jsonSafe(outcome.report), run.paths) };
    },
    ...prefs.handlers,
  };
}

/** Every path among a job's parameters (the strings and lists of strings at any depth). */
function pathsOf(params: object): string[] {
  const paths: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (v.includes('/') || v.includes('\\')) paths.push(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null && v !== (params as { profile?: unknown }).profile) Object.values(v).forEach(walk);
  };
  walk(params);
  return paths;
}

/** A job's JSON result with every one of its paths cut to its base name (a run's report names its files by path). */
function withBaseNames(value: unknown, paths: readonly string[]): unknown {
  const longestFirst = [...new Set(paths)].sort((a, b) => b.length - a.length);
  const strip = (text: string) => longestFirst.reduce((t, path) => (t.includes(path) ? t.replaceAll(path, basename(path)) : t), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return strip(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, walk(item)]));
    return v;
  };
  return walk(value);
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
