/**
 * The pipeline's loop when detection runs in other threads: records are cut into batches of about
 * `detector.batchChars` characters of field text and handed out as they are read; at most `detector.maxInFlight`
 * batches are out at a time (the reader waits for the oldest to come back), so memory stays bounded whatever the
 * file size. Batches are taken back strictly in the order they were handed out, whichever finishes first, so every
 * record (and every raw item between records) reaches the sinks in input order.
 */
import type { ColumnClassification } from '../detect/finding';
import type { Item, SourceRecord } from '../formats/record';
import type { Policy } from '../transform/policy';
import type { BatchDetector, RecordToDetect } from './batch-detector';
import type { FieldsDetection } from './detect-record';

export interface ParallelSinks {
  readonly signal?: AbortSignal;
  /** `detectFields` in this thread, for input that fits in one batch. */
  detectHere(records: readonly RecordToDetect[]): FieldsDetection[];
  /** The columns of a record's fields; asked in input order, as the records are read. */
  columnsOf(record: SourceRecord): (ColumnClassification | undefined)[];
  /** A raw item (text between records), in input order. */
  raw(item: RawItem): void;
  /** A record with what the detectors found in it, in input order. */
  record(record: SourceRecord, columns: readonly (ColumnClassification | undefined)[], detected: FieldsDetection): void;
  /** After each batch taken back. */
  batchDone(): Promise<void>;
}

type RawItem = Extract<Item, { kind: 'raw' }>;

interface OutBatch {
  readonly items: Item[];
  readonly records: RecordToDetect[];
  readonly result: Promise<FieldsDetection[]>;
}

export async function detectInParallel(batches: AsyncIterable<Item[]>, detector: BatchDetector, policy: Policy, sinks: ParallelSinks): Promise<void> {
  const out: OutBatch[] = [];
  let items: Item[] = [];
  let records: RecordToDetect[] = [];
  let chars = 0;
  let handedOut = false;
  const handOut = (last = false) => {
    if (items.length === 0) return;
    const here = last && !handedOut;
    handedOut = true;
    const result = here ? Promise.resolve(sinks.detectHere(records)) : records.length > 0 ? detector.detect(policy, records) : Promise.resolve([]);
    // taken back (and its failure seen) in order below; until then a failure must not count as unhandled
    result.catch(() => undefined);
    out.push({ items, records, result });
    items = [];
    records = [];
    chars = 0;
  };
  const takeBack = async () => {
    const batch = out.shift()!;
    const detected = await batch.result;
    sinks.signal?.throwIfAborted();
    if (detected.length !== batch.records.length) throw new Error(`detection returned ${detected.length} results for ${batch.records.length} records`);
    let k = 0;
    for (const item of batch.items) {
      if (item.kind === 'raw') sinks.raw(item);
      else {
        sinks.record(item.record, batch.records[k]!.columns, detected[k]!);
        k++;
      }
    }
    await sinks.batchDone();
  };

  for await (const batch of batches) {
    sinks.signal?.throwIfAborted();
    for (const item of batch) {
      items.push(item);
      if (item.kind !== 'record') continue;
      const fields = item.record.fields;
      records.push({ fields, columns: sinks.columnsOf(item.record) });
      for (const f of fields) chars += f.value.length;
      if (chars < detector.batchChars) continue;
      handOut();
      while (out.length >= detector.maxInFlight) await takeBack();
    }
  }
  handOut(true);
  while (out.length > 0) await takeBack();
}
