/** The weakest PERSON evidence: an unknown proper noun in mid-sentence. */

import {
  COMMON, GAP_AMP, GAP_COMMA, GAP_NEWLINE, GAP_OTHER, SHAPE_LOWER, SHAPE_TITLE, SHAPE_UPPER, TOK_GLUED, joined, sentenceInitial, type Gazetteer,
  type Tokens,
} from '../../gazetteer';
import { DETERMINERS, PRODUCT_NOUNS } from './cue-words';
import { isGermanText } from './text-language';
import { isWord, looksLikeWord } from './token-tests';

/**
 * An unknown proper noun at token t: a capitalised word in mid-sentence that no list knows, is not a common word,
 * and is not in a headline (capitalised common words next to it) or after a determiner, nor followed by a product
 * noun; and the text is not German (./text-language). Returns the end of the run (up to three such words), or t if there is none. Weak evidence: callers score 0.5.
 */
export function properNounAt(tokens: Tokens, g: Gazetteer, t: number): number {
  if (tokens.shape[t] !== SHAPE_TITLE || tokens.bits[t]! & TOK_GLUED || tokens.end[t]! - tokens.start[t]! < 3) return t;
  if (sentenceInitial(tokens, t) || tokens.flags(t) !== 0) return t;
  // in German every noun is capitalised: there, capitals alone are no evidence of a name
  if (isGermanText(tokens)) return t;
  if (tokens.knownWord(t) || looksLikeWord(tokens, g, t)) return t;
  const p = t - 1;
  if (isWord(tokens, p) && !(tokens.bits[t]! & GAP_NEWLINE)) {
    const fp = tokens.flags(p);
    // headline case: "Cautionary Tales", "Walker's Cautionary Tales"; not across a comma or a bracket ("Ugh, Lupita")
    const apart = (tokens.bits[t]! & (GAP_COMMA | GAP_OTHER | GAP_AMP)) !== 0;
    if (!apart && ((tokens.shape[p] !== SHAPE_LOWER && fp & COMMON) || tokens.shape[p] === SHAPE_UPPER)) return t;
    if (DETERMINERS.has(tokens.key(p))) return t;
  }
  let e = t + 1;
  while (e < tokens.count && e - t < 3 && joined(tokens, e) && tokens.shape[e] === SHAPE_TITLE && tokens.flags(e) === 0 && !(tokens.bits[e]! & TOK_GLUED) && !tokens.knownWord(e)) e++;
  if (e < tokens.count && joined(tokens, e) && isWord(tokens, e)) {
    const fe = tokens.flags(e);
    if (tokens.shape[e] !== SHAPE_LOWER && fe & COMMON) return t; // headline case
    if (tokens.shape[e] === SHAPE_UPPER) return t;
    if (PRODUCT_NOUNS.has(tokens.key(e))) return t;
  }
  return e;
}
