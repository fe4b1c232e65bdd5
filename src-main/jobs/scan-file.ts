/** The `scan` job for one file: detection only, with each finding handed to the caller. */
import type { Detector, Finding } from '../../shared/detect/finding';
import type { FormatWarning } from '../../shared/formats/format-warning';
import { FormatError, type FormatKind, type SourceRecord, type TextField } from '../../shared/formats/record';
import type { TextEncodingName } from '../../shared/formats/text-encoding';
import { runPipeline, type PipelineProgress, type PipelineSummary } from '../../shared/pipeline/run-pipeline';
import type { Policy } from '../../shared/transform/policy';
import type { FileFacts } from './file-facts';
import { openExport } from './open-export';
import { toInputError } from './to-input-error';

export interface ScanFileOptions {
  readonly inputPath: string;
  readonly policy: Policy;
  readonly detect: Detector['detect'];
  readonly format?: FormatKind;
  readonly encoding?: TextEncodingName;
  readonly onMalformedRow?: 'error' | 'keep';
  readonly onFinding?: (record: SourceRecord, field: TextField, finding: Finding) => void;
  /** Awaited after each batch of records, e.g. to write the findings collected so far. */
  readonly afterBatch?: () => Promise<void>;
  readonly onProgress?: (progress: PipelineProgress & { readonly totalBytes: number }) => void;
  readonly signal?: AbortSignal;
}

export interface ScanFileResult {
  readonly input: FileFacts;
  readonly format: FormatKind;
  readonly encoding: TextEncodingName;
  readonly summary: PipelineSummary;
  readonly warnings: readonly FormatWarning[];
}

export async function scanFile(options: ScanFileOptions): Promise<ScanFileResult> {
  const warnings: FormatWarning[] = [];
  const { input, format, reader } = await openExport(options.inputPath, {
    format: options.format,
    encoding: options.encoding,
    onMalformedRow: options.onMalformedRow,
    onWarning: (w) => warnings.push(w),
  });
  try {
    const summary = await runPipeline({
      reader,
      detect: options.detect,
      policy: options.policy,
      signal: options.signal,
      bytesRead: input.bytesRead,
      onFinding: options.onFinding,
      afterBatch: options.afterBatch,
      onProgress: options.onProgress && ((p) => options.onProgress!({ ...p, totalBytes: input.size })),
    });
    return { input: { path: options.inputPath, bytes: input.bytesRead(), sha256: input.sha256() }, format, encoding: input.encoding, summary, warnings };
  } catch (error) {
    throw error instanceof FormatError ? toInputError(error, options.inputPath) : error;
  }
}
