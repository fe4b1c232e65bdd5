/**
 * For `anonymise verify` on its own: runs the policy over the original files again, writing nothing, to learn what
 * the run took out of them: every transformed original (hashed into the survival index), the columns each file
 * lost, and the fields each record lost. Which values leave the output does not depend on the key; with the run's
 * key the replay also writes the run's pseudonyms, which the residual scan then recognises.
 */
import type { ColumnClassification } from '../../shared/detect/finding';
import { FieldTransformer } from '../../shared/transform/field-transformer';
import { KeyedHash } from '../../shared/transform/keyed-hash';
import { DropLog } from '../../shared/verify/drop-log';
import type { SurvivalIndex } from '../../shared/verify/survival-index';
import type { WrittenValues } from '../../shared/verify/written-values';
import { FormatError } from '../../shared/formats/record';
import { runPipeline } from '../../shared/pipeline/run-pipeline';
import { learnPackageKnownValues } from './learn-package-known-values';
import { openExport, type FileJobOptions } from './open-export';
import { toInputError } from './to-input-error';

export interface ReplayedFile {
  /** What each column of the original holds, as classified (for the risk check's suggestions). */
  readonly columns: readonly ColumnClassification[];
  readonly droppedColumns: ReadonlySet<string>;
  readonly drops: DropLog;
}

export interface ReplayOptions {
  /** Every transformed original goes here. */
  readonly survival: SurvivalIndex;
  /** The run's key: with it the replay writes the same pseudonyms as the run, and they are collected here. */
  readonly key?: KeyedHash;
  readonly written?: WrittenValues;
}

export async function replayPolicy(files: readonly FileJobOptions[], options: ReplayOptions): Promise<ReplayedFile[]> {
  const { survival, written } = options;
  const key = options.key ?? KeyedHash.random();
  const known = await learnPackageKnownValues(files);
  const out: ReplayedFile[] = [];
  for (const file of files) {
    const transformer = new FieldTransformer({
      policy: file.policy,
      key,
      onTransformed: (type, original) => survival.add(type, original),
      ...(written ? { onPseudonym: (_type, pseudonym) => written.add(pseudonym) } : {}),
    });
    const drops = new DropLog();
    const { pipeline } = await openExport({ ...file, known });
    try {
      const summary = await runPipeline({
        ...pipeline,
        transformer,
        write: () => undefined,
        onFieldsDropped: (record, paths) => drops.add(record.index ?? -1, paths),
      });
      out.push({ columns: summary.columns, droppedColumns: new Set(summary.droppedColumns), drops });
    } catch (error) {
      throw error instanceof FormatError ? toInputError(error, file.inputPath) : error;
    }
  }
  return out;
}
