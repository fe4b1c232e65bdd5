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
import { AMBIGUOUS, CITY, COMMON, COUNTRY, GIVEN, MAJOR_CITY, NAME, PLACE, PREFIX, REGION, SURNAME } from './gazetteer/flags';
import { FILTER_BITS, SMALL_FILTER_BITS, filterAdd, hashCodes2, hashKey, hashKey2, hashRange, smallFilterAdd } from './gazetteer/hashing';
import { fold, isAscii, normaliseKey } from './gazetteer/normalise';
import { resetTokenCache } from './gazetteer/tokenizer';
import { WordSet } from './gazetteer/word-set';

export * from './gazetteer/flags';
export { casePattern, fold, normaliseKey, type CasePattern } from './gazetteer/normalise';
export { hashKey, hashKey2 } from './gazetteer/hashing';
export * from './gazetteer/tokenizer';
export { WordSet } from './gazetteer/word-set';

/**
 * The name lists, or their compiled form (what the generated file holds: see scripts/build-gazetteers.mjs). With
 * both, the compiled form is used if its format is this build's.
 */
export interface GazetteerData {
  readonly givenNames?: readonly string[];
  readonly surnames?: readonly string[];
  readonly countries?: readonly string[];
  readonly regions?: readonly string[];
  readonly majorCities?: readonly string[];
  readonly cities?: readonly string[];
  readonly ambiguous?: readonly string[];
  /** Common English words (SCOWL), lower-case, separated by single spaces. */
  readonly englishWords?: string;
  /** The keys and flags derived from the lists, precomputed (see `CompiledGazetteer`); partial if of another format. */
  readonly compiled?: Partial<CompiledGazetteer>;
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
  /**
   * Common English words (SCOWL, without proper nouns): a capitalised word outside it and outside the common words
   * of `common-words.ts` is likely a name. Empty if the data has none.
   */
  readonly english: WordSet;
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
  /** `flagsAt` over the character codes of a tokenised ASCII range (see `hashCodes2`): no string is read. */
  flagsAtCodes(codes: Uint16Array, start: number, end: number, hash: number): number;
}

// ------------------------------------------------------------------------------------------ gazetteer

/**
 * The keys that the lists give, with their flags, as `deriveKeys` derives them (folded and space-separated
 * variants, prefixes of multi-word entries), computed once by scripts/build-gazetteers.mjs: start-up then only hashes
 * them into the table, and the generated file (bundled into the CLI and the app) need not hold the lists as well.
 */
export interface CompiledGazetteer {
  /** `COMPILED_FORMAT` of the code that made it. */
  readonly format: number;
  readonly maxWords: number;
  /** Number of keys. */
  readonly count: number;
  /** Flags (decimal) → the keys with exactly those flags, sorted, separated by "|" (no key holds one). */
  readonly keys: Readonly<Record<string, string>>;
}

/** Bump when `deriveKeys` derives other keys or flags: a compiled form of another format is not used. */
const COMPILED_FORMAT = 2;
const KEY_SEPARATOR = '|';

/** Every key that the lists give, with its category bits (common words are added by `createGazetteer`). */
function deriveKeys(data: GazetteerData): { map: Map<string, number>; maxWords: number } {
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
  return { map, maxWords };
}

/** The compiled form of the lists of `data` (see `CompiledGazetteer`), for scripts/build-gazetteers.mjs. */
export function compileGazetteer(data: GazetteerData): CompiledGazetteer {
  const { map, maxWords } = deriveKeys(data);
  const groups = new Map<number, string[]>();
  for (const [k, bits] of map) {
    if (k.includes(KEY_SEPARATOR)) throw new Error(`gazetteer key with "${KEY_SEPARATOR}": ${k}`);
    let g = groups.get(bits);
    if (!g) groups.set(bits, (g = []));
    g.push(k);
  }
  const keys: Record<string, string> = {};
  for (const bits of [...groups.keys()].sort((a, b) => a - b)) keys[String(bits)] = groups.get(bits)!.sort().join(KEY_SEPARATOR);
  return { format: COMPILED_FORMAT, maxWords, count: map.size, keys };
}

/** Calls `each(text, start, end, bits)` for every key of the compiled form, without making a string of it. */
function forEachCompiledKey(compiled: CompiledGazetteer, each: (text: string, start: number, end: number, bits: number) => void): void {
  for (const [flags, text] of Object.entries(compiled.keys)) {
    const bits = Number(flags);
    let from = 0;
    while (from < text.length) {
      let to = text.indexOf(KEY_SEPARATOR, from);
      if (to === -1) to = text.length;
      if (to > from) each(text, from, to, bits);
      from = to + 1;
    }
  }
}

/** Whether `key` holds an ASCII capital: keys are lower-case, and the hash table's second hash ignores ASCII case. */
function hasAsciiUpper(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return false;
}

export function createGazetteer(data: GazetteerData, commonWords: readonly string[] = allCommonWords()): Gazetteer {
  const compiled = data.compiled?.format === COMPILED_FORMAT ? (data.compiled as CompiledGazetteer) : undefined;
  if (compiled === undefined && data.compiled !== undefined && data.givenNames === undefined) {
    throw new Error('The gazetteer data was compiled by another version: run node scripts/build-gazetteers.mjs');
  }
  const derived = compiled === undefined ? deriveKeys(data) : undefined;
  const maxWords = compiled?.maxWords ?? derived!.maxWords;
  const keyCount = (compiled?.count ?? derived!.map.size) + 2 * commonWords.length;

  const filter = new Uint32Array(FILTER_BITS >>> 5);
  const contextFilter = new Uint32Array(SMALL_FILTER_BITS >>> 5);
  // Every key lives in an open-addressing table over key hashes: one slot is four int32s [FNV-1a hash, second hash
  // mixed with the length, flags, 0], so a probe touches one cache line and no key string is kept or read (two
  // independent 32-bit hashes and the length confirm a match).
  let slots = 1;
  while (slots < keyCount * 2 + 8192) slots <<= 1;
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
  const tablePutAt = (text: string, start: number, end: number, bits: number): void => {
    if (bits === 0) return;
    if ((used + 1) * 4 >= slots * 3) {
      // Grow (only `watch` after creation can get here).
      const old = table;
      slots <<= 1;
      slotMask = slots - 1;
      table = new Int32Array(slots * 4);
      used = 0;
      for (let o = 0; o < old.length; o += 4) if (old[o + 2] !== 0) tableInsert(old[o]!, old[o + 1]!, old[o + 2]!);
    }
    tableInsert(hashRange(text, start, end), hashKey2(text, start, end), bits);
  };
  if (compiled !== undefined) forEachCompiledKey(compiled, tablePutAt);
  else for (const [k, bits] of derived!.map) tablePutAt(k, 0, k.length, bits);
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
  const flagsAtCodes = (codes: Uint16Array, start: number, end: number, hash: number): number => {
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
          h2 = hashCodes2(codes, start, end);
          h2Done = true;
        }
        if (tbl[o + 1] === h2) return f;
      }
      i = (i + 1) & mask;
    }
  };
  /** Flags of a normalised key (0 for one with an ASCII capital: no key has one). */
  const flagsOf = (k: string): number => (hasAsciiUpper(k) ? 0 : flagsAt(k, 0, k.length, hashRange(k, 0, k.length)));
  for (const w of commonWords) {
    const k = normaliseKey(w);
    if (k.length === 0) continue;
    // A name that is also a common word is ambiguous even if the data did not say so.
    tablePutAt(k, 0, k.length, COMMON | (flagsOf(k) & (NAME | PLACE) ? AMBIGUOUS : 0));
    const f = fold(k);
    if (f !== k) tablePutAt(f, 0, f.length, COMMON | (flagsOf(f) & (NAME | PLACE) ? AMBIGUOUS : 0));
  }
  // Lower-case words that may matter on their own: unambiguous given names, countries and major cities.
  for (let o = 0; o < table.length; o += 4) {
    const bits = table[o + 2]!;
    if (bits & (GIVEN | COUNTRY | MAJOR_CITY) && !(bits & (COMMON | AMBIGUOUS))) filterAdd(filter, table[o]!);
  }
  const foldedCache = new Map<string, number>();
  const lookupWord = (k: string): number => {
    const f = flagsOf(k);
    if (f !== 0 || isAscii(k)) return f;
    let g = foldedCache.get(k);
    if (g === undefined) {
      const folded = fold(k);
      g = folded !== k ? flagsOf(folded) & ~(COMMON | AMBIGUOUS) : 0;
      if (foldedCache.size >= 50_000) foldedCache.clear();
      foldedCache.set(k, g);
    }
    return g;
  };
  const english = new WordSet(data.englishWords ?? '');
  return {
    english,
    filter,
    contextFilter,
    flagsAt,
    flagsAtCodes,
    lookupWord,
    watch(words, bit, inFilter = true) {
      for (const w of words) {
        const k = w.toLowerCase();
        if (inFilter === 'context') smallFilterAdd(contextFilter, hashKey(k));
        else if (inFilter) filterAdd(filter, hashKey(k));
        tablePutAt(k, 0, k.length, bit);
      }
      foldedCache.clear();
      resetTokenCache();
    },
    flags: flagsOf,
    lookup: (raw) => flagsOf(normaliseKey(raw)),
    isCommon: (key) => (flagsOf(key) & COMMON) !== 0,
    maxWords,
    get size() {
      return used;
    },
  };
}
