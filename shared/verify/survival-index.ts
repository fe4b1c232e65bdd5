/**
 * The survival index: after a run, finds any transformed original value that still occurs in the output, as is or
 * in another case, as a phone number's digits with other separators, URL-encoded, HTML-entity-encoded or in base64.
 *
 * It never holds an original in clear. Each original is reduced to keys: the hash of its word key (its words, lower
 * case, NFC, joined by one space), of the same words with their case kept (to tell 'as-is' from 'other-case'), and,
 * for numeric kinds, of its digits. Every hash is KEYED by a random per-run seed: two independent 32-bit lanes (a
 * murmur3 round and a multiply-rotate round, each seeded, then each finalised with a seeded fmix32) combined into one
 * 53-bit number, the key of a `Set`/`Map`. A seeded non-cryptographic hash rather than an HMAC, because `find` hashes
 * every word of every output value: HMAC-SHA-256 per candidate would cost microseconds each, far too much for
 * multi-GB outputs, while this costs a few integer operations per character. It is not a cryptographic PRF: it keeps
 * the keys from being tested against guesses by anyone without the seed, which lives in memory for the run only. A
 * collision is a rare false alarm (about keys / 2^53 per lookup), never a miss.
 *
 * `find` tokenises each view of a text (as is, percent-decoded, HTML-entity-decoded, and each base64 run decoded)
 * once, looks each word up in a first-word map (so most positions cost one hash and one `Map` lookup), extends only
 * the words that begin an original into n-grams, and tests digit runs. Linear in the text; no regex built per call.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { EntityType } from '../detect/finding';
import { base64Text, BASE64_RUN, entityDecoded, percentDecoded } from './decoded-views';

export type SurvivalForm = 'as-is' | 'other-case' | 'digits' | 'url-encoded' | 'html-entities' | 'base64';

export interface SurvivalHit { readonly type: EntityType; readonly start: number; readonly end: number; readonly form: SurvivalForm }

/** Words of an original indexed; a longer original is found by its first MAX_TOKENS words. */
const MAX_TOKENS = 6;
/** Digit keys: from 7 digits (shorter runs are dates, amounts and counts) to 34 (the longest IBAN). */
const MIN_DIGITS = 7;
const MAX_DIGITS = 34;
const NUMERIC_TYPES = new Set<EntityType>(['PHONE', 'CREDIT_CARD', 'IBAN', 'NATIONAL_ID', 'CASE_NUMBER', 'IDENTIFIER', 'POSTAL_CODE']);
/** Digits allowed between the groups of one digit run: space, no-break space, tab, ( ) . - / */
const DIGIT_SEPARATORS = new Set([32, 160, 9, 40, 41, 46, 45, 47]);
const MAX_SEPARATORS = 3;

function fmix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An incremental keyed hash of UTF-16 units; `fold` lower-cases ASCII. ’ always reads as '. */
class KeyedHasher {
  private a = 0;
  private b = 0;
  private n = 0;

  constructor(private readonly seed: Uint32Array) {}

  start(): this {
    this.a = this.seed[0]!;
    this.b = this.seed[1]!;
    this.n = 0;
    return this;
  }

  feed(s: string, from: number, to: number, fold: boolean): this {
    let a = this.a;
    let b = this.b;
    for (let i = from; i < to; i++) {
      let c = s.charCodeAt(i);
      if (fold && c >= 65 && c <= 90) c += 32;
      else if (c === 0x2019) c = 39;
      let k = Math.imul(c, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      a ^= k;
      a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
      b = Math.imul(b ^ c, 0x9e3779b1);
      b = (b << 11) | (b >>> 21);
    }
    this.a = a;
    this.b = b;
    this.n += to - from;
    return this;
  }

  space(): this {
    return this.feed(' ', 0, 1, false);
  }

  /** The key of what was fed so far (the state is kept, so more can be fed). */
  key(): number {
    return fmix(this.a ^ this.n ^ this.seed[2]!) * 0x200000 + (fmix(this.b ^ this.n ^ this.seed[3]!) >>> 11);
  }
}

/** Word characters: letters, marks, digits, and what keeps e-mail addresses and host names whole. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9@._%+'-]/.test(String.fromCharCode(c)) ? 1 : 0;
const WORD_CHAR = /[\p{L}\p{M}\p{N}’]/uy;
/** Characters trimmed from a word's ends ("smith." "'john'"), in the originals and the output alike. */
const EDGE = new Set([46, 39, 0x2019, 95, 37, 43, 64, 45]);

function wordCharLength(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return ASCII_WORD[c]!;
  WORD_CHAR.lastIndex = i;
  if (!WORD_CHAR.test(s)) return 0;
  return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
}

/** The words of one text, as offsets (reused buffers: one text at a time). */
class Words {
  readonly start: number[] = [];
  readonly end: number[] = [];
  /** True when the word has a character beyond ASCII: it is then hashed from its NFC, fully lower-cased copy. */
  readonly wide: boolean[] = [];
  n = 0;

  scan(s: string): void {
    this.n = 0;
    let i = 0;
    while (i < s.length) {
      if (!wordCharLength(s, i)) {
        i++;
        continue;
      }
      let st = i;
      let wide = false;
      for (let w = wordCharLength(s, i); w > 0 && i < s.length; w = wordCharLength(s, i)) {
        wide ||= w > 1 || s.charCodeAt(i) > 127;
        i += w;
      }
      let en = i;
      while (st < en && EDGE.has(s.charCodeAt(st))) st++;
      while (en > st && EDGE.has(s.charCodeAt(en - 1))) en--;
      if (st === en) continue;
      this.start[this.n] = st;
      this.end[this.n] = en;
      this.wide[this.n++] = wide;
    }
  }
}

/** A decoded text, and for each of its UTF-16 units the source span it came from. */
type Emit = (type: EntityType, start: number, end: number, form: SurvivalForm | null) => void;

export class SurvivalIndex {
  private readonly seed: Uint32Array;
  private readonly minLength: number;
  private readonly hash: KeyedHasher;
  /** The running hashes of `testDigitRun`: no skip, the leading zeros, and 1, 2, 3 digits after a '+'. */
  private readonly digitHashers: readonly [KeyedHasher, KeyedHasher, KeyedHasher, KeyedHasher, KeyedHasher];
  private readonly words = new Words();
  /** Word key (lower case) → type. */
  private readonly wordKeys = new Map<number, EntityType>();
  /** Word keys with their case kept: a hit whose own spelling is here is 'as-is', else 'other-case'. */
  private readonly exactKeys = new Set<number>();
  /** First word's key → the most words of an original that begins with it (the prefilter). */
  private readonly firstWords = new Map<number, number>();
  /** Digits-only keys → type. */
  private readonly digitKeys = new Map<number, EntityType>();
  /** Keys of (type, original): the distinct originals added. */
  private readonly added = new Set<number>();
  private readonly groupStart: number[] = [];
  private readonly groupEnd: number[] = [];
  private readonly maxOriginals: number;
  /** Originals (repeats of one included) not added because the index was full. */
  private skippedOriginals = 0;

  /**
   * seed: random per run (default: crypto.getRandomValues); makes the set keyed.
   * maxOriginals: distinct originals kept (default 1,000,000, about 200 MB); later ones are counted, not checked.
   */
  constructor(options: { seed?: Uint32Array; minLength?: number; maxOriginals?: number } = {}) {
    this.maxOriginals = options.maxOriginals ?? 1_000_000;
    const given = options.seed ?? crypto.getRandomValues(new Uint32Array(4));
    if (given.length === 0) throw new Error('a survival index seed needs at least one 32-bit word');
    this.seed = Uint32Array.from({ length: 4 }, (_, i) => fmix(given[i % given.length]! ^ Math.imul(i + 1, 0x9e3779b9)));
    this.minLength = options.minLength ?? 4;
    this.hash = new KeyedHasher(this.seed);
    const hasher = () => new KeyedHasher(this.seed);
    this.digitHashers = [hasher(), hasher(), hasher(), hasher(), hasher()];
  }

  /** Distinct originals added (those shorter than minLength are not). */
  get size(): number {
    return this.added.size;
  }

  /** Originals left unchecked because the index was full, repeats included (0 when the check covered every one). */
  get skipped(): number {
    return this.skippedOriginals;
  }

  /** Adds one transformed original (its forms are hashed; the text is not kept). */
  add(type: EntityType, original: string): void {
    const w = this.words;
    w.scan(original);
    let length = w.n - 1;
    for (let j = 0; j < w.n; j++) length += w.end[j]! - w.start[j]!;
    if (w.n === 0 || length < this.minLength) return;
    // repeats cost one hash: support data names the same customers thousands of times
    const id = this.hash.start().feed(type + '\u0000' + original, 0, type.length + 1 + original.length, false).key();
    if (this.added.has(id)) return;
    if (this.added.size >= this.maxOriginals) {
      this.skippedOriginals++;
      return;
    }
    this.added.add(id);
    const n = Math.min(w.n, MAX_TOKENS);
    const first = this.feedWord(original, 0, true).key();
    this.firstWords.set(first, Math.max(this.firstWords.get(first) ?? 0, n));
    const key = this.feedWords(original, 1, n, true, false).key();
    if (!this.wordKeys.has(key)) this.wordKeys.set(key, type);
    this.exactKeys.add(this.feedWords(original, 0, n, false).key());
    if (NUMERIC_TYPES.has(type)) this.addDigits(type, original);
  }

  /**
   * Survivals in one output value; start/end are UTF-16 offsets in `text` (of the decoded view's source span where
   * feasible, else of the whole encoded token). Forms: 'as-is' or 'other-case' (word keys in the text as it is),
   * 'digits' (digit keys in the text as it is), else the decoding that revealed the value.
   */
  find(text: string): SurvivalHit[] {
    const hits = new Map<string, SurvivalHit>();
    const collect = (form: SurvivalForm | null, map: (i: number) => number, mapEnd: (i: number) => number): Emit =>
      (type, start, end, found) => {
        const hit: SurvivalHit = { type, start: map(start), end: mapEnd(end), form: form ?? found! };
        const id = `${hit.start}:${hit.end}:${type}`;
        if (!hits.has(id)) hits.set(id, hit);
      };
    this.scanView(text, true, collect(null, (i) => i, (i) => i));
    for (const [decode, form] of [[percentDecoded, 'url-encoded'], [entityDecoded, 'html-entities']] as const) {
      const v = decode(text);
      if (v) this.scanView(v.text, false, collect(form, (i) => v.from[i]!, (i) => v.to[i - 1]!));
    }
    BASE64_RUN.lastIndex = 0;
    for (let m = BASE64_RUN.exec(text); m; m = BASE64_RUN.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const decoded = base64Text(m[0]);
      if (decoded) this.scanView(decoded, false, collect('base64', () => start, () => end));
    }
    return [...hits.values()].sort((x, y) => x.start - y.start || y.end - x.end);
  }

  private scanView(s: string, plain: boolean, emit: Emit): void {
    this.scanWords(s, plain, emit);
    this.scanDigits(s, emit);
  }

  private scanWords(s: string, plain: boolean, emit: Emit): void {
    const w = this.words;
    w.scan(s);
    for (let i = 0; i < w.n; i++) {
      const most = this.firstWords.get(this.feedWord(s, i, true).key());
      if (most === undefined) continue;
      for (let j = i; j < w.n && j - i < most; j++) {
        if (j > i) this.feedWord(s, j, true, false);
        const type = this.wordKeys.get(this.hash.key());
        if (type === undefined) continue;
        if (!plain) {
          emit(type, w.start[i]!, w.end[j]!, null);
          continue;
        }
        const exact = this.exactKeys.has(this.feedWords(s, i, j + 1, false).key());
        emit(type, w.start[i]!, w.end[j]!, exact ? 'as-is' : 'other-case');
        this.feedWords(s, i, j + 1, true); // back to the folded n-gram, to extend it
      }
    }
  }

  /** Digit runs: groups of digits with up to three separators between them, an optional leading +. */
  private scanDigits(s: string, emit: Emit): void {
    const gs = this.groupStart;
    const ge = this.groupEnd;
    for (let i = 0; i < s.length; ) {
      if (!isDigit(s.charCodeAt(i))) {
        i++;
        continue;
      }
      const plus = i > 0 && s.charCodeAt(i - 1) === 43;
      gs.length = ge.length = 0;
      let total = 0;
      for (let j = i; ; ) {
        let e = j;
        while (e < s.length && isDigit(s.charCodeAt(e))) e++;
        gs.push(j);
        ge.push(e);
        total += e - j;
        let k = e;
        while (k < s.length && k - e < MAX_SEPARATORS && DIGIT_SEPARATORS.has(s.charCodeAt(k))) k++;
        i = e;
        if (k === e || k >= s.length || !isDigit(s.charCodeAt(k))) break;
        j = k;
      }
      if (total >= MIN_DIGITS) this.testDigitRun(s, plus, emit);
    }
  }

  /**
   * Tests every sequence of whole groups with 7 to 34 digits, also without a trunk 0 or an international code.
   *
   * From each first group `a`, the digits of the groups after it are fed one at a time into one running hash per
   * skip (none; the leading zeros, once a digit other than 0 has been read; 1, 2 or 3 after a '+'), and each hash's
   * key is read after every whole group: the key of digits[skip..] for the groups a..b, without concatenating and
   * hashing those digits again for every b (a run of 1,000 one-digit groups cost 34 times more).
   */
  private testDigitRun(s: string, plus: boolean, emit: Emit): void {
    const gs = this.groupStart;
    const ge = this.groupEnd;
    const [noSkip, zeroSkip, plus1, plus2, plus3] = this.digitHashers;
    for (let a = 0; a < gs.length; a++) {
      const withPlus = a === 0 && plus;
      noSkip.start();
      if (withPlus) {
        plus1.start();
        plus2.start();
        plus3.start();
      }
      let length = 0;
      /** The run's leading zeros; -1 while every digit read is a 0. */
      let zeros = -1;
      for (let b = a; b < gs.length && length + ge[b]! - gs[b]! <= MAX_DIGITS; b++) {
        for (let i = gs[b]!; i < ge[b]!; i++, length++) {
          noSkip.feed(s, i, i + 1, false);
          if (zeros < 0 && s.charCodeAt(i) !== 48) {
            zeros = length;
            zeroSkip.start();
          }
          if (zeros >= 0) zeroSkip.feed(s, i, i + 1, false);
          if (withPlus) {
            if (length >= 1) plus1.feed(s, i, i + 1, false);
            if (length >= 2) plus2.feed(s, i, i + 1, false);
            if (length >= 3) plus3.feed(s, i, i + 1, false);
          }
        }
        const leading = zeros < 0 ? length : zeros;
        for (const skip of withPlus ? [0, leading, 1, 2, 3] : [0, leading]) {
          if (length - skip < MIN_DIGITS) continue; // a skip tested twice gives the same hit, kept once
          // every hasher fed from the same skip holds the same state: the one named after the skip is used
          const hasher = skip === 0 ? noSkip : skip === leading ? zeroSkip : skip === 1 ? plus1 : skip === 2 ? plus2 : plus3;
          const type = this.digitKeys.get(hasher.key());
          if (type !== undefined) emit(type, withPlus ? gs[0]! - 1 : gs[a]!, ge[b]!, 'digits');
        }
      }
    }
  }

  private addDigits(type: EntityType, original: string): void {
    const digits = original.replace(/\D+/g, '');
    const keys = [digits, digits.slice(leadingZeros(digits))];
    if (type === 'PHONE' && /^\s*(\+|00)/.test(original)) {
      const parsed = parsePhoneNumberFromString('+' + keys[1]);
      if (parsed) keys.push(parsed.nationalNumber);
    }
    for (const d of keys) {
      const key = this.hash.start().feed(d, 0, d.length, false).key();
      if (d.length >= MIN_DIGITS && d.length <= MAX_DIGITS && !this.digitKeys.has(key)) this.digitKeys.set(key, type);
    }
  }

  /** Feeds word `j` of the last scan (after a space unless `first`), from `start()` when `first`. */
  private feedWord(s: string, j: number, fold: boolean, first = true): KeyedHasher {
    const w = this.words;
    const h = first ? this.hash.start() : this.hash.space();
    if (!w.wide[j]) return h.feed(s, w.start[j]!, w.end[j]!, fold);
    let word = s.slice(w.start[j], w.end[j]).normalize('NFC');
    if (fold) word = word.toLowerCase();
    return h.feed(word, 0, word.length, fold);
  }

  /** Feeds words [from, to) of the last scan, from a fresh start unless `fresh` is false. */
  private feedWords(s: string, from: number, to: number, fold: boolean, fresh = true): KeyedHasher {
    for (let j = from; j < to; j++) this.feedWord(s, j, fold, fresh && j === from);
    return this.hash;
  }
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

const leadingZeros = (digits: string): number => digits.length - digits.replace(/^0+/, '').length;
