/**
 * Turns the app's job events into promises: `wait(jobId)` resolves with the job's result on `job:done`, rejects on
 * `job:failed`, and passes each `job:progress` to its listener. One subscription per event for the whole window;
 * events of a job that nobody waits for yet are kept until someone does (a fast job can finish before `start`
 * returns its id to the caller).
 */
import type { IpcErrorInfo, JobProgress } from '../../../shared/ipc-contract';
import type { AppApi } from '../api';

export class JobFailedError extends Error {
  constructor(readonly info: IpcErrorInfo) {
    super(info.message);
    this.name = 'JobFailedError';
  }
}

interface Waiter {
  resolve(result: unknown): void;
  reject(error: JobFailedError): void;
  onProgress?: (p: JobProgress) => void;
}

type Early = { kind: 'done'; result: unknown } | { kind: 'failed'; error: IpcErrorInfo };

export interface JobWaiter {
  wait(jobId: string, onProgress?: (p: JobProgress) => void): Promise<unknown>;
  dispose(): void;
}

export function createJobWaiter(api: Pick<AppApi, 'on'>): JobWaiter {
  const waiters = new Map<string, Waiter>();
  const early = new Map<string, Early>();
  const settle = (jobId: string, outcome: Early) => {
    const w = waiters.get(jobId);
    if (!w) {
      early.set(jobId, outcome);
      return;
    }
    waiters.delete(jobId);
    if (outcome.kind === 'done') w.resolve(outcome.result);
    else w.reject(new JobFailedError(outcome.error));
  };
  const offs = [
    api.on('job:progress', (p) => waiters.get(p.jobId)?.onProgress?.(p)),
    api.on('job:done', (e) => settle(e.jobId, { kind: 'done', result: e.result })),
    api.on('job:failed', (e) => settle(e.jobId, { kind: 'failed', error: e.error })),
  ];
  return {
    wait(jobId, onProgress) {
      return new Promise((resolve, reject) => {
        const done = early.get(jobId);
        if (done) {
          early.delete(jobId);
          if (done.kind === 'done') resolve(done.result);
          else reject(new JobFailedError(done.error));
          return;
        }
        waiters.set(jobId, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
      });
    },
    dispose() {
      for (const off of offs) off();
      waiters.clear();
      early.clear();
    },
  };
}
