/** Token tests shared by the PERSON rules. */

import {
  AMBIGUOUS, COMMON, GAP_DOT, GAP_NEWLINE, NAME, SHAPE_LOWER, SHAPE_OTHER, SHAPE_TITLE, SHAPE_UPPER, TOK_DOT_AFTER,
  TOK_GLUED, joined, type Gazetteer, type Tokens,
} from '../../gazetteer';
import type { Finding } from '../../finding';

export interface PersonSpan {
  readonly startToken: number;
  readonly endToken: number;
  readonly finding: Finding;
}

export function isNameShape(tokens: Tokens, t: number): boolean {
  const sh = tokens.shape[t];
  return (sh === SHAPE_TITLE || sh === SHAPE_UPPER) && (tokens.bits[t]! & TOK_GLUED) === 0;
}

export function isWord(tokens: Tokens, t: number): boolean {
  return tokens.shape[t] !== SHAPE_OTHER && (tokens.bits[t]! & TOK_GLUED) === 0;
}

/** Is token t a one-letter initial ("F.")? */
export function isInitial(tokens: Tokens, t: number): boolean {
  return tokens.end[t]! - tokens.start[t]! === 1 && tokens.shape[t] === SHAPE_TITLE && (tokens.bits[t]! & TOK_DOT_AFTER) !== 0;
}

/** Can token t continue the name run that ends at t-1? */
export function continues(tokens: Tokens, t: number): boolean {
  if (t >= tokens.count) return false;
  if (joined(tokens, t)) return true;
  // "John F. Kennedy": after a one-letter initial, ". " is fine.
  const b = tokens.bits[t]!;
  return (b & GAP_DOT) !== 0 && (b & GAP_NEWLINE) === 0 && isInitial(tokens, t - 1);
}


/**
 * An unknown word that looks like an ordinary word rather than a name: an English derivational ending
 * ("Hopefully", "Networking", "Radiographers", "Presbyterian" is not caught) or the plural of a common word.
 */
export function looksLikeWord(tokens: Tokens, g: Gazetteer, t: number): boolean {
  const k = tokens.key(t);
  if (WORD_ENDING.test(k)) return true;
  return k.length > 3 && k.endsWith('s') && g.isCommon(k.slice(0, -1));
}
export const WORD_ENDING = /(?:ly|ing|ed|ment|ments|tion|tions|sion|ness|ity|ous|ful|ive|able|ible|ism|ist|ists|ers|ies|ance|ence|ship|less|est|ized|ised)$/;

/** "bars", "tweets": the plural of a common word is not a name. */
export function isPluralOfCommon(tokens: Tokens, g: Gazetteer, t: number): boolean {
  const k = tokens.key(t);
  return k.length > 3 && k.endsWith('s') && g.isCommon(k.slice(0, -1));
}

/** Is this lower-case / unknown word acceptable as a name word after a strong cue? */
export function plausibleWord(tokens: Tokens, t: number, honorific: boolean): boolean {
  if (!isWord(tokens, t)) return false;
  const len = tokens.end[t]! - tokens.start[t]!;
  if (len < 2) return false;
  const f = tokens.flags(t);
  if (f & COMMON && !(f & NAME)) return false;
  // An English word in lower case that no name list knows ("Customer: unknown").
  if (tokens.shape[t] === SHAPE_LOWER && !(f & NAME) && tokens.englishWord(t)) return false;
  // "mrs. dawn": after an honorific a name that is also a word still counts
  if (f & AMBIGUOUS && tokens.shape[t] === SHAPE_LOWER && !honorific) return false;
  return true;
}

