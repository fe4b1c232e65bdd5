/**
 * What every per-file job shares: its options, opening the export as a stream of records (encoding, format and
 * reader, chosen from the file or the options), and the pipeline options that follow from them.
 */
import type { Detector } from '../../shared/detect/finding';
import type { KnownValueIndex } from '../../shared/detect/known-values';
import type { CsvDelimiter } from '../../shared/formats/csv-dialect';
import { createReader } from '../../shared/formats/create-reader';
import { detectFormat } from '../../shared/formats/format-detect';
import type { FormatWarning } from '../../shared/formats/format-warning';
import type { FormatKind, RecordReader } from '../../shared/formats/record';
import type { TextEncodingName } from '../../shared/formats/text-encoding';
import type { BatchDetector } from '../../shared/pipeline/batch-detector';
import type { PipelineOptions, PipelineProgress } from '../../shared/pipeline/run-pipeline';
import type { Policy } from '../../shared/transform/policy';
import { openTextInput, type TextInput } from '../io/text-input';

export interface FileJobOptions {
  readonly inputPath: string;
  readonly policy: Policy;
  readonly detect: Detector['detect'];
  readonly format?: FormatKind;
  readonly encoding?: TextEncodingName;
  readonly onMalformedRow?: 'error' | 'keep';
  /** CSV: this delimiter instead of a sniffed one (an anonymised copy is read with its original's). */
  readonly delimiter?: CsvDelimiter;
  readonly onProgress?: (progress: PipelineProgress & { readonly totalBytes: number }) => void;
  readonly signal?: AbortSignal;
  /** Known values learned beforehand from the whole package (`learnPackageKnownValues`). */
  readonly known?: KnownValueIndex;
  /** CSV output: cells a spreadsheet would run as formulas get a leading apostrophe (default true; see csv-formula-guard). */
  readonly neutraliseFormulas?: boolean;
  /** A record (CSV row, JSON record, NDJSON line) longer than this many UTF-16 units is an error (default 64 Mi). */
  readonly maxRecordChars?: number;
  /** Detection in worker threads (a `DetectPool`); without it, detection runs in this thread. Same results. */
  readonly batchDetector?: BatchDetector;
}

export interface OpenExport {
  readonly input: TextInput;
  readonly format: FormatKind;
  readonly reader: RecordReader;
  /** Filled while the reader is read (e.g. CSV rows kept despite a wrong field count). */
  readonly warnings: readonly FormatWarning[];
  /** The pipeline options every job passes on. */
  readonly pipeline: Pick<PipelineOptions, 'reader' | 'detect' | 'policy' | 'signal' | 'bytesRead' | 'onProgress' | 'known' | 'batchDetector'>;
}

export async function openExport(job: FileJobOptions): Promise<OpenExport> {
  const warnings: FormatWarning[] = [];
  const input = await openTextInput(job.inputPath, job.encoding);
  const format = job.format ?? detectFormat(job.inputPath, input.head);
  const reader = createReader(format, input.chunks, {
    onMalformedRow: job.onMalformedRow,
    onWarning: (w) => warnings.push(w),
    ...(job.delimiter ? { delimiter: job.delimiter } : {}),
    ...(job.neutraliseFormulas === false ? { neutraliseFormulas: false } : {}),
    ...(job.maxRecordChars !== undefined ? { maxRecordChars: job.maxRecordChars } : {}),
  });
  const onProgress = job.onProgress;
  return {
    input,
    format,
    reader,
    warnings,
    pipeline: {
      reader,
      detect: job.detect,
      policy: job.policy,
      signal: job.signal,
      known: job.known,
      batchDetector: job.batchDetector,
      bytesRead: input.bytesRead,
      onProgress: onProgress && ((p) => onProgress({ ...p, totalBytes: input.size })),
    },
  };
}
