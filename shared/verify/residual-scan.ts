/**
 * The residual scan of the verification: every detector runs over an anonymised output value at high sensitivity,
 * and what it finds counts as personal data left behind, unless it is one of our own replacements (see
 * own-replacements.ts), allow-listed by the policy, or of a type the policy keeps (IDENTIFIER by default). A
 * detector's span may be a little smaller than the replacement it sits in ("1234" of "**** **** **** 1234",
 * "PERSON_3" of "[PERSON_3]", "10.1.2.0" of "10.1.2.0/24"), so the span is also tried widened to the words
 * around it. A residual finding carries its location, type, detector and score: never the text.
 */
import type { DetectContext, EntityType, Finding } from '../detect/finding';
import { ENTITY_TYPES } from '../detect/finding';
import { createAllowlist } from '../detect/term-lists';
import { operatorFor, type Policy } from '../transform/policy';
import { createOwnReplacementTest } from './own-replacements';

export interface ResidualFinding {
  readonly type: EntityType;
  readonly detector: string;
  readonly score: number;
  readonly start: number;
  readonly end: number;
}

/** "High sensitivity": below the policy's usual 0.5. */
export const RESIDUAL_MIN_SCORE = 0.3;

export interface ResidualScanOptions {
  readonly minScore?: number;
  /**
   * Optional: true for a text the run itself wrote as a replacement (e.g. collected from the transformer's
   * `onPseudonym`), for the fakes that look exactly like real values (IBANs, postal codes, format-preserving ids).
   */
  readonly written?: (text: string) => boolean;
}

/** Types whose replacements are single words: tried on the word that holds a span, whatever the span's type. */
const WORD_TYPES: readonly EntityType[] = ['EMAIL', 'USERNAME', 'HOSTNAME', 'URL', 'IP_ADDRESS', 'MAC_ADDRESS', 'CREDIT_CARD'];
/** How many words a span is widened by on each side. */
const MAX_WIDEN = 3;
const SPACE = /\s/;

/**
 * The test behind the scan, for callers that detect themselves (the verification runs the whole pipeline, with
 * column roles and known values): true when a finding in an output value is residual personal data. Types the
 * policy keeps are not residual here; the caller may still list them apart.
 */
export function createResidualTest(policy: Policy, options: ResidualScanOptions = {}): (finding: Finding, value: string, field?: string) => boolean {
  const minScore = options.minScore ?? RESIDUAL_MIN_SCORE;
  const own = createOwnReplacementTest(policy);
  const allowed = createAllowlist(policy.allow);
  const kept = new Set(ENTITY_TYPES.filter((t) => operatorFor(policy, t).operator === 'keep'));
  const written = options.written ?? (() => false);
  return (f, value, field) => {
    if (f.score < minScore || kept.has(f.type)) return false;
    const text = value.slice(f.start, f.end);
    return !(allowed(text, field) || written(text.trim()) || ownInContext(own, f.type, value, f.start, f.end));
  };
}

/** Findings in one output value that are not our own replacements and not allow-listed by the policy; never the text. */
export function createResidualScanner(
  policy: Policy,
  detect: (text: string, ctx: DetectContext) => Finding[],
  options: ResidualScanOptions = {},
): (value: string, field: string) => ResidualFinding[] {
  const residual = createResidualTest(policy, options);
  return (value, field) =>
    detect(value, { field, defaultRegion: policy.defaultRegion })
      .filter((f) => residual(f, value, field))
      .map((f) => ({ type: f.type, detector: f.detector, score: f.score, start: f.start, end: f.end }));
}

/** The span, the word that holds it, or the span widened by up to MAX_WIDEN words on each side, is ours. */
function ownInContext(own: (type: EntityType, text: string) => boolean, type: EntityType, value: string, start: number, end: number): boolean {
  if (own(type, value.slice(start, end))) return true;
  const lefts = wordStarts(value, start);
  const rights = wordEnds(value, end);
  const word = value.slice(lefts[0], rights[0]);
  if (WORD_TYPES.some((t) => own(t, word))) return true;
  for (const l of lefts) for (const r of rights) if (own(type, value.slice(l, r))) return true;
  return false;
}

/** Where the word holding `pos` starts, then where each of the MAX_WIDEN words before it starts. */
function wordStarts(value: string, pos: number): number[] {
  const out: number[] = [];
  let i = pos;
  while (out.length <= MAX_WIDEN) {
    while (i > 0 && !SPACE.test(value[i - 1]!)) i--;
    out.push(i);
    while (i > 0 && SPACE.test(value[i - 1]!)) i--;
    if (i === 0) break;
  }
  return out;
}

/** Where the word holding `pos - 1` ends, then where each of the MAX_WIDEN words after it ends. */
function wordEnds(value: string, pos: number): number[] {
  const out: number[] = [];
  let i = pos;
  while (out.length <= MAX_WIDEN) {
    while (i < value.length && !SPACE.test(value[i]!)) i++;
    out.push(i);
    while (i < value.length && SPACE.test(value[i]!)) i++;
    if (i === value.length) break;
  }
  return out;
}
