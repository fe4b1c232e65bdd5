/**
 * The anonymisation policy: which operator applies to each type of finding and to each column, the score
 * thresholds, and the profile's lists. A profile file is the saved form of a policy (see `profile.ts`, which
 * reads and writes it); this module holds the policy's shape and the lookups the pipeline makes.
 */
import { foldFieldName } from '../formats/field-group';
import type { ColumnClassification, ColumnRoleKind, Detector, EntityType } from '../detect/finding';
import { createCaseNumberDetector, DEFAULT_CASE_NUMBER_PATTERNS, type CaseNumberPattern } from '../detect/detectors/case-number';
import { createCustomDetectors, createDenylistDetector, type CustomDetectorSpec, type Term } from '../detect/term-lists';

export { ProfileError } from './operator';

/** Operators that rewrite each detected value. */
export const VALUE_OPERATOR_NAMES = ['redact', 'mask', 'hash', 'pseudonym', 'generalise'] as const;
/** Operators on the whole field that holds a finding (or on a whole column). */
export const FIELD_OPERATOR_NAMES = ['drop', 'blank', 'keep'] as const;
export const OPERATORS = [...VALUE_OPERATOR_NAMES, ...FIELD_OPERATOR_NAMES] as const;
export type ValueOperatorName = (typeof VALUE_OPERATOR_NAMES)[number];
export type FieldOperatorName = (typeof FIELD_OPERATOR_NAMES)[number];
export type OperatorName = (typeof OPERATORS)[number];

/** One operator with its checked parameters, and the profile text it came from (so a policy saves back as written). */
export interface OperatorChoice {
  readonly operator: OperatorName;
  /** The parameters as the operator's `validate` returned them. */
  readonly params: unknown;
  /** As written in the profile: `"pseudonym"` or `{"operator": "mask", "keepLast": 4}`. */
  readonly spec: string | Readonly<Record<string, unknown>>;
}

/** What the profile says about one column (CSV header) or field group (JSON `comments[].body`). */
export interface ColumnRule {
  /** Overrides the classifier's role: `identifier` columns feed the known values of the whole package. */
  readonly role?: ColumnRoleKind;
  /** For `identifier`: the type of value the column holds. */
  readonly type?: EntityType;
  /** Applies to every finding in the column (a value operator), or to the column itself (drop, blank, keep). */
  readonly operator?: OperatorChoice;
}

export interface Policy {
  readonly name?: string;
  readonly description?: string;
  /** Operator for types the profile does not name. */
  readonly defaultOperator: OperatorChoice;
  readonly operators: Readonly<Partial<Record<EntityType, OperatorChoice>>>;
  /** Rules per column or field group, by exact name (a Map: names come from the data and may be `__proto__`). */
  readonly columns: ReadonlyMap<string, ColumnRule>;
  /** Minimum score per detector id, overriding `minScore`. */
  readonly thresholds: ReadonlyMap<string, number>;
  /** What `redact` writes unless an operator says otherwise; `{type}` stands for the type, `{n}` for a number per value. */
  readonly redactTemplate: string;
  /** ISO 3166 region for national phone numbers. */
  readonly defaultRegion: string;
  /** Findings scoring below this are ignored. */
  readonly minScore: number;
  /** Text that is never a finding (e.g. the company's own support address). */
  readonly allow: readonly Term[];
  /** Text that is always a finding of the given type (e.g. a project code name). */
  readonly deny: readonly Term[];
  /** Extra regex detectors, each with a type. */
  readonly detectors: readonly CustomDetectorSpec[];
  /** The help desk's own reference formats, and whether the built-in ones (Case #…, INC…, REQ-…) stay on. */
  readonly caseNumbers: CaseNumberSettings;
}

export interface CaseNumberSettings {
  readonly patterns: readonly CaseNumberPattern[];
  readonly keepDefaults: boolean;
}

export function operatorFor(policy: Policy, type: EntityType): OperatorChoice {
  return policy.operators[type] ?? policy.defaultOperator;
}

/**
 * The profile's rule for a column or field group: by exact name, else by name ignoring case and spacing; a repeated
 * CSV column that the reader named `Comment_2` falls back to the rule for `Comment`.
 */
export function columnRule(policy: Policy, group: string): ColumnRule | undefined {
  if (policy.columns.size === 0) return undefined;
  const exact = policy.columns.get(group);
  if (exact) return exact;
  const folded = foldFieldName(group);
  for (const [name, rule] of policy.columns) if (foldFieldName(name) === folded) return rule;
  const repeat = /^(.+)_\d+$/.exec(group);
  return repeat ? columnRule(policy, repeat[1]!) : undefined;
}

/** The role the profile gives a column, as a classification that overrides the classifier's; undefined if it gives none. */
export function profileColumnRole(policy: Policy, group: string): ColumnClassification | undefined {
  const rule = columnRule(policy, group);
  if (!rule?.role) return undefined;
  return { field: group, role: rule.role, ...(rule.type ? { type: rule.type } : {}), confidence: 1, reasons: ['set by the profile'] };
}

/** The lowest score a finding of this detector needs to count. */
export function minScoreFor(policy: Policy, detectorId: string): number {
  return policy.thresholds.get(detectorId) ?? policy.minScore;
}

/** True when some operator of the policy derives its output from the key (pseudonym, hash, or a generalisation's date shift). */
export function policyUsesKey(policy: Policy): boolean {
  const keyed = (c: OperatorChoice | undefined) => c !== undefined && (c.operator === 'pseudonym' || c.operator === 'hash' || c.operator === 'generalise');
  return keyed(policy.defaultOperator) || Object.values(policy.operators).some(keyed) || [...policy.columns.values()].some((r) => keyed(r.operator));
}

export function isFieldOperator(name: OperatorName): name is FieldOperatorName {
  return (FIELD_OPERATOR_NAMES as readonly string[]).includes(name);
}

export function allCaseNumberPatterns(settings: CaseNumberSettings): readonly CaseNumberPattern[] {
  return settings.keepDefaults ? [...DEFAULT_CASE_NUMBER_PATTERNS, ...settings.patterns] : settings.patterns;
}

/** Compiles the case-number patterns, so that a bad one stops the run before any record is read. */
export function checkCaseNumbers(settings: CaseNumberSettings): void {
  createCaseNumberDetector(allCaseNumberPatterns(settings));
}

/**
 * The case-number patterns a policy asks for, or undefined when they are the built-in ones (so the default
 * detector stays in place).
 */
export function policyCaseNumberPatterns(policy: Policy): readonly CaseNumberPattern[] | undefined {
  const c = policy.caseNumbers;
  return c.keepDefaults && c.patterns.length === 0 ? undefined : allCaseNumberPatterns(c);
}

/** The detectors a policy adds to the built-in ones: its denylist and its custom regexes. */
export function policyDetectors(policy: Policy): Detector[] {
  const deny = createDenylistDetector(policy.deny);
  return [...(deny ? [deny] : []), ...createCustomDetectors(policy.detectors)];
}
