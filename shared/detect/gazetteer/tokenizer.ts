/**
 * The word tokeniser that the PERSON, LOCATION and ORGANIZATION detectors share (one linear scan, cached for the last
 * value), the token views, and phrase matching over tokens.
 */

import { COMMON, PREFIX } from './flags';
import { FNV_OFFSET, FNV_PRIME, filterHas, smallFilterHas } from './hashing';
import type { Gazetteer } from '../gazetteer';
import { asciiCodesOf } from '../compact-text';

export const SHAPE_OTHER = 0; // has digits, or no letters
export const SHAPE_LOWER = 1;
export const SHAPE_TITLE = 2;
export const SHAPE_UPPER = 3;
export const SHAPE_MIXED = 4; // lower-case first letter, upper-case later ("iPhone")

/** Bits describing the separator before a token (`gap`) and the token itself. */
export const GAP_START = 1; // first token of the text
export const GAP_NEWLINE = 2; // a line break since the previous token
export const GAP_SENTENCE = 4; // . ! ? : ; or a bullet since the previous token (or GAP_START/GAP_NEWLINE)
export const GAP_COMMA = 8; // a comma since the previous token
export const GAP_SPACE = 16; // only horizontal white space (at most one run) since the previous token
export const GAP_OTHER = 32; // some other punctuation (brackets, quotes, slashes, dashes...)
export const GAP_BLANK_LINE = 64; // two line breaks or more since the previous token
export const TOK_GLUED = 128; // part of an e-mail, URL, path, handle or identifier: never a name
export const TOK_DOT_AFTER = 256; // directly followed by '.'
export const GAP_DOT = 512; // the separator before is exactly ". " or "." (abbreviation or sentence end)
export const GAP_AMP = 1024; // the separator holds '&'
/**
 * The token may be an unambiguous given name, country or major city, or a watched word (a probabilistic filter, the cheap pre-check that
 * keeps lower-case words out of hash lookups). Non-ASCII words always have it.
 */
export const TOK_LISTED = 2048;
/** Only ASCII characters (its hash can be used for lookups). */
export const TOK_ASCII = 4096;
/** Holds an apostrophe or hyphen inside ("Jean-Luc", "O'Brien"). */
export const TOK_INNER = 8192;
/** The separator before the token is a possessive 's ("People's Republic"). */
export const GAP_POSSESSIVE = 16384;
/** The token may be a place preposition or the end of a place phrase (small filter; see `watch(..., 'context')`). */
export const TOK_CONTEXT = 32768;

export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly shape: Uint8Array;
  /** Separator and token bits (GAP_*, TOK_*). */
  readonly bits: Uint16Array;
  /** Lower-case key of token i (cached). */
  key(i: number): string;
  /** Gazetteer bits of token i alone (cached). */
  flags(i: number): number;
  /** Original text of token i. */
  word(i: number): string;
  /** FNV-1a hash of token i's lower-cased form (valid when it has TOK_ASCII). */
  hash(i: number): number;
  /**
   * Is token i an ordinary word: a common English word (SCOWL) or one of the common words of `common-words.ts`
   * (English, German, French, Spanish, support vocabulary)? Names that are also words ("Mark", "Smith") are.
   */
  knownWord(i: number): boolean;
  /** Is token i a common English word (SCOWL only)? */
  englishWord(i: number): boolean;
}

const ASCII_CLASS = new Uint8Array(128); // 1 lower, 2 upper, 3 digit
for (let c = 0x61; c <= 0x7a; c++) ASCII_CLASS[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) ASCII_CLASS[c] = 2;
for (let c = 0x30; c <= 0x39; c++) ASCII_CLASS[c] = 3;
const LETTER_RE = /[\p{L}\p{M}]/u;
/** Characters that may glue a word to an e-mail address, URL, path or identifier: @ _ / \\ # = . : */
const GLUE_CHAR = new Uint8Array(128);
for (const c of '@_/\\#=.:') GLUE_CHAR[c.charCodeAt(0)] = 1;

/** 0 none, 1 lower, 2 upper, 3 digit, 4 other letter or mark (caseless or unknown case). */
function charClass(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII_CLASS[c]!;
  if (c >= 0xd800 && c <= 0xdfff) return 0; // astral: emoji and rare scripts are separators
  const ch = text.charAt(i);
  if (!LETTER_RE.test(ch)) return c >= 0x660 && /\p{Nd}/u.test(ch) ? 3 : 0;
  const lc = ch.toLowerCase();
  const uc = ch.toUpperCase();
  if (lc === uc) return 4;
  return ch === lc ? 1 : 2;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

function isHyphen(c: number): boolean {
  return c === 0x2d || c === 0x2010 || c === 0x2011;
}

interface TokenCacheEntry {
  readonly text: string;
  readonly gazetteer: Gazetteer;
  readonly tokens: Tokens;
}

let lastTokens: TokenCacheEntry | null = null;

/** Forgets the cached tokens (their flags may be stale after `Gazetteer.watch`). */
export function resetTokenCache(): void {
  lastTokens = null;
}

/**
 * Splits `text` into word and number tokens with offsets, in one linear pass. Words are letters and marks, with an
 * apostrophe or hyphen inside a word kept ("O'Brien", "Jean-Luc"); a trailing possessive 's is left out.
 * The last result is cached, so the three name detectors tokenise a value once. The token arrays are shared
 * buffers: a `Tokens` is valid until `tokenize` is called for another value.
 */
export function tokenize(text: string, gazetteer: Gazetteer): Tokens {
  if (lastTokens !== null && lastTokens.gazetteer === gazetteer && lastTokens.text === text) return lastTokens.tokens;
  const tokens = tokenizeUncached(text, gazetteer);
  lastTokens = { text, gazetteer, tokens };
  return tokens;
}

// Token buffers are reused between calls (a value is tokenised at a time; see `tokenize`).
let bufStart = new Int32Array(1024);
let bufEnd = new Int32Array(1024);
let bufShape = new Uint8Array(1024);
let bufBits = new Uint16Array(1024);
let bufFlags = new Int32Array(1024);
let bufHash = new Int32Array(1024);
let bufKeyGen = new Int32Array(1024);
let generation = 0;
const bufKeys: (string | undefined)[] = [];

function grow(cap: number): void {
  const ns = new Int32Array(cap);
  ns.set(bufStart);
  bufStart = ns;
  const ne = new Int32Array(cap);
  ne.set(bufEnd);
  bufEnd = ne;
  const nsh = new Uint8Array(cap);
  nsh.set(bufShape);
  bufShape = nsh;
  const nb = new Uint16Array(cap);
  nb.set(bufBits);
  bufBits = nb;
  const nf = new Int32Array(cap);
  nf.set(bufFlags);
  bufFlags = nf;
  bufKeyGen = new Int32Array(cap);
  const nh = new Int32Array(cap);
  nh.set(bufHash);
  bufHash = nh;
}

// The characters of the value being tokenised, as UTF-16 code units in a typed array: reading them is much cheaper
// than `charCodeAt` on the sliced strings that CSV parsing yields. An ASCII value is converted natively (TextEncoder,
// then a widening copy), or copied from the registry's compact copy of it (see `asciiCodesOf`). Always a Uint16Array, so that the loops reading it see one array type (monomorphic loads).
const encoder = new TextEncoder();
let bufBytes = new Uint8Array(4096);
let bufCodes = new Uint16Array(4096);

function charCodes(text: string, n: number): Uint16Array {
  if (bufCodes.length < n) {
    let cap = bufCodes.length;
    while (cap < n) cap *= 2;
    bufCodes = new Uint16Array(cap);
    bufBytes = new Uint8Array(cap);
  }
  const codes = bufCodes;
  // the registry's compact copy of the text was all ASCII: its bytes are the codes
  const known = asciiCodesOf(text);
  if (known !== null) {
    codes.set(known.subarray(0, n));
    return codes;
  }
  const r = encoder.encodeInto(text, bufBytes);
  // ASCII: each character is one byte.
  if (r.read === n && r.written === n) codes.set(bufBytes.subarray(0, n));
  else for (let i = 0; i < n; i++) codes[i] = text.charCodeAt(i);
  return codes;
}

function tokenizeUncached(text: string, gazetteer: Gazetteer): Tokens {
  const n = text.length;
  let start = bufStart;
  let end = bufEnd;
  let shape = bufShape;
  let bits = bufBits;
  let cap = start.length;
  let count = 0;
  let hashes = bufHash;
  let flagCache = bufFlags;
  const filter = gazetteer.filter;
  const contextFilter = gazetteer.contextFilter;
  // Module-level constants are loaded once here: the bundle keeps them in mutable module slots, which the JIT would
  // otherwise read again for every character (locals with literal values are folded).
  const classOf = ASCII_CLASS;
  const glueChar = GLUE_CHAR;
  const OFFSET = FNV_OFFSET;
  const PRIME = 0x01000193; // FNV_PRIME
  const codes = charCodes(text, n);

  let gap = GAP_START | GAP_SENTENCE;
  let newlines = 0;
  let spaceRun = 0;
  let punct = false;
  // The last separator character read (text[s - 1] when a token starts at s), and the character that ended a token.
  let prev = 0;
  let i = 0;
  while (i < n) {
    const c0 = codes[i]!;
    if (c0 === 0x20) {
      spaceRun++;
      prev = 0x20;
      i++;
      continue;
    }
    const cls = c0 < 0x80 ? classOf[c0]! : charClass(text, i);
    if (cls === 0) {
      if (c0 === 0x0a) {
        newlines++;
        gap |= GAP_NEWLINE | GAP_SENTENCE;
        if (newlines >= 2) gap |= GAP_BLANK_LINE;
      } else if (c0 === 0x20 || c0 === 0x09 || c0 === 0xa0 || c0 === 0x0d || c0 === 0x202f || c0 === 0x2009) {
        spaceRun++;
      } else {
        punct = true;
        if (c0 === 0x2e) gap |= GAP_DOT;
        if (c0 === 0x2e || c0 === 0x21 || c0 === 0x3f || c0 === 0x3a || c0 === 0x3b || c0 === 0x2022 || c0 === 0x3e) gap |= GAP_SENTENCE;
        else if (c0 === 0x2c) gap |= GAP_COMMA;
        else if (c0 === 0x26) gap |= GAP_AMP;
        else gap |= GAP_OTHER;
      }
      prev = c0;
      i++;
      continue;
    }
    // A token starts at i. Its FNV-1a hash over the lower-cased key is computed on the way (see hashKey).
    const s = i;
    let hasDigit = cls === 3;
    let upper = cls === 2 ? 1 : 0;
    let lower = cls === 1 ? 1 : 0;
    let ascii = c0 < 0x80;
    let escaped = false;
    let inner = false;
    let possessive = 0;
    let stop = 0;
    let h = Math.imul(OFFSET ^ (cls === 2 ? c0 + 32 : c0), PRIME);
    const firstUpper = cls === 2;
    i++;
    while (i < n) {
      let c = codes[i]!;
      if (c >= 0x61 && c <= 0x7a) {
        // lower-case ASCII letter: the common case
        lower++;
        h = Math.imul(h ^ c, PRIME);
        i++;
        continue;
      }
      const k = c < 0x80 ? classOf[c]! : charClass(text, i);
      if (k !== 0) {
        if (k === 3) hasDigit = true;
        else if (k === 2) {
          upper++;
          if (c < 0x80) c += 32;
        } else if (k === 1) lower++;
        if (c >= 0x80) ascii = false;
        h = Math.imul(h ^ c, PRIME);
        i++;
        continue;
      }
      // An escaped apostrophe (I\'m in exported JSON/CSV) is read as an apostrophe.
      let skip = 0;
      if (c === 0x5c && i + 2 < n && isApostrophe(text.charCodeAt(i + 1))) {
        c = text.charCodeAt(i + 1);
        skip = 1;
      }
      if ((isApostrophe(c) || isHyphen(c)) && i + 1 + skip < n) {
        const next = charClass(text, i + 1 + skip);
        if (next === 1 || next === 2 || next === 4) {
          // Possessive 's / ’s at the end of a word: not part of the name.
          if (isApostrophe(c) && (text.charCodeAt(i + 1 + skip) | 0x20) === 0x73 && (i + 2 + skip >= n || charClass(text, i + 2 + skip) === 0)) {
            possessive = 2 + skip;
            stop = skip === 1 ? 0x5c : c;
            break;
          }
          h = Math.imul(h ^ (isApostrophe(c) ? 0x27 : 0x2d), PRIME);
          if (skip === 1 || (c !== 0x27 && c !== 0x2d)) escaped = true;
          inner = true;
          i += 1 + skip;
          continue;
        }
      }
      stop = skip === 1 ? 0x5c : c;
      break;
    }
    const e = i;
    if (count === cap) {
      cap *= 2;
      grow(cap);
      start = bufStart;
      end = bufEnd;
      shape = bufShape;
      bits = bufBits;
      hashes = bufHash;
      flagCache = bufFlags;
    }
    let sh: number;
    if (hasDigit) sh = SHAPE_OTHER;
    else if (upper === 0) sh = SHAPE_LOWER; // also caseless scripts
    else if (lower === 0) sh = upper >= 2 ? SHAPE_UPPER : SHAPE_TITLE;
    else sh = firstUpper ? SHAPE_TITLE : SHAPE_MIXED;
    if (!punct && newlines === 0 && spaceRun > 0) gap |= GAP_SPACE;
    let b = gap;
    // Glued: joined to an e-mail, URL, path, handle or identifier.
    const before = prev;
    const after = stop;
    if (
      ((before < 0x80 && glueChar[before] === 1) || (after < 0x80 && glueChar[after] === 1)) &&
      (before === 0x40 || before === 0x5f || before === 0x2f || before === 0x5c || before === 0x23 || before === 0x3d ||
      after === 0x40 || after === 0x5f || after === 0x2f || after === 0x5c || after === 0x3d ||
      // "https://", "C:\"
      (after === 0x3a && e + 2 < n && ((text.charCodeAt(e + 1) === 0x2f && text.charCodeAt(e + 2) === 0x2f) ||
        (e - s === 1 && (text.charCodeAt(e + 1) === 0x5c || text.charCodeAt(e + 1) === 0x2f)))) ||
      // "example.com", "Anna.Smith" — but not dotted initials ("S.L.", "J.R.R."): single letters on both sides
      (before === 0x2e && s >= 2 && charClass(text, s - 2) !== 0 && (e - s > 1 || (s >= 3 && charClass(text, s - 3) !== 0))) ||
      (after === 0x2e && e + 1 < n && charClass(text, e + 1) !== 0 && (e - s > 1 || (e + 2 < n && charClass(text, e + 2) !== 0))) ||
      (before === 0x3a && s >= 2 && charClass(text, s - 2) !== 0 && newlines === 0 && spaceRun === 0))
    ) {
      b |= TOK_GLUED;
    }
    if (after === 0x2e) b |= TOK_DOT_AFTER;
    // Non-ASCII words are always looked up (their keys may need folding); others only if the filter may hold them.
    if (!ascii) b |= TOK_LISTED | TOK_CONTEXT;
    else if (sh !== SHAPE_OTHER) {
      if (filterHas(filter, h)) b |= TOK_LISTED;
      if (smallFilterHas(contextFilter, h)) b |= TOK_CONTEXT;
    }
    if (inner) b |= TOK_INNER;
    if (ascii && !escaped) b |= TOK_ASCII;
    hashes[count] = ascii ? h : 0;
    flagCache[count] = -1;
    start[count] = s;
    end[count] = e;
    shape[count] = sh;
    bits[count] = b;
    count++;
    gap = 0;
    newlines = 0;
    spaceRun = 0;
    punct = false;
    if (possessive > 0) {
      // The possessive 's is read as punctuation between this word and the next.
      i += possessive;
      gap = GAP_POSSESSIVE;
      punct = true;
    }
  }

  if (bufKeys.length < count) bufKeys.length = count;
  // Keys of an earlier value are told apart by a generation stamp instead of clearing the array.
  generation = (generation + 1) | 0;
  if (generation === 0) generation = 1;
  return new TokenView(text, count, start, end, shape, bits, bufHash, bufFlags, bufKeys, bufKeyGen, generation, gazetteer, codes);
}

/** The result of `tokenize`: views of the shared buffers, with lazily computed keys and flags. */
class TokenView implements Tokens {
  constructor(
    readonly text: string,
    readonly count: number,
    readonly start: Int32Array,
    readonly end: Int32Array,
    readonly shape: Uint8Array,
    readonly bits: Uint16Array,
    private readonly hashes: Int32Array,
    private readonly flagCache: Int32Array,
    private readonly keys: (string | undefined)[],
    private readonly keyGen: Int32Array,
    private readonly gen: number,
    private readonly gazetteer: Gazetteer,
    /** The characters of `text` (see `charCodes`): lookups read them instead of the string. */
    private readonly codes: Uint16Array,
  ) {}

  key(t: number): string {
    if (this.keyGen[t] === this.gen) return this.keys[t]!;
    let k = this.text.slice(this.start[t]!, this.end[t]!).toLowerCase();
    if (this.bits[t]! & TOK_INNER) k = k.replace(/\\?[’']/g, "'");
    this.keys[t] = k;
    this.keyGen[t] = this.gen;
    return k;
  }

  flags(t: number): number {
    let f = this.flagCache[t]!;
    if (f !== -1) return f;
    if ((this.bits[t]! & TOK_ASCII) !== 0) {
      // ASCII words (apostrophes and hyphens are ASCII too, except ’): no string needed.
      f = this.gazetteer.flagsAtCodes(this.codes, this.start[t]!, this.end[t]!, this.hashes[t]!);
    } else {
      f = this.gazetteer.lookupWord(this.key(t));
    }
    this.flagCache[t] = f;
    return f;
  }

  word(t: number): string {
    return this.text.slice(this.start[t]!, this.end[t]!);
  }

  hash(t: number): number {
    return this.hashes[t]!;
  }

  knownWord(t: number): boolean {
    return (this.flags(t) & COMMON) !== 0 || this.englishWord(t);
  }

  englishWord(t: number): boolean {
    const english = this.gazetteer.english;
    if ((this.bits[t]! & TOK_ASCII) !== 0) return english.hasAtCodes(this.codes, this.start[t]!, this.end[t]!, this.hashes[t]!);
    return english.has(this.key(t));
  }
}

/** Is there exactly one colon, with spaces or tabs only, between tokens t-1 and t ("Attendees: Anna")? */
export function colonBetween(tokens: Tokens, t: number): boolean {
  const text = tokens.text;
  let colon = false;
  for (let i = tokens.end[t - 1]!; i < tokens.start[t]!; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a && !colon) colon = true;
    else if (c !== 0x20 && c !== 0x09) return false;
  }
  return colon;
}

/** Are tokens t-1 and t joined by only horizontal space (or '. ' after a one-letter initial)? */
export function joined(tokens: Tokens, t: number): boolean {
  return (tokens.bits[t]! & (GAP_SPACE | GAP_NEWLINE | GAP_COMMA | GAP_OTHER | GAP_SENTENCE | GAP_AMP)) === GAP_SPACE;
}

export interface PhraseMatch {
  /** Index after the last token of the match. */
  readonly end: number;
  readonly flags: number;
}

/**
 * Longest gazetteer entry starting at token `t` whose bits intersect `want`, over tokens joined by single spaces
 * (a '.' after an abbreviation such as "St." is allowed). Returns null if none.
 */
export function longestMatch(tokens: Tokens, gazetteer: Gazetteer, t: number, want: number): PhraseMatch | null {
  let f = tokens.flags(t);
  let best: PhraseMatch | null = f & want ? { end: t + 1, flags: f } : null;
  if (!(f & PREFIX)) return best;
  const text = tokens.text;
  // Fast path while the words are ASCII and single-spaced: continue the FNV hash over " word" and look the range up.
  let fast = (tokens.bits[t]! & TOK_ASCII) !== 0;
  let h = fast ? tokens.hash(t) : 0;
  let k: string | null = null;
  let j = t + 1;
  while (f & PREFIX && j < tokens.count && j - t < gazetteer.maxWords) {
    const bits = tokens.bits[j]!;
    const sepOk =
      (bits & (GAP_NEWLINE | GAP_COMMA | GAP_OTHER | GAP_AMP)) === 0 &&
      (!(bits & GAP_SENTENCE) || (bits & GAP_DOT && tokens.end[j - 1]! - tokens.start[j - 1]! <= 3));
    if (!sepOk || tokens.shape[j] === SHAPE_OTHER || bits & TOK_GLUED) break;
    const s = tokens.start[j]!;
    if (fast && (!(bits & TOK_ASCII) || s !== tokens.end[j - 1]! + 1 || text.charCodeAt(s - 1) !== 0x20)) {
      fast = false;
      k = null;
    }
    if (fast) {
      h = Math.imul(h ^ 0x20, FNV_PRIME);
      const e = tokens.end[j]!;
      for (let i = s; i < e; i++) {
        let c = text.charCodeAt(i);
        if (c >= 0x41 && c <= 0x5a) c += 32;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
      f = gazetteer.flagsAt(text, tokens.start[t]!, e, h);
    } else {
      if (k === null) {
        k = tokens.key(t);
        for (let x = t + 1; x < j; x++) k = `${k} ${tokens.key(x)}`;
      }
      k = `${k} ${tokens.key(j)}`;
      // (falls back to the folded key, without COMMON and AMBIGUOUS; cached for non-ASCII keys)
      f = gazetteer.lookupWord(k);
    }
    j++;
    if (f & want) best = { end: j, flags: f };
  }
  return best;
}

/** Is token t the first of a sentence or line (or preceded only by an opening quote/bracket there)? */
export function sentenceInitial(tokens: Tokens, t: number): boolean {
  if (t === 0) return true;
  const b = tokens.bits[t]!;
  if (b & (GAP_START | GAP_NEWLINE)) return true;
  if (b & GAP_SENTENCE) {
    // "Mr. Smith", "St. Louis", "J. Smith": a dot after a short abbreviation does not end a sentence.
    if (b & GAP_DOT && tokens.end[t - 1]! - tokens.start[t - 1]! <= 1) return false;
    return true;
  }
  return false;
}
