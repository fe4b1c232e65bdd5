/**
 * The anchor words of the street-address scan, and the exact word filter the tokenizer applies while it reads
 * each word (so that the scan never looks at most words at all).
 * Part of the STREET_ADDRESS detector (see ../street-address.ts for the patterns and scores).
 */

import { CUE_STRONG, CUE_WEAK_PAIRS, MILITARY_POST, PO_BOX_WORDS, PREP_ONE, PREP_TWO, SUFFIX_STRONG, SUFFIX_WEAK, TYPE_AFTER_HOUSE_AFTER, TYPE_EN_STRONG, TYPE_EN_WEAK, TYPE_FIRST_LETTER, TYPE_FIRST_STRONG, TYPE_FIRST_WEAK, UNIT_STANDALONE } from './vocabulary';

export const A_EN = 1;
export const A_FIRST = 2;
export const A_HOUSE_AFTER = 4;
export const A_PREP = 8;
export const A_POBOX = 16;
export const A_MILITARY = 32;
export const A_UNIT = 64;
export const A_CUE = 128;
export const A_CORNER = 256;
/** Every anchor word with the patterns it starts (one map lookup per word). */
export const ANCHORS = new Map<string, number>();
const addAnchors = (set: Iterable<string>, flag: number): void => {
  for (const w of set) ANCHORS.set(w, (ANCHORS.get(w) ?? 0) | flag);
};
addAnchors(TYPE_EN_STRONG, A_EN);
addAnchors(TYPE_EN_WEAK, A_EN);
addAnchors(TYPE_FIRST_STRONG, A_FIRST);
addAnchors(TYPE_FIRST_WEAK, A_FIRST);
addAnchors(TYPE_FIRST_LETTER, A_FIRST);
addAnchors(TYPE_AFTER_HOUSE_AFTER, A_HOUSE_AFTER);
addAnchors(PREP_ONE, A_PREP);
addAnchors(PREP_TWO, A_PREP);
addAnchors(PO_BOX_WORDS, A_POBOX);
addAnchors(MILITARY_POST, A_MILITARY);
addAnchors(UNIT_STANDALONE, A_UNIT);
addAnchors(CUE_STRONG, A_CUE);
addAnchors(CUE_WEAK_PAIRS.map(([a]) => a), A_CUE);
addAnchors(['corner'], A_CORNER);

/**
 * Word filter that builds no string: most words of a text are neither anchors nor street compounds, and
 * lower-casing each one (a new string, hashed again for the map lookup) was the scan's main cost. For a word of
 * ASCII characters, a hash of its lower-cased characters (computed by the tokenizer as it reads the word) is looked
 * up in a bit table of the anchor words' hashes, and its last three lower-cased characters in a table of the
 * suffixes' last three. Only a hit (or a word with a non-ASCII character) takes the exact path through `T.low` and
 * the map. A miss is exact: no anchor hashes to that slot and no suffix ends that way.
 */
const FILTER_BITS = 16;
/** 1 where the hash of an ASCII anchor word falls (a hit may still be another word: the scan then checks it). */
const ANCHOR_FILTER = new Uint8Array(1 << FILTER_BITS);
const filterSlot = (h: number): number => (h ^ (h >>> FILTER_BITS)) & ((1 << FILTER_BITS) - 1);
/** The hash of an ASCII word's lower-cased characters (the tokenizer computes the same while reading). */
function hashAscii(w: string): number | null {
  let h = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 0x80) return null;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return h;
}
for (const w of ANCHORS.keys()) {
  const h = hashAscii(w);
  if (h !== null) ANCHOR_FILTER[filterSlot(h)] = 1; // a token with a non-ASCII character always takes the exact path
}
/** Last three characters of each suffix (all suffixes have at least three), as 7-bit codes. */
const SUFFIX_ENDS = new Uint8Array(1 << 21);
for (const x of [...SUFFIX_STRONG, ...SUFFIX_WEAK]) {
  const n = x.length;
  const c1 = x.charCodeAt(n - 3);
  const c2 = x.charCodeAt(n - 2);
  const c3 = x.charCodeAt(n - 1);
  if (c1 < 0x80 && c2 < 0x80 && c3 < 0x80) SUFFIX_ENDS[(c1 << 14) | (c2 << 7) | c3] = 1;
}

/**
 * Whether the ASCII word token [st, en) of `text`, whose lower-cased characters hash to `h`, can be an anchor word
 * or a street compound (exact in the negative, see above). Its characters are letters, digits, '-' and "'", whose
 * lower case is `c | 0x20`.
 */
export function asciiWordMayAnchor(text: string, st: number, en: number, h: number): boolean {
  if (ANCHOR_FILTER[filterSlot(h)] === 1) return true;
  return en - st >= 6 && SUFFIX_ENDS[((text.charCodeAt(en - 3) | 0x20) << 14) | ((text.charCodeAt(en - 2) | 0x20) << 7) | (text.charCodeAt(en - 1) | 0x20)] === 1;
}
