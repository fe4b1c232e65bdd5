/** Opens one export file as a stream of records: encoding, format and reader, chosen from the file or the options. */
import { createReader } from '../../shared/formats/create-reader';
import { detectFormat } from '../../shared/formats/format-detect';
import type { FormatWarning } from '../../shared/formats/format-warning';
import type { FormatKind, RecordReader } from '../../shared/formats/record';
import type { TextEncodingName } from '../../shared/formats/text-encoding';
import { openTextInput, type TextInput } from '../io/text-input';

export interface OpenExportOptions {
  readonly format?: FormatKind;
  readonly encoding?: TextEncodingName;
  readonly onMalformedRow?: 'error' | 'keep';
  readonly onWarning?: (warning: FormatWarning) => void;
}

export interface OpenExport {
  readonly input: TextInput;
  readonly format: FormatKind;
  readonly reader: RecordReader;
}

export async function openExport(path: string, options: OpenExportOptions = {}): Promise<OpenExport> {
  const input = await openTextInput(path, options.encoding);
  const format = options.format ?? detectFormat(path, input.head);
  const reader = createReader(format, input.chunks, { onMalformedRow: options.onMalformedRow, onWarning: options.onWarning });
  return { input, format, reader };
}
