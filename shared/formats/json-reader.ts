/**
 * JSON reader: a streaming splitter over decoded text chunks.
 *
 * Accepted shapes:
 * - a top-level array: each element is a record (objects, arrays, strings or any other value);
 * - a top-level object: each member whose value is an array is a record collection (records are
 *   numbered consecutively across all collections); each member whose value is not an array is an
 *   "envelope" record with `index: null`, whose field paths are prefixed with the member's key
 *   (`meta.exported_by`).
 *
 * Everything outside records (BOM, brackets, commas, top-level keys, whitespace) is yielded as raw
 * items exactly as read, so raw texts plus unchanged record raws reproduce the input byte for byte.
 *
 * The splitter only tracks string/escape state and bracket depth (a counter, no recursion) to find
 * where each record ends. A record that starts and ends within one chunk (the usual case) is found
 * by the leaf scanner itself ({@link scanStringLeaves}: one pass gives both its end and its string
 * leaves); a record spanning chunks is held (up to `maxRecordChars`) and scanned once complete.
 * Each record's text is then validated with `JSON.parse`; errors are located with
 * {@link explainJsonError}, whose messages never quote the data. One batch is yielded per input
 * chunk (empty batches are skipped).
 *
 * Record numbers in error messages are 0-based indexes, as in `SourceRecord.index`, `FormatError.record`
 * and the findings file.
 */

import { readerFromSplitter } from './splitter-reader';
import { DEFAULT_MAX_RECORD_CHARS, FormatError, type Item, type RecordReader, type SourceRecord, type TextField } from './record';
import { describeChar, explainJsonError } from './json-syntax-error';
import {
  countNewlines,
  joinKeyPath,
  listStringLeaves,
  PathCache,
  scanStringLeaves,
} from './json-leaves';

export interface JsonReaderOptions {
  /** Longest record (in UTF-16 code units) that may be held in memory; default 64 Mi. */
  readonly maxRecordChars?: number;
}

export { DEFAULT_MAX_RECORD_CHARS };

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;
const COLON = 58;

// Splitter phases.
const P_START = 0; // before the top-level value
const P_END = 1; // after the top-level value
const P_C_FIRST = 2; // just after a collection's '[': a record or ']'
const P_C_AFTER = 3; // after a record: ',' or ']'
const P_C_NEXT = 4; // after ',' in a collection: a record
const P_O_FIRST = 5; // just after the top-level '{': a key or '}'
const P_O_KEY = 6; // inside a top-level key string
const P_O_COLON = 7; // after a top-level key: ':'
const P_O_VALUE = 8; // after ':': '[' (collection) or an envelope value
const P_O_AFTER = 9; // after a member value: ',' or '}'
const P_O_NEXT = 10; // after ',' in the top-level object: a key
const P_RECORD = 11; // inside a record

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Characters that end a scalar record (number, literal, or garbage that JSON.parse will reject). */
function endsScalar(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === 32 || c === 10 || c === 13 || c === 9;
}

/**
 * The push-based splitter behind {@link createJsonReader}: feed chunks with `push`, then call `end`.
 * Each call returns the items completed by that input.
 */
export class JsonSplitter {
  private readonly maxRecordChars: number;
  private phase = P_START;
  private started = false; // seen any input character (for the BOM)

  // Line tracking: `line` is the 1-based line at offset `linePos` of the current chunk.
  private chunk = '';
  private line = 1;
  private linePos = 0;
  private nextNl = -1; // next '\n' at or after linePos in the current chunk (chunk length if none); -1: unknown

  private topIsObject = false;
  private topOpenLine = 1;
  private collectionOpenLine = 1;
  private collectionKey: string | null = null; // key of the current collection in a top-level object
  private recordCount = 0;

  // Current top-level key (object form).
  private keyPieces: string[] = [];
  private keyLen = 0;
  private keyStart = 0; // offset in the current chunk where the key started (or 0 if earlier)
  private keyEsc = false;
  private keyLine = 1;
  private currentKey = '';

  // Current record.
  private recPieces: string[] = [];
  private recLen = 0;
  private recStart = 0; // offset in the current chunk where the record (or its current part) starts
  private recLine = 1;
  private recIndex: number | null = null;
  private recBase: string | undefined = undefined;
  private recScalar = false;
  private depth = 0;
  private inStr = false;
  private esc = false; // inside a string, the next character is escaped
  private afterRecord = P_C_AFTER;
  private readonly paths = new PathCache();

  constructor(options?: JsonReaderOptions) {
    this.maxRecordChars = options?.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  }

  /** Line at offset `pos` of the current chunk (offsets must not go backwards within a chunk). */
  private lineAt(pos: number): number {
    if (pos <= this.linePos) return this.line;
    const s = this.chunk;
    let nl = this.nextNl;
    if (nl < this.linePos) {
      nl = s.indexOf('\n', this.linePos);
      if (nl < 0) nl = s.length;
    }
    let line = this.line;
    while (nl < pos) {
      line++;
      nl = s.indexOf('\n', nl + 1);
      if (nl < 0) nl = s.length;
    }
    this.nextNl = nl;
    this.line = line;
    this.linePos = pos;
    return line;
  }

  private recordName(): string {
    return this.recIndex === null ? `member ${JSON.stringify(this.currentKey)}` : `record ${this.recIndex}`;
  }

  private fail(message: string, pos: number, record?: number | null): never {
    throw new FormatError(message, this.lineAt(pos), record ?? undefined);
  }

  private openName(): string {
    if (this.topIsObject && this.collectionKey !== null) return `array ${JSON.stringify(this.collectionKey)}`;
    return 'array';
  }

  push(s: string): Item[] {
    const items: Item[] = [];
    const n = s.length;
    this.chunk = s;
    this.linePos = 0;
    this.nextNl = -1;
    let i = 0;
    let rawFrom = 0;
    if (this.phase === P_RECORD) this.recStart = 0;
    if (this.phase === P_O_KEY) this.keyStart = 0;

    while (i < n) {
      switch (this.phase) {
        case P_RECORD: {
          const end = this.scanRecord(s, i);
          if (end < 0) {
            const part = this.recStart === 0 ? s : s.slice(this.recStart);
            this.recPieces.push(part);
            this.recLen += part.length;
            if (this.recLen > this.maxRecordChars) this.tooLong();
            i = n;
            rawFrom = n;
            break;
          }
          items.push(this.finishRecord(s, end));
          this.phase = this.afterRecord;
          i = end;
          rawFrom = end;
          break;
        }

        case P_START: {
          if (!this.started) {
            this.started = true;
            if (s.charCodeAt(i) === 0xfeff) {
              i++;
              continue;
            }
          }
          while (i < n && isWs(s.charCodeAt(i))) i++;
          if (i >= n) break;
          const c = s.charCodeAt(i);
          if (c === OPEN_BRACKET) {
            this.topOpenLine = this.collectionOpenLine = this.lineAt(i);
            this.topIsObject = false;
            this.phase = P_C_FIRST;
          } else if (c === OPEN_BRACE) {
            this.topOpenLine = this.lineAt(i);
            this.topIsObject = true;
            this.phase = P_O_FIRST;
          } else {
            this.fail(`top-level value must be an array or an object, found ${describeChar(s, i)}`, i);
          }
          i++;
          break;
        }

        case P_END: {
          while (i < n && isWs(s.charCodeAt(i))) i++;
          if (i < n) {
            const hint = s[i] === '{' || s[i] === '[' ? ' (one JSON value per line is JSON Lines: read it as NDJSON)' : '';
            this.fail(`unexpected ${describeChar(s, i)} after the end of the top-level value${hint}`, i);
          }
          break;
        }

        case P_C_FIRST:
        case P_C_AFTER:
        case P_C_NEXT: {
          while (i < n && isWs(s.charCodeAt(i))) i++;
          if (i >= n) break;
          const c = s.charCodeAt(i);
          if (this.phase === P_C_AFTER) {
            if (c === COMMA) {
              this.phase = P_C_NEXT;
              i++;
            } else if (c === CLOSE_BRACKET) {
              this.closeCollection();
              i++;
            } else {
              const last = this.recordCount;
              this.fail(`expected ',' or ']' after record ${last - 1}, found ${describeChar(s, i)}`, i, last - 1);
            }
            break;
          }
          if (c === CLOSE_BRACKET && this.phase === P_C_FIRST) {
            this.closeCollection();
            i++;
            break;
          }
          if (c === COMMA || c === CLOSE_BRACKET || c === CLOSE_BRACE || c === COLON) {
            const where = this.phase === P_C_FIRST ? "after '['" : `after ',' following record ${this.recordCount - 1}`;
            const hint = c === CLOSE_BRACKET ? ' (trailing comma?)' : '';
            this.fail(`expected a record ${where}, found ${describeChar(s, i)}${hint}`, i, this.recordCount);
          }
          if (i > rawFrom) items.push({ kind: 'raw', text: s.slice(rawFrom, i) });
          i = this.startRecord(s, i, this.recordCount++, undefined, P_C_AFTER, items);
          rawFrom = i;
          break;
        }

        case P_O_FIRST:
        case P_O_NEXT: {
          while (i < n && isWs(s.charCodeAt(i))) i++;
          if (i >= n) break;
          const c = s.charCodeAt(i);
          if (c === CLOSE_BRACE && this.phase === P_O_FIRST) {
            this.phase = P_END;
            i++;
            break;
          }
          if (c !== QUOTE) {
            const what = this.phase === P_O_FIRST ? "a key in double quotes or '}'" : 'a key in double quotes';
            const hint = c === CLOSE_BRACE ? ' (trailing comma?)' : '';
            this.fail(`expected ${what} in the top-level object, found ${describeChar(s, i)}${hint}`, i);
          }
          this.keyPieces = [];
          this.keyLen = 0;
          this.keyStart = i;
          this.keyEsc = false;
          this.keyLine = this.lineAt(i);
          this.phase = P_O_KEY;
          i = this.continueKey(s, i + 1);
          break;
        }

        case P_O_KEY:
          i = this.continueKey(s, i);
          break;

        case P_O_COLON: {
          while (i < n && isWs(s.charCodeAt(i))) i++;
          if (i >= n) break;
          if (s.charCodeAt(i) !== COLON) {
            this.fail(`expected ':' after key ${JSON.stringify(this.currentKey)}, found ${describeChar(s, i)}`, i);
          }
          this.phase = P_O_VALUE;
          i++;
          break;
        }

        case P_O_VALUE: {
          while (i < n && isWs(s.charCodeAt(i))) i++;
          if (i >= n) break;
          const c = s.charCodeAt(i);
          if (c === OPEN_BRACKET) {
            this.collectionKey = this.currentKey;
            this.collectionOpenLine = this.lineAt(i);
            this.phase = P_C_FIRST;
            i++;
            break;
          }
          if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === COLON) {
            this.fail(`expected a value for key ${JSON.stringify(this.currentKey)}, found ${describeChar(s, i)}`, i);
          }
          if (i > rawFrom) items.push({ kind: 'raw', text: s.slice(rawFrom, i) });
          i = this.startRecord(s, i, null, joinKeyPath('', this.currentKey), P_O_AFTER, items);
          rawFrom = i;
          break;
        }

        case P_O_AFTER: {
          while (i < n && isWs(s.charCodeAt(i))) i++;
          if (i >= n) break;
          const c = s.charCodeAt(i);
          if (c === COMMA) this.phase = P_O_NEXT;
          else if (c === CLOSE_BRACE) this.phase = P_END;
          else {
            this.fail(
              `expected ',' or '}' after the value of key ${JSON.stringify(this.currentKey)}, found ${describeChar(s, i)}`,
              i,
            );
          }
          i++;
          break;
        }

        default:
          throw new Error('unreachable');
      }
    }

    if (this.phase !== P_RECORD && rawFrom < n) items.push({ kind: 'raw', text: s.slice(rawFrom) });
    this.lineAt(n);
    return items;
  }

  /** Call once after the last chunk; returns the last items or throws on incomplete input. */
  end(): Item[] {
    this.chunk = '';
    this.linePos = 0;
    this.nextNl = -1;
    switch (this.phase) {
      case P_END:
        return [];
      case P_START:
        throw new FormatError('unexpected end of input: expected a top-level array or object', this.line);
      case P_RECORD: {
        if (this.recScalar && this.recIndex !== null) {
          // A number or literal at the very end: complete, but its array is not closed.
          throw new FormatError(
            `unexpected end of input: unterminated ${this.openName()} opened on line ${this.collectionOpenLine}`,
            this.line,
            this.recIndex,
          );
        }
        const open = this.recIndex !== null ? this.openName() : 'object';
        const openLine = this.recIndex !== null ? this.collectionOpenLine : this.topOpenLine;
        throw new FormatError(
          `unexpected end of input inside ${this.recordName()} (started on line ${this.recLine}); unterminated ${open} opened on line ${openLine}`,
          this.line,
          this.recIndex ?? undefined,
        );
      }
      case P_C_FIRST:
      case P_C_AFTER:
      case P_C_NEXT:
        throw new FormatError(
          `unexpected end of input: unterminated ${this.openName()} opened on line ${this.collectionOpenLine}`,
          this.line,
        );
      default:
        throw new FormatError(
          `unexpected end of input: unterminated object opened on line ${this.topOpenLine}`,
          this.line,
        );
    }
  }

  private closeCollection(): void {
    this.phase = this.topIsObject ? P_O_AFTER : P_END;
    this.collectionKey = null;
  }

  private tooLong(): never {
    throw new FormatError(
      `${this.recordName()} starting on line ${this.recLine} is longer than the limit of ${this.maxRecordChars} characters`,
      this.recLine,
      this.recIndex ?? undefined,
    );
  }

  /**
   * Start a record at `i`. A record that ends within this chunk (the usual case) is scanned for
   * its leaves, validated and pushed to `items` at once, and the offset after it is returned;
   * otherwise the splitter goes on in the record phase from `i` (returned unchanged).
   */
  private startRecord(
    s: string,
    i: number,
    index: number | null,
    base: string | undefined,
    after: number,
    items: Item[],
  ): number {
    this.phase = P_RECORD;
    this.afterRecord = after;
    this.recPieces = [];
    this.recLen = 0;
    this.recStart = i;
    this.recLine = this.lineAt(i);
    this.recIndex = index;
    this.recBase = base;
    this.depth = 0;
    this.inStr = false;
    this.esc = false;
    const c = s.charCodeAt(i);
    this.recScalar = c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE;
    if (this.recScalar) return i;
    // Fast path: one pass finds both the end and the string leaves.
    const fields: TextField[] = [];
    const end = scanStringLeaves(s, i, i, base, this.paths, fields);
    if (end < 0) return i;
    items.push(this.finishRecord(s, end, fields));
    this.phase = after;
    return end;
  }


  /**
   * Continue scanning the current record at `i`; returns the offset just after its end, or -1 if
   * the record goes on past the end of `s`.
   */
  private scanRecord(s: string, i: number): number {
    const n = s.length;
    if (this.recScalar) {
      while (i < n && !endsScalar(s.charCodeAt(i))) i++;
      return i < n ? i : -1;
    }
    let depth = this.depth;
    let inStr = this.inStr;
    while (i < n) {
      if (inStr) {
        if (this.esc) {
          this.esc = false;
          i++;
          if (i >= n) break;
        }
        let from = i;
        let closed = false;
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0) {
            let b = n - 1;
            while (b >= from && s.charCodeAt(b) === BACKSLASH) b--;
            this.esc = ((n - 1 - b) & 1) === 1;
            break;
          }
          let b = q - 1;
          while (b >= from && s.charCodeAt(b) === BACKSLASH) b--;
          if (((q - 1 - b) & 1) === 0) {
            i = q + 1;
            closed = true;
            break;
          }
          from = q + 1;
        }
        if (!closed) {
          i = n;
          break;
        }
        inStr = false;
        if (depth === 0) {
          this.depth = 0;
          this.inStr = false;
          return i;
        }
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === QUOTE) {
        inStr = true;
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (--depth === 0) {
          this.depth = 0;
          this.inStr = false;
          return i + 1;
        }
      }
      i++;
    }
    this.depth = depth;
    this.inStr = inStr;
    return -1;
  }

  /** Continue reading a top-level key at `i` (possibly `s.length`); returns where to go on. */
  private continueKey(s: string, i: number): number {
    const n = s.length;
    const end = i < n ? this.scanKey(s, i) : -1;
    if (end < 0) {
      const part = this.keyStart === 0 ? s : s.slice(this.keyStart);
      this.keyPieces.push(part);
      this.keyLen += part.length;
      if (this.keyLen > this.maxRecordChars) {
        throw new FormatError(
          `top-level key starting on line ${this.keyLine} is longer than the limit of ${this.maxRecordChars} characters`,
          this.keyLine,
        );
      }
      return n;
    }
    const token = this.keyPieces.length === 0 ? s.slice(this.keyStart, end) : this.keyPieces.join('') + s.slice(0, end);
    this.keyPieces = [];
    try {
      this.currentKey = JSON.parse(token) as string;
    } catch (err) {
      const { message } = explainJsonError(token, err);
      throw new FormatError(`invalid key in the top-level object: ${message}`, this.keyLine);
    }
    this.phase = P_O_COLON;
    return end;
  }

  /** Scan the rest of a top-level key string from `i`; returns the offset after its closing quote or -1. */
  private scanKey(s: string, i: number): number {
    const n = s.length;
    if (this.keyEsc) {
      this.keyEsc = false;
      i++;
      if (i >= n) return -1;
    }
    let from = i;
    for (;;) {
      const q = s.indexOf('"', from);
      if (q < 0) {
        let b = n - 1;
        while (b >= from && s.charCodeAt(b) === BACKSLASH) b--;
        this.keyEsc = ((n - 1 - b) & 1) === 1;
        return -1;
      }
      let b = q - 1;
      while (b >= from && s.charCodeAt(b) === BACKSLASH) b--;
      if (((q - 1 - b) & 1) === 0) return q + 1;
      from = q + 1;
    }
  }

  private finishRecord(s: string, end: number, fields?: TextField[]): Item {
    let raw: string;
    if (this.recPieces.length === 0) {
      raw = s.slice(this.recStart, end);
    } else {
      this.recPieces.push(s.slice(0, end));
      raw = this.recPieces.join('');
      this.recPieces = [];
    }
    if (raw.length > this.maxRecordChars) this.tooLong();
    try {
      JSON.parse(raw);
    } catch (err) {
      const { pos, message } = explainJsonError(raw, err);
      const line = this.recLine + countNewlines(raw, pos);
      throw new FormatError(`invalid JSON in ${this.recordName()}: ${message}`, line, this.recIndex ?? undefined);
    }
    const record: SourceRecord = {
      index: this.recIndex,
      line: this.recLine,
      raw,
      fields: fields ?? listStringLeaves(raw, this.recBase, this.paths),
    };
    return { kind: 'record', record };
  }
}

/** A JSON reader over decoded text chunks. Iterate it once. */
export function createJsonReader(chunks: AsyncIterable<string>, options?: JsonReaderOptions): RecordReader {
  return readerFromSplitter('json', chunks, () => new JsonSplitter(options));
}
