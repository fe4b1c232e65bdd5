/**
 * The audit report of a run: the JSON run report plus what the verification found, the re-identification risk, the
 * reviewer's decisions and a plain-language statement of what the output is (pseudonymised or anonymised).
 * Like the run report, it holds locations (file, record, field path, type) and counts, never a value from the data.
 */
import type { EntityType } from '../../shared/detect/finding';
import type { RunReport } from './run-report';

/** Where something was found: a 0-based record index (`null` outside the record arrays of a JSON file) and a field path. */
interface Location {
  readonly record: number | null;
  readonly field: string;
  readonly type: EntityType;
}

export interface VerificationSummary {
  /** True when no file has a residual finding, a surviving original value or a structure problem. */
  readonly passed: boolean;
  /** What limited the checks, if anything (e.g. a survival index that was full), in plain words without values. */
  readonly notes?: readonly string[];
  readonly files: readonly {
    readonly original: string;
    readonly anonymised: string;
    /** What the detectors still find in the anonymised output. `locations` may be capped below `count`. */
    readonly residual: {
      readonly count: number;
      readonly byType: Partial<Record<EntityType, number>>;
      readonly locations: readonly (Location & { readonly detector: string; readonly score: number })[];
    };
    /** Personal data of types the policy keeps (e.g. IDENTIFIER), found in the output: listed, not a failure. */
    readonly kept?: {
      readonly count: number;
      readonly byType: Partial<Record<EntityType, number>>;
      readonly locations: readonly (Location & { readonly detector: string; readonly score: number })[];
    };
    /** Original values found again, as is or in another spelling (`form`), in the output. `locations` may be capped. */
    readonly survival: {
      readonly count: number;
      readonly byType: Partial<Record<EntityType, number>>;
      readonly byForm: Readonly<Record<string, number>>;
      readonly locations: readonly (Location & { readonly form: string })[];
    };
    /** Whether the output has the input's records and shape. */
    readonly structure: {
      readonly passed: boolean;
      readonly originalRecords: number;
      readonly anonymisedRecords: number;
      /** May be capped below `problemCount`. */
      readonly problems: readonly { readonly record: number | null; readonly kind: string; readonly field?: string }[];
      /** How many problems there were in all, when `problems` was capped. */
      readonly problemCount?: number;
    };
  }[];
}

/** k-anonymity over the quasi-identifier columns, per file, with generalisations that would reach the target k. */
export interface RiskSummary {
  readonly quasiIdentifiers: readonly string[];
  readonly targetK: number;
  readonly perFile: readonly {
    readonly file: string;
    readonly records: number;
    /** Equivalence classes: distinct combinations of the quasi-identifiers. */
    readonly classes: number;
    /** The size of the smallest class. */
    readonly k: number;
    /** 0..1: the share of records alone in their class. */
    readonly uniqueShare: number;
    readonly suggestions: readonly { readonly levels: Readonly<Record<string, string>>; readonly k: number; readonly uniqueShare: number }[];
  }[];
}

export interface AuditReport extends RunReport {
  readonly verification?: VerificationSummary;
  readonly risk?: RiskSummary;
  readonly reviewerDecisions: {
    readonly allowlisted: number;
    readonly addedTerms: number;
    readonly acknowledgements: readonly Acknowledgement[];
    /** Set once acknowledgements were written: whether every residual finding and surviving value is acknowledged. */
    readonly acknowledgedAll?: boolean;
  };
  readonly statement: { readonly kind: 'pseudonymised' | 'anonymised' | 'de-identified'; readonly text: string };
}

/** A residual finding (or surviving original value) the reviewer acknowledged: where and what, never the value. */
export interface Acknowledgement {
  /** The residual's id, e.g. "file:record:field:type" (":form" added for a surviving value). */
  readonly residual: string;
  readonly kind?: 'residual' | 'survival';
  /** The anonymised file's base name, the 0-based record (null outside the record arrays) and the field path. */
  readonly file?: string;
  readonly record?: number | null;
  readonly field?: string;
  readonly type?: string;
  readonly by?: string;
  readonly at: string;
  readonly note?: string;
}

/**
 * The plain-language statement: pseudonymised when the policy uses keyed operators (pseudonym, hash, date shift:
 * reversible with the key) or a vault was written; anonymised only when neither holds AND the re-identification
 * check reached its target k (the security checklist's rule); otherwise de-identified: nothing can be restored,
 * but records may still be singled out, or the risk was not assessed.
 */
export function outputStatement(options: { usesKey: boolean; vault: boolean; k?: number; targetK?: number }): AuditReport['statement'] {
  if (options.usesKey || options.vault) {
    const how = [
      options.usesKey ? 'keyed operators (pseudonyms, keyed hashes or date shifts) that whoever holds the project key can link back to the original values' : '',
      options.vault ? 'an encrypted vault that maps each pseudonym back to its original value' : '',
    ].filter((s) => s !== '');
    const holder = options.usesKey && options.vault ? 'the key or the vault exists' : options.usesKey ? 'the key exists' : 'the vault exists';
    return {
      kind: 'pseudonymised',
      text:
        `The output is pseudonymised, not anonymised: it was produced with ${how.join(', and with ')}. ` +
        `While ${holder}, the output is still personal data and must be protected as such.`,
    };
  }
  const k =
    options.k === undefined
      ? 'The re-identification risk of the remaining columns was not assessed.'
      : options.k <= 1
        ? 'At least one record is unique on its quasi-identifiers (k = 1), so it may be singled out: see the re-identification risk section.'
        : `Every record shares its quasi-identifiers with at least ${options.k - 1} other${options.k === 2 ? '' : 's'} (k = ${options.k}): see the re-identification risk section.`;
  const restored = 'no keyed operator was used and no vault was written, so the values that were found cannot be restored from the output.';
  if (options.k !== undefined && options.k >= (options.targetK ?? 2)) {
    return {
      kind: 'anonymised',
      text:
        `The output is anonymised: ${restored} Whether it is anonymous in law also depends on values the detectors ` +
        `may have missed. ${k}`,
    };
  }
  return {
    kind: 'de-identified',
    text:
      `The output is de-identified but not shown to be anonymous: ${restored} ${k} Until the risk is assessed and ` +
      'acceptable, treat the output as personal data.',
  };
}
