/**
 * The review actions as pure edits of a profile's JSON: each takes a profile object and returns a new one (the
 * input is never changed), checked whole by the engine's `parseProfile`. An edit that would make the profile
 * invalid is refused with the ProfileError's message, which names the key, never a value from the data.
 *
 * Terms are kept once: adding a term that the profile already holds (the same text, match and field; a string
 * term is the same as `{value, match: "exact"}`) returns the profile unchanged. A field-scoped allow term is not
 * added next to the same term allowed everywhere, and allowing a value everywhere removes its field-scoped copies.
 * Marking a value sensitive removes the allow terms that would hide it (allow terms win over deny terms).
 */
import type { EntityType } from '../../../shared/detect/finding';
import { fieldGroup } from '../../../shared/formats/field-group';
import { ProfileError } from '../../../shared/transform/policy';
import { parseProfile } from '../../../shared/transform/profile';

/** A profile as JSON (`{"version": 1, …}`), the form the jobs and `parseProfile` take. */
export type ProfileJson = Readonly<Record<string, unknown>>;

/** An operator as a profile writes it: `"pseudonym"` or `{"operator": "mask", "keepLast": 4}`. */
export type OperatorSpec = string | Readonly<Record<string, unknown>>;

export type EditResult = { readonly ok: true; readonly profile: ProfileJson } | { readonly ok: false; readonly error: string };

interface TermJson {
  readonly value: string;
  readonly match: string;
  readonly type?: string;
  readonly field?: string;
}

/** The new profile if `parseProfile` accepts it, else the ProfileError's message. */
function checked(profile: ProfileJson): EditResult {
  try {
    parseProfile(profile);
    return { ok: true, profile };
  } catch (error) {
    if (error instanceof ProfileError) return { ok: false, error: error.message };
    throw error;
  }
}

function termOf(entry: unknown): TermJson | undefined {
  if (typeof entry === 'string') return { value: entry, match: 'exact' };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const e = entry as Record<string, unknown>;
  if (typeof e.value !== 'string') return undefined;
  return {
    value: e.value,
    match: typeof e.match === 'string' ? e.match : 'exact',
    ...(typeof e.type === 'string' ? { type: e.type } : {}),
    ...(typeof e.field === 'string' ? { field: e.field } : {}),
  };
}

/** What makes two terms the same term: the text (folded for case-insensitive ones), the match and the field. */
function termKey(t: TermJson): string {
  const value = t.match === 'case-insensitive' ? t.value.toLowerCase() : t.value;
  return JSON.stringify([t.match, value, t.field ?? null]);
}

function listOf(profile: ProfileJson, key: 'allow' | 'deny'): unknown[] {
  const list = profile[key];
  return Array.isArray(list) ? list : [];
}

/** `profile` with `term` added to its `key` list, unless the list already holds it; `without` drops entries first. */
function withTerm(profile: ProfileJson, key: 'allow' | 'deny', term: TermJson, without: (t: TermJson) => boolean = () => false): EditResult {
  if (profile[key] !== undefined && !Array.isArray(profile[key])) return checked(profile); // let parseProfile say what is wrong
  const kept = listOf(profile, key).filter((entry) => {
    const t = termOf(entry);
    return t === undefined || !without(t);
  });
  const present = kept.some((entry) => {
    const t = termOf(entry);
    return t !== undefined && termKey(t) === termKey(term) && (t.type ?? null) === (term.type ?? null);
  });
  if (present && kept.length === listOf(profile, key).length) return checked(profile);
  return checked({ ...profile, [key]: present ? kept : [...kept, { ...term }] });
}

/**
 * Ignore one finding: its text is allowed in its column or field group only (`{value, match: "exact", field}`); a
 * JSON path is stored as its field group (`comments[3].body` → `comments[].body`).
 */
export function ignoreFinding(profile: ProfileJson, finding: { readonly field: string; readonly value: string }): EditResult {
  const field = fieldGroup(finding.field);
  const everywhere = listOf(profile, 'allow').some((entry) => {
    const t = termOf(entry);
    return t !== undefined && t.field === undefined && t.match === 'exact' && t.value === finding.value;
  });
  if (everywhere) return checked(profile);
  return withTerm(profile, 'allow', { value: finding.value, match: 'exact', field });
}

/** Allow a value everywhere (`{value, match: "exact"}`); its field-scoped exact terms become redundant and go. */
export function allowEverywhere(profile: ProfileJson, value: string): EditResult {
  return withTerm(profile, 'allow', { value, match: 'exact' }, (t) => t.field !== undefined && t.match === 'exact' && t.value === value);
}

/**
 * Mark text as sensitive: a deny term `{value, match: "case-insensitive", type}`. A deny term for the same text
 * with another type is replaced; allow terms for the same text (any case, any field) are removed, since they would
 * hide the new finding.
 */
export function markSensitive(profile: ProfileJson, term: { readonly value: string; readonly type: EntityType }): EditResult {
  const folded = term.value.toLowerCase();
  const sameText = (t: TermJson) => t.match !== 'regex' && t.value.toLowerCase() === folded;
  const allowed = listOf(profile, 'allow').filter((entry) => {
    const t = termOf(entry);
    return t === undefined || !sameText(t);
  });
  const base = allowed.length === listOf(profile, 'allow').length ? profile : { ...profile, allow: allowed };
  const denied = { value: term.value, match: 'case-insensitive', type: term.type };
  return withTerm(base, 'deny', denied, (t) => t.match === 'case-insensitive' && t.value.toLowerCase() === folded && t.type !== term.type);
}

function objectAt(profile: ProfileJson, key: string): Record<string, unknown> | undefined {
  const value = profile[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** `object` with `name` set (a data property even for names such as `__proto__`, which come from the data). */
function withEntry(object: Record<string, unknown> | undefined, name: string, value: unknown): Record<string, unknown> {
  return Object.fromEntries([...Object.entries(object ?? {}).filter(([k]) => k !== name), [name, value]]);
}

/** The operator for every finding of `type` (`"operators": {TYPE: spec}`). */
export function setTypeOperator(profile: ProfileJson, type: EntityType, spec: OperatorSpec): EditResult {
  if (profile.operators !== undefined && objectAt(profile, 'operators') === undefined) return checked(profile);
  return checked({ ...profile, operators: withEntry(objectAt(profile, 'operators'), type, spec) });
}

/** The operator for a column or field group (`"columns": {name: spec}`); a rule's role and type are kept. */
export function setColumnOperator(profile: ProfileJson, column: string, spec: OperatorSpec): EditResult {
  const columns = objectAt(profile, 'columns');
  if (profile.columns !== undefined && columns === undefined) return checked(profile);
  const old = columns !== undefined && Object.hasOwn(columns, column) ? columns[column] : undefined;
  const rule = typeof old === 'object' && old !== null && !Array.isArray(old) ? { ...(old as Record<string, unknown>), operator: spec } : spec;
  return checked({ ...profile, columns: withEntry(columns, column, rule) });
}

/** Drops a column or field group from the output, header included. */
export function dropColumn(profile: ProfileJson, column: string): EditResult {
  return setColumnOperator(profile, column, 'drop');
}
