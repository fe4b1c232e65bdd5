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
 *
 * Fields and columns can be dropped: `dropped[i]` for one field of one record, `dropColumns` for a whole
 * column (CSV) or field group (JSON, NDJSON) of the file. With no drops, output is byte-identical to the input
 * apart from the replaced values. A record never disappears: one that loses every field stays a record
 * (`{}`, `[]`, `null` for a bare string; an empty CSV row).
 */
export interface RecordReader extends AsyncIterable<Item[]> {
  readonly format: FormatKind;
  /**
   * The record written back. `dropped[i]` true removes field i from this record (CSV: the cell is emptied,
   * because a row cannot lose one cell; unless its column is dropped). JSON: the member (key, colon, value and
   * one adjacent comma) or the array element goes; a bare string record becomes `null`.
   */
  render(record: SourceRecord, newValues: readonly (string | undefined)[], dropped?: readonly boolean[]): string;
  /**
   * Removes these columns (CSV header names; a name repeated in the header drops every column of that name) or
   * field groups (JSON/NDJSON: paths with array indices folded, `comments[].body`, see `fieldGroup`) from
   * everything rendered from now on. Names that match nothing are ignored. May be called once, before any item is
   * rendered.
   */
  dropColumns(columns: ReadonlySet<string>): void;
  /** The text to write for a pass-through item: after `dropColumns`, a CSV header without the dropped columns; otherwise `item.text`. */
  renderRaw(item: { readonly kind: 'raw'; readonly text: string }): string;
  /**
   * True when every record must go through `render`, even without changes (after `dropColumns` removed something;
   * CSV: while formulas are neutralised, see ./csv-formula-guard).
   */
  readonly rendersEveryRecord: boolean;
  /** CSV: how many cells `render` and `renderRaw` have written with a formula neutralised so far. */
  readonly formulaCellsNeutralised?: number;
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
