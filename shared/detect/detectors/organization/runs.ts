/** Cue phrases before a company (employment, "is from") and the capitalised runs they take. */

import {
  CUE_EMPLOYMENT_END, CUE_FROM_SUBJECT, CUE_ORG_HEAD, CUE_STREET, COMMON, GAP_AMP, GAP_COMMA, GAP_NEWLINE, GAP_SENTENCE, NAME,
  PLACE, SHAPE_LOWER, SHAPE_MIXED, SHAPE_OTHER, SHAPE_TITLE, SHAPE_UPPER, TOK_GLUED, joined, type Gazetteer,
  type Tokens,
} from '../../gazetteer';
import { isPluralOfCommon } from '../person/token-tests';

/** Words that join the names of a list or of a firm ("Smith and Sons", "Flightstats, Transunion and Impaq"). */
export const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'und', 'et', 'y']);

/** Phrases before an employer ("works at", "arbeite bei", "travaille chez"). */
export const EMPLOYMENT: readonly (readonly string[])[] = [
  ['works', 'at'], ['work', 'at'], ['working', 'at'], ['worked', 'at'], ['works', 'for'], ['work', 'for'],
  ['working', 'for'], ['worked', 'for'], ['employed', 'by'], ['employed', 'at'], ['employee', 'of'], ['job', 'at'],
  ['joined'], ['employer'], ['employer', 'is'], ['intern', 'at'], ['manager', 'at'], ['engineer', 'at'],
  ['developer', 'at'], ['ceo', 'of'], ['founder', 'of'], ['cto', 'of'], ['on', 'behalf', 'of'], ['company', 'is'],
  ['arbeite', 'bei'], ['arbeitet', 'bei'], ['arbeiten', 'bei'], ['tätig', 'bei'], ['angestellt', 'bei'],
  ['beschäftigt', 'bei'], ['firma'], ['travaille', 'chez'], ['travaillons', 'chez'], ['travaille', 'pour'],
  ['trabajo', 'en'], ['trabaja', 'en'], ['trabajo', 'para'], ['trabaja', 'para'], ['empresa'],
];
export const EMPLOYMENT_LAST = new Set(EMPLOYMENT.map((p) => p[p.length - 1]!));

export function isCapWord(tokens: Tokens, t: number): boolean {
  const sh = tokens.shape[t];
  return (sh === SHAPE_TITLE || sh === SHAPE_UPPER || sh === SHAPE_MIXED) && (tokens.bits[t]! & TOK_GLUED) === 0;
}

export function isWord(tokens: Tokens, t: number): boolean {
  return t >= 0 && t < tokens.count && tokens.shape[t] !== SHAPE_OTHER && (tokens.bits[t]! & TOK_GLUED) === 0;
}


export function employmentCueBefore(tokens: Tokens, t: number): string | null {
  const p = t - 1;
  if (!isWord(tokens, p) || !(tokens.flags(p) & CUE_EMPLOYMENT_END)) return null;
  const k = tokens.key(p);
  for (const phrase of EMPLOYMENT) {
    const m = phrase.length;
    if (phrase[m - 1] !== k || p - m + 1 < 0) continue;
    let ok = true;
    for (let i = 0; i < m - 1; i++) {
      const x = p - m + 1 + i;
      if (!isWord(tokens, x) || tokens.key(x) !== phrase[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return phrase.join(' ');
  }
  return null;
}

export const FROM_SUBJECTS = new Set(['is', 'am', "i'm", 'im', 'are', "we're", "he's", "she's", 'was', 'were', 'calling', 'writing']);

/** "X is from", "I'm from", "calling from": the word before 'from' is a form of be or a calling verb. */
export function fromCueBefore(tokens: Tokens, t: number): string | null {
  const p = t - 1;
  if (!isWord(tokens, p) || !(tokens.flags(p) & CUE_FROM_SUBJECT) || tokens.key(p) !== 'from' || !isWord(tokens, p - 1)) return null;
  if (!(tokens.flags(p - 1) & CUE_FROM_SUBJECT)) return null;
  const k = tokens.key(p - 1);
  return (tokens.bits[p]! & (GAP_NEWLINE | GAP_SENTENCE)) === 0 ? `${k} from` : null;
}

/** End of a run of capitalised words (max 4) starting at t, allowing "&" and "and" between capitalised words. */
export function capRunEnd(tokens: Tokens, t: number): number {
  let e = t;
  while (e < tokens.count && e - t < 4) {
    if (e > t && !(joined(tokens, e) || (tokens.bits[e]! & GAP_AMP && !(tokens.bits[e]! & (GAP_NEWLINE | GAP_COMMA | GAP_SENTENCE))))) break;
    if (!isCapWord(tokens, e)) break;
    const f = tokens.flags(e);
    if (e > t && f & COMMON && !(f & (NAME | PLACE)) && tokens.shape[e] === SHAPE_TITLE && !(f & CUE_ORG_HEAD)) break;
    e++;
  }
  return e;
}

/**
 * After a cue ("works at", "is from"), a run of capitalised words is one name even where some of them are common
 * words ("Amazon Web Services", "Business Monitor International"): up to five words, and not ending in a common
 * word that the plain run would have left out.
 */
export function cuedRunEnd(tokens: Tokens, t: number): number {
  const plain = capRunEnd(tokens, t);
  if (plain === t) return t;
  let e = plain;
  while (e < tokens.count && e - t < 5 && joined(tokens, e) && tokens.shape[e] === SHAPE_TITLE && !(tokens.bits[e]! & TOK_GLUED)) e++;
  return e;
}

/** "a year at BBC": an acronym (2-6 capitals) that is no known word, country or software term. */
export function acronymEnd(tokens: Tokens, t: number): number {
  const len = tokens.end[t]! - tokens.start[t]!;
  if (len < 2 || len > 6 || tokens.bits[t]! & TOK_GLUED || tokens.flags(t) & (COMMON | PLACE) || tokens.knownWord(t)) return t;
  if (t + 1 < tokens.count && joined(tokens, t + 1) && tokens.shape[t + 1] !== SHAPE_LOWER) return t;
  return t + 1;
}

export function isKnownPersonOrPlace(tokens: Tokens, g: Gazetteer, a: number, e: number): boolean {
  // Two words with a known given name first: a person ("works for John Smith").
  const f = tokens.flags(a);
  if (e - a >= 2 && f & NAME && !(f & COMMON)) return true;
  if (e - a === 1 && f & (PLACE | NAME) && !(f & COMMON)) return true;
  if (e - a === 1 && f & COMMON) return true;
  void g;
  return false;
}


/**
 * "a year at Inrix Traffic", "worked with Bradstreet Partners Group": after at/for/with, a capitalised word outside
 * every list and the English vocabulary, with the capitalised words after it (up to four words, not a street).
 */
export function unknownRunAfterPreposition(tokens: Tokens, g: Gazetteer, t: number): number {
  if (tokens.shape[t] !== SHAPE_TITLE || tokens.bits[t]! & TOK_GLUED || tokens.end[t]! - tokens.start[t]! < 3) return t;
  // (no suffix test: "Solarlist", "Costquest", "Citysourced" are names; English words are in the vocabulary)
  if (tokens.flags(t) !== 0 || tokens.knownWord(t) || isPluralOfCommon(tokens, g, t)) return t;
  let e = t + 1;
  while (e < tokens.count && e - t < 4 && joined(tokens, e) && tokens.shape[e] === SHAPE_TITLE && !(tokens.bits[e]! & TOK_GLUED) && !(tokens.flags(e) & CUE_STREET)) e++;
  if (e < tokens.count && joined(tokens, e) && tokens.flags(e) & CUE_STREET) return t;
  return e;
}
