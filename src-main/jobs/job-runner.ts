/**
 * Runs each job (preview, scan, run, verify) in its own worker thread (`job-worker.ts`), so that the Electron main
 * process and its window never freeze. Progress reaches the listener at most 10 times a second, with an ETA from
 * bytes over elapsed time, and the last figure always before `onDone`. Every job ends with exactly one `onDone` or
 * `onFailed` (`code: 'cancelled'` after `cancel()`).
 *
 * `cancel()` resolves within a second: the worker is asked to abort (the jobs then remove their temp files); if it
 * has not exited after 500 ms, it is terminated, and the `.partial` temp files of the job's outputs are removed
 * here. The atomic writer renames only complete files onto a target, so there is never a partial output there.
 */
import { randomUUID } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { TEMP_SUFFIX } from '../io/atomic-file';
import type { JobKind, JobListener, JobProgressUpdate, JobRunner } from '../main/job-runner-port';
import type { JobError, WorkerProgress, WorkerReply, WorkerRequest } from './job-worker';

export const PROGRESS_INTERVAL_MS = 100;
/** How long a cancelled worker gets to clean up before it is terminated. */
export const CANCEL_GRACE_MS = 500;

/** The figure the listener gets; the job's id and kind ride along (the brief's shape of the port has them). */
export type JobProgress = JobProgressUpdate & { readonly jobId: string; readonly kind: JobKind };

const INTERNAL: JobError = { code: 'internal', message: 'internal error' };
const CANCELLED: JobError = { code: 'cancelled', message: 'cancelled' };

/** In the app the worker is built beside the main bundle: out/main/job-worker.js. */
function defaultWorkerPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'job-worker.js');
}

/** Hands progress on at most once per interval, always the newest; `flush` delivers the one held back, in its slot. */
export function createProgressThrottle(deliver: (p: JobProgress) => void, intervalMs = PROGRESS_INTERVAL_MS) {
  let last = -Infinity;
  let pending: JobProgress | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let drained: (() => void)[] = [];
  const fire = () => {
    timer = undefined;
    const p = pending;
    pending = undefined;
    if (p) {
      last = Date.now();
      deliver(p);
    }
    for (const resolve of drained.splice(0)) resolve();
  };
  const schedule = () => {
    if (timer) return;
    const wait = last + intervalMs - Date.now();
    if (wait <= 0) fire();
    else timer = setTimeout(fire, wait);
  };
  return {
    push(p: JobProgress): void {
      pending = p;
      schedule();
    },
    flush(): Promise<void> {
      if (!pending) return Promise.resolve();
      return new Promise((resolve) => {
        drained.push(resolve);
        schedule();
      });
    },
    /** Drops what is held back. */
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
      for (const resolve of drained.splice(0)) resolve();
      drained = [];
    },
  };
}

/** Removes the atomic writer's temp files (`.<name>.<12 hex>.partial`) beside each target. */
export async function removePartialFiles(targets: readonly string[]): Promise<void> {
  for (const target of targets) {
    const prefix = `.${basename(target)}.`;
    const names = await readdir(dirname(target)).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith(prefix) || !name.endsWith(TEMP_SUFFIX)) continue;
      if (!/^[0-9a-f]{12}$/.test(name.slice(prefix.length, -TEMP_SUFFIX.length))) continue;
      await rm(join(dirname(target), name), { force: true });
    }
  }
}

/** The files a run writes: its outputs (their temp files include converted inputs), the report and the package. */
function outputsOf(kind: JobKind, params: object): string[] {
  const { outputs, report, package: zip } = params as { outputs?: unknown; report?: { json?: unknown; html?: unknown }; package?: unknown };
  if (kind !== 'run') return [];
  return [...(Array.isArray(outputs) ? outputs : []), report?.json, report?.html, zip].filter((o): o is string => typeof o === 'string');
}

function withTiming(jobId: string, kind: JobKind, p: WorkerProgress, elapsedMs: number): JobProgress {
  const { bytes, totalBytes, records, findings } = p;
  const progress: JobProgress = { jobId, kind, bytes, totalBytes, records, findings, elapsedMs };
  if (bytes <= 0 || totalBytes <= 0) return progress;
  return { ...progress, etaMs: bytes >= totalBytes ? 0 : Math.round((elapsedMs * (totalBytes - bytes)) / bytes) };
}

export interface JobRunnerOptions {
  readonly workerPath?: string;
  /** The write journal's folder (write-journal.ts); the app gives its data folder's, the CLI has its own. */
  readonly journalDir?: string;
}

export function createJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const workerPath = options.workerPath ?? defaultWorkerPath();
  return {
    start(kind, params, listener) {
      const jobId = randomUUID();
      const started = Date.now();
      const worker = new Worker(workerPath);
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      const throttle = createProgressThrottle((p) => listener.onProgress(p));
      let ended = false;
      let cancelling = false;

      /** The one terminal call: after the last progress on success, without it otherwise. */
      const end = (deliver: (l: JobListener) => void, flush: boolean) => {
        if (ended) return;
        ended = true;
        void worker.terminate();
        const delivered = flush ? throttle.flush() : (throttle.stop(), Promise.resolve());
        void delivered.then(() => deliver(listener));
      };
      const fail = (error: JobError) => end((l) => l.onFailed(cancelling ? CANCELLED : error), false);

      worker.on('message', (m: WorkerReply) => {
        if (ended) return;
        if (m.type === 'progress') throttle.push(withTiming(jobId, kind, m, Date.now() - started));
        else if (m.type === 'done') end((l) => l.onDone(m.result), true);
        else fail(m.error);
      });
      worker.on('error', () => fail(INTERNAL));
      worker.on('exit', () => fail(INTERNAL)); // an exit without a reply
      worker.postMessage({ type: 'start', kind, params, ...(options.journalDir !== undefined ? { journal: options.journalDir } : {}) } satisfies WorkerRequest);

      return {
        jobId,
        async cancel() {
          if (ended) return;
          cancelling = true;
          worker.postMessage({ type: 'cancel' } satisfies WorkerRequest);
          let timer: ReturnType<typeof setTimeout> | undefined;
          const inTime = await Promise.race([
            exited.then(() => true),
            new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CANCEL_GRACE_MS))),
          ]);
          clearTimeout(timer);
          if (!inTime) {
            await worker.terminate();
            await removePartialFiles(outputsOf(kind, params));
          }
          fail(CANCELLED);
        },
      };
    },
  };
}
