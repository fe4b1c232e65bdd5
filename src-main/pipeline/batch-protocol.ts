/**
 * The messages between the detection pool (detect-pool.ts, main side) and its worker threads (detect-worker.ts).
 * Everything crosses by structured clone: strings, numbers, plain objects, arrays, Maps and typed arrays.
 *
 * 1. `policy`, once per policy before its first batch: the profile as JSON (`saveProfile`), parsed in the worker
 *    with `parseProfile`, so that the worker builds the same detectors and thresholds as the main thread.
 * 2. `detect`, per batch: the records' fields, flattened (paths, values, and per field the index of its column's
 *    classification in `columns`, -1 for none), and how many fields each record has.
 * 3. Each `detect` gets one reply with the same `id`: `detected`, one `FieldsDetection` per record (encoded by
 *    findings-codec.ts), or `failed`.
 */
import type { ColumnClassification } from '../../shared/detect/finding';
import type { FieldsDetection } from '../../shared/pipeline/detect-record';
import type { EncodedDetections } from './findings-codec';

export interface PolicyMessage {
  readonly type: 'policy';
  readonly policy: number;
  readonly profile: Record<string, unknown>;
}

export interface DetectMessage {
  readonly type: 'detect';
  readonly id: number;
  readonly policy: number;
  /** Per record, how many of the fields below are its own. */
  readonly fieldCounts: Int32Array;
  readonly paths: readonly string[];
  readonly values: readonly string[];
  /** Per field, an index into `columns`, or -1. */
  readonly columnOf: Int32Array;
  readonly columns: readonly ColumnClassification[];
}

export type ToWorker = PolicyMessage | DetectMessage;

export interface DetectedMessage {
  readonly type: 'detected';
  readonly id: number;
  /** The results in their compact form (findings-codec.ts), or, for findings of another shape, as they are. */
  readonly results: EncodedDetections | { readonly plain: readonly FieldsDetection[] };
}

export interface FailedMessage {
  readonly type: 'failed';
  /** The batch that failed; undefined when the worker failed outside a batch (e.g. a bad profile). */
  readonly id?: number;
  /** The error's name and message. */
  readonly message: string;
}

export type FromWorker = DetectedMessage | FailedMessage;
