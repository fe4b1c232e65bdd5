/**
 * A whole run over a package of files, as the CLI and the app's worker both do it: learn the identity values of every
 * input, anonymise each file with one transformer (one key: the same customer gets the same pseudonym everywhere),
 * verify every output against its input, and build the audit report. Nothing here prints: callers are told through
 * callbacks.
 */
import type { DetectorRegistry } from '../../shared/detect/registry';
import type { FormatKind } from '../../shared/formats/record';
import type { TextEncodingName } from '../../shared/formats/text-encoding';
import type { PipelineProgress } from '../../shared/pipeline/run-pipeline';
import { createPolicyRegistry } from '../../shared/pipeline/policy-registry';
import { FieldTransformer } from '../../shared/transform/field-transformer';
import type { KeyedHash } from '../../shared/transform/keyed-hash';
import { policyUsesKey, type Policy } from '../../shared/transform/policy';
import { DropLog } from '../../shared/verify/drop-log';
import { SurvivalIndex } from '../../shared/verify/survival-index';
import { WrittenValues } from '../../shared/verify/written-values';
import type { VaultWriter } from '../io/vault-file';
import { totalBytes, withDetectPool, worthWarming, type DetectPool, type DetectPoolOptions } from '../pipeline/detect-pool';
import { anonymiseFile, type AnonymiseFileResult } from './anonymise-file';
import { outputStatement, type AuditReport, type RiskSummary } from './audit-report';
import { learnPackageKnownValues } from './learn-package-known-values';
import type { FileJobOptions } from './open-export';
import { buildRunReport } from './run-report';
import type { FileVerification } from './verify-file';
import { riskSummary, suggestedRisk, verificationSummary, verifyRun, type RiskChoice } from './verify-run';

export type RunStage = 'known-values' | 'anonymise' | 'verify';

export interface RunPackageOptions {
  readonly inputs: readonly string[];
  /** One output path per input, already checked not to overwrite an input. */
  readonly outputs: readonly string[];
  readonly policy: Policy;
  readonly key: KeyedHash;
  /** The tool's version, for the report. */
  readonly version: string;
  /** Default: the registry the policy asks for. */
  readonly registry?: DetectorRegistry;
  readonly vault?: VaultWriter;
  /** Default: quasi-identifiers suggested from the columns, k = 5. */
  readonly risk?: RiskChoice;
  readonly format?: FormatKind;
  readonly encoding?: TextEncodingName;
  readonly outputEncoding?: TextEncodingName;
  readonly onMalformedRow?: 'error' | 'keep';
  /** False writes CSV cells that a spreadsheet would run as formulas as they are (default: neutralised). */
  readonly neutraliseFormulas?: boolean;
  /** The record-size limit of every reader of the run (default 64 Mi characters). */
  readonly maxRecordChars?: number;
  /**
   * Detection (of the run and of its verification) in a pool of worker threads; default, or `workers: 1`: in this
   * thread. The outputs and the report are the same either way.
   */
  readonly parallel?: DetectPoolOptions;
  readonly signal?: AbortSignal;
  readonly onProgress?: (stage: RunStage, file: string, progress: PipelineProgress & { readonly totalBytes: number }) => void;
  /** Told each file when its output is complete (before the verification). */
  readonly onFileDone?: (result: AnonymiseFileResult) => void;
  /** Told each file's verification. */
  readonly onVerified?: (verification: FileVerification) => void;
}

export interface RunPackageResult {
  readonly report: AuditReport;
  readonly passed: boolean;
  readonly results: readonly AnonymiseFileResult[];
  readonly verified: readonly FileVerification[];
}

export async function runPackage(options: RunPackageOptions): Promise<RunPackageResult> {
  return withDetectPool(options.parallel, (pool) => runPackageWith(options, pool));
}

async function runPackageWith(options: RunPackageOptions, pool: DetectPool | undefined): Promise<RunPackageResult> {
  const { policy, key, vault } = options;
  if (options.outputs.length !== options.inputs.length) throw new Error('runPackage: one output per input');
  const registry = options.registry ?? createPolicyRegistry(policy);
  const risk = options.risk ?? suggestedRisk();
  // every original that leaves the output, hashed: the verification checks that none is left in it
  const survival = new SurvivalIndex();
  // and every pseudonym written, so that fakes shaped exactly like real values are recognised as ours
  const written = new WrittenValues();
  const transformer = new FieldTransformer({
    policy,
    key,
    onTransformed: (type, original) => survival.add(type, original),
    onPseudonym: (type, pseudonym, original) => {
      written.add(pseudonym);
      vault?.add(type, pseudonym, original);
    },
  });
  const job = (inputPath: string): FileJobOptions => ({
    inputPath,
    policy,
    detect: registry.detect.bind(registry),
    ...(options.format ? { format: options.format } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
    ...(options.onMalformedRow ? { onMalformedRow: options.onMalformedRow } : {}),
    ...(options.neutraliseFormulas === false ? { neutraliseFormulas: false } : {}),
    ...(options.maxRecordChars !== undefined ? { maxRecordChars: options.maxRecordChars } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(pool ? { batchDetector: pool } : {}),
  });
  const progress = (stage: RunStage, file: string) => options.onProgress && ((p: PipelineProgress & { totalBytes: number }) => options.onProgress!(stage, file, p));

  // the detection workers start while the first pass reads the inputs, unless the inputs are too small to need them
  if (pool && worthWarming(pool, await totalBytes(options.inputs))) pool.warm(policy);
  const results: AnonymiseFileResult[] = [];
  const drops: DropLog[] = [];
  try {
    // first pass: the identity columns of every input, so each requester is found in every record of the package
    const known = await learnPackageKnownValues(options.inputs.map((input) => ({ ...job(input), onProgress: progress('known-values', input) })));
    for (const [i, input] of options.inputs.entries()) {
      const dropLog = new DropLog();
      drops.push(dropLog);
      const result = await anonymiseFile({
        ...job(input),
        known,
        outputPath: options.outputs[i]!,
        ...(options.outputEncoding ? { outputEncoding: options.outputEncoding } : {}),
        transformer,
        ...(vault ? { afterBatch: () => vault.drain() } : {}),
        onFieldsDropped: (record, paths) => dropLog.add(record.index ?? -1, paths),
        onProgress: progress('anonymise', input),
      });
      results.push(result);
      options.onFileDone?.(result);
    }
    await vault?.commit();
  } catch (error) {
    await vault?.abort();
    throw error;
  }

  // every output is checked before anyone shares it
  const verified = await verifyRun({
    policy,
    detect: registry.detect.bind(registry),
    results,
    drops,
    survival,
    written,
    risk,
    ...(options.onMalformedRow ? { onMalformedRow: options.onMalformedRow } : {}),
    ...(options.maxRecordChars !== undefined ? { maxRecordChars: options.maxRecordChars } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(pool ? { batchDetector: pool } : {}),
    onFile: (path) => options.onProgress?.('verify', path, { bytes: 0, totalBytes: 0, records: 0, findings: 0, elapsedMs: 0 }),
  });
  for (const v of verified) options.onVerified?.(v);
  const verification = verificationSummary(verified, survival);
  const report: AuditReport = {
    ...buildRunReport(options.version, policy, results, { fingerprint: key.fingerprint(), ephemeral: key.ephemeral }, transformer.counts()),
    verification,
    ...withRisk(riskSummary(verified, risk.targetK)),
    reviewerDecisions: { allowlisted: policy.allow.length, addedTerms: policy.deny.length + policy.detectors.length, acknowledgements: [] },
    statement: outputStatement({ usesKey: policyUsesKey(policy), vault: vault !== undefined, targetK: risk.targetK, ...smallestK(verified) }),
  };
  return { report, passed: verification.passed, results, verified };
}

/** The smallest k over the files whose risk was checked, for the report's statement. */
function smallestK(files: readonly { readonly risk?: { readonly k: number } }[]): { k?: number } {
  const ks = files.flatMap((f) => (f.risk ? [f.risk.k] : []));
  return ks.length > 0 ? { k: Math.min(...ks) } : {};
}

function withRisk(risk: RiskSummary | undefined): { risk?: RiskSummary } {
  return risk ? { risk } : {};
}
