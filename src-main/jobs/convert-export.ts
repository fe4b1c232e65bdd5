/**
 * Converts an export to another format (CSV, JSON, NDJSON) record by record, for a run whose outputs are asked for
 * in another format than the input's. Values are carried over exactly:
 * - CSV → JSON / NDJSON: each row becomes an object of column → string;
 * - NDJSON → JSON and JSON → NDJSON: each record's own JSON text (line breaks between tokens removed), so numbers
 *   keep their digits; a JSON file with members beside its record arrays cannot become NDJSON and is refused;
 * - JSON / NDJSON → CSV: only records that are flat objects of strings, numbers, booleans and null (two passes:
 *   the columns are every key, in the order first seen); anything nested is refused, as is an integer too large
 *   to keep its digits.
 * The converted text is UTF-8, written to a new file (never over an existing one). Errors name the file and the
 * record, never a value.
 */
import { open } from 'node:fs/promises';
import { createReader } from '../../shared/formats/create-reader';
import { quoteCsvCell } from '../../shared/formats/csv-writer';
import type { CsvDialect } from '../../shared/formats/csv-dialect';
import { detectFormat } from '../../shared/formats/format-detect';
import { FormatError, type FormatKind, type SourceRecord } from '../../shared/formats/record';
import { InputError } from '../io/input-error';
import { describeFsError, openTextInput } from '../io/text-input';
import { toInputError } from './to-input-error';

/** What a conversion read: the original's format and facts, for the report. */
export interface ConvertedInput {
  readonly from: FormatKind;
  readonly to: FormatKind;
  readonly bytes: number;
  readonly sha256: string;
  readonly encoding: string;
}

const CSV_OUT: CsvDialect = { delimiter: ',', newline: '\n', quoteChar: '"' };
/** Text is written in pieces of about this many characters. */
const WRITE_CHARS = 1 << 20;

/** The format `path` would be read as (by its name and first bytes). */
export async function formatOf(path: string): Promise<FormatKind> {
  const input = await openTextInput(path);
  await input.chunks[Symbol.asyncIterator]().return?.();
  return detectFormat(path, input.head);
}

/** Writes `inputPath` as `to` into the new file `outputPath`; `signal` stops it (the caller removes the file). */
export async function convertExport(inputPath: string, outputPath: string, to: FormatKind, signal?: AbortSignal): Promise<ConvertedInput> {
  const from = await formatOf(inputPath);
  const columns = to === 'csv' && from !== 'csv' ? await objectColumns(inputPath, from, signal) : undefined;
  const input = await openTextInput(inputPath);
  const reader = createReader(from, input.chunks);
  let handle;
  try {
    handle = await open(outputPath, 'wx', 0o600);
  } catch (error) {
    throw new InputError(`cannot write the converted copy: ${describeFsError(error)}`, outputPath);
  }
  const encoder = new TextEncoder();
  let pending = '';
  const write = async (text: string, force = false) => {
    pending += text;
    if (!force && pending.length < WRITE_CHARS) return;
    await handle.write(encoder.encode(pending));
    pending = '';
  };
  try {
    let count = 0;
    if (to === 'json') await write('[\n');
    if (columns) await write(`${csvRow(columns)}\n`);
    for await (const batch of reader) {
      signal?.throwIfAborted();
      for (const item of batch) {
        if (item.kind !== 'record') continue;
        const record = item.record;
        if (record.index === null) {
          if (to !== 'csv') throw new InputError('holds members beside its record arrays, which cannot be written as NDJSON or as a JSON array', inputPath, record.line);
          continue;
        }
        const text = columns ? csvRow(columns.map((c) => cellOf(flatObject(record, inputPath), c))) : jsonText(record, from);
        if (to === 'json') await write(`${count > 0 ? ',\n' : ''}${text}`);
        else await write(`${text}\n`);
        count++;
      }
    }
    if (to === 'json') await write(`${count > 0 ? '\n' : ''}]\n`);
    await write('', true);
  } catch (error) {
    throw error instanceof FormatError ? toInputError(error, inputPath) : error;
  } finally {
    await handle.close();
  }
  return { from, to, bytes: input.bytesRead(), sha256: input.sha256(), encoding: input.encoding };
}

/** A record as one line of JSON: a CSV row as an object of its cells; a JSON record as its own text, on one line. */
function jsonText(record: SourceRecord, from: FormatKind): string {
  if (from === 'csv') return JSON.stringify(Object.fromEntries(record.fields.map((f) => [f.path, f.value])));
  // valid JSON holds no raw line break inside a string, so every line break (and the spaces around it) is between tokens
  return record.raw.trim().replace(/\s*[\r\n]\s*/g, '');
}

/** The keys of every record (flat objects only), in the order first seen. */
async function objectColumns(inputPath: string, from: FormatKind, signal?: AbortSignal): Promise<string[]> {
  const input = await openTextInput(inputPath);
  const columns = new Set<string>();
  try {
    for await (const batch of createReader(from, input.chunks)) {
      signal?.throwIfAborted();
      for (const item of batch) if (item.kind === 'record' && item.record.index !== null) for (const key of Object.keys(flatObject(item.record, inputPath))) columns.add(key);
    }
  } catch (error) {
    throw error instanceof FormatError ? toInputError(error, inputPath) : error;
  }
  if (columns.size === 0) throw new InputError('has no fields to write as CSV columns', inputPath);
  return [...columns];
}

type Scalar = string | number | boolean | null;

/** A JSON record as a flat object; refuses anything a CSV cell cannot hold as it is. */
function flatObject(record: SourceRecord, inputPath: string): Record<string, Scalar> {
  const value = JSON.parse(record.raw) as unknown;
  const refuse = (why: string) => new InputError(`cannot be written as CSV: ${why}`, inputPath, record.line, record.index);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw refuse('a record is not an object');
  for (const v of Object.values(value)) {
    if (typeof v === 'object' && v !== null) throw refuse('a record holds a nested object or array');
    if (typeof v === 'number' && Number.isInteger(v) && !Number.isSafeInteger(v)) throw refuse('a record holds an integer too large to keep its digits');
  }
  return value as Record<string, Scalar>;
}

function cellOf(object: Record<string, Scalar>, column: string): string {
  const v = Object.hasOwn(object, column) ? object[column] : null;
  return v === null || v === undefined ? '' : String(v);
}

function csvRow(cells: readonly string[]): string {
  return cells.map((c) => quoteCsvCell(c, CSV_OUT)).join(CSV_OUT.delimiter);
}
