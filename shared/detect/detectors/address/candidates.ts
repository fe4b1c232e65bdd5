/**
 * Street cores proposed at anchor tokens: typed streets, German compounds and prepositions, PO boxes, units.
 * Part of the STREET_ADDRESS detector (see ../street-address.ts for the patterns and scores).
 */

import { TK_MIXED, TK_NUM, TK_ORD, TK_PUNCT, TK_WORD, type Tokens } from './tokens';
import { ARTICLES_DE, BLOCK_STOP, CAP_NOT_NAME, CUE_CONTEXT, DE_NOT_STREET, DIRECTIONS, FUNCTION_WORDS, HOUSE_SUFFIX, MONTHS_AND_DAYS, NAME_PARTICLES, PARTICLES, PREP_ONE, PREP_TWO, PRODUCT_WORDS, QUANTITY_WORDS, TYPE_ABBREVIATIONS, TYPE_AFTER_HOUSE_AFTER, TYPE_EN_STRONG, TYPE_FIRST_LETTER, TYPE_FIRST_WEAK, UNIT_STANDALONE_SAFE, UNIT_WORDS, WEAK_HOUSE_AFTER } from './vocabulary';
import { atLineStart, houseFollowerOk, isCapWord, isHouse, isLowerWord, isPunct, isStopWord, isUpperWord, refBefore, sameLineNext, yearLike } from './token-checks';

export interface Cand {
  /** First and last token (inclusive). */
  b: number;
  e: number;
  base: number;
  pattern: string;
  lower: boolean;
  needsEvidence: boolean;
  unit: boolean;
  postcode: 'validated' | 'plain' | null;
  city: boolean;
  evidence: { word: string; effect: number }[];
}

export const newCand = (b: number, e: number, base: number, pattern: string, lower = false, needsEvidence = false): Cand => ({
  b,
  e,
  base,
  pattern,
  lower,
  needsEvidence,
  unit: false,
  postcode: null,
  city: false,
  evidence: [],
});

/** Name word for a street: capitalised (or, in lower-case text, any non-stop word), not a product/tech word. */
export function nameWord(T: Tokens, i: number, lowerOk: boolean): boolean {
  if (i < 0 || i >= T.n) return false;
  if (T.k[i] === TK_ORD) return true;
  if (T.k[i] !== TK_WORD) return false;
  const w = T.low(i);
  if (PRODUCT_WORDS.has(w) || MONTHS_AND_DAYS.has(w)) return false;
  if (isCapWord(T, i)) return !QUANTITY_WORDS.has(w) && !CAP_NOT_NAME.has(w);
  return lowerOk && !isStopWord(w) && !UNIT_WORDS.has(w);
}

/** "1600 Pennsylvania Ave NW", "221B Baker Street", "3503 bicetown road". Anchor: the type word at i. */
export function tryEnglish(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  const strong = TYPE_EN_STRONG.has(w);
  const lowerAnchor = isLowerWord(T, i);
  let j = i - 1;
  let names = 0;
  let lowerNames = 0;
  while (j >= 0 && names < 4 && T.nl[j + 1] === 0) {
    if (nameWord(T, j, lowerAnchor)) {
      if (isLowerWord(T, j)) lowerNames++;
      names++;
      j--;
      continue;
    }
    // "St. Marys Road": an abbreviation dot inside the name.
    if (names > 0 && isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.e[j - 1] === T.s[j] && T.raw(j - 1).length <= 3 && (isCapWord(T, j - 1) || lowerAnchor) && T.nl[j] === 0) {
      j--;
      continue;
    }
    break;
  }
  if (names === 0) return null;
  // Then the house number.
  if (j < 0 || T.nl[j + 1] !== 0 || !isHouse(T, j)) return null;
  if (refBefore(T, j)) return null;
  const lower = lowerAnchor || lowerNames > 0;
  if (lower && !lowerAnchor) return null; // "3 different Drive"
  // What follows the type: for ambiguous types and lower-case text, prose is a sign this is not an address.
  let end = i;
  if (isPunct(T, i + 1, '.') && T.s[i + 1] === T.e[i] && TYPE_ABBREVIATIONS.has(w)) end = i + 1;
  if (sameLineNext(T, end) && T.k[end + 1] === TK_WORD && DIRECTIONS.has(T.low(end + 1)) && (isUpperWord(T, end + 1) || isCapWord(T, end + 1))) {
    const d = end + 1;
    const after = d + 1;
    if (!sameLineNext(T, d) || T.k[after] === TK_PUNCT || T.k[after] === TK_NUM || isCapWord(T, after)) end = d;
  }
  if ((!strong || lower) && sameLineNext(T, end) && isLowerWord(T, end + 1)) {
    const f = T.low(end + 1);
    if (!FUNCTION_WORDS.has(f) && !UNIT_WORDS.has(f) && !DIRECTIONS.has(f)) return null;
  }
  const base = lower ? 0.6 : strong ? 0.75 : 0.7;
  return newCand(j, end, base, 'en-street', lower);
}

/** "12 rue de la Paix", "Calle Mayor 5", "C/ de Alcalá 45", "Avenida de la Constitución, 23". Anchor: the type. */
export function tryTypeFirst(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  const weak = TYPE_FIRST_WEAK.has(w);
  let k = i + 1;
  if (TYPE_FIRST_LETTER.has(w)) {
    if (!(isPunct(T, k, '/') || isPunct(T, k, '.')) || T.s[k] !== T.e[i] || !isCapWord(T, i)) return null;
    k++;
  } else if (isPunct(T, k, '.') && T.s[k] === T.e[i]) k++;
  else if (isPunct(T, k, '/') && T.s[k] === T.e[i]) k++;
  if (k >= T.n || T.nl[k] !== 0) return null;
  let names = 0;
  let lowerNames = 0;
  let lastName = -1;
  let count = 0;
  while (k < T.n && count < 7 && T.nl[k] === 0) {
    const kind = T.k[k];
    if (kind === TK_WORD) {
      const lw = T.low(k);
      if (PARTICLES.has(lw) && isLowerWord(T, k)) {
        count++;
        k++;
        continue;
      }
      if (nameWord(T, k, true)) {
        if (isLowerWord(T, k)) lowerNames++;
        names++;
        lastName = k;
        count++;
        k++;
        continue;
      }
      break;
    }
    if (kind === TK_ORD) {
      names++;
      lastName = k;
      count++;
      k++;
      continue;
    }
    // abbreviation dot inside the name: "Av. Pres. Kennedy"
    if (isPunct(T, k, '.') && lastName === k - 1 && T.raw(k - 1).length <= 4 && k + 1 < T.n && T.nl[k + 1] === 0 && T.k[k + 1] === TK_WORD) {
      k++;
      continue;
    }
    break;
  }
  if (names === 0) return null;
  // Any lower-case name word ("rua do paseo", "via raffaele conforti") makes it lower-case text: weaker.
  const lower = lowerNames > 0;
  // House number after the name (optionally after a comma), or before the type.
  let houseAfter = -1;
  let h = lastName + 1;
  if (isPunct(T, h, ',') && T.nl[h] === 0) h++;
  if (h < T.n && T.nl[h] === 0 && isHouse(T, h, 4) && houseFollowerOk(T, h)) {
    // At most four digits: a five-digit number after the name is a postcode ("rue X, 75002 Paris").
    houseAfter = h;
  }
  let houseBefore = -1;
  let hb = i - 1;
  if (isPunct(T, hb, ',') && T.nl[i] === 0) hb--;
  // "3 bis avenue Jean Jaurès"
  if (hb > 0 && T.k[hb] === TK_WORD && HOUSE_SUFFIX.has(T.low(hb)) && T.nl[hb] === 0) hb--;
  if (hb >= 0 && T.nl[hb + 1] === 0 && T.nl[i] === 0 && isHouse(T, hb) && !refBefore(T, hb)) houseBefore = hb;
  if (houseAfter < 0 && houseBefore < 0) return null;
  if (houseAfter >= 0 && houseBefore < 0 && yearLike(T, houseAfter) && (weak || lower)) return null;
  let b = i;
  let e = lastName;
  if (houseBefore >= 0) b = houseBefore;
  if (houseAfter >= 0) e = houseAfter;
  // Weak types: capitalised type word or a house number before; lower-case weak needs more evidence.
  const capType = isCapWord(T, i);
  if (weak && !capType && houseBefore < 0 && !lower) {
    // "via Outlook 5": lower-case weak type with capitalised product-like name
    return newCand(b, e, 0.6, 'type-first', lower, true);
  }
  const base = lower ? 0.6 : weak ? 0.65 : 0.75;
  return newCand(b, e, base, 'type-first', lower, weak && lower);
}

/** "Hauptstraße 5", "Lindenallee 7", "hochstrasse 63", "Berliner Straße 5", "Agip u. 96.". Anchor: the street word. */
export function tryHouseAfter(T: Tokens, i: number, compound: boolean, weakSuffix: boolean): Cand | null {
  let k = i + 1;
  if (isPunct(T, k, '.') && T.s[k] === T.e[i] && T.nl[k] === 0) k++;
  if (k >= T.n || T.nl[k] !== 0 || !isHouse(T, k, 4) || !houseFollowerOk(T, k)) return null;
  const house = k;
  const lowerAnchor = isLowerWord(T, i);
  let b = i;
  if (!compound) {
    // A separate type word needs a name before it: "Berliner Straße", "Gosposka ulica", "Agip u."
    let j = i - 1;
    let names = 0;
    while (j >= 0 && names < 2 && T.nl[j + 1] === 0 && nameWord(T, j, lowerAnchor) && !PREP_ONE.has(T.low(j)) && !PREP_TWO.has(T.low(j))) {
      names++;
      j--;
    }
    if (names === 0) return null;
    b = j + 1;
  } else {
    // One capitalised word of the name before the compound ("Lille Vibyvej", "Nørre Voldgade"), or a name and a
    // particle ("Dirk de Derdelaan", "Laan van Meerdervoort" style names).
    let j = i - 1;
    if (j >= 1 && T.nl[i] === 0 && T.nl[j] === 0 && isLowerWord(T, j) && NAME_PARTICLES.has(T.low(j)) && isCapWord(T, j - 1) && nameWord(T, j - 1, false)) j -= 2;
    else if (j >= 0 && T.nl[i] === 0 && isCapWord(T, j) && nameWord(T, j, false) && !PREP_ONE.has(T.low(j)) && !PREP_TWO.has(T.low(j))) j--;
    // Keep the extra words only when they open an address segment (line start, comma, number).
    const first = j + 1;
    if (first < i && (atLineStart(T, first) || isPunct(T, j, ',') || isPunct(T, j, ':') || T.k[j] === TK_NUM || (isLowerWord(T, j) && (FUNCTION_WORDS.has(T.low(j)) || CUE_CONTEXT.has(T.low(j)))))) b = first;
  }
  if (!compound && !isCapWord(T, i) && !lowerAnchor) return null;
  if (!isCapWord(T, i) && !lowerAnchor) return null;
  const weakType = compound ? weakSuffix : WEAK_HOUSE_AFTER.has(T.low(i));
  if (T.low(i) === 'u' && !isPunct(T, i + 1, '.')) return null;
  const lower = lowerAnchor;
  if (yearLike(T, house) && (weakType || lower)) return null;
  const base = lower || weakType ? 0.6 : compound ? 0.75 : 0.7;
  return newCand(b, house, base, compound ? 'compound' : 'street-word', lower, weakType);
}

/** "Am Markt 12a", "An der Kirche 3", "Zur Linde 7". Anchor: the preposition. */
export function tryPreposition(T: Tokens, i: number): Cand | null {
  if (!isCapWord(T, i)) return null;
  const p = T.low(i);
  let k = i + 1;
  if (PREP_TWO.has(p)) {
    if (!(k < T.n && T.nl[k] === 0 && isLowerWord(T, k) && ARTICLES_DE.has(T.low(k)))) return null;
    k++;
  } else if (!PREP_ONE.has(p)) return null;
  let names = 0;
  while (k < T.n && names < 2 && T.nl[k] === 0 && isCapWord(T, k) && nameWord(T, k, false) && !DE_NOT_STREET.has(T.low(k))) {
    names++;
    k++;
  }
  if (names === 0 || k >= T.n || T.nl[k] !== 0 || !isHouse(T, k, 4)) return null;
  if (yearLike(T, k)) return null;
  // The number must close the segment: "Am Markt 12a, 10115 Berlin"; "Im Test 5 Fehler" is prose.
  if (sameLineNext(T, k)) {
    const f = k + 1;
    if (T.k[f] === TK_WORD && !['in', 'im', 'bei', 'und', 'a', 'à', 'en'].includes(T.low(f))) return null;
    if (T.k[f] === TK_NUM || T.k[f] === TK_MIXED) return null;
  }
  return newCand(i, k, 0.6, 'de-preposition');
}

/** "PO Box 123", "P.O. Box 101", "Postfach 10 20 30", "PSC 1234, Box 5678", "Apartado de Correos 45". Anchor: box word. */
export function tryPoBox(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  let b = i;
  let k = i + 1;
  let military = false;
  if (w === 'box') {
    // Look back for P.O. / PO / P O / Post Office / PSC 1234, / Unit 1234 / CMR 123
    const j = i - 1;
    if (j >= 0 && T.nl[i] === 0) {
      if (T.k[j] === TK_WORD && (T.low(j) === 'po' || T.low(j) === 'p.o')) b = j;
      else if (isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.low(j - 1) === 'o' && T.nl[j] === 0) {
        // P.O. Box / P. O. Box
        let q = j - 2;
        if (isPunct(T, q, '.')) q--;
        if (q >= 0 && T.k[q] === TK_WORD && T.low(q) === 'p') b = q;
      } else if (T.k[j] === TK_WORD && T.low(j) === 'o' && T.k[j - 1] === TK_WORD && T.low(j - 1) === 'p') b = j - 1;
      else if (T.k[j] === TK_WORD && T.low(j) === 'office' && T.k[j - 1] === TK_WORD && T.low(j - 1) === 'post') b = j - 1;
      else {
        let q = j;
        if (isPunct(T, q, ',')) q--;
        if (q >= 1 && T.k[q] === TK_NUM && T.k[q - 1] === TK_WORD && ['psc', 'unit', 'cmr'].includes(T.low(q - 1)) && T.nl[q] === 0 && T.nl[q + 1] === 0) {
          b = q - 1;
          military = true;
        }
      }
    }
    if (b === i) return null;
  } else if (w === 'bp') {
    if (T.raw(i) !== 'BP') return null;
  } else if (w === 'apartado') {
    if (T.k[k] === TK_WORD && T.low(k) === 'de' && T.k[k + 1] === TK_WORD && T.low(k + 1) === 'correos') k += 2;
  } else if (w === 'casilla') {
    if (T.k[k] === TK_WORD && T.low(k) === 'de' && T.k[k + 1] === TK_WORD && T.low(k + 1) === 'correo') k += 2;
  }
  if (isPunct(T, k, '.') && T.s[k] === T.e[i]) k++;
  if (isPunct(T, k, '#') || isPunct(T, k, ':')) k++;
  else if (T.k[k] === TK_WORD && (T.low(k) === 'no' || T.low(k) === 'nr') && T.nl[k] === 0) {
    k++;
    if (isPunct(T, k, '.')) k++;
  }
  if (k >= T.n || T.nl[k] !== 0 || T.k[k] !== TK_NUM) return null;
  // Postfach 10 20 30: grouped digits
  let e = k;
  while (e + 1 < T.n && T.nl[e + 1] === 0 && T.k[e + 1] === TK_NUM && T.raw(e + 1).length <= 3 && T.raw(e).length <= 3 && e - k < 3) e++;
  return newCand(b, e, military ? 0.85 : 0.8, military ? 'military' : 'po-box');
}

/** Line start of token i, at most `max` tokens back; -1 if farther. */
export function lineStartOf(T: Tokens, i: number, max = 10): number {
  let j = i;
  let steps = 0;
  while (j > 0 && T.nl[j] === 0) {
    j--;
    if (++steps > max) return -1;
  }
  return j;
}

/** A short line [a, b] that can be a street line: a house number, words, no prose, no contact labels. */
export function streetLine(T: Tokens, a: number, b: number): boolean {
  if (b < a || b - a > 6) return false;
  // "12 High Street" or "Roheline 43": a number opens or closes it
  if (T.k[a] !== TK_NUM && T.k[b] !== TK_NUM && !(isPunct(T, b, '.') && T.k[b - 1] === TK_NUM)) return false;
  let nums = 0;
  let wordsN = 0;
  for (let i = a; i <= b; i++) {
    const kind = T.k[i];
    if (kind === TK_NUM) {
      if (T.raw(i).replace(/[^0-9]/g, '').length > 5) return false;
      nums++;
    } else if (kind === TK_WORD) {
      const w = T.low(i);
      if (BLOCK_STOP.has(w) || MONTHS_AND_DAYS.has(w) || PRODUCT_WORDS.has(w)) return false;
      if ((isStopWord(w) && !PARTICLES.has(w)) || UNIT_WORDS.has(w)) return false;
      wordsN++;
    } else if (kind === TK_PUNCT) {
      const c = T.text.charAt(T.s[i]!);
      if (c !== ',' && c !== '.' && c !== '/' && c !== '#' && c !== '-') return false;
    } else if (kind === TK_MIXED) {
      return false;
    }
  }
  if (nums === 0 || wordsN === 0 || nums > 3) return false;
  return T.k[a] === TK_NUM || T.k[a] === TK_WORD;
}

/**
 * A street segment without a street type ending at token `last`: name words and a house number ("Roheline 43",
 * "60 Dašická 688", "Agip u. 96."). Used only where the structure says "address" (a unit or postcode line follows).
 * Returns the segment's first token or -1.
 */
export function segmentEndingAt(T: Tokens, last: number, lowerOk: boolean): number {
  if (T.k[last] === TK_WORD) return numberFirstSegmentEndingAt(T, last);
  let j = last;
  // "Agip u. 96." (a dot after the number, after a street word); otherwise a dot ends a sentence
  if (isPunct(T, j, '.') && T.k[j - 1] === TK_NUM && T.e[j - 1] === T.s[j] && T.k[j - 2] === TK_WORD && TYPE_AFTER_HOUSE_AFTER.has(T.low(j - 2))) j--;
  if (j < 0 || !isHouse(T, j) || refBefore(T, j)) return -1;
  const house = j;
  let names = 0;
  j--;
  while (j >= 0 && names < 5 && T.nl[j + 1] === 0) {
    if (nameWord(T, j, lowerOk) || (T.k[j] === TK_WORD && PARTICLES.has(T.low(j)) && isLowerWord(T, j))) {
      names++;
      j--;
      continue;
    }
    if (isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.raw(j - 1).length <= 3 && T.e[j - 1] === T.s[j] && T.nl[j] === 0) {
      j--;
      continue;
    }
    break;
  }
  let start = j + 1;
  // Drop leading particles
  while (start < house && T.k[start] === TK_WORD && PARTICLES.has(T.low(start)) && isLowerWord(T, start)) start++;
  if (start >= house) return -1;
  if (j < 0 || T.nl[j + 1]! > 0) return start;
  // A leading number ("60 Dašická 688"); otherwise the segment must follow a boundary.
  if (T.k[j] === TK_NUM && isHouse(T, j)) return j;
  if (T.k[j] === TK_PUNCT) {
    const ch = T.text.charAt(T.s[j]!);
    return ch === ',' || ch === ':' || ch === ';' || ch === '(' ? start : -1;
  }
  if (T.k[j] === TK_WORD && isLowerWord(T, j) && (FUNCTION_WORDS.has(T.low(j)) || CUE_CONTEXT.has(T.low(j)))) return start;
  return -1;
}

/** "79 291 Adelianos Kambos", "124 N. Stadion": house number + capitalised name words ending at `last`. */
function numberFirstSegmentEndingAt(T: Tokens, last: number): number {
  let j = last;
  let names = 0;
  while (j >= 0 && names < 4 && (j === last || T.nl[j + 1] === 0)) {
    if (isCapWord(T, j) && nameWord(T, j, false)) {
      names++;
      j--;
      continue;
    }
    if (names > 0 && isPunct(T, j, '.') && T.k[j - 1] === TK_WORD && T.raw(j - 1).length <= 3 && T.e[j - 1] === T.s[j]) {
      j--;
      continue;
    }
    break;
  }
  if (names === 0 || j < 0 || T.nl[j + 1]! > 0 || !isHouse(T, j) || refBefore(T, j)) return -1;
  if (j > 0 && T.nl[j] === 0 && T.k[j - 1] === TK_NUM && isHouse(T, j - 1)) return j - 1;
  return j;
}

/** "Apt 4B", "Suite 200", "Flat 3". Anchor: the unit word. Returns the core and its last token. */
export function unitAt(T: Tokens, i: number): number {
  let k = i + 1;
  if (isPunct(T, k, '.') && T.s[k] === T.e[i]) k++;
  if (isPunct(T, k, '#')) k++;
  else if (T.k[k] === TK_WORD && (T.low(k) === 'no' || T.low(k) === 'nr' || T.low(k) === 'n°') && T.nl[k] === 0) {
    k++;
    if (isPunct(T, k, '.')) k++;
  }
  if (k >= T.n || T.nl[k] !== 0) return -1;
  if (T.k[k] === TK_NUM && T.raw(k).replace(/[^0-9]/g, '').length <= 5) return k;
  if (T.k[k] === TK_MIXED && T.e[k]! - T.s[k]! <= 5 && /[0-9]/.test(T.raw(k))) return k;
  if (T.k[k] === TK_WORD && T.e[k]! - T.s[k]! === 1 && isUpperWord(T, k) && T.low(i) !== 'suite') return k; // Flat B
  return -1;
}

export function tryUnit(T: Tokens, i: number): Cand | null {
  const w = T.low(i);
  const last = unitAt(T, i);
  if (last < 0) return null;
  if (!UNIT_STANDALONE_SAFE.has(w)) {
    // Suite / Flat / Ste: line start, after a comma, or after a number; capitalised.
    const prev = i - 1;
    const ok = atLineStart(T, i) || isPunct(T, prev, ',') || isPunct(T, prev, ';') || T.k[prev] === TK_NUM || isPunct(T, prev, ':');
    if (!ok) return null;
  }
  // "flat 3 tyres": prose after it; kept only if a street comes right before it (checked by the caller)
  const proseAfter = sameLineNext(T, last) && isLowerWord(T, last + 1) && !FUNCTION_WORDS.has(T.low(last + 1));
  const c = newCand(i, last, 0.6, 'unit', false, proseAfter);
  c.unit = true;
  return c;
}
