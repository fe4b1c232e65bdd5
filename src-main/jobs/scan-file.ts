/** The `scan` job for one file: detection only, with each finding handed to the caller. */
import type { Finding } from '../../shared/detect/finding';
import type { FormatWarning } from '../../shared/formats/format-warning';
import { FormatError, type FormatKind, type SourceRecord, type TextField } from '../../shared/formats/record';
import type { TextEncodingName } from '../../shared/formats/text-encoding';
import { runPipeline, type PipelineSummary } from '../../shared/pipeline/run-pipeline';
import type { FileFacts } from './file-facts';
import { openExport, type FileJobOptions } from './open-export';
import { toInputError } from './to-input-error';

export interface ScanFileOptions extends FileJobOptions {
  readonly onFinding?: (record: SourceRecord, field: TextField, finding: Finding) => void;
  /** Told each record after its detection. */
  readonly onRecord?: (record: SourceRecord) => void;
  /** Awaited after each batch of records, e.g. to write the findings collected so far. */
  readonly afterBatch?: () => Promise<void>;
}

export interface ScanFileResult {
  readonly input: FileFacts;
  readonly format: FormatKind;
  readonly encoding: TextEncodingName;
  readonly summary: PipelineSummary;
  readonly warnings: readonly FormatWarning[];
}

export async function scanFile(options: ScanFileOptions): Promise<ScanFileResult> {
  const { input, format, warnings, pipeline } = await openExport(options);
  try {
    const summary = await runPipeline({
      ...pipeline,
      onFinding: options.onFinding,
      onRecord: options.onRecord,
      afterBatch: options.afterBatch,
    });
    return { input: { path: options.inputPath, bytes: input.bytesRead(), sha256: input.sha256() }, format, encoding: input.encoding, summary, warnings };
  } catch (error) {
    throw error instanceof FormatError ? toInputError(error, options.inputPath) : error;
  }
}
