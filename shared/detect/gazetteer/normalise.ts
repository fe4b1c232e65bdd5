/** Normalisation of words and phrases to gazetteer keys, diacritic folding and case patterns. */

const FOLD_EXTRA: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lower-case with diacritics removed (only for non-ASCII input). */
export function fold(key: string): string {
  let ascii = true;
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return key;
  return key
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[øłđðþæœßı]/g, (c) => FOLD_EXTRA[c] ?? c);
}

/**
 * The lookup key of a raw word or phrase: NFC, lower-case, words joined by single spaces, a possessive 's dropped
 * (as the tokeniser drops it).
 */
export function normaliseKey(raw: string): string {
  const words = raw.normalize('NFC').match(/[\p{L}\p{M}]+(?:['’‐‑-][\p{L}\p{M}]+)*/gu);
  if (words === null) return '';
  return words.map((w) => w.replace(/’/g, "'").replace(/[‐‑]/g, '-').replace(/'s$/i, '').toLowerCase()).join(' ');
}

export type CasePattern = 'title' | 'upper' | 'lower' | 'mixed';

/** Title ("Anna", "McDonald", "O'Brien"), upper ("ANNA", two letters or more), lower, or mixed ("iPhone"). */
export function casePattern(word: string): CasePattern {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seenLetter = false;
  for (let i = 0; i < word.length; i++) {
    const ch = word.charAt(i);
    const lc = ch.toLowerCase();
    const uc = ch.toUpperCase();
    if (lc === uc) continue;
    const isUpper = ch === uc;
    if (!seenLetter) {
      firstUpper = isUpper;
      seenLetter = true;
    }
    if (isUpper) upper++;
    else lower++;
  }
  if (upper > 0 && lower === 0) return upper >= 2 ? 'upper' : 'title';
  if (upper === 0) return 'lower';
  return firstUpper ? 'title' : 'mixed';
}
