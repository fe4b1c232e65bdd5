/**
 * A compact set of lower-case words: an open-addressing table of two independent 32-bit hashes per word (`hashKey`
 * and `hashKey2`), so that the word strings are not kept on the heap (40,000 English words take 1 MiB) and a token
 * is looked up without building its string.
 */

import { hashCodes2, hashKey, hashKey2 } from './hashing';

export class WordSet {
  private readonly table: Int32Array;
  private readonly mask: number;
  readonly size: number;

  /** `words`: lower-case words separated by single spaces. */
  constructor(words: string) {
    let count = 0;
    for (let i = 0; i < words.length; i++) if (words.charCodeAt(i) === 0x20) count++;
    let slots = 1024;
    while (slots < (count + 1) * 2) slots <<= 1;
    this.table = new Int32Array(slots * 2);
    this.mask = slots - 1;
    let size = 0;
    let from = 0;
    while (from < words.length) {
      let to = words.indexOf(' ', from);
      if (to === -1) to = words.length;
      if (to > from && this.insert(hashKey(words.slice(from, to)), hashKey2(words, from, to))) size++;
      from = to + 1;
    }
    this.size = size;
  }

  private insert(h: number, h2: number): boolean {
    const check = h2 | 1; // 0 marks an empty slot
    let i = h & this.mask;
    for (;;) {
      const o = i << 1;
      if (this.table[o + 1] === 0) {
        this.table[o] = h;
        this.table[o + 1] = check;
        return true;
      }
      if (this.table[o] === h && this.table[o + 1] === check) return false;
      i = (i + 1) & this.mask;
    }
  }

  /** Is the ASCII range text[start, end), whose lower-cased FNV-1a hash is `hash`, in the set? */
  hasAt(text: string, start: number, end: number, hash: number): boolean {
    const tbl = this.table;
    let i = hash & this.mask;
    let check = 0;
    for (;;) {
      const o = i << 1;
      const c = tbl[o + 1]!;
      if (c === 0) return false;
      if (tbl[o] === hash) {
        if (check === 0) check = hashKey2(text, start, end) | 1;
        if (c === check) return true;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** `hasAt` over the character codes of a tokenised ASCII range (see `hashCodes2`). */
  hasAtCodes(codes: Uint16Array, start: number, end: number, hash: number): boolean {
    const tbl = this.table;
    let i = hash & this.mask;
    let check = 0;
    for (;;) {
      const o = i << 1;
      const c = tbl[o + 1]!;
      if (c === 0) return false;
      if (tbl[o] === hash) {
        if (check === 0) check = hashCodes2(codes, start, end) | 1;
        if (c === check) return true;
      }
      i = (i + 1) & this.mask;
    }
  }

  /** Is the lower-case word in the set? */
  has(key: string): boolean {
    return this.hasAt(key, 0, key.length, hashKey(key));
  }
}
