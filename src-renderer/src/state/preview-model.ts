/**
 * The preview as the review workspace holds it: per opened file, its format, its classified columns, its record
 * count, and the records shown (the first records and a seeded sample of the whole file, both computed by the
 * worker's `preview` job), each field with its original value and the findings the worker kept.
 *
 * The record shape is structurally the worker's `PreviewRecord` (src-main/jobs/job-worker.ts), which the renderer
 * may not import. `toFilePreview` checks a job result that arrives as `unknown` over IPC; its errors name the part
 * of the result that is wrong, never a value from the data.
 */
import type { ColumnClassification, Finding } from '../../../shared/detect/finding';
import type { FormatKind } from '../../../shared/formats/record';

export interface PreviewField {
  /** The CSV column, or the JSON path (`comments[3].body`). */
  readonly path: string;
  /** The original value. */
  readonly value: string;
  /** Sorted by start, non-overlapping. */
  readonly findings: readonly Finding[];
}

export interface PreviewRecord {
  /** The record's 0-based index in its file. */
  readonly index: number;
  readonly fields: readonly PreviewField[];
}

export interface FilePreview {
  /** How the workspace names the file (its handle's display name). */
  readonly name: string;
  readonly format: FormatKind;
  readonly encoding?: string;
  readonly columns: readonly ColumnClassification[];
  /** Records in the whole file; while `complete` is false, the records read so far. */
  readonly records: number;
  /**
   * False for a head-only preview of a file longer than its head (the first records, shown at once while the full
   * preview with its sample of the whole file is still being read).
   */
  readonly complete: boolean;
  /** The rows shown: the head and the sample, each record once, in file order. */
  readonly rows: readonly PreviewRecord[];
}

export class PreviewResultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PreviewResultError';
  }
}

const FORMATS: readonly FormatKind[] = ['csv', 'json', 'ndjson'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFinding(value: unknown): value is Finding {
  return (
    isObject(value) &&
    Number.isInteger(value.start) &&
    Number.isInteger(value.end) &&
    typeof value.type === 'string' &&
    typeof value.score === 'number' &&
    typeof value.detector === 'string' &&
    isObject(value.explanation)
  );
}

function isPreviewRecord(value: unknown): value is PreviewRecord {
  if (!isObject(value) || !Number.isInteger(value.index) || !Array.isArray(value.fields)) return false;
  return value.fields.every(
    (f: unknown) => isObject(f) && typeof f.path === 'string' && typeof f.value === 'string' && Array.isArray(f.findings) && f.findings.every(isFinding),
  );
}

function recordsOf(result: Record<string, unknown>, key: 'head' | 'sample'): PreviewRecord[] {
  const list = result[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new PreviewResultError(`preview result: "${key}" must be a list of records`);
  const bad = list.findIndex((r) => !isPreviewRecord(r));
  if (bad >= 0) throw new PreviewResultError(`preview result: "${key}[${bad}]" is not a record of fields with findings`);
  return list as PreviewRecord[];
}

/** The head and the sample as one list of rows: each record once (the sample repeats head records), by index. */
export function mergeRows(head: readonly PreviewRecord[], sample: readonly PreviewRecord[]): PreviewRecord[] {
  const byIndex = new Map<number, PreviewRecord>();
  for (const r of [...head, ...sample]) if (!byIndex.has(r.index)) byIndex.set(r.index, r);
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/** The worker's preview result (`{format, encoding, columns, head, sample, records}`) as a file of the workspace. */
export function toFilePreview(name: string, result: unknown): FilePreview {
  if (!isObject(result)) throw new PreviewResultError('preview result: not an object');
  const format = result.format;
  if (!FORMATS.includes(format as FormatKind)) throw new PreviewResultError(`preview result: "format" must be one of ${FORMATS.join(', ')}`);
  const columns = result.columns ?? [];
  if (!Array.isArray(columns) || !columns.every((c: unknown) => isObject(c) && typeof c.field === 'string' && typeof c.role === 'string')) {
    throw new PreviewResultError('preview result: "columns" must be a list of column classifications');
  }
  const records = result.records;
  if (typeof records !== 'number' || !Number.isInteger(records) || records < 0) throw new PreviewResultError('preview result: "records" must be a count');
  const head = recordsOf(result, 'head');
  return {
    name,
    format: format as FormatKind,
    ...(typeof result.encoding === 'string' ? { encoding: result.encoding } : {}),
    columns: columns as ColumnClassification[],
    records,
    // a head-only preview that reached the end of the file (the worker says so) is the whole file's preview
    complete: result.headOnly !== true || result.wholeFile === true,
    rows: mergeRows(head, recordsOf(result, 'sample')),
  };
}
