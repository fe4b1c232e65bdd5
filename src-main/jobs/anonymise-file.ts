/**
 * The `run` job for one file: read, detect, apply the policy, and write the anonymised copy atomically in the
 * input's format and encoding (or UTF-8 on request). The CLI and the app both call this.
 */
import { createHash } from 'node:crypto';
import type { FormatWarning } from '../../shared/formats/format-warning';
import { FormatError, type FormatKind } from '../../shared/formats/record';
import { encodeText } from '../../shared/formats/text-codec';
import type { TextEncodingName } from '../../shared/formats/text-encoding';
import type { FieldTransformer } from '../../shared/transform/field-transformer';
import { runPipeline, type PipelineOptions, type PipelineSummary } from '../../shared/pipeline/run-pipeline';
import { createAtomicFile } from '../io/atomic-file';
import { InputError } from '../io/input-error';
import type { FileFacts } from './file-facts';
import { openExport, type FileJobOptions } from './open-export';
import { toInputError } from './to-input-error';

export interface AnonymiseFileOptions extends FileJobOptions {
  readonly outputPath: string;
  /** Applies the policy; one transformer for every file of a package keeps pseudonyms and numbering consistent. */
  readonly transformer: FieldTransformer;
  /** Awaited after each batch (e.g. to let the vault write what it collected). */
  readonly afterBatch?: () => Promise<void>;
  /** Told the fields a record lost to a `drop` operator (for the verification's structure check). */
  readonly onFieldsDropped?: PipelineOptions['onFieldsDropped'];
  /** Defaults to the input's encoding. */
  readonly outputEncoding?: TextEncodingName;
}

export interface AnonymiseFileResult {
  readonly input: FileFacts;
  readonly output: FileFacts;
  readonly format: FormatKind;
  readonly encoding: TextEncodingName;
  readonly outputEncoding: TextEncodingName;
  readonly summary: PipelineSummary;
  /** CSV: cells written with a leading apostrophe because a spreadsheet would have run them as formulas. */
  readonly formulaCellsNeutralised: number;
  readonly warnings: readonly FormatWarning[];
}

export async function anonymiseFile(options: AnonymiseFileOptions): Promise<AnonymiseFileResult> {
  const { input, format, reader, warnings, pipeline } = await openExport(options);
  const outputEncoding = options.outputEncoding ?? input.encoding;
  const file = await createAtomicFile(options.outputPath);
  const hash = createHash('sha256');
  let outBytes = 0;
  try {
    const summary = await runPipeline({
      ...pipeline,
      transformer: options.transformer,
      ...(options.afterBatch ? { afterBatch: options.afterBatch } : {}),
      ...(options.onFieldsDropped ? { onFieldsDropped: options.onFieldsDropped } : {}),
      write: async (text) => {
        let bytes: Uint8Array;
        try {
          bytes = encodeText(text, outputEncoding);
        } catch (error) {
          throw new InputError((error as Error).message, options.outputPath);
        }
        hash.update(bytes);
        outBytes += bytes.length;
        await file.write(bytes);
      },
    });
    await file.commit();
    return {
      input: { path: options.inputPath, bytes: input.bytesRead(), sha256: input.sha256() },
      output: { path: options.outputPath, bytes: outBytes, sha256: hash.digest('hex') },
      format,
      encoding: input.encoding,
      outputEncoding,
      summary,
      formulaCellsNeutralised: reader.formulaCellsNeutralised ?? 0,
      warnings,
    };
  } catch (error) {
    await file.abort();
    throw error instanceof FormatError ? toInputError(error, options.inputPath) : error;
  }
}
