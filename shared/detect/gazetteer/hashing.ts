/** The hashes and bit filters behind gazetteer lookups (the tokeniser computes `hashKey` while it scans). */

export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;
export const FILTER_BITS = 1 << 20; // 128 KiB: stays in cache
const FILTER_MASK = FILTER_BITS - 1;

/** FNV-1a over the UTF-16 units of a lower-case key; the tokeniser computes the same hash while it scans. */
export function hashKey(key: string): number {
  return hashRange(key, 0, key.length);
}

/** `hashKey` of text[start, end), without making a string of it. */
export function hashRange(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
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

/** `hashKey2` of codes[start, end): the UTF-16 code units (or the bytes, for an ASCII text) of a tokenised text. */
export function hashCodes2(codes: Uint16Array, start: number, end: number): number {
  let h = Math.imul(end - start, 0x9e3779b1) ^ 0x5bd1e995;
  for (let i = start; i < end; i++) {
    let c = codes[i]!;
    if (c >= 0x41 && c <= 0x5a) c += 32;
    h = Math.imul(h ^ c, 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

export function filterAdd(filter: Uint32Array, h: number): void {
  const a = h & FILTER_MASK;
  const b = (Math.imul(h, 0x9e3779b1) >>> 9) & FILTER_MASK;
  filter[a >>> 5]! |= 1 << (a & 31);
  filter[b >>> 5]! |= 1 << (b & 31);
}

export const SMALL_FILTER_BITS = 1 << 13; // 1 KiB
const SMALL_FILTER_MASK = SMALL_FILTER_BITS - 1;

export function smallFilterAdd(filter: Uint32Array, h: number): void {
  const a = h & SMALL_FILTER_MASK;
  const b = (h >>> 16) & SMALL_FILTER_MASK;
  filter[a >>> 5]! |= 1 << (a & 31);
  filter[b >>> 5]! |= 1 << (b & 31);
}

export function smallFilterHas(filter: Uint32Array, h: number): boolean {
  const a = h & SMALL_FILTER_MASK;
  const b = (h >>> 16) & SMALL_FILTER_MASK;
  return (filter[a >>> 5]! & (1 << (a & 31))) !== 0 && (filter[b >>> 5]! & (1 << (b & 31))) !== 0;
}

export function filterHas(filter: Uint32Array, h: number): boolean {
  const a = h & FILTER_MASK;
  if ((filter[a >>> 5]! & (1 << (a & 31))) === 0) return false;
  const b = (Math.imul(h, 0x9e3779b1) >>> 9) & FILTER_MASK;
  return (filter[b >>> 5]! & (1 << (b & 31))) !== 0;
}
