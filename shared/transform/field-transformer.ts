/**
 * Applies a policy to one field: decides, from the column's rule and the types found in it, whether the field is
 * dropped, blanked or kept whole, and otherwise rewrites each finding with its operator. It holds what must stay
 * the same for the whole run: the key, and the numbers that `[PERSON_{n}]` gives each value.
 */
import type { ColumnRoleKind, EntityType, Finding } from '../detect/finding';
import { RecentCache } from '../util/recent-cache';
import type { KeyedHash } from './keyed-hash';
import { normaliseValue } from './normalise-value';
import type { OperatorContext } from './operator';
import { valueOperator } from './operator-registry';
import { columnRule, isFieldOperator, operatorFor, type OperatorChoice, type Policy, type ValueOperatorName } from './policy';

/** What happens to a field: `undefined` leaves it as it is. */
export type FieldOutcome = { readonly kind: 'drop' } | { readonly kind: 'replace'; readonly value: string } | undefined;

export interface FieldTransformerOptions {
  readonly policy: Policy;
  readonly key: KeyedHash;
  /** Told each pseudonym and its original (the optional reversible vault). */
  readonly onPseudonym?: (type: EntityType, pseudonym: string, original: string) => void;
  /**
   * Told each original value that leaves the output (replaced, masked, hashed, generalised, or in a dropped or
   * blanked field), for the verification's survival check. Not told values that are kept.
   */
  readonly onTransformed?: (type: EntityType, original: string) => void;
}

/** Counts of what the operators did, for the run's report. */
export interface TransformCounts {
  readonly byOperator: Partial<Record<string, number>>;
  readonly fieldsDropped: number;
  readonly fieldsBlanked: number;
}

/** Replacements kept per operator choice (each at most twice this many). */
const REPLACEMENT_CACHE_SIZE = 8192;

/** The type of a finding that covers the whole (trimmed) value, if there is one. */
function wholeFindingType(value: string, findings: readonly Finding[]): EntityType | undefined {
  if (findings.length !== 1) return undefined;
  const f = findings[0]!;
  return value.slice(0, f.start).trim() === '' && value.slice(f.end).trim() === '' ? f.type : undefined;
}

export class FieldTransformer {
  readonly #policy: Policy;
  readonly #ordinals = new Map<string, number>();
  /** The column rule's operator per field group (null: none), looked up once per group. */
  readonly #rules = new Map<string, OperatorChoice | null>();
  /** Recent replacements per operator choice: support data repeats the same values heavily. */
  readonly #replacements = new Map<OperatorChoice, RecentCache<string>>();
  readonly #nextOrdinal = new Map<EntityType, number>();
  readonly #byOperator: Partial<Record<string, number>> = {};
  #dropped = 0;
  #blanked = 0;
  /** One context for every value; its entity is set per field. */
  readonly #context: { -readonly [K in keyof OperatorContext]: OperatorContext[K] };
  readonly #onTransformed: ((type: EntityType, original: string) => void) | undefined;

  constructor(options: FieldTransformerOptions) {
    this.#policy = options.policy;
    this.#onTransformed = options.onTransformed;
    const ordinal = (type: EntityType, normalised: string): number => {
      const id = `${type}\u0000${normalised}`;
      let n = this.#ordinals.get(id);
      if (n === undefined) {
        n = (this.#nextOrdinal.get(type) ?? 0) + 1;
        this.#nextOrdinal.set(type, n);
        this.#ordinals.set(id, n);
      }
      return n;
    };
    this.#context = {
      key: options.key,
      defaultRegion: options.policy.defaultRegion,
      ordinal,
      entity: '',
      ...(options.onPseudonym ? { onPseudonym: options.onPseudonym } : {}),
    };
  }

  /**
   * Columns that leave the output entirely: those the profile drops, and confidential-note columns when the policy
   * drops confidential notes.
   */
  droppedColumns(columns: readonly { readonly field: string; readonly role: ColumnRoleKind }[]): Set<string> {
    const out = new Set<string>();
    const notes = operatorFor(this.#policy, 'CONFIDENTIAL_NOTE').operator === 'drop';
    for (const c of columns) {
      const rule = columnRule(this.#policy, c.field)?.operator?.operator;
      if (rule === 'drop' || (rule === undefined && notes && c.role === 'confidential-note')) out.add(c.field);
    }
    return out;
  }

  /**
   * @param findings non-overlapping, sorted by start (as the detector registry returns them)
   * @param group the field's column or folded JSON path
   * @param entity who the record is about (e.g. its requester's e-mail), for operators that treat one person alike
   * @param columnType the type of value the column holds, when it is an identity column
   */
  transformField(value: string, findings: readonly Finding[], group: string, entity: string, columnType?: EntityType): FieldOutcome {
    const rule = this.#ruleFor(group);
    if (rule && isFieldOperator(rule.operator)) {
      if (rule.operator !== 'keep') this.#tellTransformed(value, findings);
      return this.#fieldOperator(rule.operator, value);
    }
    this.#context.entity = entity;
    // a column's value operator rewrites the whole value, found or not ("Requester id": hash, "created_at": generalise)
    if (rule) {
      const type = columnType ?? wholeFindingType(value, findings) ?? 'CUSTOM';
      const outcome = this.#wholeValue(rule, value, type);
      if (outcome) {
        this.#tellTransformed(value, findings);
        this.#onTransformed?.(type, value.trim());
      }
      return outcome;
    }
    if (findings.length === 0) return undefined;
    let fieldLevel: 'drop' | 'blank' | undefined;
    for (const f of findings) {
      const op = operatorFor(this.#policy, f.type).operator;
      if (op === 'drop') fieldLevel = 'drop';
      else if (op === 'blank') fieldLevel ??= 'blank';
    }
    if (fieldLevel) {
      this.#tellTransformed(value, findings);
      return this.#fieldOperator(fieldLevel, value);
    }

    let out = '';
    let pos = 0;
    let changed = false;
    for (const f of findings) {
      const op = operatorFor(this.#policy, f.type);
      if (op.operator === 'keep') continue;
      const original = value.slice(f.start, f.end);
      const replacement = this.#apply(op, original, f.type);
      if (replacement === original) continue;
      this.#onTransformed?.(f.type, original);
      out += value.slice(pos, f.start) + replacement;
      pos = f.end;
      changed = true;
    }
    return changed ? { kind: 'replace', value: out + value.slice(pos) } : undefined;
  }

  counts(): TransformCounts {
    return { byOperator: { ...this.#byOperator }, fieldsDropped: this.#dropped, fieldsBlanked: this.#blanked };
  }

  #tellTransformed(value: string, findings: readonly Finding[]): void {
    if (!this.#onTransformed) return;
    // a type the policy keeps may stand elsewhere in the output by design (a ticket GUID in a dropped note)
    for (const f of findings) if (operatorFor(this.#policy, f.type).operator !== 'keep') this.#onTransformed(f.type, value.slice(f.start, f.end));
  }

  #wholeValue(rule: OperatorChoice, value: string, type: EntityType): FieldOutcome {
    const start = value.length - value.trimStart().length;
    const end = value.trimEnd().length;
    if (end <= start) return undefined;
    const core = value.slice(start, end);
    const replaced = this.#apply(rule, core, type);
    return replaced === core ? undefined : { kind: 'replace', value: value.slice(0, start) + replaced + value.slice(end) };
  }

  #ruleFor(group: string): OperatorChoice | null {
    let rule = this.#rules.get(group);
    if (rule === undefined) {
      rule = columnRule(this.#policy, group)?.operator ?? null;
      if (this.#rules.size < 10_000) this.#rules.set(group, rule);
    }
    return rule;
  }

  #fieldOperator(name: 'drop' | 'blank' | 'keep', value: string): FieldOutcome {
    if (name === 'keep') return undefined;
    this.#byOperator[name] = (this.#byOperator[name] ?? 0) + 1;
    if (name === 'drop') {
      this.#dropped++;
      return { kind: 'drop' };
    }
    this.#blanked++;
    return value === '' ? undefined : { kind: 'replace', value: '' };
  }

  #apply(op: OperatorChoice, original: string, type: EntityType): string {
    const name = op.operator as ValueOperatorName;
    this.#byOperator[name] = (this.#byOperator[name] ?? 0) + 1;
    let cache = this.#replacements.get(op);
    if (!cache) this.#replacements.set(op, (cache = new RecentCache(REPLACEMENT_CACHE_SIZE)));
    // a generalisation may shift dates per person: its result depends on the record's entity too
    const entity = name === 'generalise' ? this.#context.entity : '';
    return cache.get(`${type}\u0000${entity}\u0000${original}`, () => {
      const normalised = normaliseValue(type, original, this.#policy.defaultRegion);
      return valueOperator(name).apply(original, normalised, type, op.params, this.#context);
    });
  }
}
