/**
 * The anonymisation policy: which operator applies to each type of finding. A profile file is the saved form of a
 * policy; `parseProfile` checks a whole profile before any record is touched, and says exactly what is wrong.
 *
 * This first version knows two operators, `redact` (a type token such as `[EMAIL]`) and `keep`.
 */
import { ENTITY_TYPES, type Detector, type EntityType } from '../detect/finding';
import { createCaseNumberDetector, DEFAULT_CASE_NUMBER_PATTERNS, type CaseNumberPattern } from '../detect/detectors/case-number';
import {
  compileUserRegex,
  createCustomDetectors,
  createDenylistDetector,
  TermListError,
  type CustomDetectorSpec,
  type Term,
  type TermMatch,
} from '../detect/term-lists';

export const OPERATORS = ['redact', 'keep'] as const;
export type OperatorName = (typeof OPERATORS)[number];

export interface Policy {
  /** Operator for types the profile does not name. */
  readonly defaultOperator: OperatorName;
  readonly operators: Readonly<Partial<Record<EntityType, OperatorName>>>;
  /** What `redact` writes; `{type}` stands for the finding's type. */
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

export const DEFAULT_POLICY: Policy = {
  defaultOperator: 'redact',
  // GUIDs are found (and shown) but kept: they identify tickets and tenants, rarely people, and joins need them
  operators: { IDENTIFIER: 'keep' },
  redactTemplate: '[{type}]',
  defaultRegion: 'US',
  minScore: 0.5,
  allow: [],
  deny: [],
  detectors: [],
  caseNumbers: { patterns: [], keepDefaults: true },
};

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

const KNOWN_KEYS = ['version', 'defaultOperator', 'operators', 'redactTemplate', 'defaultRegion', 'minScore', 'allow', 'deny', 'detectors', 'caseNumbers'];
const TERM_MATCHES: readonly TermMatch[] = ['exact', 'case-insensitive', 'regex'];

/** Reads a profile (already parsed from JSON) into a policy, or throws a ProfileError naming the bad key. */
export function parseProfile(json: unknown): Policy {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ProfileError('a profile must be a JSON object');
  const p = json as Record<string, unknown>;
  const unknown = Object.keys(p).filter((k) => !KNOWN_KEYS.includes(k));
  if (unknown.length) throw new ProfileError(`unknown key "${unknown[0]}" (known: ${KNOWN_KEYS.join(', ')})`);
  if (p.version !== 1) throw new ProfileError(`"version" must be 1, found ${JSON.stringify(p.version)}`);

  const operator = (value: unknown, where: string): OperatorName => {
    if (typeof value === 'string' && (OPERATORS as readonly string[]).includes(value)) return value as OperatorName;
    throw new ProfileError(`${where} must be one of ${OPERATORS.join(', ')}, found ${JSON.stringify(value)}`);
  };

  const operators: Partial<Record<EntityType, OperatorName>> = { ...DEFAULT_POLICY.operators };
  if (p.operators !== undefined) {
    if (typeof p.operators !== 'object' || p.operators === null || Array.isArray(p.operators)) {
      throw new ProfileError('"operators" must be an object mapping a type to an operator');
    }
    for (const [type, value] of Object.entries(p.operators)) {
      if (!(ENTITY_TYPES as readonly string[]).includes(type)) {
        throw new ProfileError(`"operators" names an unknown type "${type}" (known: ${ENTITY_TYPES.join(', ')})`);
      }
      operators[type as EntityType] = operator(value, `"operators.${type}"`);
    }
  }
  const redactTemplate = p.redactTemplate ?? DEFAULT_POLICY.redactTemplate;
  if (typeof redactTemplate !== 'string' || redactTemplate.length === 0) throw new ProfileError('"redactTemplate" must be a non-empty string');
  const defaultRegion = p.defaultRegion ?? DEFAULT_POLICY.defaultRegion;
  if (typeof defaultRegion !== 'string' || !/^[A-Z]{2}$/.test(defaultRegion)) {
    throw new ProfileError(`"defaultRegion" must be a two-letter ISO 3166 code such as "GB", found ${JSON.stringify(defaultRegion)}`);
  }
  const minScore = p.minScore ?? DEFAULT_POLICY.minScore;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) throw new ProfileError('"minScore" must be a number from 0 to 1');
  const allow = parseTerms(p.allow, 'allow', false);
  const deny = parseTerms(p.deny, 'deny', true);
  const detectors = parseDetectorSpecs(p.detectors);
  const caseNumbers = parseCaseNumbers(p.caseNumbers);
  try {
    // compile now, so that a bad regex stops the run before any record is read
    createDenylistDetector(deny);
    createCustomDetectors(detectors);
    for (const [i, t] of allow.entries()) if (t.match === 'regex') compileUserRegex(t.value, 'u', `allow[${i}]`);
  } catch (error) {
    if (error instanceof TermListError) throw new ProfileError(error.message);
    throw error;
  }
  return {
    defaultOperator: p.defaultOperator === undefined ? DEFAULT_POLICY.defaultOperator : operator(p.defaultOperator, '"defaultOperator"'),
    operators,
    redactTemplate,
    defaultRegion,
    minScore,
    allow,
    deny,
    detectors,
    caseNumbers,
  };
}

function isType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

/** `["text", {"value": "...", "match": "case-insensitive", "type": "CUSTOM"}, …]` */
function parseTerms(json: unknown, key: string, typed: boolean): Term[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw new ProfileError(`"${key}" must be a list of terms`);
  return json.map((entry, i): Term => {
    const where = `"${key}[${i}]"`;
    if (typeof entry === 'string') return { value: entry, match: 'exact' };
    if (typeof entry !== 'object' || entry === null) throw new ProfileError(`${where} must be a string or {"value", "match", "type"}`);
    const e = entry as Record<string, unknown>;
    const extra = Object.keys(e).filter((k) => !['value', 'match', 'type'].includes(k) || (k === 'type' && !typed));
    if (extra.length) throw new ProfileError(`${where} has an unknown key "${extra[0]}"`);
    if (typeof e.value !== 'string' || e.value === '') throw new ProfileError(`${where}.value must be a non-empty string`);
    const match = e.match ?? 'exact';
    if (!TERM_MATCHES.includes(match as TermMatch)) throw new ProfileError(`${where}.match must be one of ${TERM_MATCHES.join(', ')}`);
    if (e.type !== undefined && !isType(e.type)) throw new ProfileError(`${where}.type is an unknown type "${String(e.type)}"`);
    return { value: e.value, match: match as TermMatch, ...(e.type !== undefined ? { type: e.type as EntityType } : {}) };
  });
}

/** `[{"name": "employee-id", "type": "IDENTIFIER", "regex": "\\bEMP\\d{6}\\b", "flags": "i"}, …]` */
function parseDetectorSpecs(json: unknown): CustomDetectorSpec[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw new ProfileError('"detectors" must be a list of {"name", "type", "regex", "flags"}');
  const names = new Set<string>();
  return json.map((entry, i): CustomDetectorSpec => {
    const where = `"detectors[${i}]"`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ProfileError(`${where} must be {"name", "type", "regex", "flags"}`);
    const e = entry as Record<string, unknown>;
    const extra = Object.keys(e).filter((k) => !['name', 'type', 'regex', 'flags'].includes(k));
    if (extra.length) throw new ProfileError(`${where} has an unknown key "${extra[0]}"`);
    if (typeof e.name !== 'string' || !/^[\w.-]{1,64}$/.test(e.name)) throw new ProfileError(`${where}.name must be 1–64 letters, digits, '_', '.' or '-'`);
    if (names.has(e.name)) throw new ProfileError(`${where}.name "${e.name}" is used twice`);
    names.add(e.name);
    if (!isType(e.type)) throw new ProfileError(`${where}.type must be one of ${ENTITY_TYPES.join(', ')}`);
    if (typeof e.regex !== 'string' || e.regex === '') throw new ProfileError(`${where}.regex must be a non-empty string`);
    if (e.flags !== undefined && typeof e.flags !== 'string') throw new ProfileError(`${where}.flags must be a string such as "i"`);
    return { name: e.name, type: e.type, regex: e.regex, ...(e.flags !== undefined ? { flags: e.flags as string } : {}) };
  });
}

/** `{"patterns": [{"name", "regex", "flags", "score"}], "keepDefaults": true}`; compiled here so a bad one stops the run. */
function parseCaseNumbers(json: unknown): CaseNumberSettings {
  if (json === undefined) return DEFAULT_POLICY.caseNumbers;
  const shape = '"caseNumbers" must be {"patterns": [{"name", "regex", "flags", "score"}], "keepDefaults": true|false}';
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ProfileError(shape);
  const c = json as Record<string, unknown>;
  const extra = Object.keys(c).filter((k) => !['patterns', 'keepDefaults'].includes(k));
  if (extra.length) throw new ProfileError(`"caseNumbers" has an unknown key "${extra[0]}"`);
  if (c.keepDefaults !== undefined && typeof c.keepDefaults !== 'boolean') throw new ProfileError('"caseNumbers.keepDefaults" must be true or false');
  if (c.patterns !== undefined && !Array.isArray(c.patterns)) throw new ProfileError(shape);
  const patterns = ((c.patterns ?? []) as unknown[]).map((entry, i): CaseNumberPattern => {
    const where = `"caseNumbers.patterns[${i}]"`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new ProfileError(`${where} must be {"name", "regex", "flags", "score"}`);
    const e = entry as Record<string, unknown>;
    const unknownKey = Object.keys(e).find((k) => !['name', 'regex', 'flags', 'score'].includes(k));
    if (unknownKey !== undefined) throw new ProfileError(`${where} has an unknown key "${unknownKey}"`);
    if (typeof e.name !== 'string' || typeof e.regex !== 'string') throw new ProfileError(`${where} needs a "name" and a "regex" string`);
    if (e.flags !== undefined && typeof e.flags !== 'string') throw new ProfileError(`${where}.flags must be a string such as "i"`);
    if (e.score !== undefined && typeof e.score !== 'number') throw new ProfileError(`${where}.score must be a number in (0, 1]`);
    return { name: e.name, regex: e.regex, ...(e.flags !== undefined ? { flags: e.flags } : {}), ...(e.score !== undefined ? { score: e.score } : {}) };
  });
  const keepDefaults = c.keepDefaults ?? true;
  if (!keepDefaults && patterns.length === 0) throw new ProfileError('"caseNumbers.keepDefaults" is false but no "patterns" are given');
  const settings = { patterns, keepDefaults };
  try {
    createCaseNumberDetector(allCaseNumberPatterns(settings));
  } catch (error) {
    throw new ProfileError(`"caseNumbers": ${error instanceof Error ? error.message : String(error)}`);
  }
  return settings;
}

function allCaseNumberPatterns(settings: CaseNumberSettings): readonly CaseNumberPattern[] {
  return settings.keepDefaults ? [...DEFAULT_CASE_NUMBER_PATTERNS, ...settings.patterns] : settings.patterns;
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

export function operatorFor(policy: Policy, type: EntityType): OperatorName {
  return policy.operators[type] ?? policy.defaultOperator;
}
