/**
 * Verification of one anonymised file against its original, before anything is shared:
 * - the structure check reads both files in lockstep (same records, same columns or keys, same JSON shape, except
 *   what the policy dropped);
 * - one detection pass over the anonymised file at high sensitivity gives the residual findings (our own
 *   replacements recognised and not counted), the survival check (no transformed original, in any of its
 *   normalised or encoded forms, is found), and the re-identification risk of its quasi-identifiers.
 * Results hold locations (record, field, type, detector), never a value.
 */
import type { EntityType } from '../../shared/detect/finding';
import type { CsvDelimiter } from '../../shared/formats/csv-dialect';
import type { CsvReader } from '../../shared/formats/csv-reader';
import { createAllowlist } from '../../shared/detect/term-lists';
import { FormatError } from '../../shared/formats/record';
import { fieldGroup } from '../../shared/formats/field-group';
import { runPipeline } from '../../shared/pipeline/run-pipeline';
import { columnRule, operatorFor, type Policy } from '../../shared/transform/policy';
import { compareStructure } from '../../shared/verify/structure-check';
import { KAnonymityCounter, type KAnonymityResult } from '../../shared/verify/k-anonymity';
import { createResidualTest, RESIDUAL_MIN_SCORE } from '../../shared/verify/residual-scan';
import type { WrittenValues } from '../../shared/verify/written-values';
import type { SurvivalIndex } from '../../shared/verify/survival-index';
import type { VerificationSummary } from './audit-report';
import { openExport, type FileJobOptions } from './open-export';
import { toInputError } from './to-input-error';

/** Locations listed per file and check; the counts cover everything. */
export const MAX_LOCATIONS = 200;

export interface VerifyFileOptions extends Omit<FileJobOptions, 'inputPath'> {
  readonly originalPath: string;
  readonly anonymisedPath: string;
  /** The anonymised file's encoding when the run wrote another than the input's; default: sniffed. */
  readonly anonymisedEncoding?: FileJobOptions['encoding'];
  /** Every original value that the policy transformed, hashed (filled by the run, or by a replay of the policy). */
  readonly survival: SurvivalIndex;
  /** The pseudonyms the run wrote, to recognise fakes that look exactly like real values. */
  readonly written?: WrittenValues;
  /** Columns or field groups the policy removed from the whole file. */
  readonly droppedColumns: ReadonlySet<string>;
  /** Whether record `index` lost the field at `path` to a `drop` operator. */
  readonly mayDrop?: (index: number, path: string) => boolean;
  /** Quasi-identifier columns for the risk check; none: no risk check. */
  readonly quasiIdentifiers?: readonly string[];
  readonly targetK?: number;
}

export type FileVerification = VerificationSummary['files'][number] & { readonly risk?: KAnonymityResult };

export async function verifyFile(options: VerifyFileOptions): Promise<FileVerification> {
  const { originalPath, anonymisedPath, policy } = options;
  const original = { ...options, inputPath: originalPath };
  // the copy is read with its original's CSV delimiter: after a drop it may have too few columns to sniff one
  const delimiter = await withInputErrors(originalPath, () => csvDelimiterOf(original));
  const anonymisedJob = { ...options, inputPath: anonymisedPath, encoding: options.anonymisedEncoding, ...(delimiter ? { delimiter } : {}) };

  const structure = await withInputErrors(anonymisedPath, async () => {
    const before = await openExport(original);
    const after = await openExport({ ...anonymisedJob, format: before.format });
    return compareStructure(before.reader, after.reader, {
      droppedColumns: options.droppedColumns,
      ...(options.mayDrop ? { mayDrop: options.mayDrop } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  });

  const residualPolicy = highSensitivity(policy);
  const allowed = createAllowlist(policy.allow);
  // whether a column's rule keeps it, looked up once per field group (every finding asks)
  const keptColumns = new Map<string, boolean>();
  const isKeptColumn = (path: string): boolean => {
    const group = fieldGroup(path);
    let kept = keptColumns.get(group);
    if (kept === undefined) keptColumns.set(group, (kept = columnRule(policy, group)?.operator?.operator === 'keep'));
    return kept;
  };
  const written = options.written;
  const isResidual = createResidualTest(policy, written ? { written: (text) => written.has(text) } : {});
  const residual = new LocationList<{ record: number | null; field: string; type: EntityType; detector: string; score: number }>();
  const kept = new LocationList<{ record: number | null; field: string; type: EntityType; detector: string; score: number }>();
  const keptByType: Partial<Record<EntityType, number>> = {};
  const survival = new LocationList<{ record: number | null; field: string; type: EntityType; form: string }>();
  const residualByType: Partial<Record<EntityType, number>> = {};
  const survivalByType: Partial<Record<EntityType, number>> = {};
  const survivalByForm: Record<string, number> = {};
  const risk = options.quasiIdentifiers?.length
    ? new KAnonymityCounter({ quasiIdentifiers: options.quasiIdentifiers, k: options.targetK ?? 5 })
    : undefined;

  await withInputErrors(anonymisedPath, async () => {
    const { pipeline } = await openExport(anonymisedJob);
    await runPipeline({
      ...pipeline,
      policy: residualPolicy,
      onFinding: (record, field, f) => {
        const location = { record: record.index, field: field.path, type: f.type, detector: f.detector, score: f.score };
        const keptColumn = isKeptColumn(field.path);
        if (keptColumn || (operatorFor(policy, f.type).operator === 'keep' && f.score >= policy.minScore)) {
          // kept by the policy's own choice: listed for the reviewer, not a failure
          keptByType[f.type] = (keptByType[f.type] ?? 0) + 1;
          kept.add(location);
        } else if (isResidual(f, field.value, field.path)) {
          residualByType[f.type] = (residualByType[f.type] ?? 0) + 1;
          residual.add(location);
        }
      },
      onRecord: (record) => {
        for (const field of record.fields) {
          for (const hit of options.survival.find(field.value)) {
            // a pseudonym the run wrote may equal another record's original by chance (fictional 555-01xx numbers,
            // names from the shipped lists): what stands there is the pseudonym, not the original
            if (written?.has(field.value.slice(hit.start, hit.end))) continue;
            // a value the reviewer allowed in this column stands there by decision, though it was replaced elsewhere
            if (allowed(field.value.slice(hit.start, hit.end), field.path)) continue;
            survivalByType[hit.type] = (survivalByType[hit.type] ?? 0) + 1;
            survivalByForm[hit.form] = (survivalByForm[hit.form] ?? 0) + 1;
            survival.add({ record: record.index, field: field.path, type: hit.type, form: hit.form });
          }
        }
        if (risk && record.index !== null) {
          const byGroup = new Map<string, string>();
          for (const f of record.fields) {
            const g = fieldGroup(f.path);
            if (!byGroup.has(g)) byGroup.set(g, f.value);
          }
          risk.add((group) => byGroup.get(group));
        }
      },
    });
  });

  return {
    original: originalPath,
    anonymised: anonymisedPath,
    residual: { count: residual.count, byType: residualByType, locations: residual.items },
    kept: { count: kept.count, byType: keptByType, locations: kept.items },
    survival: { count: survival.count, byType: survivalByType, byForm: survivalByForm, locations: survival.items },
    structure,
    ...(risk ? { risk: risk.result() } : {}),
  };
}

/** The delimiter of a CSV file, from its first batch; undefined for JSON and NDJSON. */
async function csvDelimiterOf(job: FileJobOptions): Promise<CsvDelimiter | undefined> {
  const { reader, format } = await openExport(job);
  if (format !== 'csv') return undefined;
  const batches = reader[Symbol.asyncIterator]();
  try {
    await batches.next();
  } finally {
    await batches.return?.();
  }
  return (reader as Partial<CsvReader>).dialect?.delimiter;
}

/** True when nothing residual, nothing surviving, and the structure holds. */
export function filePassed(v: FileVerification): boolean {
  return v.residual.count === 0 && v.survival.count === 0 && v.structure.passed;
}

/** The policy with every threshold lowered to the residual scan's: "every detector at high sensitivity". */
function highSensitivity(policy: Policy): Policy {
  const thresholds = new Map<string, number>();
  for (const [id, score] of policy.thresholds) thresholds.set(id, Math.min(score, RESIDUAL_MIN_SCORE));
  return { ...policy, minScore: Math.min(policy.minScore, RESIDUAL_MIN_SCORE), thresholds };
}

class LocationList<T> {
  readonly items: T[] = [];
  count = 0;
  add(item: T): void {
    this.count++;
    if (this.items.length < MAX_LOCATIONS) this.items.push(item);
  }
}

async function withInputErrors<T>(path: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw error instanceof FormatError ? toInputError(error, path) : error;
  }
}
