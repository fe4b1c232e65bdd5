/**
 * Tokens: the one-pass scanner shared by the street-address and postal-code detectors. While it reads a word it
 * also hashes it, and marks the words that may be anchors of the street-address scan (see ./anchors.ts).
 * Part of the STREET_ADDRESS detector (see ../street-address.ts for the patterns and scores).
 */

import { asciiWordMayAnchor } from './anchors';

export const TK_WORD = 1;
export const TK_NUM = 2;
export const TK_ORD = 3;
export const TK_MIXED = 4;
export const TK_PUNCT = 5;

export interface Tokens {
  readonly text: string;
  readonly n: number;
  /** Start (UTF-16) of each token. */
  readonly s: Int32Array;
  /** End (exclusive) of each token. */
  readonly e: Int32Array;
  /** Kind of each token (TK_*). */
  readonly k: Uint8Array;
  /** Line breaks between the previous token and this one (capped at 2). */
  readonly nl: Uint8Array;
  /**
   * 1 for a word token (at most 40 characters) that may be an anchor word or a street compound of the
   * street-address scan: a non-ASCII word or a hit in the anchor filter (./anchors.ts); 0 for every other token.
   */
  readonly a: Uint8Array;
  /** Lower-cased token text (computed lazily). */
  low(i: number): string;
  /** Raw token text. */
  raw(i: number): string;
}

/**
 * Character classes, one table lookup per character in the tokenizer's loop. Bits: alnum (a letter, mark or
 * number, \p{L}\p{M}\p{N}), ASCII digit, kept punctuation, line-start bullet, joiner; CLS_KNOWN marks a
 * non-ASCII entry as computed (the Unicode-property regex runs once per distinct character, never per token).
 */
const CLS_ALNUM = 1;
const CLS_DIGIT = 2;
const CLS_PUNCT = 4;
const CLS_BULLET = 8;
const CLS_JOINER = 16;
/** Alnum but not an ASCII digit (what the token kinds count as a letter, non-ASCII digits included). */
const CLS_LETTER = 32;
/** Not ASCII. */
const CLS_WIDE = 64;
const CLS_KNOWN = 128;
const CLS = new Uint8Array(0x10000);
const ALNUM_RE = /^[\p{L}\p{M}\p{N}]$/u;
/** Punctuation kept as tokens; everything else that is not a letter or digit separates tokens. */
const PUNCT_CHARS = [',', '.', '/', '#', ':', ';', '(', ')', '?', '!', '&', '-', '–', '"', '=', '@', '|', '[', ']', '<', '{', '}'];
/** Characters skipped at the start of a line (quote markers, bullets). */
const BULLET_CHARS = ['>', '|', '*', '•', '·', '?', '-', '–', '—', '‣', '◦', '+', '~'];
/** Hyphen and apostrophes join letters/digits into one token: Champs-Élysées, d'Alésia, 12-14. */
const JOINER_CHARS = ['-', "'", '\u2019'];
for (let c = 0; c < 0x80; c++) {
  let v = CLS_KNOWN;
  if (c >= 48 && c <= 57) v |= CLS_ALNUM | CLS_DIGIT;
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) v |= CLS_ALNUM | CLS_LETTER;
  CLS[c] = v;
}
// Surrogates are never alnum (the scanner works on UTF-16 units).
for (let c = 0xd800; c <= 0xdfff; c++) CLS[c] = CLS_KNOWN | CLS_WIDE;
for (const ch of PUNCT_CHARS) CLS[ch.charCodeAt(0)]! |= CLS_PUNCT;
for (const ch of BULLET_CHARS) CLS[ch.charCodeAt(0)]! |= CLS_BULLET;
for (const ch of JOINER_CHARS) CLS[ch.charCodeAt(0)]! |= CLS_JOINER;

/** The class bits of UTF-16 unit `c`. */
function cls(c: number): number {
  const v = CLS[c]!;
  if (v & CLS_KNOWN) return v;
  const w = v | CLS_KNOWN | CLS_WIDE | (ALNUM_RE.test(String.fromCharCode(c)) ? CLS_ALNUM | CLS_LETTER : 0);
  CLS[c] = w;
  return w;
}

export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;

/** Ordinal suffixes after digits: 5th, 42nd, 1er, 3º, 2ª. */
const ORD_SUFFIX = /^(?:st|nd|rd|th|er|e|re|ème|eme|°|º|ª|o|a)$/;

let cachedTokensText: string | null = null;
let cachedTokens: Tokens | null = null;

/** Cuts `text` into tokens in one pass. The last result is cached (the street and postal detectors share it). */
export function tokenize(text: string): Tokens {
  if (cachedTokens !== null && text === cachedTokensText) return cachedTokens;
  const t = tokenizeUncached(text);
  cachedTokensText = text;
  cachedTokens = t;
  return t;
}

/**
 * The tokens of one text; methods on the prototype, lower-cased words made on demand and kept in arrays shared
 * from text to text (`lowGen[t] === gen` marks the ones made for this text), so no array is allocated per text.
 */
class TokenList implements Tokens {
  constructor(
    readonly text: string,
    readonly n: number,
    readonly s: Int32Array,
    readonly e: Int32Array,
    readonly k: Uint8Array,
    readonly nl: Uint8Array,
    readonly a: Uint8Array,
    private readonly lows: string[],
    private readonly lowGen: Int32Array,
    private readonly gen: number,
  ) {}

  low(t: number): string {
    if (this.lowGen[t] === this.gen) return this.lows[t]!;
    const v = this.text.slice(this.s[t], this.e[t]).toLowerCase();
    this.lows[t] = v;
    this.lowGen[t] = this.gen;
    return v;
  }

  raw(t: number): string {
    return this.text.slice(this.s[t], this.e[t]);
  }
}

/**
 * Token arrays, reused from text to text: allocating four typed arrays per ticket text cost more than the scan
 * itself. They double when full, so the cost stays linear in the text length. A `Tokens` object is therefore
 * valid only until `tokenize` is called with another text (both detectors use it within one `detect` call).
 */
let bufS = new Int32Array(1 << 10);
let bufE = new Int32Array(1 << 10);
let bufK = new Uint8Array(1 << 10);
let bufNl = new Uint8Array(1 << 10);
let bufA = new Uint8Array(1 << 10);
/** Lower-cased tokens (see TokenList.low), the text each was made for, and the number of the current text. */
let bufLow = new Array<string>(1 << 10).fill('');
let bufLowGen = new Int32Array(1 << 10);
let generation = 0;

/** The scanner: one pass over the UTF-16 units, one class-table lookup per unit. */
function tokenizeUncached(text: string): Tokens {
  const len = text.length;
  // After a huge text, go back to small arrays instead of holding its memory for the rest of the run.
  if (bufS.length > 1 << 16 && len < 1 << 14) {
    bufS = new Int32Array(1 << 10);
    bufE = new Int32Array(1 << 10);
    bufK = new Uint8Array(1 << 10);
    bufNl = new Uint8Array(1 << 10);
    bufA = new Uint8Array(1 << 10);
  }
  generation = (generation + 1) | 0;
  let cap = bufS.length;
  let s = bufS;
  let e = bufE;
  let k = bufK;
  let nlArr = bufNl;
  let aArr = bufA;
  let n = 0;
  let nl = 0;
  let lineStart = true;
  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (nl < 2) nl++;
      lineStart = true;
      i++;
      continue;
    }
    const cc = cls(c);
    let st = i;
    let kind = 0;
    let anchor = 0;
    if (cc & CLS_ALNUM) {
      // One pass collects which classes the token holds and hashes its lower-cased characters (exact for ASCII:
      // letters, digits, '-' and "'" lower-case as `d | 0x20`); positions are recounted only for tokens that mix
      // digits and letters (rare).
      // (the first character, alnum, is read already)
      let seen = cc;
      let joins = 0;
      let h = c | 0x20;
      let j = i + 1;
      while (j < len) {
        const d = text.charCodeAt(j);
        if (d >= 97 && d <= 122) {
          // lower-case ASCII letters, most of the text
          seen |= CLS_LETTER;
          h = (Math.imul(h, 31) + d) | 0;
          j++;
          continue;
        }
        const dc = d < 0x80 ? CLS[d]! : cls(d);
        if ((dc & CLS_ALNUM) !== 0) {
          seen |= dc;
          h = (Math.imul(h, 31) + (d | 0x20)) | 0;
          j++;
        } else if ((dc & CLS_JOINER) !== 0 && j + 1 < len && (cls(text.charCodeAt(j + 1)) & CLS_ALNUM) !== 0) {
          seen |= dc;
          h = (Math.imul(h, 31) + (d | 0x20)) | 0;
          joins++;
          j++;
        } else break;
      }
      if ((seen & CLS_LETTER) === 0) kind = joins <= 1 ? TK_NUM : TK_MIXED;
      else if ((seen & CLS_DIGIT) === 0) {
        kind = TK_WORD;
        if (j - st <= 40 && ((seen & CLS_WIDE) !== 0 || asciiWordMayAnchor(text, st, j, h))) anchor = 1;
      } else if ((cc & CLS_DIGIT) !== 0) {
        let letters = 0;
        let firstLetterAt = -1;
        let lastDigitAt = -1;
        for (let x = st; x < j; x++) {
          const dc = cls(text.charCodeAt(x));
          if ((dc & CLS_DIGIT) !== 0) lastDigitAt = x;
          else if ((dc & CLS_LETTER) !== 0) {
            letters++;
            if (firstLetterAt < 0) firstLetterAt = x;
          }
        }
        if (firstLetterAt > lastDigitAt) {
          // digits then letters: 12a, 221B, 3º, 5th, 42nd
          if (joins === 0 && letters === 1) kind = TK_NUM;
          else if (joins === 0 && ORD_SUFFIX.test(text.slice(firstLetterAt, j).toLowerCase())) kind = TK_ORD;
          else if (joins === 1 && letters === 1 && text.charAt(firstLetterAt - 1) !== '-' && text.charAt(firstLetterAt - 1) !== "'") kind = TK_NUM; // 12-14a
          else kind = TK_MIXED;
        } else kind = TK_MIXED;
      } else kind = TK_MIXED;
      i = j;
    } else if (lineStart && cc & CLS_BULLET) {
      i++;
      continue;
    } else if (cc & CLS_PUNCT) {
      kind = TK_PUNCT;
      st = i;
      i++;
    } else {
      i++;
      continue;
    }
    if (n === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(s);
      s = bufS = s2;
      const e2 = new Int32Array(cap);
      e2.set(e);
      e = bufE = e2;
      const k2 = new Uint8Array(cap);
      k2.set(k);
      k = bufK = k2;
      const n2 = new Uint8Array(cap);
      n2.set(nlArr);
      nlArr = bufNl = n2;
      const a2 = new Uint8Array(cap);
      a2.set(aArr);
      aArr = bufA = a2;
    }
    s[n] = st;
    e[n] = i;
    k[n] = kind;
    nlArr[n] = nl;
    aArr[n] = anchor;
    n++;
    nl = 0;
    lineStart = false;
  }
  // Slots after the last token read as zero (callers look one or two tokens ahead without a bounds check).
  if (n + 8 > cap) {
    cap = n + 8;
    const s2 = new Int32Array(cap);
    s2.set(s.subarray(0, n));
    bufS = s = s2;
    const e2 = new Int32Array(cap);
    e2.set(e.subarray(0, n));
    bufE = e = e2;
    const k2 = new Uint8Array(cap);
    k2.set(k.subarray(0, n));
    bufK = k = k2;
    const n2 = new Uint8Array(cap);
    n2.set(nlArr.subarray(0, n));
    bufNl = nlArr = n2;
    const a2 = new Uint8Array(cap);
    a2.set(aArr.subarray(0, n));
    bufA = aArr = a2;
  } else {
    // (a loop: eight `fill` calls cost more here than the stores)
    for (let x = n; x < n + 8; x++) {
      s[x] = 0;
      e[x] = 0;
      k[x] = 0;
      nlArr[x] = 0;
      aArr[x] = 0;
    }
  }
  if (bufLowGen.length !== cap) {
    bufLow = new Array<string>(cap).fill('');
    bufLowGen = new Int32Array(cap);
  }
  return new TokenList(text, n, s, e, k, nlArr, aArr, bufLow, bufLowGen, generation);
}
