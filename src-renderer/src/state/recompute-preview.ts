/**
 * The preview computed again under a profile, after every review action: for each record and field, the original
 * value, the findings kept, the anonymised value and where each replacement stands in it, and the field's outcome.
 *
 * It runs the engine as a run would: the profile's detector registry (so deny terms and custom detectors take
 * effect), then the allow terms (field-scoped ones too), the minimum score and the per-detector thresholds, then the
 * FieldTransformer. Known-value findings cannot be found again here (they need the whole file's identity values),
 * so the worker's are carried over and checked against the profile like the others.
 *
 * The output is built piecewise, one `transformField` call per finding, so that each finding maps to its
 * `[outStart, outEnd)` in the anonymised text; outside the replacement spans the anonymised text is the original.
 * Cost: the policy is read once per profile (cached by its JSON text), the registry once per set of detectors, and
 * the built-in detectors' findings are remembered per value (./preview-detection), so that a review action detects
 * again with the profile's own detectors only. Values never reach an error or a log.
 */
import type { ColumnClassification, Finding } from '../../../shared/detect/finding';
import { resolveOverlaps, type DetectorRegistry } from '../../../shared/detect/registry';
import { createAllowlist } from '../../../shared/detect/term-lists';
import { fieldGroup } from '../../../shared/formats/field-group';
import { recordEntity } from '../../../shared/pipeline/run-pipeline';
import { FieldTransformer } from '../../../shared/transform/field-transformer';
import type { KeyedHash } from '../../../shared/transform/keyed-hash';
import { columnRule, isFieldOperator, minScoreFor, operatorFor, profileColumnRole, type OperatorName, type Policy } from '../../../shared/transform/policy';
import { parseProfile } from '../../../shared/transform/profile';
import { detectForPreview, policyRegistry, previewDetection } from './preview-detection';
import type { PreviewField, PreviewRecord } from './preview-model';
import type { ProfileJson } from './profile-edits';

/** What happens to a field in the output. */
export type FieldOutcomeKind = 'unchanged' | 'replaced' | 'dropped' | 'blanked';

/** One stretch of the original that the anonymised text replaces (or keeps, when `changed` is false). */
export interface ReplacementSpan {
  /** In the original value, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** In the anonymised value, end exclusive. */
  readonly outStart: number;
  readonly outEnd: number;
  /** Indexes into the field's findings that this span stands for. */
  readonly findings: readonly number[];
  /** False when the text was kept (operator `keep`, or a replacement equal to the original). */
  readonly changed: boolean;
}

export interface ReviewedFinding extends Finding {
  /** The operator in use: the column's rule, else the type's. */
  readonly operator: OperatorName;
  /** Index into the field's spans; undefined when the field is dropped or blanked. */
  readonly span?: number;
}

/** A preview field under the profile: its findings as kept now, and what the export writes. */
export interface ReviewedField extends PreviewField {
  /** The column or folded JSON path (`comments[].body`) that profiles name. */
  readonly group: string;
  readonly findings: readonly ReviewedFinding[];
  readonly outcome: FieldOutcomeKind;
  /** The value as the export would write it ('' when dropped or blanked). */
  readonly anonymised: string;
  /** Sorted, non-overlapping, in both texts. */
  readonly spans: readonly ReplacementSpan[];
}

export interface ReviewedRecord extends PreviewRecord {
  readonly fields: readonly ReviewedField[];
}

export interface RecomputeOptions {
  /** The project key (or the session's random key): pseudonyms and hashes as the export will write them. */
  readonly key: KeyedHash;
  /** The detectors to run; by default the profile's own registry (built once per profile). */
  readonly registry?: DetectorRegistry;
  /** The file's classified columns (from the preview job): detection context, identity columns, dropped notes. */
  readonly columns?: readonly ColumnClassification[];
}

interface ProfileEntry {
  readonly policy: Policy;
  readonly isAllowed: (text: string, field?: string) => boolean;
}

/** Values shorter than this are not detected, unless their column says what they are (as in detectRecord). */
const MIN_DETECT_LENGTH = 3;
const MAX_CACHED_PROFILES = 8;

const profiles = new Map<string, ProfileEntry>();

/** The policy and allowlist of a profile, built once per distinct JSON text (the last few are kept). */
function profileEntry(profile: ProfileJson): ProfileEntry {
  const text = JSON.stringify(profile);
  let entry = profiles.get(text);
  if (entry) {
    profiles.delete(text); // most recently used last
  } else {
    const policy = parseProfile(profile);
    entry = { policy, isAllowed: createAllowlist(policy.allow) };
    if (profiles.size >= MAX_CACHED_PROFILES) profiles.delete(profiles.keys().next().value!);
  }
  profiles.set(text, entry);
  return entry;
}

interface FieldContext {
  readonly policy: Policy;
  readonly transformer: FieldTransformer;
  readonly droppedColumns: ReadonlySet<string>;
  readonly entity: string;
  readonly column: ColumnClassification | undefined;
}

function spanOf(start: number, end: number, outStart: number, outEnd: number, findings: readonly number[], changed: boolean): ReplacementSpan {
  return { start, end, outStart, outEnd, findings, changed };
}

function reviewed(path: string, group: string, value: string, findings: readonly Finding[], operators: readonly OperatorName[], spans: readonly ReplacementSpan[], outcome: FieldOutcomeKind, anonymised: string): ReviewedField {
  const spanOfFinding = new Map<number, number>();
  spans.forEach((s, i) => s.findings.forEach((f) => spanOfFinding.set(f, i)));
  return {
    path,
    group,
    value,
    findings: findings.map((f, i) => {
      const span = spanOfFinding.get(i);
      return { ...f, operator: operators[i]!, ...(span !== undefined ? { span } : {}) };
    }),
    outcome,
    anonymised,
    spans,
  };
}

/** Each finding replaced by its own operator, one `transformField` call each, the text between them copied. */
function piecewise(value: string, findings: readonly Finding[], group: string, ctx: FieldContext): { anonymised: string; spans: ReplacementSpan[]; changed: boolean } {
  let out = '';
  let pos = 0;
  let changed = false;
  const spans: ReplacementSpan[] = [];
  findings.forEach((f, i) => {
    const original = value.slice(f.start, f.end);
    const outcome = operatorFor(ctx.policy, f.type).operator === 'keep' ? undefined : ctx.transformer.transformField(value, [f], group, ctx.entity, ctx.column?.type);
    const replacement = outcome?.kind === 'replace' ? outcome.value.slice(f.start, outcome.value.length - (value.length - f.end)) : original;
    out += value.slice(pos, f.start);
    spans.push(spanOf(f.start, f.end, out.length, out.length + replacement.length, [i], replacement !== original));
    out += replacement;
    pos = f.end;
    changed ||= replacement !== original;
  });
  return { anonymised: out + value.slice(pos), spans, changed };
}

function transformed(path: string, value: string, findings: readonly Finding[], ctx: FieldContext): ReviewedField {
  const group = fieldGroup(path);
  const rule = columnRule(ctx.policy, group)?.operator;
  const typeOperators = findings.map((f) => operatorFor(ctx.policy, f.type).operator);
  const operators = rule ? findings.map(() => rule.operator) : typeOperators;
  const done = (spans: readonly ReplacementSpan[], outcome: FieldOutcomeKind, anonymised: string) =>
    reviewed(path, group, value, findings, operators, spans, outcome, anonymised);
  const kept = () => findings.map((f, i) => spanOf(f.start, f.end, f.start, f.end, [i], false));

  if (ctx.droppedColumns.has(group)) return reviewed(path, group, value, findings, findings.map(() => 'drop'), [], 'dropped', '');
  if (rule && isFieldOperator(rule.operator)) {
    if (rule.operator === 'drop') return done([], 'dropped', '');
    if (rule.operator === 'blank') return done([], 'blanked', '');
    return done(kept(), 'unchanged', value);
  }
  if (rule) {
    // a column's value operator rewrites the whole (trimmed) value: one span for all its findings
    const outcome = ctx.transformer.transformField(value, findings, group, ctx.entity, ctx.column?.type);
    if (outcome?.kind !== 'replace') return done(kept(), 'unchanged', value);
    const start = value.length - value.trimStart().length;
    const end = value.trimEnd().length;
    const outEnd = outcome.value.length - (value.length - end);
    return done([spanOf(start, end, start, outEnd, findings.map((_, i) => i), true)], 'replaced', outcome.value);
  }
  if (typeOperators.includes('drop')) return done([], 'dropped', '');
  if (typeOperators.includes('blank')) return done([], 'blanked', '');
  const { anonymised, spans, changed } = piecewise(value, findings, group, ctx);
  return done(spans, changed ? 'replaced' : 'unchanged', anonymised);
}

/**
 * The preview under `profile`. Throws the engine's ProfileError if the profile is invalid (its message names the
 * key, never a value). Records and fields keep their order.
 */
export function recomputePreview(records: readonly PreviewRecord[], profile: ProfileJson, options: RecomputeOptions): ReviewedRecord[] {
  const { policy, isAllowed } = profileEntry(profile);
  const detection = previewDetection(options.registry ?? policyRegistry(policy), policy);
  const classified = new Map((options.columns ?? []).map((c) => [c.field, c]));
  const columnOf = (group: string) => profileColumnRole(policy, group) ?? classified.get(group);
  const transformer = new FieldTransformer({ policy, key: options.key });
  const droppedColumns = transformer.droppedColumns([...classified.values()]);

  return records.map((record) => {
    const columns = record.fields.map((f) => columnOf(fieldGroup(f.path)));
    const entity = recordEntity(record.fields, columns);
    return {
      index: record.index,
      fields: record.fields.map((field, i) => {
        const { path, value } = field;
        const column = columns[i];
        const keep = (f: Finding) => f.end <= value.length && f.score >= minScoreFor(policy, f.detector) && !isAllowed(value.slice(f.start, f.end), path);
        const detectable = value.length >= MIN_DETECT_LENGTH || column?.role === 'identifier';
        let found = detectable ? detectForPreview(detection, value, { field: path, defaultRegion: policy.defaultRegion, column }).filter(keep) : [];
        const known = field.findings.filter((f) => f.detector === 'known-value' && keep(f));
        if (known.length > 0) found = resolveOverlaps([...found, ...known]);
        return transformed(path, value, found, { policy, transformer, droppedColumns, entity, column });
      }),
    };
  });
}
