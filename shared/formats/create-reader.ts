/** One entry point for every format's reader. */
import { createCsvReader, type CsvReaderOptions } from './csv-reader';
import { createJsonReader } from './json-reader';
import { createNdjsonReader } from './ndjson-reader';
import type { FormatKind, RecordReader } from './record';

export type ReaderOptions = CsvReaderOptions;

export function createReader(format: FormatKind, chunks: AsyncIterable<string>, options: ReaderOptions = {}): RecordReader {
  switch (format) {
    case 'csv':
      return createCsvReader(chunks, options);
    case 'json':
      return createJsonReader(chunks, { maxRecordChars: options.maxRecordChars });
    case 'ndjson':
      return createNdjsonReader(chunks, { maxRecordChars: options.maxRecordChars });
  }
}
