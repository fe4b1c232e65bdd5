/**
 * Gazetteer: hash lookups of given names, surnames, countries, regions and cities (single and multi-token), and the
 * word tokeniser that the PERSON, LOCATION and ORGANIZATION detectors share.
 *
 * Keys are NFC, lower-case, with the words of a multi-word name joined by single spaces ("new york",
 * "van der voet"); every key is also stored with its diacritics folded ("san jose" for "san josé"), and a hyphenated
 * key also with spaces ("saint priest" for "saint-priest"). A lookup returns a bit set of categories (`GIVEN`,
 * `SURNAME`, ...); `PREFIX` marks a key that starts a longer multi-word entry, so that matching can stop early.
 * The caller keeps the original text, so the case pattern of a match is available to it (`casePattern`).
 *
 * Pure: no Node or DOM APIs. Building from the generated data takes a few hundred milliseconds and is done once.
 */

import { allCommonWords } from './data/common-words';

export const GIVEN = 1;
export const SURNAME = 2;
export const COUNTRY = 4;
export const REGION = 8;
export const MAJOR_CITY = 16;
export const CITY = 32;
/** The entry is also a common word (Will, Mark, Nice, Bath): it needs context. */
export const AMBIGUOUS = 64;
/** The key is a common word (whether or not it is a name). */
export const COMMON = 128;
/** The key is a proper prefix of a multi-word entry. */
export const PREFIX = 256;

/**
 * Cue-word categories: detectors register their context words with `watch(words, bit)`, and then test a token's
 * `flags` against the bit instead of building its string. Bits 10..29.
 */
export const CUE_HONORIFIC = 1 << 10;
export const CUE_GREETING = 1 << 11;
export const CUE_SIGNOFF = 1 << 12;
export const CUE_SIGNOFF_FILLER = 1 << 13;
export const CUE_PHRASE_END = 1 << 14;
export const CUE_PARTICLE = 1 << 15;
export const CUE_NAME_SUFFIX = 1 << 16;
export const CUE_ADDRESS = 1 << 17;
export const CUE_STREET = 1 << 18;
export const CUE_LEGAL_SUFFIX = 1 << 19;
export const CUE_ORG_HEAD = 1 << 20;
export const CUE_REPORTING = 1 << 21;
export const CUE_CONJUNCTION = 1 << 22;
export const CUE_PREP_STRONG = 1 << 23;
export const CUE_PREP_WEAK = 1 << 24;
export const CUE_PLACE_PHRASE_END = 1 << 25;
export const CUE_EMPLOYMENT_END = 1 << 26;
export const CUE_ORG_AFTER = 1 << 27;
export const CUE_OF_HEAD = 1 << 28;
export const CUE_FROM_SUBJECT = 1 << 29;
/** Prepositions before a company ("at", "for", "with"). */
export const CUE_ORG_PREP = 1 << 9;
/** Verbs and phrases that follow a company as subject ("invested", "acquired", "is headquartered"). */
export const CUE_ORG_VERB = 1 << 30;

export const NAME = GIVEN | SURNAME;
export const PLACE = COUNTRY | REGION | MAJOR_CITY | CITY;

export interface GazetteerData {
  readonly givenNames: readonly string[];
  readonly surnames: readonly string[];
  readonly countries: readonly string[];
  readonly regions: readonly string[];
  readonly majorCities: readonly string[];
  readonly cities: readonly string[];
  readonly ambiguous?: readonly string[];
}

export interface Gazetteer {
  /** Category bits of a normalised key (see `normaliseKey`); 0 if unknown. */
  flags(key: string): number;
  /** Category bits of a raw word or phrase (normalised first). */
  lookup(raw: string): number;
  /**
   * Flags of one lower-case word, falling back to its folded form (a folded match to a common word is spurious:
   * "Bašić" is not "basic"). Results for non-ASCII words are cached.
   */
  lookupWord(key: string): number;
  /** Is the normalised key a common word? */
  isCommon(key: string): boolean;
  /** Largest number of words in a multi-word entry. */
  readonly maxWords: number;
  /** Number of distinct keys (after folding). */
  readonly size: number;
  /** Bit filter over the hashes of unambiguous given names, countries, major cities and watched words (`watch`). */
  readonly filter: Uint32Array;
  /** Small bit filter over the words watched as 'context'. */
  readonly contextFilter: Uint32Array;
  /**
   * Registers context words (lower-case) under a CUE_* bit: their `flags` then carry the bit; with `filter` (the
   * default) their tokens also get TOK_LISTED, for words that a detector must notice while it scans forward; with
   * 'context' they get TOK_CONTEXT instead (a second, small filter for a few frequent words).
   * Idempotent; call it before tokenising (detector factories do).
   */
  watch(words: Iterable<string>, bit: number, filter?: boolean | 'context'): void;
  /**
   * Flags of the ASCII word text[start, end), whose `hashKey` of the lower-cased form is `hash`, without building a
   * string: an open-addressing table over the key hashes, confirmed by a second independent 32-bit hash and the
   * length (`hashKey2`), so that a probe reads one cache line and no key string.
   */
  flagsAt(text: string, start: number, end: number, hash: number): number;
}

// ------------------------------------------------------------------------------------------ normalisation

const FOLD_EXTRA: Record<string, string> = { ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', æ: 'ae', œ: 'oe', ß: 'ss', ı: 'i' };

function isAscii(s: string): boolean {
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

// ------------------------------------------------------------------------------------------ gazetteer

export function createGazetteer(data: GazetteerData, commonWords: readonly string[] = allCommonWords()): Gazetteer {
  const map = new Map<string, number>();
  let maxWords = 1;

  const put = (k: string, bits: number): void => {
    map.set(k, (map.get(k) ?? 0) | bits);
  };
  const addKey = (k: string, bits: number): void => {
    if (k.length === 0) return;
    const variants = new Set([k, fold(k)]);
    if (k.includes('-')) for (const v of [...variants]) variants.add(v.replace(/-/g, ' '));
    for (const v of variants) {
      put(v, bits);
      if (bits & ~(AMBIGUOUS | COMMON)) {
        let idx = v.indexOf(' ');
        let words = 1;
        while (idx !== -1) {
          put(v.slice(0, idx), PREFIX);
          words++;
          idx = v.indexOf(' ', idx + 1);
        }
        if (words > maxWords) maxWords = words;
      }
    }
  };
  const addList = (list: readonly string[] | undefined, bits: number): void => {
    if (list === undefined) return;
    for (const raw of list) addKey(raw.includes(' ') || raw !== raw.toLowerCase() ? normaliseKey(raw) : raw, bits);
  };

  addList(data.givenNames, GIVEN);
  addList(data.surnames, SURNAME);
  addList(data.countries, COUNTRY);
  addList(data.regions, REGION);
  addList(data.majorCities, MAJOR_CITY);
  addList(data.cities, CITY);
  addList(data.ambiguous, AMBIGUOUS);
  for (const w of commonWords) {
    const k = normaliseKey(w);
    if (k.length === 0) continue;
    const bits = map.get(k) ?? 0;
    // A name that is also a common word is ambiguous even if the data did not say so.
    map.set(k, bits | COMMON | (bits & (NAME | PLACE) ? AMBIGUOUS : 0));
    const f = fold(k);
    if (f !== k) map.set(f, (map.get(f) ?? 0) | COMMON | ((map.get(f) ?? 0) & (NAME | PLACE) ? AMBIGUOUS : 0));
  }

  const filter = new Uint32Array(FILTER_BITS >>> 5);
  const contextFilter = new Uint32Array(SMALL_FILTER_BITS >>> 5);
  // Lower-case words that may matter on their own: unambiguous given names, countries and major cities.
  for (const [k, bits] of map) if (bits & (GIVEN | COUNTRY | MAJOR_CITY) && !(bits & (COMMON | AMBIGUOUS))) filterAdd(filter, hashKey(k));
  // Open-addressing table over the hashes of the ASCII keys (most lookups), for `flagsAt`. One slot is four int32s
  // [FNV-1a hash, second hash mixed with the length, flags, 0], so a probe touches one cache line: the key strings are
  // not read (two independent 32-bit hashes and the length confirm a match).
  let slots = 1;
  while (slots < map.size * 2 + 8192) slots <<= 1;
  let slotMask = slots - 1;
  let table = new Int32Array(slots * 4);
  let used = 0;
  const tableInsert = (h: number, h2: number, bits: number): void => {
    let i = h & slotMask;
    for (;;) {
      const o = i << 2;
      const f = table[o + 2]!;
      if (f === 0) {
        table[o] = h;
        table[o + 1] = h2;
        table[o + 2] = bits;
        used++;
        return;
      }
      if (table[o] === h && table[o + 1] === h2) {
        table[o + 2] = f | bits;
        return;
      }
      i = (i + 1) & slotMask;
    }
  };
  const tablePut = (k: string, bits: number): void => {
    if (!isAscii(k) || bits === 0) return;
    if ((used + 1) * 4 >= slots * 3) {
      // Grow (only `watch` after creation can get here).
      const old = table;
      slots <<= 1;
      slotMask = slots - 1;
      table = new Int32Array(slots * 4);
      used = 0;
      for (let o = 0; o < old.length; o += 4) if (old[o + 2] !== 0) tableInsert(old[o]!, old[o + 1]!, old[o + 2]!);
    }
    tableInsert(hashKey(k), hashKey2(k, 0, k.length), bits);
  };
  for (const [k, bits] of map) tablePut(k, bits);
  const flagsAt = (text: string, start: number, end: number, hash: number): number => {
    const tbl = table;
    const mask = slotMask;
    let i = hash & mask;
    let h2 = 0;
    let h2Done = false;
    for (;;) {
      const o = i << 2;
      const f = tbl[o + 2]!;
      if (f === 0) return 0;
      if (tbl[o] === hash) {
        if (!h2Done) {
          h2 = hashKey2(text, start, end);
          h2Done = true;
        }
        if (tbl[o + 1] === h2) return f;
      }
      i = (i + 1) & mask;
    }
  };
  const foldedCache = new Map<string, number>();
  const lookupWord = (k: string): number => {
    const f = map.get(k) ?? 0;
    if (f !== 0 || isAscii(k)) return f;
    let g = foldedCache.get(k);
    if (g === undefined) {
      const folded = fold(k);
      g = folded !== k ? (map.get(folded) ?? 0) & ~(COMMON | AMBIGUOUS) : 0;
      if (foldedCache.size >= 50_000) foldedCache.clear();
      foldedCache.set(k, g);
    }
    return g;
  };
  return {
    filter,
    contextFilter,
    flagsAt,
    lookupWord,
    watch(words, bit, inFilter = true) {
      for (const w of words) {
        const k = w.toLowerCase();
        if (inFilter === 'context') smallFilterAdd(contextFilter, hashKey(k));
        else if (inFilter) filterAdd(filter, hashKey(k));
        put(k, bit);
        tablePut(k, bit);
      }
      foldedCache.clear();
      lastTokens = null;
    },
    flags: (key) => map.get(key) ?? 0,
    lookup: (raw) => map.get(normaliseKey(raw)) ?? 0,
    isCommon: (key) => ((map.get(key) ?? 0) & COMMON) !== 0,
    maxWords,
    get size() {
      return map.size;
    },
  };
}

// ------------------------------------------------------------------------------------------ tokeniser

/** Shapes of a token. */
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

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
const FILTER_BITS = 1 << 20; // 128 KiB: stays in cache
const FILTER_MASK = FILTER_BITS - 1;

/** FNV-1a over the UTF-16 units of a lower-case key; the tokeniser computes the same hash while it scans. */
export function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * A second, independent 32-bit hash (multiply-rotate, seeded with the length) of the lower-cased ASCII range
 * text[start, end): with `hashKey` and the table's probe it stands in for comparing the characters.
 */
export function hashKey2(text: string, start: number, end: number): number {
  let h = Math.imul(end - start, 0x9e3779b1) ^ 0x5bd1e995;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 32;
    h = Math.imul(h ^ c, 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function filterAdd(filter: Uint32Array, h: number): void {
  const a = h & FILTER_MASK;
  const b = (Math.imul(h, 0x9e3779b1) >>> 9) & FILTER_MASK;
  filter[a >>> 5]! |= 1 << (a & 31);
  filter[b >>> 5]! |= 1 << (b & 31);
}

const SMALL_FILTER_BITS = 1 << 13; // 1 KiB
const SMALL_FILTER_MASK = SMALL_FILTER_BITS - 1;

function smallFilterAdd(filter: Uint32Array, h: number): void {
  const a = h & SMALL_FILTER_MASK;
  const b = (h >>> 16) & SMALL_FILTER_MASK;
  filter[a >>> 5]! |= 1 << (a & 31);
  filter[b >>> 5]! |= 1 << (b & 31);
}

function smallFilterHas(filter: Uint32Array, h: number): boolean {
  const a = h & SMALL_FILTER_MASK;
  const b = (h >>> 16) & SMALL_FILTER_MASK;
  return (filter[a >>> 5]! & (1 << (a & 31))) !== 0 && (filter[b >>> 5]! & (1 << (b & 31))) !== 0;
}

function filterHas(filter: Uint32Array, h: number): boolean {
  const a = h & FILTER_MASK;
  if ((filter[a >>> 5]! & (1 << (a & 31))) === 0) return false;
  const b = (Math.imul(h, 0x9e3779b1) >>> 9) & FILTER_MASK;
  return (filter[b >>> 5]! & (1 << (b & 31))) !== 0;
}

interface TokenCacheEntry {
  readonly text: string;
  readonly gazetteer: Gazetteer;
  readonly tokens: Tokens;
}

let lastTokens: TokenCacheEntry | null = null;

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

function tokenizeUncached(text: string, gazetteer: Gazetteer): Tokens {
  const n = text.length;
  let start = bufStart;
  let end = bufEnd;
  let shape = bufShape;
  let bits = bufBits;
  let cap = start.length;
  let count = 0;
  const filter = gazetteer.filter;
  const contextFilter = gazetteer.contextFilter;

  let gap = GAP_START | GAP_SENTENCE;
  let newlines = 0;
  let spaceRun = 0;
  let punct = false;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 === 0x20) {
      spaceRun++;
      i++;
      continue;
    }
    const cls = c0 < 0x80 ? ASCII_CLASS[c0]! : charClass(text, i);
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
    let h = Math.imul(FNV_OFFSET ^ (cls === 2 ? c0 + 32 : c0), FNV_PRIME);
    const firstUpper = cls === 2;
    i++;
    while (i < n) {
      let c = text.charCodeAt(i);
      if (c >= 0x61 && c <= 0x7a) {
        // lower-case ASCII letter: the common case
        lower++;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        continue;
      }
      const k = c < 0x80 ? ASCII_CLASS[c]! : charClass(text, i);
      if (k !== 0) {
        if (k === 3) hasDigit = true;
        else if (k === 2) {
          upper++;
          if (c < 0x80) c += 32;
        } else if (k === 1) lower++;
        if (c >= 0x80) ascii = false;
        h = Math.imul(h ^ c, FNV_PRIME);
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
            break;
          }
          h = Math.imul(h ^ (isApostrophe(c) ? 0x27 : 0x2d), FNV_PRIME);
          if (skip === 1 || (c !== 0x27 && c !== 0x2d)) escaped = true;
          inner = true;
          i += 1 + skip;
          continue;
        }
      }
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
    }
    let sh: number;
    if (hasDigit) sh = SHAPE_OTHER;
    else if (upper === 0) sh = SHAPE_LOWER; // also caseless scripts
    else if (lower === 0) sh = upper >= 2 ? SHAPE_UPPER : SHAPE_TITLE;
    else sh = firstUpper ? SHAPE_TITLE : SHAPE_MIXED;
    if (!punct && newlines === 0 && spaceRun > 0) gap |= GAP_SPACE;
    let b = gap;
    // Glued: joined to an e-mail, URL, path, handle or identifier.
    const before = s > 0 ? text.charCodeAt(s - 1) : 0;
    const after = e < n ? text.charCodeAt(e) : 0;
    if (
      ((before < 0x80 && GLUE_CHAR[before] === 1) || (after < 0x80 && GLUE_CHAR[after] === 1)) &&
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
    bufHash[count] = ascii ? h : 0;
    bufFlags[count] = -1;
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
  return new TokenView(text, count, start, end, shape, bits, bufHash, bufFlags, bufKeys, bufKeyGen, generation, gazetteer);
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
      f = this.gazetteer.flagsAt(this.text, this.start[t]!, this.end[t]!, this.hashes[t]!);
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
      f = gazetteer.flags(k);
      if (f === 0) {
        const folded = fold(k);
        if (folded !== k) f = gazetteer.flags(folded) & ~(COMMON | AMBIGUOUS);
      }
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
