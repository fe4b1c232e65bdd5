/**
 * Choices made from a keyed digest, shared by the fake makers: an item of a list, decimal digits, hex digits, and
 * format-preserving rewrites (each digit a keyed digit, each letter a keyed letter of the same case). A value longer
 * than one digest gets more bytes by hashing the digest with a counter, so that the choice stays keyed and fixed.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { digestInt, toHex } from '../keyed-hash';

const DIGEST_BYTES = 32;
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();

/** An item of a non-empty list, chosen by the 48-bit integer at bytes [at, at+6) of the digest. */
export function pick<T>(list: readonly T[], d: Uint8Array, at = 0): T {
  return list[digestInt(d, at) % list.length]!;
}

/** At least `n` bytes: the digest itself, then SHA-256(digest ‖ counter) blocks. */
export function digestBytes(d: Uint8Array, n: number): Uint8Array {
  if (n <= d.length) return d;
  const blocks = Math.ceil((n - d.length) / DIGEST_BYTES);
  const out = new Uint8Array(d.length + blocks * DIGEST_BYTES);
  out.set(d);
  const block = new Uint8Array(d.length + 4);
  block.set(d);
  const counter = new DataView(block.buffer, d.length, 4);
  for (let i = 0; i < blocks; i++) {
    counter.setUint32(0, i);
    out.set(sha256(block), d.length + i * DIGEST_BYTES);
  }
  return out;
}

/** `n` decimal digits from the bytes from `at` on. */
export function digitsFrom(d: Uint8Array, n: number, at = 0): string {
  const bytes = digestBytes(d, at + n);
  let s = '';
  for (let i = 0; i < n; i++) s += String(bytes[at + i]! % 10);
  return s;
}

/** `chars` lower-case hex digits of the digest, from byte `at` on. */
export function hexFrom(d: Uint8Array, chars: number, at = 0): string {
  return toHex(digestBytes(d, at + Math.ceil(chars / 2)).subarray(at, at + Math.ceil(chars / 2))).slice(0, chars);
}

/**
 * Each ASCII digit of `template` → a keyed digit, each letter → a keyed ASCII letter of the same case (or kept, when
 * `letters` is false); everything else is kept. Characters before `from` are kept as they are.
 */
export function rewriteChars(template: string, d: Uint8Array, from = 0, letters = true): string {
  const bytes = digestBytes(d, template.length);
  let out = template.slice(0, from);
  for (let i = from; i < template.length; i++) {
    const c = template[i]!;
    const b = bytes[i]!;
    if (c >= '0' && c <= '9') out += String(b % 10);
    else if (letters && c.toLowerCase() !== c.toUpperCase()) out += (c === c.toUpperCase() ? UPPER : LOWER)[b % 26];
    else out += c;
  }
  return out;
}

/** A further digest for the `n`-th retry of a choice (n ≥ 1): SHA-256(digest ‖ 0xff ‖ n). */
export function derivedDigest(d: Uint8Array, n: number): Uint8Array {
  const block = new Uint8Array(d.length + 5);
  block.set(d);
  block[d.length] = 0xff;
  new DataView(block.buffer).setUint32(d.length + 1, n);
  return sha256(block);
}

export const isDigit = (c: string): boolean => c >= '0' && c <= '9';
export const isAlnum = (c: string): boolean => isDigit(c) || c.toLowerCase() !== c.toUpperCase();

/**
 * The layout of `original` with its characters that pass `isSlot` replaced, in order, by those of `replacement`;
 * the first `keep` slots stay (a country code, a trunk prefix). Slots beyond the replacement are kept, so pass as
 * many characters as the original has slots.
 */
export function pourInto(original: string, replacement: string, keep: number, isSlot: (c: string) => boolean): string {
  let out = '';
  let seen = 0;
  let next = 0;
  for (const c of original) {
    if (isSlot(c)) out += seen++ < keep || next >= replacement.length ? c : replacement[next++];
    else out += c;
  }
  return out;
}

/** `pourInto` for digits: the original's layout with its digits replaced, the first `keep` kept. */
export function pourDigits(original: string, digits: string, keep = 0): string {
  return pourInto(original, digits, keep, isDigit);
}

/** The number of ASCII digits in `s`. */
export function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
