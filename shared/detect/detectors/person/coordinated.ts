/** `coordinated-name`: words listed with a found name are names too. */

import {
  COMMON, COUNTRY, CUE_CONJUNCTION, CUE_LEGAL_SUFFIX, CUE_STREET, GAP_AMP, GAP_COMMA, GAP_NEWLINE, GAP_SENTENCE,
  MAJOR_CITY, NAME, PLACE, REGION,
  SHAPE_LOWER, SHAPE_UPPER, TOK_GLUED, joined, sentenceInitial, type Tokens,
} from '../../gazetteer';
import { GREETINGS, SIGNOFF_FILLER, SIGNOFF_WORDS } from './cue-words';
import { isNameShape, type PersonSpan } from './token-tests';

/**
 * "Kovalev, Lee and Phillips": a capitalised unknown word listed with found names (comma, "and", "und", "&", "et",
 * "y") is a name too.
 */
/** Is the separator before token t a colon (with spaces)? */
function afterColon(tokens: Tokens, t: number): boolean {
  if (t === 0) return false;
  const s = tokens.text;
  for (let i = tokens.start[t]! - 1; i >= tokens.end[t - 1]!; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x3a) return true;
    if (c !== 0x20 && c !== 0x09) return false;
  }
  return false;
}

export function addCoordinated(tokens: Tokens, out: PersonSpan[]): void {
  if (out.length === 0) return;
  const extra: PersonSpan[] = [];
  // The tokens inside found spans, built on the first candidate (most values have none).
  let taken: Set<number> | null = null;
  const tryAt = (t: number, lower: boolean): void => {
    if (t < 0 || t >= tokens.count || (tokens.bits[t]! & TOK_GLUED) !== 0) return;
    if (taken === null) {
      taken = new Set<number>();
      for (const s of out) for (let i = s.startToken; i < s.endToken; i++) taken.add(i);
    }
    if (taken.has(t)) return;
    if (tokens.end[t]! - tokens.start[t]! < (lower ? 3 : 2)) return;
    const f = tokens.flags(t);
    if (lower) {
      // "natalina, thomas, crystal": lower-case names listed with a lower-case name.
      if (tokens.shape[t] !== SHAPE_LOWER || (!(f & NAME) && (f & (COMMON | PLACE) || /(?:ing|ed|ly)$/.test(tokens.key(t))))) return;
    } else if (!isNameShape(tokens, t) || tokens.shape[t] === SHAPE_UPPER) return;
    // Common words and places are not names here, unless they are also names ("Lang and Fowler").
    // (GeoNames towns share many surnames: "Abakumova, Wallace and Perez".)
    if (f & (COMMON | COUNTRY | REGION | MAJOR_CITY) && !(f & NAME)) return;
    // nor is the last word of a greeting or sign-off ("Mit freundlichen Grüßen, Jonas Weber")
    const lowerWord = tokens.word(t).toLowerCase();
    if (SIGNOFF_WORDS.has(lowerWord) || GREETINGS.has(lowerWord) || SIGNOFF_FILLER.has(lowerWord)) return;
    // A name that is also a word opens a sentence: only after a colon ("They had three: Daisy, Sarah and Nina").
    if (f & COMMON && sentenceInitial(tokens, t) && !afterColon(tokens, t)) return;
    const fn = t + 1 < tokens.count && joined(tokens, t + 1) ? tokens.flags(t + 1) : 0;
    if (fn & (CUE_STREET | CUE_LEGAL_SUFFIX)) return;
    if (t + 1 < tokens.count && joined(tokens, t + 1) && isNameShape(tokens, t + 1)) return;
    const added: PersonSpan = {
      startToken: t,
      endToken: t + 1,
      finding: {
        start: tokens.start[t]!, end: tokens.end[t]!, type: 'PERSON', score: lower ? 0.5 : 0.6, detector: 'person',
        explanation: { pattern: 'coordinated-name', validation: 'none', context: [{ word: 'listed with a name', effect: 0.1 }] },
      },
    };
    taken.add(t);
    extra.push(added);
    queue.push(added);
  };
  const queue = out.slice();
  for (let qi = 0; qi < queue.length; qi++) {
    const s = queue[qi]!;
    if (s.finding.score < 0.5) continue;
    const lower = tokens.shape[s.startToken] === SHAPE_LOWER;
    // After: ", X" / " and X"
    const a = s.endToken;
    if (a < tokens.count) {
      const b = tokens.bits[a]!;
      if (b & GAP_COMMA && !(b & (GAP_NEWLINE | GAP_SENTENCE))) tryAt(a, lower);
      else if ((joined(tokens, a) && tokens.flags(a) & CUE_CONJUNCTION) || (b & GAP_AMP && !(b & GAP_NEWLINE))) tryAt(b & GAP_AMP ? a : a + 1, lower);
    }
    // Before: "X, " / "X and "
    const p = s.startToken - 1;
    if (p >= 0) {
      const b = tokens.bits[s.startToken]!;
      if (b & GAP_COMMA && !(b & (GAP_NEWLINE | GAP_SENTENCE))) tryAt(p, lower);
      else if (joined(tokens, s.startToken) && tokens.flags(p) & CUE_CONJUNCTION && p - 1 >= 0 && joined(tokens, p)) tryAt(p - 1, lower);
      else if (b & GAP_AMP && !(b & GAP_NEWLINE)) tryAt(p, lower);
    }
  }
  for (const x of extra) out.push(x);
}

