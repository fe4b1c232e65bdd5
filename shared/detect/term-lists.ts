/**
 * Reviewer lists from the profile: allowlist terms (never a finding), denylist terms (always a finding, with a
 * type), and custom regex detectors. Terms match exactly, case-insensitively, or by regex. Every regex is checked
 * when the profile is read: it must compile, must not match the empty string, and must pass safe-regex2's test
 * for catastrophic backtracking, so that a profile cannot make a run hang.
 */
import { fieldGroup, foldFieldName } from '../formats/field-group';
import safeRegex from 'safe-regex2';
import { ENTITY_TYPES, type Detector, type EntityType, type Finding } from './finding';

export type TermMatch = 'exact' | 'case-insensitive' | 'regex';

export interface Term {
  /** The text, or the regex source when `match` is 'regex'. */
  readonly value: string;
  readonly match: TermMatch;
  /** For denylist terms: the type of the finding. */
  readonly type?: EntityType;
  /**
   * For allowlist terms: the one column or JSON field group (`comments[].body`) where the term is allowed, as when
   * a reviewer ignores one finding; without it the term is allowed everywhere.
   */
  readonly field?: string;
}

export interface CustomDetectorSpec {
  readonly name: string;
  readonly type: EntityType;
  readonly regex: string;
  /** Regex flags among i, m, s, u. */
  readonly flags?: string;
}

export class TermListError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TermListError';
  }
}

/** Compiles a user regex for scanning, or throws a TermListError saying what is wrong with it. */
export function compileUserRegex(source: string, flags: string, where: string): RegExp {
  if (!/^[imsu]*$/.test(flags)) throw new TermListError(`${where}: flags may only be i, m, s and u, not "${flags}"`);
  let re: RegExp;
  try {
    re = new RegExp(source, `${flags}g`);
  } catch (error) {
    throw new TermListError(`${where}: not a valid regular expression (${(error as Error).message})`);
  }
  if (new RegExp(`^(?:${source})$`, flags).test('')) throw new TermListError(`${where}: the regular expression matches the empty string`);
  if (!safeRegex(re)) throw new TermListError(`${where}: the regular expression could backtrack catastrophically (nested repetition); simplify it`);
  return re;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A term as a scanning regex: exact and case-insensitive terms match whole words only where they start and end with a word character. */
function termRegex(term: Term, where: string): RegExp {
  if (term.match === 'regex') return compileUserRegex(term.value, 'u', where);
  if (term.value.trim() === '') throw new TermListError(`${where}: a term must not be empty`);
  const escaped = escapeRegex(term.value);
  const start = /^[\p{L}\p{N}_]/u.test(term.value) ? '(?<![\\p{L}\\p{N}_])' : '';
  const end = /[\p{L}\p{N}_]$/u.test(term.value) ? '(?![\\p{L}\\p{N}_])' : '';
  return new RegExp(`${start}${escaped}${end}`, term.match === 'case-insensitive' ? 'giu' : 'gu');
}

/** An allowlist: whether a finding's text is allowed (kept as it is, never reported). */
export function createAllowlist(terms: readonly Term[]): (text: string, field?: string) => boolean {
  if (terms.length === 0) return () => false;
  const everywhere = matcherOf(terms.filter((t) => t.field === undefined));
  const byField = new Map<string, (text: string) => boolean>();
  for (const field of new Set(terms.flatMap((t) => (t.field === undefined ? [] : [foldFieldName(t.field)])))) {
    byField.set(field, matcherOf(terms.filter((t) => t.field !== undefined && foldFieldName(t.field) === field)));
  }
  if (byField.size === 0) return (text) => everywhere(text);
  return (text, field) => everywhere(text) || (field !== undefined && (byField.get(foldFieldName(fieldGroup(field)))?.(text) ?? false));
}

function matcherOf(terms: readonly Term[]): (text: string) => boolean {
  if (terms.length === 0) return () => false;
  const exact = new Set(terms.filter((t) => t.match === 'exact').map((t) => t.value));
  const folded = new Set(terms.filter((t) => t.match === 'case-insensitive').map((t) => t.value.toLowerCase()));
  const patterns = terms
    .filter((t) => t.match === 'regex')
    .map((t, i) => {
      compileUserRegex(t.value, 'u', `allow[${i}]`);
      return new RegExp(`^(?:${t.value})$`, 'u');
    });
  return (text) => exact.has(text) || folded.has(text.toLowerCase()) || patterns.some((p) => p.test(text));
}

function regexDetector(id: string, pattern: string, entries: readonly { re: RegExp; type: EntityType; label: string }[]): Detector {
  return {
    id,
    version: '1',
    types: [...new Set(entries.map((e) => e.type))],
    detect(text) {
      const out: Finding[] = [];
      for (const { re, type, label } of entries) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m !== null; m = re.exec(text)) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          out.push({ start: m.index, end: m.index + m[0].length, type, score: 0.99, detector: id, explanation: { pattern: `${pattern} ${label}`, validation: 'none', context: [] } });
        }
      }
      return out;
    },
  };
}

/** The denylist as one detector: every occurrence of a term is a finding of its type (CUSTOM by default). */
export function createDenylistDetector(terms: readonly Term[]): Detector | undefined {
  if (terms.length === 0) return undefined;
  return regexDetector(
    'denylist',
    'denylist term',
    terms.map((t, i) => ({ re: termRegex(t, `deny[${i}]`), type: t.type ?? 'CUSTOM', label: `#${i + 1}` })),
  );
}

/** One detector per custom regex of the profile, with the id `custom:NAME`. */
export function createCustomDetectors(specs: readonly CustomDetectorSpec[]): Detector[] {
  return specs.map((s, i) => {
    if (!(ENTITY_TYPES as readonly string[]).includes(s.type)) throw new TermListError(`detectors[${i}]: unknown type "${s.type}"`);
    return regexDetector(`custom:${s.name}`, 'custom detector', [{ re: compileUserRegex(s.regex, s.flags ?? '', `detectors[${i}] "${s.name}"`), type: s.type, label: s.name }]);
  });
}
