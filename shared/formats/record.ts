/**
 * The record model that every format reader produces and every writer consumes.
 *
 * A reader turns a stream of decoded text chunks into batches of items, in input order:
 * pass-through text (a CSV header, the brackets and commas around JSON records, blank NDJSON lines)
 * and records. A record keeps its source text exactly as read (`raw`), so that a record with no
 * change is written back byte for byte, and a changed record is patched only where a value changed.
 */

export type FormatKind = 'csv' | 'json' | 'ndjson';

/**
 * Longest record (UTF-16 code units) a reader holds in memory before it reports an error instead (usually an
 * unclosed quote or bracket). Sized to fit the CLI's 768 MiB heap with room to spare.
 */
export const DEFAULT_MAX_RECORD_CHARS = 64 * 1024 * 1024;

/** One string value inside a record: a CSV cell or a JSON string leaf. */
export interface TextField {
  /** Where the value sits: a CSV column name, or a JSON path such as `comments[3].body` (`$` for a bare string). */
  readonly path: string;
  /** The decoded value (quotes and escapes removed). */
  readonly value: string;
  /** Start of the value's source text inside `SourceRecord.raw` (JSON: the opening quote), when the reader knows it. */
  readonly rawStart?: number;
  /** End (exclusive) of the value's source text inside `SourceRecord.raw` (JSON: after the closing quote). */
  readonly rawEnd?: number;
  /**
   * JSON object members only: start of the member (its key's opening quote) inside `SourceRecord.raw`, so that the
   * member can be removed whole. Undefined for array elements, bare values and CSV cells.
   */
  readonly memberStart?: number;
}

export interface SourceRecord {
  /** 0-based index of the record in its file; `null` for a JSON envelope member (a top-level key beside the record arrays). */
  readonly index: number | null;
  /** 1-based line on which the record starts. */
  readonly line: number;
  /** The record's source text exactly as read (for CSV and NDJSON including its line ending). */
  readonly raw: string;
  /** Every string value of the record, in source order. */
  readonly fields: readonly TextField[];
}

export type Item =
  | { readonly kind: 'raw'; readonly text: string }
  | { readonly kind: 'record'; readonly record: SourceRecord };

/**
 * A format reader. Iterate it for batches of items; `render` writes a record back with some of its
 * values replaced. `newValues[i]` replaces `record.fields[i].value`; `undefined` keeps it.
 */
export interface RecordReader extends AsyncIterable<Item[]> {
  readonly format: FormatKind;
  render(record: SourceRecord, newValues: readonly (string | undefined)[]): string;
}

/** Input that cannot be read as the format says. Always names the line (and the record where known). */
export class FormatError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly record?: number,
  ) {
    super(message);
    this.name = 'FormatError';
  }
}
