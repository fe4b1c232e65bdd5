/**
 * Profiles: the saved, versioned JSON form of a policy (schema: `docs/profile.schema.json`). `parseProfile` checks a
 * whole profile, every operator's parameters and every pattern included, before any record is read, and names the
 * key that is wrong. `saveProfile` writes a policy back as a self-contained profile that reproduces the same output.
 *
 * A profile builds on a base (`"extends"`): `"default"` (the built-in policy below, the default), `"none"` (every
 * type uses `defaultOperator` unless named), or a preset's id. Its operators, columns and thresholds override the
 * base's one by one; its lists are added to the base's.
 */
import { ENTITY_TYPES, type ColumnRoleKind, type EntityType } from '../detect/finding';
import type { CaseNumberPattern } from '../detect/detectors/case-number';
import { compileUserRegex, createCustomDetectors, createDenylistDetector, TermListError, type CustomDetectorSpec, type Term, type TermMatch } from '../detect/term-lists';
import { ProfileError } from './operator';
import { validateOperatorParams } from './operator-registry';
import { presetById, PRESETS } from './presets';
import { checkCaseNumbers, OPERATORS, type CaseNumberSettings, type ColumnRule, type OperatorChoice, type OperatorName, type Policy } from './policy';

export const PROFILE_VERSION = 1;

/**
 * The built-in policy: identities get consistent keyed pseudonyms (analysis still works), secrets, national ids and
 * URLs (whose paths and queries carry tokens) are redacted, dates of birth keep only the year, a field holding a confidential note is dropped, and opaque
 * identifiers (GUIDs: tickets, tenants) are kept because joins need them.
 */
export const DEFAULT_PROFILE = {
  version: PROFILE_VERSION,
  name: 'Default',
  extends: 'none',
  defaultOperator: 'redact',
  operators: {
    EMAIL: 'pseudonym',
    PHONE: 'pseudonym',
    IP_ADDRESS: 'pseudonym',
    MAC_ADDRESS: 'pseudonym',
    HOSTNAME: 'pseudonym',
    USERNAME: 'pseudonym',
    PERSON: 'pseudonym',
    LOCATION: 'pseudonym',
    ORGANIZATION: 'pseudonym',
    STREET_ADDRESS: 'pseudonym',
    POSTAL_CODE: 'pseudonym',
    CREDIT_CARD: 'pseudonym',
    IBAN: 'pseudonym',
    CASE_NUMBER: 'pseudonym',
    URL: 'redact',
    SECRET: 'redact',
    NATIONAL_ID: 'redact',
    CUSTOM: 'redact',
    DATE_OF_BIRTH: { operator: 'generalise', date: 'year' },
    CONFIDENTIAL_NOTE: 'drop',
    IDENTIFIER: 'keep',
  },
} as const;

const BUILT_IN_BASES = ['default', 'none'] as const;

const KNOWN_KEYS = [
  '$schema', 'version', 'name', 'description', 'extends', 'defaultOperator', 'operators', 'columns', 'thresholds',
  'redactTemplate', 'defaultRegion', 'minScore', 'allow', 'deny', 'detectors', 'caseNumbers',
];
const TERM_MATCHES: readonly TermMatch[] = ['exact', 'case-insensitive', 'regex'];
const ROLES: readonly ColumnRoleKind[] = ['identifier', 'free-text', 'confidential-note', 'id', 'date', 'category', 'number', 'other'];

/** Reads a profile (already parsed from JSON) into a policy, or throws a ProfileError naming the bad key. */
export function parseProfile(json: unknown): Policy {
  return parseWithBase(json, 0);
}

const EMPTY_BASE: Policy = {
  defaultOperator: { operator: 'redact', params: { template: '[{type}]' }, spec: 'redact' },
  operators: {},
  columns: new Map(),
  thresholds: new Map(),
  redactTemplate: '[{type}]',
  defaultRegion: 'US',
  minScore: 0.5,
  allow: [],
  deny: [],
  detectors: [],
  caseNumbers: { patterns: [], keepDefaults: true },
};

function parseWithBase(json: unknown, depth: number): Policy {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new ProfileError('a profile must be a JSON object');
  const p = json as Record<string, unknown>;
  const unknown = Object.keys(p).filter((k) => !KNOWN_KEYS.includes(k));
  if (unknown.length) throw new ProfileError(`unknown key "${unknown[0]}" (known: ${KNOWN_KEYS.join(', ')})`);
  if (p.version !== PROFILE_VERSION) throw new ProfileError(`"version" must be ${PROFILE_VERSION}, found ${JSON.stringify(p.version)}`);
  const base = resolveBase(p.extends, depth);

  const name = optionalText(p.name, 'name');
  const description = optionalText(p.description, 'description');
  const redactTemplate = p.redactTemplate ?? base.redactTemplate;
  if (typeof redactTemplate !== 'string' || redactTemplate.length === 0) throw new ProfileError('"redactTemplate" must be a non-empty string');
  const choice = (spec: unknown, where: string) => parseOperatorChoice(spec, where, redactTemplate);
  // inherited redact operators without their own template follow this profile's template
  const rebind = (c: OperatorChoice): OperatorChoice =>
    c.operator === 'redact' && redactTemplate !== base.redactTemplate && (typeof c.spec === 'string' || c.spec.template === undefined) ? choice(c.spec, 'redact') : c;

  const operators: Partial<Record<EntityType, OperatorChoice>> = {};
  for (const [type, c] of Object.entries(base.operators) as [EntityType, OperatorChoice][]) operators[type] = rebind(c);
  for (const [type, spec] of Object.entries(objectOf(p.operators, '"operators"', 'an object mapping a type to an operator'))) {
    if (!isType(type)) throw new ProfileError(`"operators" names an unknown type "${type}" (known: ${ENTITY_TYPES.join(', ')})`);
    operators[type] = choice(spec, `"operators.${type}"`);
  }
  const columns = new Map<string, ColumnRule>();
  for (const [column, rule] of base.columns) columns.set(column, rule.operator ? { ...rule, operator: rebind(rule.operator) } : rule);
  for (const [column, rule] of Object.entries(objectOf(p.columns, '"columns"', 'an object mapping a column name to a rule'))) {
    columns.set(column, parseColumnRule(rule, `"columns.${column}"`, choice));
  }
  const thresholds = new Map(base.thresholds);
  for (const [detector, score] of Object.entries(objectOf(p.thresholds, '"thresholds"', 'an object mapping a detector id to a score'))) {
    if (typeof score !== 'number' || !(score >= 0 && score <= 1)) throw new ProfileError(`"thresholds.${detector}" must be a number from 0 to 1`);
    thresholds.set(detector, score);
  }
  const defaultRegion = p.defaultRegion ?? base.defaultRegion;
  if (typeof defaultRegion !== 'string' || !/^[A-Z]{2}$/.test(defaultRegion)) {
    throw new ProfileError(`"defaultRegion" must be a two-letter ISO 3166 code such as "GB", found ${JSON.stringify(defaultRegion)}`);
  }
  const minScore = p.minScore ?? base.minScore;
  if (typeof minScore !== 'number' || !(minScore >= 0 && minScore <= 1)) throw new ProfileError('"minScore" must be a number from 0 to 1');
  const allow = [...base.allow, ...parseTerms(p.allow, 'allow', false)];
  const deny = [...base.deny, ...parseTerms(p.deny, 'deny', true)];
  const detectors = [...base.detectors, ...parseDetectorSpecs(p.detectors)];
  const names = new Set<string>();
  for (const d of detectors) {
    if (names.has(d.name)) throw new ProfileError(`"detectors": the name "${d.name}" is used twice`);
    names.add(d.name);
  }
  const caseNumbers = p.caseNumbers === undefined ? base.caseNumbers : parseCaseNumbers(p.caseNumbers);
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
    ...(name !== undefined ? { name } : {}),
    ...(description !== undefined ? { description } : {}),
    defaultOperator: p.defaultOperator === undefined ? rebind(base.defaultOperator) : choice(p.defaultOperator, '"defaultOperator"'),
    operators,
    columns,
    thresholds,
    redactTemplate,
    defaultRegion,
    minScore,
    allow,
    deny,
    detectors,
    caseNumbers,
  };
}

function resolveBase(value: unknown, depth: number): Policy {
  if (value === undefined || value === 'default') return DEFAULT_POLICY;
  if (value === 'none') return EMPTY_BASE;
  if (typeof value !== 'string') throw new ProfileError(`"extends" must be "default", "none" or a preset's id, found ${JSON.stringify(value)}`);
  const preset = presetById(value)?.profile;
  if (preset === undefined) {
    throw new ProfileError(`"extends" names no preset "${value}" (known: ${[...BUILT_IN_BASES, ...PRESETS.map((p) => p.id)].join(', ')})`);
  }
  if (depth >= 3) throw new ProfileError(`"extends" goes deeper than 3 presets at "${value}"`);
  try {
    return parseWithBase(preset, depth + 1);
  } catch (error) {
    if (error instanceof ProfileError) throw new ProfileError(`preset "${value}": ${error.message}`);
    throw error;
  }
}

function optionalText(value: unknown, key: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ProfileError(`"${key}" must be a string`);
  return value;
}

function objectOf(value: unknown, where: string, what: string): Record<string, unknown> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ProfileError(`${where} must be ${what}`);
  return value as Record<string, unknown>;
}

function isType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

/** `"pseudonym"` or `{"operator": "mask", "keepLast": 4}`. */
export function parseOperatorChoice(spec: unknown, where: string, redactTemplate = '[{type}]'): OperatorChoice {
  const named = typeof spec === 'string' ? spec : typeof spec === 'object' && spec !== null && !Array.isArray(spec) ? (spec as Record<string, unknown>).operator : undefined;
  if (typeof named !== 'string' || !(OPERATORS as readonly string[]).includes(named)) {
    const found = typeof spec === 'string' ? spec : named;
    throw new ProfileError(`${where} must be one of ${OPERATORS.join(', ')} (or {"operator": …, parameters}), found ${JSON.stringify(found ?? spec)}`);
  }
  const operator = named as OperatorName;
  const raw = typeof spec === 'string' ? {} : (spec as Record<string, unknown>);
  // the profile-wide template is the default of every redact operator
  const withDefaults = operator === 'redact' && raw.template === undefined ? { ...raw, template: redactTemplate } : raw;
  const params = validateOperatorParams(operator, withDefaults, where);
  return { operator, params, spec: typeof spec === 'string' ? spec : { ...raw } };
}

function parseColumnRule(json: unknown, where: string, choice: (spec: unknown, where: string) => OperatorChoice): ColumnRule {
  if (typeof json === 'string') return { operator: choice(json, where) };
  const r = objectOf(json, where, '{"role", "type", "operator"} or an operator name');
  const extra = Object.keys(r).find((k) => !['role', 'type', 'operator'].includes(k));
  if (extra !== undefined) throw new ProfileError(`${where} has an unknown key "${extra}" (known: role, type, operator)`);
  if (r.role !== undefined && !ROLES.includes(r.role as ColumnRoleKind)) throw new ProfileError(`${where}.role must be one of ${ROLES.join(', ')}`);
  if (r.type !== undefined && !isType(r.type)) throw new ProfileError(`${where}.type is an unknown type "${String(r.type)}"`);
  if (r.role === 'identifier' && r.type === undefined) throw new ProfileError(`${where}: an identifier column needs a "type" (e.g. "EMAIL")`);
  return {
    ...(r.role !== undefined ? { role: r.role as ColumnRoleKind } : {}),
    ...(r.type !== undefined ? { type: r.type as EntityType } : {}),
    ...(r.operator !== undefined ? { operator: choice(r.operator, `${where}.operator`) } : {}),
  };
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
    // deny terms carry a type; allow terms may be scoped to one column or field group
    const extra = Object.keys(e).filter((k) => !['value', 'match', 'type', 'field'].includes(k) || (k === 'type' && !typed) || (k === 'field' && typed));
    if (extra.length) throw new ProfileError(`${where} has an unknown key "${extra[0]}"`);
    if (e.field !== undefined && (typeof e.field !== 'string' || e.field.trim() === '')) throw new ProfileError(`${where}.field must be a column or field name`);
    if (typeof e.value !== 'string' || e.value === '') throw new ProfileError(`${where}.value must be a non-empty string`);
    const match = e.match ?? 'exact';
    if (!TERM_MATCHES.includes(match as TermMatch)) throw new ProfileError(`${where}.match must be one of ${TERM_MATCHES.join(', ')}`);
    if (e.type !== undefined && !isType(e.type)) throw new ProfileError(`${where}.type is an unknown type "${String(e.type)}"`);
    return {
      value: e.value,
      match: match as TermMatch,
      ...(e.type !== undefined ? { type: e.type as EntityType } : {}),
      ...(e.field !== undefined ? { field: e.field as string } : {}),
    };
  });
}

/** `[{"name": "employee-id", "type": "IDENTIFIER", "regex": "\\bEMP\\d{6}\\b", "flags": "i"}, …]` */
function parseDetectorSpecs(json: unknown): CustomDetectorSpec[] {
  if (json === undefined) return [];
  if (!Array.isArray(json)) throw new ProfileError('"detectors" must be a list of {"name", "type", "regex", "flags"}');
  return json.map((entry, i): CustomDetectorSpec => {
    const where = `"detectors[${i}]"`;
    const e = objectOf(entry, where, '{"name", "type", "regex", "flags"}');
    const extra = Object.keys(e).filter((k) => !['name', 'type', 'regex', 'flags'].includes(k));
    if (extra.length) throw new ProfileError(`${where} has an unknown key "${extra[0]}"`);
    if (typeof e.name !== 'string' || !/^[\w.-]{1,64}$/.test(e.name)) throw new ProfileError(`${where}.name must be 1–64 letters, digits, '_', '.' or '-'`);
    if (!isType(e.type)) throw new ProfileError(`${where}.type must be one of ${ENTITY_TYPES.join(', ')}`);
    if (typeof e.regex !== 'string' || e.regex === '') throw new ProfileError(`${where}.regex must be a non-empty string`);
    if (e.flags !== undefined && typeof e.flags !== 'string') throw new ProfileError(`${where}.flags must be a string such as "i"`);
    return { name: e.name, type: e.type, regex: e.regex, ...(e.flags !== undefined ? { flags: e.flags as string } : {}) };
  });
}

/** `{"patterns": [{"name", "regex", "flags", "score"}], "keepDefaults": true}`; compiled here so a bad one stops the run. */
function parseCaseNumbers(json: unknown): CaseNumberSettings {
  const shape = '{"patterns": [{"name", "regex", "flags", "score"}], "keepDefaults": true|false}';
  const c = objectOf(json, '"caseNumbers"', shape);
  const extra = Object.keys(c).filter((k) => !['patterns', 'keepDefaults'].includes(k));
  if (extra.length) throw new ProfileError(`"caseNumbers" has an unknown key "${extra[0]}"`);
  if (c.keepDefaults !== undefined && typeof c.keepDefaults !== 'boolean') throw new ProfileError('"caseNumbers.keepDefaults" must be true or false');
  if (c.patterns !== undefined && !Array.isArray(c.patterns)) throw new ProfileError(`"caseNumbers" must be ${shape}`);
  const patterns = ((c.patterns ?? []) as unknown[]).map((entry, i): CaseNumberPattern => {
    const where = `"caseNumbers.patterns[${i}]"`;
    const e = objectOf(entry, where, '{"name", "regex", "flags", "score"}');
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
    checkCaseNumbers(settings);
  } catch (error) {
    throw new ProfileError(`"caseNumbers": ${error instanceof Error ? error.message : String(error)}`);
  }
  return settings;
}

/**
 * A policy as a self-contained profile (`"extends": "none"`, every operator spelled out), so that it reproduces the
 * same output even after the built-in defaults or presets change. `parseProfile(saveProfile(p))` equals `p`.
 */
export function saveProfile(policy: Policy): Record<string, unknown> {
  const operators: Record<string, unknown> = {};
  for (const type of ENTITY_TYPES) {
    const c = policy.operators[type];
    if (c) operators[type] = c.spec;
  }
  const columns: Record<string, unknown> = {};
  for (const [name, rule] of policy.columns) {
    columns[name] = { ...(rule.role ? { role: rule.role } : {}), ...(rule.type ? { type: rule.type } : {}), ...(rule.operator ? { operator: rule.operator.spec } : {}) };
  }
  return {
    version: PROFILE_VERSION,
    ...(policy.name !== undefined ? { name: policy.name } : {}),
    ...(policy.description !== undefined ? { description: policy.description } : {}),
    extends: 'none',
    defaultOperator: policy.defaultOperator.spec,
    operators,
    columns,
    thresholds: Object.fromEntries(policy.thresholds),
    redactTemplate: policy.redactTemplate,
    defaultRegion: policy.defaultRegion,
    minScore: policy.minScore,
    allow: policy.allow.map((t) => ({ ...t })),
    deny: policy.deny.map((t) => ({ ...t })),
    detectors: policy.detectors.map((d) => ({ ...d })),
    caseNumbers: { patterns: policy.caseNumbers.patterns.map((p) => ({ ...p })), keepDefaults: policy.caseNumbers.keepDefaults },
  };
}

/** The policy with no profile: the built-in default. */
export const DEFAULT_POLICY: Policy = parseProfile(DEFAULT_PROFILE);
