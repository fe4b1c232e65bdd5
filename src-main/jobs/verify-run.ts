/**
 * The verification that follows every run: each output checked against its input with what the run itself recorded
 * (the transformed originals, hashed into one survival index for the whole package, and the fields each record lost
 * to a drop), and the audit report's verification and risk sections made from the results.
 */
import type { Detector } from '../../shared/detect/finding';
import type { Policy } from '../../shared/transform/policy';
import type { DropLog } from '../../shared/verify/drop-log';
import type { SurvivalIndex } from '../../shared/verify/survival-index';
import type { WrittenValues } from '../../shared/verify/written-values';
import type { ColumnClassification } from '../../shared/detect/finding';
import { suggestQuasiIdentifiers } from '../../shared/verify/quasi-identifiers';
import type { AnonymiseFileResult } from './anonymise-file';
import type { FileJobOptions } from './open-export';
import type { RiskSummary, VerificationSummary } from './audit-report';
import { filePassed, verifyFile, type FileVerification } from './verify-file';

/** Which columns the risk check counts, and the k it aims at. */
export interface RiskChoice {
  /** The k the report aims at (default 5). */
  readonly targetK: number;
  /** The risk options for one file, given its classified columns. */
  forColumns(columns: readonly ColumnClassification[]): { quasiIdentifiers?: readonly string[]; targetK: number };
}

/** Quasi-identifiers suggested from each file's columns; k = 5 unless given. */
export function suggestedRisk(targetK = 5): RiskChoice {
  return { targetK, forColumns: (columns) => ({ quasiIdentifiers: suggestQuasiIdentifiers(columns), targetK }) };
}

export interface VerifyRunOptions {
  readonly policy: Policy;
  readonly detect: Detector['detect'];
  readonly results: readonly AnonymiseFileResult[];
  readonly drops: readonly DropLog[];
  readonly survival: SurvivalIndex;
  readonly written?: WrittenValues;
  readonly risk: RiskChoice;
  readonly format?: AnonymiseFileResult['format'];
  readonly onMalformedRow?: 'error' | 'keep';
  readonly maxRecordChars?: number;
  readonly signal?: AbortSignal;
  /** The residual scan's detection in worker threads (see `FileJobOptions.batchDetector`). */
  readonly batchDetector?: FileJobOptions['batchDetector'];
  /** Called before each file is verified. */
  readonly onFile?: (anonymised: string) => void;
}

export async function verifyRun(options: VerifyRunOptions): Promise<FileVerification[]> {
  const out: FileVerification[] = [];
  for (const [i, result] of options.results.entries()) {
    options.onFile?.(result.output.path);
    out.push(
      await verifyFile({
        originalPath: result.input.path,
        anonymisedPath: result.output.path,
        policy: options.policy,
        detect: options.detect,
        format: result.format,
        encoding: result.encoding,
        anonymisedEncoding: result.outputEncoding,
        ...(options.onMalformedRow ? { onMalformedRow: options.onMalformedRow } : {}),
        ...(options.maxRecordChars !== undefined ? { maxRecordChars: options.maxRecordChars } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        ...(options.batchDetector ? { batchDetector: options.batchDetector } : {}),
        survival: options.survival,
        ...(options.written ? { written: options.written } : {}),
        droppedColumns: new Set(result.summary.droppedColumns),
        mayDrop: (index, path) => options.drops[i]!.mayDrop(index, path),
        ...options.risk.forColumns(result.summary.columns),
      }),
    );
  }
  return out;
}

/** The report's verification section. */
export function verificationSummary(files: readonly FileVerification[], survival?: SurvivalIndex): VerificationSummary {
  const notes = survivalNotes(survival);
  return {
    passed: files.every(filePassed),
    ...(notes.length > 0 ? { notes } : {}),
    files: files.map(({ risk: _risk, ...file }) => file),
  };
}

/** Says so when the survival index was full and some transformed originals were not searched for. */
export function survivalNotes(survival: SurvivalIndex | undefined): string[] {
  if (!survival || survival.skipped === 0) return [];
  return [
    `The survival check searched for ${survival.size.toLocaleString('en')} distinct original values; ` +
      `${survival.skipped.toLocaleString('en')} more (repeats included) were past its memory bound and not searched for.`,
  ];
}

/** The report's risk section, when any file was checked. */
export function riskSummary(files: readonly FileVerification[], targetK: number): RiskSummary | undefined {
  const checked = files.filter((f) => f.risk !== undefined);
  if (checked.length === 0) return undefined;
  return {
    quasiIdentifiers: [...new Set(checked.flatMap((f) => f.risk!.quasiIdentifiers))],
    targetK,
    perFile: checked.map((f) => ({
      file: f.anonymised,
      records: f.risk!.records,
      classes: f.risk!.classes,
      k: f.risk!.k,
      uniqueShare: f.risk!.uniqueShare,
      suggestions: f.risk!.suggestions,
    })),
  };
}
