/**
 * Detection for one record: the record's identity values are learned first, then every field is detected, then
 * strong findings of user names and e-mail addresses are learned too, and only then are known values looked for in
 * the record (so a user name found in a path, "C:\Users\jsmith", is also found in "the login of jsmith" earlier in
 * the text).
 */
import { knownValueDetector } from '../detect/detectors/known-value';
import type { ColumnClassification, DetectContext, EntityType, Finding } from '../detect/finding';
import type { KnownValueIndex } from '../detect/known-values';
import { compactText } from '../detect/compact-text';
import { resolveOverlaps } from '../detect/registry';
import type { SourceRecord } from '../formats/record';
import type { FieldDetectionMemo, MemoizedField } from './field-detection-memo';

/** Identity columns whose values become known values, found again in free text. */
const LEARNED_COLUMN_TYPES: ReadonlySet<EntityType> = new Set(['PERSON', 'EMAIL', 'PHONE', 'USERNAME', 'ORGANIZATION']);
const MIN_LEARN_CONFIDENCE = 0.7;
/** Findings in free text that are specific enough to be learned and looked for again. */
const LEARNED_FINDING_TYPES: ReadonlySet<EntityType> = new Set(['USERNAME', 'EMAIL']);
const MIN_LEARN_SCORE = 0.85;
/** Values shorter than this can hold nothing the patterns look for. */
const MIN_DETECT_LENGTH = 3;

export interface RecordDetection {
  readonly detect: (text: string, context: DetectContext) => Finding[];
  readonly defaultRegion: string;
  readonly known: KnownValueIndex;
  /** Whether a finding is kept: above the minimum score and not on the allowlist. */
  readonly keep: (finding: Finding, value: string, field: string) => boolean;
  /**
   * Whether a finding's text is on the allowlist (in this field): a value the reviewer allowed stays whole, so the
   * findings inside it (a known name inside an allowed e-mail address) are dropped too.
   */
  readonly allowed?: (text: string, field: string) => boolean;
}

/** The findings that do not lie inside one of the allowed spans. */
function outsideAllowed(found: Finding[], allowedSpans: readonly Finding[]): Finding[] {
  if (allowedSpans.length === 0) return found;
  return found.filter((f) => !allowedSpans.some((a) => a.start <= f.start && f.end <= a.end));
}

/** Whether the values of a column are learned as known values: a confident name, e-mail, phone, user or company column. */
export function isLearnedColumn(column: ColumnClassification | undefined): column is ColumnClassification & { type: EntityType } {
  return column?.role === 'identifier' && column.type !== undefined && LEARNED_COLUMN_TYPES.has(column.type) && column.confidence >= MIN_LEARN_CONFIDENCE;
}

/** Remembers the values of `record`'s identity columns (names, e-mails, phones, user names, companies). */
export function learnIdentityValues(record: SourceRecord, columns: readonly (ColumnClassification | undefined)[], known: KnownValueIndex): void {
  const fields = record.fields;
  for (let i = 0; i < fields.length; i++) {
    const column = columns[i];
    if (isLearnedColumn(column)) known.learn(fields[i]!.value, column.type, column.field);
  }
}

/**
 * What the detectors found in one record, before known values: per field (index-aligned with `record.fields`), the
 * kept findings sorted by start, and the findings the allowlist keeps whole (present only for the rare fields that
 * hold an allowed value). It depends on nothing but the record, its columns and the policy: no state carries from
 * one record to the next, so it can be computed anywhere (e.g. in a worker thread) and in any order.
 */
export interface FieldsDetection {
  readonly found: (readonly Finding[])[];
  readonly allowedSpans?: ReadonlyMap<number, readonly Finding[]>;
}

/**
 * The part of `RecordDetection` that `detectFields` needs: everything but the known values, plus an optional memo
 * of short values' results (see field-detection-memo.ts; it must belong to this detection alone).
 */
export type FieldDetection = Omit<RecordDetection, 'known'> & { readonly memo?: FieldDetectionMemo };

/**
 * The kept findings of each field of `record`, without known values.
 * Values shorter than MIN_DETECT_LENGTH are skipped unless their column is an identity column.
 */
export function detectFields(
  record: { readonly fields: readonly { readonly path: string; readonly value: string }[] },
  columns: readonly (ColumnClassification | undefined)[],
  d: FieldDetection,
): FieldsDetection {
  const fields = record.fields;
  const found: (readonly Finding[])[] = [];
  let allowedSpans: Map<number, readonly Finding[]> | undefined;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    // short values can hold nothing the patterns look for, unless the column says what they are ("Al", "Cy")
    if (field.value.length < MIN_DETECT_LENGTH && columns[i]?.role !== 'identifier') {
      found.push([]);
      continue;
    }
    const key = d.memo?.keyOf(field.value, field.path, columns[i]);
    let result = key === undefined ? undefined : d.memo!.get(key);
    if (result === undefined) {
      result = detectField(field.value, field.path, columns[i], d);
      if (key !== undefined) result = d.memo!.set(key, result);
    }
    if (result.allowed.length > 0) (allowedSpans ??= new Map()).set(i, result.allowed);
    found.push(result.found);
  }
  return allowedSpans ? { found, allowedSpans } : { found };
}

/** The kept findings of one field's value, and the allowed spans in it. */
function detectField(text: string, path: string, column: ColumnClassification | undefined, d: FieldDetection): MemoizedField {
  const context: DetectContext = { field: path, defaultRegion: d.defaultRegion, column };
  // scanned in its compact form (see compact-text.ts): the same text, so offsets stay valid for the field
  const value = compactText(text);
  const all = d.detect(value, context);
  const allowed = d.allowed ? all.filter((f) => d.allowed!(value.slice(f.start, f.end), path)) : [];
  return { found: outsideAllowed(all.filter((f) => d.keep(f, value, path)), allowed), allowed };
}

/**
 * Completes `detected` (from `detectFields` over the same record) with known values, and returns the findings per
 * field. The record's identity values are learned first, then its strong user-name and e-mail findings, and only
 * then are known values looked for in the record (so a user name found in a path, "C:\Users\jsmith", is also found
 * in "the login of jsmith" earlier in the text). This step changes `d.known`, which carries over to the next
 * records: it must run record by record, in input order.
 */
export function addKnownValues(
  record: SourceRecord,
  columns: readonly (ColumnClassification | undefined)[],
  detected: FieldsDetection,
  d: Pick<RecordDetection, 'defaultRegion' | 'known' | 'keep'>,
): (readonly Finding[])[] {
  const fields = record.fields;
  const found = detected.found;
  learnIdentityValues(record, columns, d.known);
  for (let i = 0; i < found.length; i++) {
    for (const f of found[i]!) {
      if (LEARNED_FINDING_TYPES.has(f.type) && f.score >= MIN_LEARN_SCORE && f.detector !== 'column-value') {
        d.known.learn(fields[i]!.value.slice(f.start, f.end), f.type, `${fields[i]!.path} (${f.detector})`);
      }
    }
  }
  if (d.known.size === 0) return found;
  for (let i = 0; i < fields.length; i++) {
    const value = fields[i]!.value;
    if (value.length < 2) continue;
    const context: DetectContext = { field: fields[i]!.path, defaultRegion: d.defaultRegion, column: columns[i], known: d.known };
    const known = outsideAllowed(
      knownValueDetector.detect(value, context).filter((f) => d.keep(f, value, fields[i]!.path)),
      detected.allowedSpans?.get(i) ?? [],
    );
    if (known.length > 0) found[i] = resolveOverlaps([...found[i]!, ...known]);
  }
  return found;
}

/**
 * The kept findings of each field of `record` (index-aligned with `record.fields`), each list sorted by start:
 * `detectFields`, then `addKnownValues`.
 *
 * Known values are looked for once per field, after the record's own user names and e-mail addresses have been
 * learned: the detectors run without the known-value index, and its matches are merged in afterwards.
 */
export function detectRecord(record: SourceRecord, columns: readonly (ColumnClassification | undefined)[], d: RecordDetection): (readonly Finding[])[] {
  return addKnownValues(record, columns, detectFields(record, columns, d), d);
}
