/**
 * Postcode formats on tokens (US/DE/FR five digits, four digits, UK, CA, NL) and the place words around them.
 * Part of the STREET_ADDRESS detector (see ../street-address.ts for the patterns and scores).
 */

import { TK_MIXED, TK_NUM, TK_ORD, TK_PUNCT, TK_WORD, type Tokens } from './tokens';
import { BLOCK_STOP, CA_POSTCODE, CAP_NOT_NAME, CITY_PARTICLES, CONNECTORS, MONTHS_AND_DAYS, PARTICLES, QUANTITY_WORDS, TYPE_AFTER_HOUSE_AFTER, TYPE_EN_STRONG, TYPE_EN_WEAK, UK_POSTCODE, UNIT_WORDS } from './vocabulary';
import { isCapWord, isStopWord, yearLike } from './token-checks';

/** Whether text[a, b) is all ASCII digits (read in place, no string). */
function digitsAt(text: string, a: number, b: number): boolean {
  for (let x = a; x < b; x++) {
    const c = text.charCodeAt(x);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A 5-digit (or ZIP+4) postcode token: /^[0-9]{5}(?:-[0-9]{4})?$/. */
export function isFiveDigit(T: Tokens, i: number): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_NUM) return false;
  const s = T.s[i]!;
  const len = T.e[i]! - s;
  if (len === 5) return digitsAt(T.text, s, s + 5);
  return len === 10 && T.text.charCodeAt(s + 5) === 45 && digitsAt(T.text, s, s + 5) && digitsAt(T.text, s + 6, s + 10);
}
/** Four digits: /^[0-9]{4}$/. */
export function isFourDigit(T: Tokens, i: number): boolean {
  return i >= 0 && i < T.n && T.k[i] === TK_NUM && T.e[i]! - T.s[i]! === 4 && digitsAt(T.text, T.s[i]!, T.s[i]! + 4);
}

/** UK postcode at token i ("SW1A 1AA" as two tokens, or "SW1A1AA"); returns its last token or -1. */
export function ukPostcodeAt(T: Tokens, i: number): number {
  if (i < 0 || i >= T.n) return -1;
  // The inward code may read as an ordinal ("8TH", "1ST").
  if ((T.k[i] === TK_MIXED || T.k[i] === TK_WORD) && i + 1 < T.n && T.nl[i + 1] === 0 && (T.k[i + 1] === TK_MIXED || T.k[i + 1] === TK_NUM || T.k[i + 1] === TK_ORD)) {
    const v = `${T.raw(i)} ${T.raw(i + 1)}`;
    if (T.s[i + 1]! - T.e[i]! <= 2 && UK_POSTCODE.test(v)) return i + 1;
  }
  if (T.k[i] === TK_MIXED && UK_POSTCODE.test(T.raw(i))) return i;
  return -1;
}
export function caPostcodeAt(T: Tokens, i: number): number {
  if (i < 0 || i + 1 >= T.n || T.k[i] !== TK_MIXED || T.nl[i + 1] !== 0) return -1;
  return CA_POSTCODE.test(`${T.raw(i)} ${T.raw(i + 1)}`) ? i + 1 : -1;
}
/** NL "1234 AB". */
export function nlPostcodeAt(T: Tokens, i: number): number {
  if (!isFourDigit(T, i) || i + 1 >= T.n || T.nl[i + 1] !== 0 || T.e[i + 1]! - T.s[i + 1]! !== 2) return -1;
  const r = T.raw(i + 1);
  return T.k[i + 1] === TK_WORD && /^[A-Z]{2}$/.test(r) && !/^(?:SA|SD|SS)$/.test(r) && T.raw(i)[0] !== '0' ? i + 1 : -1;
}

/** Capitalised place words from i (at most 4, particles inside): returns the last token or -1. */
export function placeWords(T: Tokens, i: number, lowerOk: boolean): number {
  const last = placeWordsRaw(T, i, lowerOk, T.n - 1);
  // "St.", "Street" after a street is not a city ("Frørupvej 58 St."), "St Albans" is.
  if (last >= 0 && (TYPE_EN_STRONG.has(T.low(last)) || TYPE_EN_WEAK.has(T.low(last)))) return last > i ? placeWordsRaw(T, i, lowerOk, last - 1) : -1;
  return last;
}

export function placeWordsRaw(T: Tokens, i: number, lowerOk: boolean, maxLast: number): number {
  let k = i;
  let last = -1;
  let count = 0;
  while (k <= maxLast && count < 5 && (k === i || T.nl[k] === 0)) {
    if (T.k[k] !== TK_WORD) break;
    const w = T.low(k);
    if (BLOCK_STOP.has(w) || UNIT_WORDS.has(w) || MONTHS_AND_DAYS.has(w)) break;
    if (k === i && (TYPE_EN_STRONG.has(w) || TYPE_EN_WEAK.has(w) || TYPE_AFTER_HOUSE_AFTER.has(w))) break;
    const cap = isCapWord(T, k);
    if (cap && !CAP_NOT_NAME.has(w) && !QUANTITY_WORDS.has(w)) {
      last = k;
    } else if (last >= 0 && (PARTICLES.has(w) || CONNECTORS.has(w) || CITY_PARTICLES.has(w)) && particleChainToName(T, k, lowerOk)) {
      // "Frankfurt am Main", "Republic of the Congo", "Saint Vincent and the Grenadines"
    } else if (lowerOk && !cap && !isStopWord(w)) {
      last = k;
    } else break;
    count++;
    k++;
  }
  return last;
}

/** Particles/connectors from k (at most 3) followed by a name word on the same line. */
function particleChainToName(T: Tokens, k: number, lowerOk: boolean): boolean {
  for (let j = k, steps = 0; j < T.n && steps < 3; j++, steps++) {
    if (j > k && T.nl[j]! > 0) return false;
    if (T.k[j] !== TK_WORD) return false;
    const w = T.low(j);
    if (PARTICLES.has(w) || CONNECTORS.has(w) || CITY_PARTICLES.has(w)) continue;
    return isCapWord(T, j) || (lowerOk && !isStopWord(w));
  }
  return false;
}

/** A city word run that closes a segment: followed by end, line break, comma, postcode or a full stop. */
export function closesSegment(T: Tokens, last: number): boolean {
  const f = last + 1;
  if (f >= T.n || T.nl[f]! > 0) return true;
  if (T.k[f] === TK_PUNCT) {
    const c = T.text.charAt(T.s[f]!);
    return c === ',' || c === '.' || c === ';' || c === ')' || c === '(' || c === '!' || c === '?' || c === '|';
  }
  return false;
}

/** Postcode (of any supported kind) at token i: returns [last token, validated]. */
/**
 * A five-digit postcode written 3 + 2 with one space, before its town ("110 00 Praha", "114 55 Stockholm", "811 01
 * Bratislava", "104 31 Αθήνα"): the Czech, Slovak, Swedish and Greek form. Only with a capitalised word after it (a
 * pair of numbers alone is no postcode). Returns the second group's token or -1.
 */
export function groupedFiveDigitAt(T: Tokens, i: number): number {
  if (i + 2 >= T.n || T.k[i] !== TK_NUM || T.k[i + 1] !== TK_NUM || T.nl[i + 1] !== 0 || T.nl[i + 2] !== 0) return -1;
  if (T.e[i]! - T.s[i]! !== 3 || T.e[i + 1]! - T.s[i + 1]! !== 2 || T.s[i + 1] !== T.e[i]! + 1 || T.text.charCodeAt(T.e[i]!) !== 0x20) return -1;
  if (!digitsAt(T.text, T.s[i]!, T.e[i]!) || !digitsAt(T.text, T.s[i + 1]!, T.e[i + 1]!)) return -1;
  return T.k[i + 2] === TK_WORD && isCapWord(T, i + 2) ? i + 1 : -1;
}

/** Portuguese (4-3) and Polish (2-3) postcodes, one hyphen-joined token, before a capitalised town ("1100-053 Lisboa", "00-590 Warszawa"). */
const HYPHENATED_POSTCODE = /^(?:\d{4}|\d{2})-\d{3}$/;
export function hyphenatedPostcodeAt(T: Tokens, i: number): number {
  if (i + 1 >= T.n || T.k[i] !== TK_NUM || T.nl[i + 1] !== 0 || !HYPHENATED_POSTCODE.test(T.raw(i))) return -1;
  return T.k[i + 1] === TK_WORD && isCapWord(T, i + 1) ? i : -1;
}

export function postcodeAt(T: Tokens, i: number): [number, boolean] {
  if (isFiveDigit(T, i)) return [i, false];
  const grouped = groupedFiveDigitAt(T, i);
  if (grouped >= 0) return [grouped, false];
  const hyphenated = hyphenatedPostcodeAt(T, i);
  if (hyphenated >= 0) return [hyphenated, false];
  const nlp = nlPostcodeAt(T, i);
  if (nlp >= 0) return [nlp, true];
  const uk = ukPostcodeAt(T, i);
  if (uk >= 0) return [uk, true];
  const ca = caPostcodeAt(T, i);
  if (ca >= 0) return [ca, true];
  if (isFourDigit(T, i) && !yearLike(T, i)) return [i, false];
  return [-1, false];
}
