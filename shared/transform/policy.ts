/**
 * The anonymisation policy: which operator applies to each type of finding. A profile file is the saved form of a
 * policy; `parseProfile` checks a whole profile before any record is touched, and says exactly what is wrong.
 *
 * This first version knows two operators, `redact` (a type token such as `[EMAIL]`) and `keep`.
 */
import { ENTITY_TYPES, type EntityType } from '../detect/finding';

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
}

export const DEFAULT_POLICY: Policy = {
  defaultOperator: 'redact',
  operators: {},
  redactTemplate: '[{type}]',
  defaultRegion: 'US',
  minScore: 0.5,
};

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

const KNOWN_KEYS = ['version', 'defaultOperator', 'operators', 'redactTemplate', 'defaultRegion', 'minScore'];

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

  const operators: Partial<Record<EntityType, OperatorName>> = {};
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
  return {
    defaultOperator: p.defaultOperator === undefined ? DEFAULT_POLICY.defaultOperator : operator(p.defaultOperator, '"defaultOperator"'),
    operators,
    redactTemplate,
    defaultRegion,
    minScore,
  };
}

export function operatorFor(policy: Policy, type: EntityType): OperatorName {
  return policy.operators[type] ?? policy.defaultOperator;
}
