/**
 * Known values: personal values read from a record's identity columns (requester name, e-mail, phone, user name,
 * company), found again wherever they occur: in the same record's free text, or any record of the file or
 * package (the pipeline learns every identity column in a first pass, see pipeline/learn-known-values.ts).
 * Their parts count too: a first name, a surname, the words of an e-mail's local part.
 *
 * Lookups hash word tokens, so the cost does not grow with the number of known values. Memory is bounded: past
 * `maxEntries` keys, the oldest are forgotten first.
 */
import { detach } from '../util/detach-string';
import { RecentCache } from '../util/recent-cache';
import type { EntityType, KnownValueLookup, KnownValueMatch } from './finding';

interface Entry {
  readonly type: EntityType;
  readonly column: string;
}

/** Words too common to stand for a person on their own, even when they are part of a known value. */
const TOO_COMMON = new Set(
  ('the and for you your our are not but all any can has have had was were will with this that from info mail admin ' +
    'support team help desk service sales billing office contact noreply reply user test hello home work main none ' +
    'null true false unknown customer client company group inc ltd llc gmbh und der die das den dem des ein eine ' +
    'mit von für ist les des une pour avec los las del con por para que www com net org')
    .split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
// Global regexes run with exec loops from lastIndex 0 (matchAll would copy the regex on every call); neither can
// match the empty string.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const DIGIT_RUN = /\+?\d[\d\s()./-]{5,}\d/g;

export const DEFAULT_MAX_KNOWN = 50_000;
const RECENT_LEARNS = 4096;


export class KnownValueIndex implements KnownValueLookup {
  /** Whole values, keyed by their word tokens joined with a space (lower case). */
  private readonly phrases = new Map<string, Entry>();
  /** First token of each whole multi-word value → how many tokens it has (to bound phrase lookups). */
  private readonly phraseLengths = new Map<string, Set<number>>();
  /** Single words that are part of a known value. */
  private readonly parts = new Map<string, Entry>();
  /** Whole e-mail addresses (lower case). */
  private readonly emails = new Map<string, Entry>();
  /** Phone numbers, digits only. */
  private readonly phones = new Map<string, Entry>();

  /** One Entry object per (type, column): entries are shared, not allocated per key. */
  private readonly entries = new Map<EntityType, Map<string, Entry>>();

  constructor(private readonly maxEntries = DEFAULT_MAX_KNOWN) {}

  private entry(type: EntityType, column: string): Entry {
    let byColumn = this.entries.get(type);
    if (!byColumn) this.entries.set(type, (byColumn = new Map()));
    let e = byColumn.get(column);
    if (!e) {
      e = { type, column: detach(column) };
      byColumn.set(e.column, e);
    }
    return e;
  }

  get size(): number {
    return this.phrases.size + this.parts.size + this.emails.size + this.phones.size;
  }

  /**
   * Values learned lately, by type and column: an identity column repeats its values (a requester with many
   * tickets), and learning one again changes nothing, as long as no key has been forgotten since (then this is
   * cleared, see `put`).
   */
  private readonly recent = new RecentCache<true>(RECENT_LEARNS);

  /** Remembers a value from an identity column. */
  learn(value: string, type: EntityType, column: string): void {
    if (this.recent.seen(detach(`${type}\u0000${column}\u0000${value}`), true)) return;
    const entry = this.entry(type, column);
    const trimmed = value.trim();
    if (trimmed.length < 2) return;
    if (type === 'PHONE') {
      const digits = trimmed.replace(/\D/g, '');
      if (digits.length >= 7) this.put(this.phones, digits, entry);
      return;
    }
    if (type === 'EMAIL') {
      EMAIL.lastIndex = 0;
      for (let m = EMAIL.exec(trimmed); m !== null; m = EMAIL.exec(trimmed)) {
        const address = m[0].toLowerCase();
        this.put(this.emails, address, entry);
        const local = address.slice(0, address.indexOf('@'));
        const person = this.entry('PERSON', column);
        for (const piece of local.split(/[._+-]+/)) this.learnPart(piece, person);
      }
      return;
    }
    const tokens = (trimmed.toLowerCase().match(WORD) ?? []).filter((t) => t.length > 0);
    if (tokens.length === 0) return;
    const key = tokens.join(' ');
    if (tokens.length > 1 || !TOO_COMMON.has(key)) {
      this.put(this.phrases, key, entry);
      let lengths = this.phraseLengths.get(tokens[0]!);
      if (!lengths) this.phraseLengths.set(tokens[0]!, (lengths = new Set()));
      lengths.add(tokens.length);
      this.noteWord(tokens[0]!);
    }
    if (tokens.length > 1) for (const t of tokens) this.learnPart(t, entry);
  }

  private learnPart(token: string, entry: Entry): void {
    if (token.length < 3 || /^\d+$/.test(token) || TOO_COMMON.has(token)) return;
    this.put(this.parts, token, entry);
    this.noteWord(token);
  }

  /**
   * Hashes of the words a lookup can start with (parts and first words of phrases), so that the scan skips the
   * other words without making a string of each. Forgotten keys may leave a hash behind; that only costs a lookup.
   */
  private wordHashes = new Set<number>();
  /** One bit per hash value modulo its size, set for each of `wordHashes`: most words are skipped on one read. */
  private wordBits = new Int32Array(WORD_BITS >>> 5);

  private noteWord(word: string): void {
    const h = hashWord(word, 0, word.length);
    this.wordHashes.add(h);
    this.wordBits[(h & WORD_BITS_MASK) >>> 5]! |= 1 << (h & 31);
    if (this.wordHashes.size > 2 * this.maxEntries) {
      this.wordHashes = new Set([...this.parts.keys(), ...this.phraseLengths.keys()].map((w) => hashWord(w, 0, w.length)));
      this.wordBits = new Int32Array(WORD_BITS >>> 5);
      for (const x of this.wordHashes) this.wordBits[(x & WORD_BITS_MASK) >>> 5]! |= 1 << (x & 31);
    }
  }

  private put(map: Map<string, Entry>, key: string, entry: Entry): void {
    if (map.has(key)) return;
    map.set(detach(key), entry);
    if (this.size > this.maxEntries) {
      // forget the oldest key of the map that just grew; a value learned lately may have lost a key, so learning
      // it again must put the key back
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
      this.recent.clear();
    }
  }

  find(text: string): KnownValueMatch[] {
    if (this.size === 0 || text.length < 2) return [];
    const out: KnownValueMatch[] = [];
    if (this.emails.size > 0) this.findEmails(text, out);
    if (this.phones.size > 0) {
      DIGIT_RUN.lastIndex = 0;
      for (let m = DIGIT_RUN.exec(text); m !== null; m = DIGIT_RUN.exec(text)) {
        const e = this.phones.get(m[0].replace(/\D/g, ''));
        if (e) out.push({ start: m.index, end: m.index + m[0].length, type: e.type, column: e.column, part: 'whole' });
      }
    }
    if (this.phrases.size > 0 || this.parts.size > 0) this.findWords(text, out);
    return out;
  }

  /** Around each "@": the address it belongs to, looked up whole (no regex scan of the whole text). */
  private findEmails(text: string, out: KnownValueMatch[]): void {
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      let start = at;
      while (start > 0 && isEmailLocalChar(text.charCodeAt(start - 1))) start--;
      let end = at + 1;
      while (end < text.length && isEmailDomainChar(text.charCodeAt(end))) end++;
      while (end > at + 1 && text.charCodeAt(end - 1) === DOT) end--; // a full stop after the address
      if (start === at || end === at + 1) continue;
      const e = this.emails.get(text.slice(start, end).toLowerCase());
      if (e) out.push({ start, end, type: e.type, column: e.column, part: 'whole' });
    }
  }

  /**
   * Known phrases and parts among the words of `text`. Words are found with a character scan, not a regex, and
   * each is looked up once: this runs on every field of every record once anything is known. The scan hashes each
   * ASCII word as it goes, lower-casing it on the fly, so the text is lower-cased (and a word's string made) only
   * for a word whose hash is known or that holds a character beyond ASCII.
   */
  private findWords(text: string, out: KnownValueMatch[]): void {
    const count = this.scanWords(text);
    if (count === 0) return;
    // lower-casing keeps offsets unless a character changes length ("İ"); then each word is lower-cased alone
    let lower: string | undefined;
    let aligned = false;
    const lowerText = (): string => {
      if (lower === undefined) {
        lower = text.toLowerCase();
        aligned = lower.length === text.length;
      }
      return lower;
    };
    const word = (k: number): string => {
      const s = this.wordStarts[k]!;
      const e = this.wordEnds[k]!;
      // an ASCII word lower-cases alone as it does within the text
      if (this.wordHashBuf[k] !== -1) return lower !== undefined && aligned ? lower.slice(s, e) : text.slice(s, e).toLowerCase();
      const l = lowerText();
      return aligned ? l.slice(s, e) : text.slice(s, e).toLowerCase();
    };
    const hashes = this.wordHashes;
    const bits = this.wordBits;
    for (let k = 0; k < count; k++) {
      let h = this.wordHashBuf[k]!;
      if (h === -1) {
        lowerText();
        if (aligned) h = hashWord(lower!, this.wordStarts[k]!, this.wordEnds[k]!);
      }
      if (h !== -1 && ((bits[(h & WORD_BITS_MASK) >>> 5]! & (1 << (h & 31))) === 0 || !hashes.has(h))) continue;
      const first = word(k);
      const lengths = this.phraseLengths.get(first);
      if (lengths) {
        const n = this.longestPhraseAt(text, k, count, first, lengths, word);
        if (n > 0) {
          const e = this.phrases.get(this.phraseKey(k, n, first, word))!;
          out.push({ start: this.wordStarts[k]!, end: this.wordEnds[k + n - 1]!, type: e.type, column: e.column, part: 'whole' });
          k += n - 1;
          continue;
        }
      }
      const part = this.parts.get(first);
      if (part) out.push({ start: this.wordStarts[k]!, end: this.wordEnds[k]!, type: part.type, column: part.column, part: 'part' });
    }
  }

  /** How many words the longest known phrase starting at word `k` has (its words apart by spaces or light punctuation), or 0. */
  private longestPhraseAt(text: string, k: number, count: number, first: string, lengths: ReadonlySet<number>, word: (k: number) => string): number {
    let best = 0;
    for (const n of lengths) {
      if (n <= best || k + n > count) continue;
      let joined = true;
      for (let j = k + 1; j < k + n && joined; j++) joined = /^[\s'’-]{1,3}$/.test(text.slice(this.wordEnds[j - 1], this.wordStarts[j]));
      if (joined && this.phrases.has(this.phraseKey(k, n, first, word))) best = n;
    }
    return best;
  }

  private phraseKey(k: number, n: number, first: string, word: (k: number) => string): string {
    let key = first;
    for (let j = k + 1; j < k + n; j++) key += ` ${word(j)}`;
    return key;
  }

  private wordStarts = new Int32Array(1024);
  private wordEnds = new Int32Array(1024);
  /** Each word's `hashWord` if it is ASCII, else -1. */
  private wordHashBuf = new Int32Array(1024);

  /**
   * Finds the words of `text` into wordStarts/wordEnds/wordHashBuf and returns how many there are. Texts that are
   * all ASCII (most) are scanned as bytes: `TextEncoder` copies them out at memory speed, and a byte array reads
   * faster than `charCodeAt`.
   */
  private scanWords(text: string): number {
    const n = text.length;
    // UTF-8 needs at most three bytes per UTF-16 unit, and only ASCII takes one byte per unit
    if (scanBytes.length < n * 3) scanBytes = new Uint8Array(Math.max(n * 3, scanBytes.length * 2));
    return encoder.encodeInto(text, scanBytes).written === n ? this.scanAsciiWords(scanBytes, n) : this.scanTextWords(text);
  }

  /** `scanWords` over the bytes of an ASCII text (the same words and hashes as `scanTextWords`). */
  private scanAsciiWords(b: Uint8Array, n: number): number {
    let count = 0;
    let starts = this.wordStarts;
    for (let i = 0; i < n; ) {
      if (ASCII_ALNUM[b[i]!] === 0) {
        i++;
        continue;
      }
      const s = i;
      let h = FNV_OFFSET;
      for (; i < n && ASCII_ALNUM[b[i]!] === 1; i++) h = Math.imul(h ^ ASCII_LOWER[b[i]!]!, FNV_PRIME);
      // an apostrophe inside a word: "o'brien"
      if (i + 1 < n && b[i] === APOSTROPHE && ASCII_LETTER[b[i + 1]!] === 1) {
        h = Math.imul(h ^ APOSTROPHE, FNV_PRIME);
        for (i++; i < n && ASCII_LETTER[b[i]!] === 1; i++) h = Math.imul(h ^ ASCII_LOWER[b[i]!]!, FNV_PRIME);
      }
      starts[count] = s;
      this.wordEnds[count] = i;
      this.wordHashBuf[count] = h & HASH_MASK;
      count++;
      if (count === starts.length) {
        this.growWordBuffers();
        starts = this.wordStarts;
      }
    }
    return count;
  }

  /** `scanWords` over any text. */
  private scanTextWords(text: string): number {
    let count = 0;
    const n = text.length;
    for (let i = 0; i < n; ) {
      const c0 = text.charCodeAt(i);
      if (c0 < 0x80 ? ASCII_ALNUM[c0] === 0 : wordCharWidth(text, i) === 0) {
        i++;
        continue;
      }
      const s = i;
      // FNV-1a of the lower-cased word (`hashWord` of what `word` below returns), if it is all ASCII
      let h = FNV_OFFSET;
      let ascii = true;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c < 0x80) {
          if (ASCII_ALNUM[c] === 0) break;
          h = Math.imul(h ^ (c >= 0x41 && c <= 0x5a ? c + 32 : c), FNV_PRIME);
          i++;
        } else {
          const width = wordCharWidth(text, i);
          if (width === 0) break;
          ascii = false;
          i += width;
        }
      }
      // an apostrophe inside a word: "o'brien", "d’arcy"
      const c = text.charCodeAt(i);
      if ((c === APOSTROPHE || c === RIGHT_QUOTE) && i + 1 < n && isLetterAt(text, i + 1)) {
        if (c === RIGHT_QUOTE) ascii = false;
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        while (i < n && isLetterAt(text, i)) {
          const d = text.charCodeAt(i);
          if (d >= 0x80) ascii = false;
          h = Math.imul(h ^ (d <= 0x5a ? d + 32 : d), FNV_PRIME);
          i++;
        }
      }
      this.wordStarts[count] = s;
      this.wordEnds[count] = i;
      this.wordHashBuf[count] = ascii ? h & HASH_MASK : -1;
      count++;
      if (count === this.wordStarts.length) this.growWordBuffers();
    }
    return count;
  }

  private growWordBuffers(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.wordStarts = grow(this.wordStarts);
    this.wordEnds = grow(this.wordEnds);
    this.wordHashBuf = grow(this.wordHashBuf);
  }
}

/** A 32-bit hash of `text[start, end)` (already lower case). */
function hashWord(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h & HASH_MASK;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Hashes are kept to small integers: no number is allocated for the set lookup. */
const HASH_MASK = 0x3fffffff;
/** Size of the bit filter in front of the set of word hashes (64 KiB). */
const WORD_BITS = 1 << 19;
const WORD_BITS_MASK = WORD_BITS - 1;

const encoder = new TextEncoder();
/** The UTF-8 bytes of the text being scanned (reused). */
let scanBytes = new Uint8Array(1 << 12);

const DOT = 0x2e;
const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /\p{L}/u;

/** ASCII letters and digits. */
const ASCII_ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_ALNUM[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

/** ASCII letters; and every ASCII character lower-cased. */
const ASCII_LETTER = new Uint8Array(128);
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_LETTER[c] = /[A-Za-z]/.test(String.fromCharCode(c)) ? 1 : 0;
  ASCII_LOWER[c] = String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

function isAsciiAlnum(c: number): boolean {
  return c < 0x80 && ASCII_ALNUM[c] === 1;
}

/** How many code units the letter or digit at `i` takes (2 for a surrogate pair), or 0 if there is none. */
function wordCharWidth(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ASCII_ALNUM[c]!;
  const cp = text.codePointAt(i)!;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? (cp > 0xffff ? 2 : 1) : 0;
}

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return LETTER.test(String.fromCodePoint(text.codePointAt(i)!));
}

/** Characters of an address's local part, as the EMAIL pattern above allows them. */
function isEmailLocalChar(c: number): boolean {
  return c < 0x80 ? isAsciiAlnum(c) || c === DOT || c === 0x5f || c === 0x25 || c === 0x2b || c === 0x2d : LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

function isEmailDomainChar(c: number): boolean {
  return c < 0x80 ? isAsciiAlnum(c) || c === DOT || c === 0x2d : LETTER_OR_DIGIT.test(String.fromCharCode(c));
}
