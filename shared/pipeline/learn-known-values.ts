/**
 * The first of two passes over a file: every value of its identity columns (requester name, e-mail, phone, user
 * name, company) becomes a known value before any record is detected. The detection pass then finds a requester's
 * name in the free text of every record of the file or package, including records that come before the one where
 * the name stands in an identity column. Only identity columns are read, nothing is detected, and memory is bounded
 * by the index's own limit. A file whose sampled columns hold no identity column (free text only) is not read
 * further; a column first seen after the sample is still learned by the detection pass, from its record onwards.
 */
import type { ColumnClassification, DetectContext, Finding } from '../detect/finding';
import { KnownValueIndex } from '../detect/known-values';
import type { Item, RecordReader } from '../formats/record';
import { sampleColumns } from './column-sampler';
import { isLearnedColumn, learnIdentityValues } from './detect-record';
import { fieldGroup } from './run-pipeline';

export interface LearnKnownValuesOptions {
  readonly reader: RecordReader;
  /** Used only to classify the sampled columns, exactly as the detection pass will. */
  readonly detect: (text: string, context: DetectContext) => Finding[];
  readonly defaultRegion: string;
  /** Roles set by the profile, which win over the classifier's. */
  readonly columnRole?: (group: string) => ColumnClassification | undefined;
  /** The index to add to; one index shared by every file of a package. */
  readonly known?: KnownValueIndex;
  readonly signal?: AbortSignal;
  /** Called after each batch with the number of records read so far. */
  readonly onBatch?: (records: number) => void;
}

export async function learnKnownValues(options: LearnKnownValuesOptions): Promise<KnownValueIndex> {
  const known = options.known ?? new KnownValueIndex();
  const batches = options.reader[Symbol.asyncIterator]();
  const { roles, buffered } = await sampleColumns(batches, fieldGroup, options.detect, options.defaultRegion, options.columnRole);
  let records = 0;
  const learn = (batch: Item[]) => {
    options.signal?.throwIfAborted();
    for (const item of batch) {
      if (item.kind !== 'record') continue;
      records++;
      const record = item.record;
      learnIdentityValues(record, record.fields.map((f) => roles.roleOf(fieldGroup(f.path))), known);
    }
    options.onBatch?.(records);
  };
  for (const batch of buffered.splice(0)) learn(batch);
  if (!roles.all().some(isLearnedColumn)) {
    await batches.return?.();
    return known;
  }
  for (let next = await batches.next(); !next.done; next = await batches.next()) learn(next.value);
  return known;
}
