/**
 * Names known by a relation the sentence states about them, wherever they stand:
 * - `possessive-kin`: a name before a possessive and a kinship or close-relation noun ("I'm Mary's daughter",
 *   "lisa's husband called", "Tom’s boss"). The possessive may be escaped (`Mary\'s`), as exports of quoted text
 *   often are. A capitalised name must be a known name or outside the English vocabulary; a lower-case one a known
 *   given name.
 * - `author-work`: a surname between "the" and a noun for a written or recorded work ("the Takuda novel", "the
 *   Grisham book"), capitalised and outside the vocabulary, or a known surname in lower case.
 * Tokens already inside a name found before are left alone.
 */
import { COMMON, GIVEN, NAME, PLACE, SHAPE_LOWER, SHAPE_TITLE, SURNAME, TOK_ASCII, TOK_GLUED, type Tokens } from '../../gazetteer';
import { hashKey, SMALL_FILTER_BITS, smallFilterAdd, smallFilterHas } from '../../gazetteer/hashing';
import { span } from './subject';
import type { PersonSpan } from './token-tests';

/** People named by their relation to someone. */
const KIN = new Set([
  'daughter', 'son', 'wife', 'husband', 'mother', 'father', 'mom', 'mum', 'dad', 'brother', 'sister', 'boss',
  'partner', 'girlfriend', 'boyfriend', 'fiancé', 'fiancée', 'fiance', 'fiancee', 'cousin', 'aunt', 'uncle',
  'grandmother', 'grandfather', 'grandson', 'granddaughter', 'niece', 'nephew', 'children', 'kids', 'parents',
  'assistant', 'colleague', 'manager',
]);
/** Works named after their author. */
const WORKS = new Set(['novel', 'novels', 'book', 'books', 'biography', 'memoir', 'trilogy', 'film', 'movie', 'album', 'play', 'poem']);
/** A bit filter of the tokeniser's hashes of those words: most tokens are ruled out by two bit tests. */
const RELATION_FILTER = new Uint32Array(SMALL_FILTER_BITS / 32);
for (const w of [...KIN, ...WORKS]) smallFilterAdd(RELATION_FILTER, hashKey(w));
/** What stands between a name and the noun in "Mary's daughter": a possessive, perhaps backslash-escaped. */
const POSSESSIVE = /^\\?['’]s\s+$/;

export function addRelations(tokens: Tokens, out: PersonSpan[]): void {
  const n = tokens.count;
  const bits = tokens.bits;
  const filter = RELATION_FILTER;
  for (let t = 0; t + 1 < n; t++) {
    if ((bits[t + 1]! & TOK_ASCII) !== 0 && !smallFilterHas(filter, tokens.hash(t + 1))) continue;
    const next = tokens.key(t + 1);
    // the possessive itself glues the name to what follows ("lisa\'s"): the strict gap test stands in for the glue test
    if (KIN.has(next) && POSSESSIVE.test(tokens.text.slice(tokens.end[t], tokens.start[t + 1])) && nameWord(tokens, t, GIVEN, true) && free(out, t)) {
      out.push(span(tokens, t, 0.7, 'possessive-kin', `'s ${next}`));
    } else if (t > 0 && WORKS.has(next) && tokens.key(t - 1) === 'the' && nameWord(tokens, t, SURNAME) && free(out, t)) {
      out.push(span(tokens, t, 0.6, 'author-work', `the … ${next}`));
    }
  }
}

/** Is token t outside the spans found before? (Rarely asked: only for a name before a relation word.) */
function free(out: readonly PersonSpan[], t: number): boolean {
  for (const s of out) if (t >= s.startToken && t < s.endToken) return false;
  return true;
}

/**
 * A capitalised word that is a known name, or neither a common word, a place nor an English word; or a lower-case
 * word that is a known name of `kind` and not a common or English word.
 */
function nameWord(tokens: Tokens, t: number, kind: number, glued = false): boolean {
  if ((!glued && tokens.bits[t]! & TOK_GLUED) || tokens.end[t]! - tokens.start[t]! < 2) return false;
  const f = tokens.flags(t);
  const shape = tokens.shape[t];
  if (shape === SHAPE_TITLE) return (f & NAME) !== 0 ? (f & COMMON) === 0 || (f & kind) !== 0 : !(f & (COMMON | PLACE)) && !tokens.englishWord(t);
  // a known name that is also a town ("lisa", "michael") is a person before "'s daughter"
  if (shape === SHAPE_LOWER) return (f & kind) !== 0 && (f & COMMON) === 0 && !tokens.englishWord(t);
  return false;
}
