/**
 * Small predicates on tokens: capitalisation, line starts, house numbers, references.
 * Part of the STREET_ADDRESS detector (see ../street-address.ts for the patterns and scores).
 */

import { isDigitCode, TK_NUM, TK_PUNCT, TK_WORD, type Tokens } from './tokens';
import { FUNCTION_WORDS, QUANTITY_WORDS, REF_WORDS } from './vocabulary';

export function isCapWord(T: Tokens, i: number): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_WORD) return false;
  const t = T.text;
  // ASCII first letters without a string: A-Z, or a-z other than the d'/l' of "d'Alésia"
  const c = t.charCodeAt(T.s[i]!);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122 && c !== 100 && c !== 108) return false;
  const ch = t.charAt(T.s[i]!);
  if (ch !== ch.toLowerCase()) return true;
  // d'Alésia, l'Église
  const two = t.slice(T.s[i]!, T.s[i]! + 3);
  return /^[dlDL]['’]\p{Lu}/u.test(two);
}

export function isLowerWord(T: Tokens, i: number): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_WORD) return false;
  const c = T.text.charCodeAt(T.s[i]!);
  if (c < 0x80) return c >= 97 && c <= 122;
  const ch = T.text.charAt(T.s[i]!);
  return ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

export function isUpperWord(T: Tokens, i: number): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_WORD) return false;
  const r = T.raw(i);
  return r === r.toUpperCase() && r !== r.toLowerCase();
}

export const isPunct = (T: Tokens, i: number, ch: string): boolean =>
  i >= 0 && i < T.n && T.k[i] === TK_PUNCT && T.text.charAt(T.s[i]!) === ch;

/** Tokens i and i+1 are on the same line. */
export const sameLineNext = (T: Tokens, i: number): boolean => i + 1 < T.n && T.nl[i + 1] === 0;
/** Token i starts a line (or the text). */
export const atLineStart = (T: Tokens, i: number): boolean => i === 0 || T.nl[i]! > 0;

export function isStopWord(w: string): boolean {
  return FUNCTION_WORDS.has(w) || QUANTITY_WORDS.has(w);
}

/** A house number: 1-5 digits with an optional letter, or a range 12-14. */
export function isHouse(T: Tokens, i: number, maxDigits = 5): boolean {
  if (i < 0 || i >= T.n || T.k[i] !== TK_NUM) return false;
  const r = T.raw(i);
  const parts = r.split('-');
  for (const p of parts) {
    const d = p.replace(/[^0-9]/g, '').length;
    if (d === 0 || d > maxDigits) return false;
  }
  if (/^0+$/.test(r)) return false;
  // Decimal, time, date or thousands separator around it: 10.5, 10:30, 1,000
  const t = T.text;
  const a = t.charAt(T.e[i]!);
  const b = t.charAt(T.s[i]! - 1);
  if ((a === '.' || a === ',' || a === ':' || a === '/') && isDigitCode(t.charCodeAt(T.e[i]! + 1))) return false;
  if ((b === '.' || b === ',' || b === ':') && isDigitCode(t.charCodeAt(T.s[i]! - 2))) return false;
  if (b === '$' || b === '€' || b === '£' || b === '%' || b === '+') return false;
  if (a === '%' || a === '°') return false;
  return true;
}

export const yearLike = (T: Tokens, i: number): boolean => /^(?:19|20)[0-9]{2}$/.test(T.raw(i));

/** The token after a house number that comes last ("Calle Mayor 5 …") does not make it a count or a time. */
export function houseFollowerOk(T: Tokens, i: number): boolean {
  if (!sameLineNext(T, i)) return true;
  const j = i + 1;
  if (T.k[j] === TK_WORD) {
    const w = T.low(j);
    if (QUANTITY_WORDS.has(w) || w === 'uhr' || w === 'h' || w === 'am' || w === 'pm' || w === 'x' || w === 'gb' || w === 'mb') return false;
  }
  if (isPunct(T, j, '-') && T.k[j + 1] === TK_NUM) return true;
  return true;
}

/** Word before a house number that makes it a reference or a count ("page 5", "Version 2", "ticket 12"). */
export function refBefore(T: Tokens, i: number): boolean {
  let j = i - 1;
  if (j < 0 || T.nl[i]! > 0) return false;
  if (isPunct(T, j, '#') || isPunct(T, j, ':') || isPunct(T, j, '.')) {
    if (isPunct(T, j, '#')) return true;
    if (j - 1 < 0 || T.nl[j]! > 0) return false;
    j--;
  }
  if (T.k[j] !== TK_WORD) return false;
  return REF_WORDS.has(T.low(j));
}
