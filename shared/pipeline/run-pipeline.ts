/**
 * The record pipeline: read → detect → transform → write, one batch at a time. Each batch is written (and the
 * write awaited) before the next is read, so memory stays bounded by the batch size whatever the file size.
 * With no `write`, it only detects (the `scan` command).
 */
import type { ColumnClassification, DetectContext, EntityType, Finding } from '../detect/finding';
import { KnownValueIndex } from '../detect/known-values';
import { fieldGroup } from '../formats/field-group';
import type { Item, RecordReader, SourceRecord, TextField } from '../formats/record';
import type { FieldTransformer } from '../transform/field-transformer';
import { profileColumnRole, type Policy } from '../transform/policy';
import { sampleColumns } from './column-sampler';
import type { BatchDetector } from './batch-detector';
import { addKnownValues, detectFields, detectRecord, type RecordDetection } from './detect-record';
import { policyFieldDetection } from './policy-registry';
import { detectInParallel } from './parallel-detection';

export { fieldGroup };

export interface PipelineProgress {
  readonly bytes: number;
  readonly records: number;
  readonly findings: number;
  readonly elapsedMs: number;
}

export interface PipelineSummary {
  readonly records: number;
  /** Records with at least one replaced value. */
  readonly recordsChanged: number;
  readonly findings: number;
  readonly findingsByType: Readonly<Partial<Record<EntityType, number>>>;
  /** Findings per field and type; JSON array indices are folded (`comments[].body`). */
  readonly findingsByField: Readonly<Record<string, Readonly<Partial<Record<EntityType, number>>>>>;
  /** Values rewritten, blanked or dropped by the policy. */
  readonly valuesChanged: number;
  /** Columns (CSV) or field groups (JSON) left out of the output. */
  readonly droppedColumns: readonly string[];
  /** What each column holds, from its name and a sample of its values. */
  readonly columns: readonly ColumnClassification[];
}

export interface PipelineOptions {
  readonly reader: RecordReader;
  readonly detect: (text: string, context: DetectContext) => Finding[];
  readonly policy: Policy;
  /** Receives the output text in order. Omit it to only detect. */
  readonly write?: (text: string) => Promise<void> | void;
  /** Applies the policy's operators; needed with `write`. One transformer serves every file of a package. */
  readonly transformer?: FieldTransformer;
  /** Called for each finding kept (score at or above the policy's minimum), in input order. */
  readonly onFinding?: (record: SourceRecord, field: TextField, finding: Finding) => void;
  readonly onProgress?: (progress: PipelineProgress) => void;
  /** Told each record after its detection (e.g. to check or count its values). */
  readonly onRecord?: (record: SourceRecord) => void;
  /** Told the paths of the fields a record lost to a `drop` operator (not those of dropped columns). */
  readonly onFieldsDropped?: (record: SourceRecord, paths: readonly string[]) => void;
  /** Awaited after each batch: lets a caller write what `onFinding` collected, with backpressure. */
  readonly afterBatch?: () => Promise<void>;
  /**
   * Detection in other threads (a pool of workers): records go out in batches and their findings come back; known
   * values, the transform and the output stay here, in input order. The output is the same as without it.
   */
  readonly batchDetector?: BatchDetector;
  /** Bytes of input consumed so far, for progress (the adapter that reads the file knows them). */
  readonly bytesRead?: () => number;
  /**
   * Known values learned beforehand, e.g. from every identity column of the whole file or package
   * (`learnKnownValues`), so that a value is found even in records before the one that names it. Values learned
   * while the pipeline runs are added to it.
   */
  readonly known?: KnownValueIndex;
  readonly progressIntervalMs?: number;
  readonly now?: () => number;
  readonly signal?: AbortSignal;
}

/** Output is handed to `write` in pieces of about this many characters. */
const WRITE_CHARS = 1 << 20;
/** Distinct field groups counted one by one; beyond that they are counted under `(other fields)`. */
const MAX_FIELD_GROUPS = 2000;


export async function runPipeline(options: PipelineOptions): Promise<PipelineSummary> {
  const { reader, detect, policy, write, transformer, onFinding, onProgress, signal } = options;
  if (write && !transformer) throw new Error('runPipeline: writing needs a transformer');
  const now = options.now ?? (() => Date.now());
  const interval = options.progressIntervalMs ?? 100;
  const started = now();
  let lastProgress = started;

  let records = 0;
  let recordsChanged = 0;
  let findings = 0;
  let valuesChanged = 0;
  const byType: Partial<Record<EntityType, number>> = {};
  // a Map, not an object: field names come from the data and may be "__proto__"
  const byField = new Map<string, Partial<Record<EntityType, number>>>();

  let pending: string[] = [];
  let pendingChars = 0;
  const flush = async () => {
    if (!write || pending.length === 0) return;
    const text = pending.join('');
    pending = [];
    pendingChars = 0;
    await write(text);
  };
  const emit = (text: string) => {
    if (!write) return;
    pending.push(text);
    pendingChars += text.length;
  };

  const progress = () => ({
    bytes: options.bytesRead?.() ?? 0,
    records,
    findings,
    elapsedMs: now() - started,
  });

  const batches = reader[Symbol.asyncIterator]();
  const { roles, buffered } = await sampleColumns(batches, fieldGroup, detect, policy.defaultRegion, (group) => profileColumnRole(policy, group));
  const detection: RecordDetection = { ...policyFieldDetection(policy, detect), known: options.known ?? new KnownValueIndex() };
  const dropped = write && transformer ? transformer.droppedColumns(roles.all()) : new Set<string>();
  if (dropped.size > 0) reader.dropColumns(dropped);
  async function* all(): AsyncGenerator<Item[]> {
    yield* buffered.splice(0); // handed over, not kept
    for (let next = await batches.next(); !next.done; next = await batches.next()) yield next.value;
  }

  /** Counts a record's findings, tells the callbacks, transforms and renders it: in input order. */
  const finishRecord = (record: SourceRecord, columns: readonly (ColumnClassification | undefined)[], perField: readonly (readonly Finding[])[]) => {
    if (record.index !== null) records++;
    let newValues: (string | undefined)[] | undefined;
    let droppedFields: boolean[] | undefined;
    const fields = record.fields;
    options.onRecord?.(record);
    const entity = transformer ? recordEntity(fields, columns) : '';
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i]!;
      const found = perField[i]!;
      const groupName = fieldGroup(field.path);
      if (found.length > 0) {
        let group = byField.get(groupName);
        if (!group) {
          const name = byField.size < MAX_FIELD_GROUPS ? groupName : '(other fields)';
          group = byField.get(name) ?? {};
          byField.set(name, group);
        }
        for (const f of found) {
          findings++;
          byType[f.type] = (byType[f.type] ?? 0) + 1;
          group[f.type] = (group[f.type] ?? 0) + 1;
          onFinding?.(record, field, f);
        }
      }
      if (!transformer || !write || dropped.has(groupName)) continue;
      const outcome = transformer.transformField(field.value, found, groupName, entity, columns[i]?.type);
      if (outcome === undefined) continue;
      valuesChanged++;
      if (outcome.kind === 'drop') (droppedFields ??= new Array<boolean>(fields.length).fill(false))[i] = true;
      else (newValues ??= new Array<string | undefined>(fields.length))[i] = outcome.value;
    }
    if (droppedFields && options.onFieldsDropped) {
      options.onFieldsDropped(record, fields.filter((_, i) => droppedFields![i]).map((f) => f.path));
    }
    if (newValues || droppedFields) {
      recordsChanged++;
      emit(reader.render(record, newValues ?? [], droppedFields));
    } else {
      emit(reader.rendersEveryRecord ? reader.render(record, []) : record.raw);
    }
  };
  const columnsOf = (record: SourceRecord) => record.fields.map((f) => roles.roleOf(fieldGroup(f.path)));
  /** After each batch: write what is pending, let the caller drain what it collected, report progress. */
  const batchDone = async () => {
    if (pendingChars >= WRITE_CHARS) await flush();
    if (options.afterBatch) await options.afterBatch();
    if (onProgress) {
      const t = now();
      if (t - lastProgress >= interval) {
        lastProgress = t;
        onProgress(progress());
      }
    }
  };

  if (options.batchDetector) {
    await detectInParallel(all(), options.batchDetector, policy, {
      signal,
      columnsOf,
      detectHere: (batch) => batch.map((r) => detectFields(r, r.columns, detection)),
      raw: (item) => emit(reader.renderRaw(item)),
      record: (record, columns, detected) => finishRecord(record, columns, addKnownValues(record, columns, detected, detection)),
      batchDone,
    });
  } else {
    for await (const batch of all()) {
      signal?.throwIfAborted();
      for (const item of batch) {
        if (item.kind === 'raw') {
          emit(reader.renderRaw(item));
          continue;
        }
        const columns = columnsOf(item.record);
        finishRecord(item.record, columns, detectRecord(item.record, columns, detection));
      }
      await batchDone();
    }
  }
  await flush();
  onProgress?.(progress());
  return { records, recordsChanged, findings, findingsByType: byType, findingsByField: Object.fromEntries(byField), valuesChanged,
    droppedColumns: [...dropped], columns: roles.all() };
}

/** Identity columns that name who a record is about, most specific first. */
const ENTITY_TYPES_BY_RANK: readonly EntityType[] = ['EMAIL', 'USERNAME', 'PHONE', 'PERSON'];

/**
 * Who the record is about: the value of its first identity column of the best-ranked type (e.g. the requester's
 * e-mail), so that operators such as a date shift treat all of one person's records alike. Empty if none.
 */
export function recordEntity(fields: readonly TextField[], columns: readonly (ColumnClassification | undefined)[]): string {
  for (const type of ENTITY_TYPES_BY_RANK) {
    for (let i = 0; i < fields.length; i++) {
      const c = columns[i];
      if (c?.role === 'identifier' && c.type === type && fields[i]!.value.trim() !== '') return `${type}:${fields[i]!.value.trim().toLowerCase()}`;
    }
  }
  return '';
}
