/**
 * The port through which the pipeline hands detection to other threads: batches of records go out, the findings of
 * each record's fields come back (what `detectFields` returns), and the pipeline completes them with known values,
 * transforms and writes them in input order. The engine only defines the port; the worker pool that implements it
 * lives on the Node side (src-main/pipeline/detect-pool.ts).
 */
import type { ColumnClassification } from '../detect/finding';
import type { Policy } from '../transform/policy';
import type { FieldsDetection } from './detect-record';

/** One record as detection needs it: its fields, and the classification of each field's column. */
export interface RecordToDetect {
  readonly fields: readonly { readonly path: string; readonly value: string }[];
  readonly columns: readonly (ColumnClassification | undefined)[];
}

export interface BatchDetector {
  /** How many batches may be handed out and not yet taken back: this bounds memory, whatever the file size. */
  readonly maxInFlight: number;
  /** About this many characters of field text go into one batch. */
  readonly batchChars: number;
  /**
   * `detectFields` over every record of the batch with the detectors and thresholds of `policy`, one result per
   * record in the same order. Rejects if detection fails.
   */
  detect(policy: Policy, records: readonly RecordToDetect[]): Promise<FieldsDetection[]>;
}
