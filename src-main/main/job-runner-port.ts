/**
 * The port between the IPC handlers and the job layer: what a job runner must offer. The handlers resolve every
 * handle to an absolute path before calling `start`, so a runner only ever sees paths; the renderer never does.
 * The real runner is implemented elsewhere; `notAvailableJobRunner` stands in until it is wired.
 */
import { IpcError, type ExportFormat, type IpcErrorInfo, type JobKind, type JobProgressFigures } from '../../shared/ipc-contract';

export type { JobKind } from '../../shared/ipc-contract';

/**
 * Parameters of each kind of job, with PATHS (absolute, symlinks resolved). `defaultRegion` is the app's setting,
 * which the job uses where the profile sets no region. `keyBytes` is the app's stored project key: the handlers
 * wipe it as soon as `start` returns, so a runner must hand it on (or copy it) within `start`.
 */
export interface JobParams {
  preview: { readonly file: string; readonly records: number; readonly sample: number; readonly headOnly?: boolean; readonly defaultRegion?: string };
  scan: { readonly files: readonly string[]; readonly profile?: unknown; readonly defaultRegion?: string };
  /**
   * `outputs[i]` is where `files[i]`'s anonymised copy goes (inside `outputFolder`, never an input), in `format`
   * (default: the input's). `report` and `package` are where the audit report and the package go, if asked for.
   */
  run: {
    readonly files: readonly string[];
    readonly outputFolder: string;
    readonly outputs: readonly string[];
    readonly profile?: unknown;
    readonly format?: ExportFormat;
    readonly report?: { readonly json: string; readonly html: string };
    readonly package?: string;
    readonly defaultRegion?: string;
    readonly keyBytes?: Uint8Array;
  };
  /** `originals[i]` is verified against `anonymised[i]`. */
  verify: {
    readonly originals: readonly string[];
    readonly anonymised: readonly string[];
    readonly profile?: unknown;
    readonly defaultRegion?: string;
    readonly keyBytes?: Uint8Array;
  };
}

/** Progress as the runner reports it; the handlers add the job id and kind. */
export type JobProgressUpdate = JobProgressFigures;

/**
 * Called by the runner. After `onDone` or `onFailed`, nothing more. `result` must be JSON-safe; an error's message
 * must name no path and hold no value from user data.
 */
export interface JobListener {
  onProgress(progress: JobProgressUpdate): void;
  onDone(result: unknown): void;
  onFailed(error: IpcErrorInfo): void;
}

export interface StartedJob {
  readonly jobId: string;
  /** Stops the job and removes its partial output; resolves once it has stopped. */
  cancel(): Promise<void>;
}

export interface JobRunner {
  /** Starts a job; throws an `IpcError` to refuse it. */
  start<K extends JobKind>(kind: K, params: JobParams[K], listener: JobListener): StartedJob;
}

/** Refuses every job with `not-available`. */
export const notAvailableJobRunner: JobRunner = {
  start() {
    throw new IpcError('not-available', 'jobs are not available in this build yet');
  },
};
