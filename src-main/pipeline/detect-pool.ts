/**
 * A pool of detection worker threads behind the pipeline's `BatchDetector` port: each batch goes to the worker
 * with the fewest batches in hand, and its promise settles with that worker's reply. The pipeline takes batches back
 * in input order and bounds how many are out (`maxInFlight`, twice the workers: each worker has the next batch
 * queued while it works on one).
 *
 * A worker that reports an error fails its batch; a worker that dies (an uncaught error, an exit, running out of
 * memory) fails every batch still out and every later one: the run then fails with a `DetectWorkerError`, and the
 * caller's atomic output leaves nothing at the target. `close()` terminates every worker; callers call it in a
 * `finally`, so the pool ends with the run, however the run ends (done, failed, cancelled).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ColumnClassification } from '../../shared/detect/finding';
import type { BatchDetector, RecordToDetect } from '../../shared/pipeline/batch-detector';
import type { FieldsDetection } from '../../shared/pipeline/detect-record';
import type { Policy } from '../../shared/transform/policy';
import { saveProfile } from '../../shared/transform/profile';
import type { DetectMessage, FromWorker, ToWorker } from './batch-protocol';
import { decodeDetections } from './findings-codec';

/** Field text per batch by default: about 1 MB (the issue asks for 1–4 MB; smaller batches keep both cores busy on smaller files). */
export const DEFAULT_BATCH_CHARS = 1 << 20;

/** Detection fails with this when a worker reports an error or dies. */
export class DetectWorkerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DetectWorkerError';
  }
}

export interface DetectPool extends BatchDetector {
  readonly workers: number;
  /**
   * Starts the workers now and has them build `policy`'s detectors, so that their start-up (about a second of CPU
   * each: the bundle, the gazetteers, the detectors' first runs) overlaps the caller's first pass over the input.
   * Without it they start with the first batch.
   */
  warm(policy: Policy): void;
  /** Terminates every worker; batches still out fail. Safe to call more than once. */
  close(): Promise<void>;
}

export interface DetectPoolOptions {
  /** How many worker threads (at least 1). */
  readonly workers: number;
  /** Field text per batch, in characters (default DEFAULT_BATCH_CHARS). */
  readonly batchChars?: number;
  /** The worker's script (default: the built `detect-worker` beside this bundle, see `defaultDetectWorkerPath`). */
  readonly workerPath?: string | URL;
}

/** The default number of detection workers: one per core the process may use. */
export function defaultWorkerCount(): number {
  return availableParallelism();
}

/**
 * The built worker entry beside the running bundle: `detect-worker.mjs` beside the CLI's `out/cli/anonymise.mjs`
 * (esbuild, scripts/build-cli.mjs), `detect-worker.js` beside the app's `out/main/*.js` (electron-vite, also when
 * this module lands in a chunk one folder down).
 */
export function defaultDetectWorkerPath(): string {
  const candidates = ['./detect-worker.mjs', './detect-worker.js', '../detect-worker.js'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new DetectWorkerError(`the detection worker is not built (looked for ${candidates.join(', ')})`);
  return found;
}

interface Pending {
  /** Per record of the batch, how many fields it has (to decode the findings). */
  readonly fieldCounts: readonly number[];
  readonly resolve: (results: FieldsDetection[]) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

export function createDetectPool(options: DetectPoolOptions): DetectPool {
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError('createDetectPool: workers must be a whole number ≥ 1');
  const policies = new WeakMap<Policy, number>();
  let nextPolicy = 0;
  let nextBatch = 0;
  /** Set once the pool cannot go on: every later batch fails with it. */
  let broken: Error | undefined;

  const failAll = (error: Error) => {
    broken ??= error;
    for (const w of pool) {
      for (const p of w.pending.values()) p.reject(error);
      w.pending.clear();
    }
  };

  const pool: PoolWorker[] = [];
  /** Workers start with the first batch: a file that fits in one batch is detected in the caller's thread. */
  const start = () => {
    const path = options.workerPath ?? defaultDetectWorkerPath();
    for (let i = 0; i < options.workers; i++) {
      const worker = new Worker(path);
      const w: PoolWorker = { worker, pending: new Map() };
      worker.on('message', (m: FromWorker) => {
        if (m.type === 'detected') {
          const p = w.pending.get(m.id);
          w.pending.delete(m.id);
          if (p) p.resolve('plain' in m.results ? [...m.results.plain] : decodeDetections(m.results, p.fieldCounts));
        } else {
          const error = new DetectWorkerError(`detection failed in worker thread ${i + 1}: ${m.message}`);
          if (m.id === undefined) failAll(error);
          else {
            const p = w.pending.get(m.id);
            w.pending.delete(m.id);
            p?.reject(error);
          }
        }
      });
      worker.on('error', (error) => failAll(new DetectWorkerError(`detection worker thread ${i + 1} failed: ${error.name}: ${error.message}`)));
      worker.on('exit', (code) => failAll(new DetectWorkerError(`detection worker thread ${i + 1} stopped (exit code ${code})`)));
      pool.push(w);
    }
  };

  /** Starts the workers if they are not yet; the error that stops the pool, if any (a missing worker script, …). */
  const startedOrBroken = (): Error | undefined => {
    if (!broken && pool.length === 0) {
      try {
        start();
      } catch (error) {
        broken = error as Error;
      }
    }
    return broken;
  };

  const post = (w: PoolWorker, message: ToWorker, transfer: ArrayBuffer[] = []) => w.worker.postMessage(message, transfer);

  const policyId = (policy: Policy): number => {
    let id = policies.get(policy);
    if (id === undefined) {
      id = nextPolicy++;
      policies.set(policy, id);
      const profile = saveProfile(policy);
      for (const w of pool) post(w, { type: 'policy', policy: id, profile });
    }
    return id;
  };

  return {
    workers: options.workers,
    maxInFlight: 2 * options.workers,
    batchChars: options.batchChars ?? DEFAULT_BATCH_CHARS,
    warm(policy) {
      if (!startedOrBroken()) policyId(policy);
    },
    detect(policy, records) {
      const failed = startedOrBroken();
      if (failed) return Promise.reject(failed);
      const message = batchMessage(nextBatch++, policyId(policy), records);
      const w = pool.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const fieldCounts = records.map((r) => r.fields.length);
      return new Promise<FieldsDetection[]>((resolve, reject) => {
        w.pending.set(message.id, { fieldCounts, resolve, reject });
        post(w, message, [message.fieldCounts.buffer as ArrayBuffer, message.columnOf.buffer as ArrayBuffer]);
      });
    },
    async close() {
      failAll(new DetectWorkerError('the detection pool was closed'));
      await Promise.all(pool.map((w) => w.worker.terminate()));
    },
  };
}

/** One batch, flattened for the worker (see batch-protocol.ts). */
function batchMessage(id: number, policy: number, records: readonly RecordToDetect[]): DetectMessage {
  const fieldCounts = new Int32Array(records.length);
  const paths: string[] = [];
  const values: string[] = [];
  const columns: ColumnClassification[] = [];
  const columnIndex = new Map<ColumnClassification, number>();
  const columnOf: number[] = [];
  for (const [r, record] of records.entries()) {
    fieldCounts[r] = record.fields.length;
    for (const [i, field] of record.fields.entries()) {
      paths.push(field.path);
      values.push(field.value);
      const column = record.columns[i];
      if (!column) {
        columnOf.push(-1);
        continue;
      }
      let c = columnIndex.get(column);
      if (c === undefined) {
        c = columns.length;
        columns.push(column);
        columnIndex.set(column, c);
      }
      columnOf.push(c);
    }
  }
  return { type: 'detect', id, policy, fieldCounts, paths, values, columnOf: Int32Array.from(columnOf), columns };
}

/** The size of the files in all (a file that cannot be read counts 0: opening it reports the error). */
export async function totalBytes(paths: readonly string[]): Promise<number> {
  const sizes = await Promise.all(paths.map((p) => stat(p).then((s) => s.size, () => 0)));
  return sizes.reduce((a, b) => a + b, 0);
}

/** Whether inputs of `bytes` in all are worth warming the pool for (they will fill more than a couple of batches). */
export function worthWarming(pool: DetectPool, bytes: number): boolean {
  return bytes > 2 * pool.batchChars;
}

/**
 * Runs `job` with a detection pool of `options.workers` threads, or with none when `options` is undefined or asks
 * for 1 worker (detection then runs in this thread, as it always did). The pool is closed however `job` ends.
 */
export async function withDetectPool<T>(options: DetectPoolOptions | undefined, job: (pool: DetectPool | undefined) => Promise<T>): Promise<T> {
  if (!options || options.workers <= 1) return job(undefined);
  const pool = createDetectPool(options);
  try {
    return await job(pool);
  } finally {
    await pool.close();
  }
}
