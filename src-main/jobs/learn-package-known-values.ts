/**
 * The known-value pass over a whole package: reads the identity columns of every file, so that the detection pass
 * that follows finds each requester's name, e-mail and phone in every record of every file.
 */
import { KnownValueIndex } from '../../shared/detect/known-values';
import { FormatError } from '../../shared/formats/record';
import { learnKnownValues } from '../../shared/pipeline/learn-known-values';
import { profileColumnRole } from '../../shared/transform/policy';
import { openExport, type FileJobOptions } from './open-export';
import { toInputError } from './to-input-error';

const PROGRESS_INTERVAL_MS = 100;

export async function learnPackageKnownValues(files: readonly FileJobOptions[]): Promise<KnownValueIndex> {
  const known = new KnownValueIndex();
  for (const file of files) {
    const { input, reader } = await openExport(file);
    const started = Date.now();
    let lastProgress = 0;
    try {
      await learnKnownValues({
        reader,
        detect: file.detect,
        defaultRegion: file.policy.defaultRegion,
        columnRole: (group) => profileColumnRole(file.policy, group),
        known,
        signal: file.signal,
        onBatch: (records) => {
          const now = Date.now();
          if (!file.onProgress || now - lastProgress < PROGRESS_INTERVAL_MS) return;
          lastProgress = now;
          file.onProgress({ bytes: input.bytesRead(), totalBytes: input.size, records, findings: 0, elapsedMs: now - started });
        },
      });
    } catch (error) {
      throw error instanceof FormatError ? toInputError(error, file.inputPath) : error;
    }
  }
  return known;
}
