/** Reads the options every command shares, and turns bad values into usage errors that say what is allowed. */
import { readFile } from 'node:fs/promises';
import type { DetectorRegistry } from '../../shared/detect/registry';
import { createPolicyRegistry } from '../../shared/pipeline/policy-registry';
import { ProfileError, type Policy } from '../../shared/transform/policy';
import { presetById, PRESETS } from '../../shared/transform/presets';
import { DEFAULT_POLICY, parseProfile, PROFILE_VERSION } from '../../shared/transform/profile';
import type { FormatKind } from '../../shared/formats/record';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../shared/formats/text-encoding';
import { InputError } from '../io/input-error';
import type { FileJobOptions } from '../jobs/open-export';
import { DEFAULT_BATCH_CHARS, defaultWorkerCount, type DetectPoolOptions } from '../pipeline/detect-pool';
import { describeFsError } from '../io/text-input';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const COMMON_OPTION_SPEC = {
  profile: { type: 'string' },
  preset: { type: 'string' },
  region: { type: 'string' },
  format: { type: 'string' },
  encoding: { type: 'string' },
  'on-malformed-row': { type: 'string' },
  'max-record-chars': { type: 'string' },
  workers: { type: 'string' },
  'batch-kb': { type: 'string' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CommonOptions {
  readonly policy: Policy;
  /** The detectors the policy asks for, built (and its thresholds checked) before any file is touched. */
  readonly registry: DetectorRegistry;
  readonly format?: FormatKind;
  readonly encoding?: TextEncodingName;
  readonly onMalformedRow: 'error' | 'keep';
  /** The record-size limit of the readers (undefined: their default, 64 Mi characters). */
  readonly maxRecordChars?: number;
  /** Detection threads (`--workers`, default one per core; 1: in the main thread) and their batch size. */
  readonly parallel: DetectPoolOptions;
  readonly quiet: boolean;
}

export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], option: string): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${option} must be one of ${allowed.join(', ')}, not "${value}"`);
}

export async function readCommonOptions(values: {
  profile?: string;
  preset?: string;
  region?: string;
  format?: string;
  encoding?: string;
  'on-malformed-row'?: string;
  'max-record-chars'?: string;
  workers?: string;
  'batch-kb'?: string;
  quiet?: boolean;
}): Promise<CommonOptions> {
  if (values.profile !== undefined && values.preset !== undefined) {
    throw new UsageError('give --profile or --preset, not both (a profile can build on a preset with "extends": "<preset>")');
  }
  let policy = DEFAULT_POLICY;
  if (values.profile !== undefined) policy = await loadProfile(values.profile);
  else if (values.preset !== undefined) policy = presetPolicy(values.preset);
  if (values.region !== undefined) {
    if (!/^[A-Za-z]{2}$/.test(values.region)) throw new UsageError(`--region must be a two-letter country code such as GB, not "${values.region}"`);
    policy = { ...policy, defaultRegion: values.region.toUpperCase() };
  }
  let registry: DetectorRegistry;
  try {
    registry = createPolicyRegistry(policy);
  } catch (error) {
    if (error instanceof ProfileError) throw new InputError(error.message, values.profile ?? `--preset ${values.preset ?? ''}`);
    throw error;
  }
  return {
    policy,
    registry,
    format: oneOf(values.format, ['csv', 'json', 'ndjson'] as const, 'format'),
    encoding: oneOf(values.encoding, TEXT_ENCODINGS, 'encoding'),
    onMalformedRow: oneOf(values['on-malformed-row'], ['error', 'keep'] as const, 'on-malformed-row') ?? 'error',
    ...(values['max-record-chars'] !== undefined ? { maxRecordChars: wholeNumber(values['max-record-chars'], 'max-record-chars', MAX_RECORD_CHARS, 1024) } : {}),
    parallel: {
      workers: wholeNumber(values.workers, 'workers', MAX_WORKERS) ?? defaultWorkerCount(),
      batchChars: (wholeNumber(values['batch-kb'], 'batch-kb', MAX_BATCH_KB) ?? DEFAULT_BATCH_CHARS / 1024) * 1024,
    },
    quiet: values.quiet ?? false,
  };
}

const MAX_WORKERS = 64;
const MAX_BATCH_KB = 64 * 1024;
/** V8's longest string is about 512 Mi characters. */
const MAX_RECORD_CHARS = 512 * 1024 * 1024;

/** `--name N`: a whole number from `min` (default 1) to `max`. */
function wholeNumber(value: string | undefined, option: string, max: number, min = 1): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(n >= min && n <= max)) throw new UsageError(`--${option} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

function presetPolicy(id: string): Policy {
  if (!presetById(id)) throw new UsageError(`--preset must be one of ${PRESETS.map((p) => p.id).join(', ')}, not "${id}"`);
  return parseProfile({ version: PROFILE_VERSION, extends: id });
}

export async function loadProfile(path: string): Promise<Policy> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(describeFsError(error), path);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not valid JSON: ${(error as Error).message}`, path);
  }
  try {
    return parseProfile(json);
  } catch (error) {
    if (error instanceof ProfileError) throw new InputError(error.message, path);
    throw error;
  }
}

/** The options of a per-file job that follow from the common options: one function for every command. */
export function fileJob(common: CommonOptions, signal: AbortSignal): (inputPath: string) => FileJobOptions {
  const detect = common.registry.detect.bind(common.registry);
  return (inputPath) => ({
    inputPath,
    policy: common.policy,
    detect,
    format: common.format,
    encoding: common.encoding,
    onMalformedRow: common.onMalformedRow,
    ...(common.maxRecordChars !== undefined ? { maxRecordChars: common.maxRecordChars } : {}),
    signal,
  });
}
