/**
 * The operator contract. An operator rewrites one detected value (a finding's text) or a whole field. Its
 * `validate` turns the profile's parameters into typed ones, or throws a ProfileError naming the bad key, so that
 * a whole profile is checked before any record is read; `apply` then never fails on parameters.
 */
import type { EntityType } from '../detect/finding';
import type { KeyedHash } from './keyed-hash';

export class ProfileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileError';
  }
}

/** Everything an operator may use besides the value itself. */
export interface OperatorContext {
  /** The project key (or the run's fresh key): every keyed operator derives from it. */
  readonly key: KeyedHash;
  /** ISO 3166 region for national phone numbers. */
  readonly defaultRegion: string;
  /** A number that stays the same for the same (type, normalised value) throughout the run: `[PERSON_{n}]`. */
  ordinal(type: EntityType, normalised: string): number;
  /**
   * The entity the value belongs to (e.g. the record's requester), for operators that must treat all of one
   * person's values alike, such as a date shift. Empty when the record names nobody.
   */
  readonly entity: string;
  /** Told each pseudonym and its original, for the optional reversible vault. */
  readonly onPseudonym?: (type: EntityType, pseudonym: string, original: string) => void;
}

export interface ValueOperator<P> {
  readonly name: string;
  readonly scope: 'value';
  /** @param where the profile path of the parameters, for error messages, e.g. `"operators.EMAIL"` */
  validate(params: Readonly<Record<string, unknown>>, where: string): P;
  /** @param normalised the value in its type's canonical form (`normaliseValue`), the same for all its spellings */
  apply(value: string, normalised: string, type: EntityType, params: P, context: OperatorContext): string;
}

/** Operators on a whole field: drop it, blank it, or keep it untouched. */
export interface FieldOperator {
  readonly name: 'drop' | 'blank' | 'keep';
  readonly scope: 'field';
  validate(params: Readonly<Record<string, unknown>>, where: string): Record<string, never>;
}

/** Reads the optional parameters of an operator: each getter names the key and what was expected when it is wrong. */
export class Params {
  readonly #seen = new Set<string>(['operator']);
  constructor(
    readonly raw: Readonly<Record<string, unknown>>,
    readonly where: string,
  ) {}

  int(key: string, fallback: number, min: number, max: number): number {
    this.#seen.add(key);
    const v = this.raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      throw new ProfileError(`${this.where}.${key} must be a whole number from ${min} to ${max}, found ${JSON.stringify(v)}`);
    }
    return v;
  }

  string(key: string, fallback: string, check?: (v: string) => string | undefined): string {
    this.#seen.add(key);
    const v = this.raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'string') throw new ProfileError(`${this.where}.${key} must be a string, found ${JSON.stringify(v)}`);
    const problem = check?.(v);
    if (problem !== undefined) throw new ProfileError(`${this.where}.${key} ${problem}`);
    return v;
  }

  oneOf<T extends string>(key: string, fallback: T, allowed: readonly T[]): T {
    this.#seen.add(key);
    const v = this.raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      throw new ProfileError(`${this.where}.${key} must be one of ${allowed.join(', ')}, found ${JSON.stringify(v)}`);
    }
    return v as T;
  }

  bool(key: string, fallback: boolean): boolean {
    this.#seen.add(key);
    const v = this.raw[key];
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') throw new ProfileError(`${this.where}.${key} must be true or false, found ${JSON.stringify(v)}`);
    return v;
  }

  strings(key: string): string[] {
    this.#seen.add(key);
    const v = this.raw[key];
    if (v === undefined) return [];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x === '')) {
      throw new ProfileError(`${this.where}.${key} must be a list of non-empty strings`);
    }
    return v as string[];
  }

  /** Call last: any key not read by a getter is a mistake (a typo would otherwise be silently ignored). */
  done(operator: string): void {
    const extra = Object.keys(this.raw).find((k) => !this.#seen.has(k));
    if (extra !== undefined) throw new ProfileError(`${this.where} has a parameter "${extra}" that the ${operator} operator does not take`);
  }
}
