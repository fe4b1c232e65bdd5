/**
 * NDJSON (JSON Lines) reader over decoded text chunks.
 *
 * Each non-blank line is a record holding any JSON value; its `raw` includes the line's own ending
 * (`\n` or `\r\n`; none for a last line without one), so an unchanged file is written back byte for
 * byte. Blank or whitespace-only lines are yielded as raw items, as is a leading BOM (`\uFEFF`).
 * One batch is yielded per input chunk (empty batches are skipped); a line spanning chunks is held
 * until complete, up to `maxRecordChars`.
 *
 * Record numbers in error messages are 1-based ordinals ("record 5" is the fifth record);
 * `FormatError.record` is the 0-based index, as in `SourceRecord.index`.
 */

import { readerFromSplitter } from './splitter-reader';
import { FormatError, type Item, type RecordReader, type SourceRecord } from './record';
import { listStringLeaves, PathCache } from './json-leaves';
import { explainJsonError } from './json-syntax-error';
import { DEFAULT_MAX_RECORD_CHARS, type JsonReaderOptions } from './json-reader';

export type NdjsonReaderOptions = JsonReaderOptions;

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return false;
  }
  return true;
}

/** The push-based splitter behind {@link createNdjsonReader}: feed chunks with `push`, then call `end`. */
export class NdjsonSplitter {
  private readonly maxRecordChars: number;
  private started = false;
  private line = 1; // line number of the line being read
  private recordCount = 0;
  private pending: string[] = [];
  private pendingLen = 0;
  private readonly paths = new PathCache();

  constructor(options?: NdjsonReaderOptions) {
    this.maxRecordChars = options?.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  push(s: string): Item[] {
    const items: Item[] = [];
    const n = s.length;
    let i = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (s.charCodeAt(0) === 0xfeff) {
        items.push({ kind: 'raw', text: '\uFEFF' });
        i = 1;
      }
    }
    while (i < n) {
      const nl = s.indexOf('\n', i);
      if (nl < 0) {
        const part = i === 0 ? s : s.slice(i);
        this.pending.push(part);
        this.pendingLen += part.length;
        if (this.pendingLen > this.maxRecordChars) this.tooLong();
        break;
      }
      let text: string;
      if (this.pending.length === 0) {
        text = s.slice(i, nl + 1);
      } else {
        this.pending.push(s.slice(i, nl + 1));
        text = this.pending.join('');
        this.pending = [];
        this.pendingLen = 0;
      }
      this.handleLine(text, items);
      this.line++;
      i = nl + 1;
    }
    return items;
  }

  /** Call once after the last chunk; returns the last line's item, if any. */
  end(): Item[] {
    if (this.pending.length === 0) return [];
    const text = this.pending.join('');
    this.pending = [];
    this.pendingLen = 0;
    const items: Item[] = [];
    if (text.length > 0) this.handleLine(text, items);
    return items;
  }

  private tooLong(): never {
    throw new FormatError(
      `the line is longer than the limit of ${this.maxRecordChars} characters`,
      this.line,
      this.recordCount,
    );
  }

  private handleLine(text: string, items: Item[]): void {
    if (isBlank(text)) {
      items.push({ kind: 'raw', text });
      return;
    }
    if (text.length > this.maxRecordChars) this.tooLong();
    const index = this.recordCount;
    try {
      JSON.parse(text);
    } catch (err) {
      const { pos, message } = explainJsonError(text, err);
      throw new FormatError(
        `invalid JSON: ${message} (column ${pos + 1})`,
        this.line,
        index,
      );
    }
    this.recordCount++;
    const record: SourceRecord = { index, line: this.line, raw: text, fields: listStringLeaves(text, undefined, this.paths) };
    items.push({ kind: 'record', record });
  }
}

/** An NDJSON reader over decoded text chunks. Iterate it once. */
export function createNdjsonReader(chunks: AsyncIterable<string>, options?: NdjsonReaderOptions): RecordReader {
  return readerFromSplitter('ndjson', chunks, () => new NdjsonSplitter(options));
}
