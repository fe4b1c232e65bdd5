/**
 * The project key and everything derived from it: HMAC-SHA-256 digests separated by domain (the entity type, or a
 * purpose such as "fingerprint"), a bounded cache of recent digests, and the key's fingerprint. The key's bytes
 * never leave this module; only digests and the fingerprint do.
 *
 * HMAC comes from @noble/hashes (audited, synchronous, pure TypeScript): Web Crypto's `subtle.sign` is
 * asynchronous, and one await per value would cost more than the hash itself.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { RecentCache } from '../util/recent-cache';

export const KEY_BYTES = 32;

const encoder = new TextEncoder();

/** Digests kept for repeated values (support exports repeat the same customers heavily). */
const CACHE_SIZE = 16384;

export class KeyedHash {
  readonly #key: Uint8Array;
  readonly #cache = new RecentCache<Uint8Array>(CACHE_SIZE);
  /** True when the key was made for this run only (no key file given). */
  readonly ephemeral: boolean;

  constructor(key: Uint8Array, options: { ephemeral?: boolean } = {}) {
    if (key.length !== KEY_BYTES) throw new Error(`a project key has ${KEY_BYTES} bytes, this one has ${key.length}`);
    this.#key = Uint8Array.from(key);
    this.ephemeral = options.ephemeral ?? false;
  }

  /** A key of 256 random bits, for a run without a key file; pseudonyms are then consistent within the run only. */
  static random(): KeyedHash {
    return new KeyedHash(randomKeyBytes(), { ephemeral: true });
  }

  /**
   * HMAC-SHA-256(key, domain ‖ 0x00 ‖ value): 32 bytes. The zero byte keeps ("A", "BC") apart from ("AB", "C").
   * The result is shared with the cache: do not modify it.
   */
  digest(domain: string, value: string): Uint8Array {
    return this.#cache.get(domain + '\u0000' + value, (id) => hmac(sha256, this.#key, encoder.encode(id)));
  }

  /** Lower-case hex of the first `chars` hex digits of the digest. */
  hex(domain: string, value: string, chars: number): string {
    return toHex(this.digest(domain, value)).slice(0, chars);
  }

  /**
   * The key's fingerprint: a domain-separated HMAC of a fixed label, 16 hex digits in groups of four. It names the
   * key in reports without revealing it.
   */
  fingerprint(): string {
    const hex = toHex(hmac(sha256, this.#key, encoder.encode('support-export-anonymiser/key-fingerprint/v1'))).slice(0, 16);
    return hex.match(/.{4}/g)!.join('-');
  }
}

export function randomKeyBytes(): Uint8Array {
  const bytes = new Uint8Array(KEY_BYTES);
  globalThis.crypto.getRandomValues(bytes);
  return bytes;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += HEX[b];
  return s;
}

/** An unsigned integer from bytes [at, at+6) of a digest (48 bits: exact in a double). */
export function digestInt(d: Uint8Array, at = 0): number {
  let n = 0;
  for (let i = at; i < at + 6; i++) n = n * 256 + d[i % d.length]!;
  return n;
}
