/**
 * Writes CSV rows back. A row is patched in place: the cells whose value changed are re-quoted and replaced, every
 * other byte of the row (quoting style, spacing, line ending) stays as it was read. Dropped cells are emptied;
 * dropped columns are cut out of the row, and the cells that stay keep their source text.
 */
import type { CsvDialect } from './csv-dialect';
import type { SourceRecord } from './record';

/** `record.raw` with `newValues[i]` written into cell i where given, and cell i emptied where `dropped[i]`. */
export function renderCsvRow(
  record: SourceRecord,
  newValues: readonly (string | undefined)[],
  dialect: CsvDialect,
  dropped?: readonly boolean[],
): string {
  const spans = locateCells(record.raw, dialect, record.fields.length);
  let out = '';
  let pos = 0;
  for (let i = 0; i < spans.length; i++) {
    const value = dropped?.[i] ? '' : newValues[i];
    if (value === undefined) continue;
    const [start, end] = spans[i]!;
    const wasQuoted = record.raw.charCodeAt(start) === 34;
    out += record.raw.slice(pos, start) + quoteCsvCell(value, dialect, wasQuoted);
    pos = end;
  }
  return out + record.raw.slice(pos);
}

/** Quotes a cell when it must be (delimiter, quote, line break, edge spaces) or when the original cell was quoted. */
export function quoteCsvCell(value: string, dialect: CsvDialect, forceQuotes = false): string {
  const q = dialect.quoteChar;
  const needs =
    forceQuotes ||
    value.includes(dialect.delimiter) ||
    value.includes(q) ||
    value.includes('\n') ||
    value.includes('\r') ||
    value.startsWith(' ') ||
    value.endsWith(' ');
  return needs ? q + value.replaceAll(q, q + q) + q : value;
}

/**
 * The [start, end) source span of each cell of a row that papaparse already parsed (so its quoting is known to be
 * well formed). A quoted cell's span includes its quotes; the row's line ending is never part of a cell.
 */
export function locateCells(raw: string, dialect: CsvDialect, count: number): [number, number][] {
  const { delimiter, quoteChar } = dialect;
  const bodyEnd = rowBodyEnd(raw, dialect);
  const spans: [number, number][] = [];
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const start = pos;
    let end: number;
    if (raw[pos] === quoteChar) {
      let q = raw.indexOf(quoteChar, pos + 1);
      while (q !== -1 && raw[q + 1] === quoteChar) q = raw.indexOf(quoteChar, q + 2);
      end = q === -1 ? bodyEnd : q + 1;
      // papaparse allows spaces between a closing quote and the delimiter: they stay outside the cell
      const next = raw.indexOf(delimiter, end);
      pos = next === -1 || next > bodyEnd ? bodyEnd : next + delimiter.length;
    } else {
      const next = raw.indexOf(delimiter, pos);
      end = next === -1 || next > bodyEnd ? bodyEnd : next;
      pos = end === bodyEnd ? bodyEnd : end + delimiter.length;
    }
    spans.push([start, end]);
  }
  return spans;
}

/** End of a row's cells: where its line ending starts (the row's length when it has none). */
function rowBodyEnd(raw: string, dialect: CsvDialect): number {
  return raw.endsWith(dialect.newline) ? raw.length - dialect.newline.length : raw.length;
}

/**
 * A row (or the header) of `count` cells without the cells whose `columnDropped[i]` is true. A kept cell keeps its
 * source text, unless `valueOf(i)` gives it a new value; the row keeps its delimiter and line ending.
 */
export function renderCsvRowWithoutColumns(
  raw: string,
  count: number,
  dialect: CsvDialect,
  columnDropped: readonly boolean[],
  valueOf: (cell: number) => string | undefined = () => undefined,
): string {
  const spans = locateCells(raw, dialect, count);
  const bodyEnd = rowBodyEnd(raw, dialect);
  const kept: string[] = [];
  for (let i = 0; i < spans.length; i++) {
    if (columnDropped[i]) continue;
    const [start, end] = spans[i]!;
    // up to the next delimiter, so that anything papaparse allowed after a closing quote stays too
    const stop = i + 1 < spans.length ? spans[i + 1]![0] - dialect.delimiter.length : bodyEnd;
    const value = valueOf(i);
    if (value === undefined) kept.push(raw.slice(start, stop));
    else kept.push(quoteCsvCell(value, dialect, raw.charCodeAt(start) === 34) + raw.slice(end, stop));
  }
  return kept.join(dialect.delimiter) + raw.slice(bodyEnd);
}
