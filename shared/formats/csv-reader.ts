/**
 * Streaming CSV reader. Papaparse's low-level parser does the parsing, one buffer at a time; this module feeds it,
 * keeps each row's source text so that unchanged rows are written back byte for byte, numbers the lines, and checks
 * every row against the header.
 */
import Papa from 'papaparse';
import { sniffCsvDialect, type CsvDelimiter, type CsvDialect } from './csv-dialect';
import { isFormulaCell, neutraliseFormula, rowMayHoldFormula } from './csv-formula-guard';
import { renderCsvRow, renderCsvRowWithoutColumns } from './csv-writer';
import { DEFAULT_MAX_RECORD_CHARS, FormatError, type Item, type RecordReader, type SourceRecord, type TextField } from './record';
import type { FormatWarning } from './format-warning';

export interface CsvReaderOptions {
  /** Skip sniffing and use this delimiter. */
  readonly delimiter?: CsvDelimiter;
  /**
   * A row whose field count differs from the header's: `error` (default) stops with an error naming the line;
   * `keep` reads it anyway (its extra cells get the paths `column_N`), reports a warning and writes it back with its
   * own field count.
   */
  readonly onMalformedRow?: 'error' | 'keep';
  /** A record longer than this (in UTF-16 code units) is an error, not a reason to buffer without bound. */
  readonly maxRecordChars?: number;
  readonly onWarning?: (warning: FormatWarning) => void;
  /**
   * Cells written by `render` and `renderRaw` that a spreadsheet would run as a formula get a leading apostrophe
   * (./csv-formula-guard; default true). False writes them as they are, for pipelines that read the CSV as data.
   */
  readonly neutraliseFormulas?: boolean;
}

export interface CsvReader extends RecordReader {
  /** Known once the first batch has been read. */
  readonly dialect: CsvDialect | undefined;
  /** The header's column names, made unique; known once the first batch has been read. */
  readonly columns: readonly string[];
}

const SNIFF_CHARS = 64 * 1024;

interface ParsedRow {
  cells: string[];
  /** End of the row (after its line ending) in the parsed buffer. */
  end: number;
  error?: string;
}

export function createCsvReader(chunks: AsyncIterable<string>, options: CsvReaderOptions = {}): CsvReader {
  const maxRecordChars = options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS;
  const onMalformed = options.onMalformedRow ?? 'error';
  const guard = options.neutraliseFormulas ?? true;
  let neutralised = 0;
  let dialect: CsvDialect | undefined;
  let columns: string[] = [];
  let header: { raw: string; names: readonly string[] } | undefined;
  let dropNames: ReadonlySet<string> | undefined;
  let columnDropped: boolean[] | null | undefined; // worked out once the header is known; null: nothing dropped

  const guardCell = (value: string): string => {
    neutralised++;
    return neutraliseFormula(value);
  };
  const guardedValues = (record: SourceRecord, newValues: readonly (string | undefined)[], d: CsvDialect, mask: readonly boolean[] | null) =>
    guardedValuesOf(record, newValues, d, mask, () => neutralised++);

  /** Which columns `dropColumns` removes (a header name or a unique column name), or null when none. */
  const droppedColumns = (): boolean[] | null => {
    if (columnDropped !== undefined) return columnDropped;
    if (!dropNames || !header) return null; // not (yet) known: nothing to drop so far
    const names = header.names;
    const mask = columns.map((unique, i) => dropNames!.has(unique) || dropNames!.has(names[i]!));
    columnDropped = mask.includes(true) ? mask : null;
    return columnDropped;
  };

  async function* batches(): AsyncGenerator<Item[]> {
    let buffer = '';
    let started = false; // BOM and dialect handled
    let headerDone = false;
    let line = 1; // line on which `buffer` starts
    let recordIndex = 0;
    let parseWhenLength = 0; // wait for the buffer to reach this length before parsing again (keeps long rows linear)
    let parser: InstanceType<typeof Papa.Parser> | undefined;
    let rows: ParsedRow[] = [];

    const newlineCode = () => (dialect!.newline === '\r' ? 13 : 10);

    const parse = (final: boolean): Item[] => {
      rows = [];
      parser!.parse(buffer, 0, !final);
      const items: Item[] = [];
      let pos = 0;
      for (const row of rows) {
        const raw = buffer.slice(pos, row.end);
        pos = row.end;
        const startLine = line;
        line += countChar(raw, newlineCode());
        if (row.error) throw new FormatError(row.error, startLine, headerDone ? recordIndex : undefined);
        // a complete row over the limit too (the buffer check below only sees rows still being read)
        if (raw.length > maxRecordChars) throw new FormatError(`the row is longer than the limit of ${maxRecordChars} characters`, startLine, headerDone ? recordIndex : undefined);
        if (!headerDone) {
          columns = uniqueColumnNames(row.cells);
          header = { raw, names: row.cells };
          headerDone = true;
          items.push({ kind: 'raw', text: raw });
          continue;
        }
        if (raw.length === 0) continue; // the empty remainder after a final line ending
        if (row.cells.length === 1 && row.cells[0] === '' && columns.length > 1) {
          items.push({ kind: 'raw', text: raw }); // a blank line: kept as it is
          continue;
        }
        if (row.cells.length !== columns.length) {
          const message = `row has ${row.cells.length} field${row.cells.length === 1 ? '' : 's'}, the header has ${columns.length}`;
          if (onMalformed === 'error') throw new FormatError(message, startLine, recordIndex);
          options.onWarning?.({ line: startLine, record: recordIndex, message });
        }
        const fields: TextField[] = row.cells.map((value, i) => ({ path: columns[i] ?? `column_${i + 1}`, value }));
        const record: SourceRecord = { index: recordIndex++, line: startLine, raw, fields };
        items.push({ kind: 'record', record });
      }
      buffer = buffer.slice(pos);
      return items;
    };

    const start = () => {
      started = true;
      const items: Item[] = [];
      if (buffer.charCodeAt(0) === 0xfeff) {
        items.push({ kind: 'raw', text: '\uFEFF' }); // the BOM goes back out as it came in
        buffer = buffer.slice(1);
      }
      dialect = sniffCsvDialect(buffer.slice(0, SNIFF_CHARS), options.delimiter);
      parser = new Papa.Parser({
        delimiter: dialect.delimiter,
        newline: dialect.newline,
        quoteChar: dialect.quoteChar,
        // papaparse's low-level parser hands each row to `step` as a one-row table
        step: (result: Papa.ParseResult<string[]>) => {
          const cells = result.data[0] ?? [];
          const error = result.errors[0];
          rows.push({ cells, end: result.meta.cursor, error: error ? describePapaError(error) : undefined });
        },
      });
      return items;
    };

    for await (const chunk of chunks) {
      if (chunk.length === 0) continue;
      buffer += chunk;
      if (!started) {
        if (buffer.length < SNIFF_CHARS) continue;
        const bom = start();
        if (bom.length) yield bom;
      }
      if (buffer.length < parseWhenLength) continue;
      const items = parse(false);
      if (items.length) {
        parseWhenLength = 0;
        yield items;
      } else {
        parseWhenLength = buffer.length * 2;
      }
      if (buffer.length > maxRecordChars) {
        throw new FormatError(
          `a row is longer than ${maxRecordChars} characters (an unclosed quote?)`,
          line,
          headerDone ? recordIndex : undefined,
        );
      }
    }
    if (!started) {
      if (buffer.length === 0) throw new FormatError('the file is empty: a CSV export needs at least a header row', 1);
      const bom = start();
      if (bom.length) yield bom;
    }
    const items = parse(true);
    if (items.length) yield items;
    if (!headerDone) throw new FormatError('the file is empty: a CSV export needs at least a header row', 1);
  }

  return {
    format: 'csv',
    get dialect() {
      return dialect;
    },
    get columns() {
      return columns;
    },
    [Symbol.asyncIterator]: () => batches(),
    render(record, given, dropped) {
      if (!dialect) throw new Error('render called before the CSV dialect was known');
      const mask = droppedColumns();
      const newValues = guard ? guardedValues(record, given, dialect, mask) : given;
      if (!mask) return newValues.length === 0 && !dropped ? record.raw : renderCsvRow(record, newValues, dialect, dropped);
      return renderCsvRowWithoutColumns(record.raw, record.fields.length, dialect, mask, (i) => (dropped?.[i] ? '' : newValues[i]));
    },
    dropColumns(names) {
      if (dropNames) throw new Error('dropColumns may be called only once');
      dropNames = new Set(names);
    },
    renderRaw(item) {
      const mask = droppedColumns();
      if (!dialect || item.text !== header?.raw) return item.text;
      const names = guard && rowMayHoldFormula(item.text, dialect) ? header.names.map((name) => (isFormulaCell(name) ? guardCell(name) : undefined)) : [];
      if (!mask && names.every((n) => n === undefined)) return item.text;
      return renderCsvRowWithoutColumns(item.text, columns.length, dialect, mask ?? columns.map(() => false), (i) => names[i]);
    },
    get rendersEveryRecord() {
      // with the guard on, an unchanged row may still hold a cell to neutralise
      return guard || droppedColumns() !== null;
    },
    get formulaCellsNeutralised() {
      return neutralised;
    },
  };
}

/**
 * `newValues` with every cell that would be written as a formula neutralised, new values and unchanged cells alike
 * (cells of dropped columns and emptied cells excepted); `newValues` itself when no cell needs it.
 */
function guardedValuesOf(
  record: SourceRecord,
  newValues: readonly (string | undefined)[],
  dialect: CsvDialect,
  columnDropped: readonly boolean[] | null,
  onNeutralised: () => void,
): readonly (string | undefined)[] {
  const rawMay = rowMayHoldFormula(record.raw, dialect);
  let out: (string | undefined)[] | undefined;
  for (let i = 0; i < record.fields.length; i++) {
    if (columnDropped?.[i]) continue;
    const given = newValues[i];
    // an unchanged cell needs a look only when the row's source text may hold a trigger
    if (given === undefined && !rawMay) continue;
    const value = given ?? record.fields[i]!.value;
    if (!isFormulaCell(value)) continue;
    (out ??= [...newValues])[i] = neutraliseFormula(value);
    onNeutralised();
  }
  return out ?? newValues;
}

function describePapaError(error: Papa.ParseError): string {
  switch (error.code) {
    case 'MissingQuotes':
      return 'a quoted field is never closed';
    case 'InvalidQuotes':
      return 'a quoted field has text after its closing quote';
    default:
      return error.message;
  }
}

/** Header names as record paths: empty names become `column_N`, repeated names get `_2`, `_3`, ... */
export function uniqueColumnNames(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((name, i) => {
    let base = name === '' ? `column_${i + 1}` : name;
    let unique = base;
    for (let n = 2; seen.has(unique); n++) unique = `${base}_${n}`;
    seen.add(unique);
    base = unique;
    return base;
  });
}

function countChar(text: string, code: number): number {
  let n = 0;
  const ch = String.fromCharCode(code);
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}
