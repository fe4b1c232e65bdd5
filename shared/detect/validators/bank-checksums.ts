/**
 * Pure validators for domestic bank details (the `bank-account` detector) and crypto-currency addresses (the
 * `crypto-wallet` detector). Base58Check and bech32 decoding come from @scure/base, SHA-256 and Keccak-256 from
 * @noble/hashes: audited, pure TypeScript, synchronous, and already what the pseudonymiser's HMAC uses.
 *
 * Every function takes the value in a normalised form (separators removed where the function says so) and returns a
 * boolean; none throws. Inputs of the wrong shape simply return false.
 */
import { base58check, bech32, bech32m } from '@scure/base';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';

const isDigits = (s: string): boolean => /^[0-9]+$/.test(s);

/**
 * US ABA routing transit number, 9 digits: the weighted sum 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) is a multiple
 * of 10, and the first two digits are a Federal Reserve district (01–12), a thrift (21–32), an electronic
 * (61–72) or a traveller's-cheque (80) prefix. 00 is the US Government's.
 */
export function isValidAbaRouting(digits: string): boolean {
  if (digits.length !== 9 || !isDigits(digits)) return false;
  const prefix = Number(digits.slice(0, 2));
  if (!((prefix >= 0 && prefix <= 12) || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  const d = (i: number): number => digits.charCodeAt(i) - 0x30;
  const sum = 3 * (d(0) + d(3) + d(6)) + 7 * (d(1) + d(4) + d(7)) + (d(2) + d(5) + d(8));
  return sum % 10 === 0;
}

const BTC_CHECK = base58check(sha256);
/** Version bytes of pay-to-public-key-hash and pay-to-script-hash addresses: Bitcoin 0x00 / 0x05, Litecoin 0x30 / 0x32. */
const LEGACY_VERSIONS = new Set([0x00, 0x05, 0x30, 0x32]);

/**
 * A legacy (Base58Check) Bitcoin or Litecoin address: 25 bytes after decoding (a version byte, a 20-byte hash, a
 * 4-byte checksum that is the start of the double SHA-256 of the rest), with a known version byte.
 */
export function isValidBase58Address(address: string): boolean {
  try {
    const payload = BTC_CHECK.decode(address);
    return payload.length === 21 && LEGACY_VERSIONS.has(payload[0]!);
  } catch {
    return false;
  }
}

/** Human-readable parts of segwit addresses: Bitcoin and Litecoin, main and test networks. */
const SEGWIT_PREFIXES = new Set(['bc', 'tb', 'ltc', 'tltc']);

/**
 * A segwit address (BIP 173 / BIP 350): a known prefix, a witness version 0 with a bech32 checksum and a 20- or
 * 32-byte program, or a version 1–16 with a bech32m checksum and a 2–40-byte program. Mixed case is invalid.
 */
export function isValidSegwitAddress(address: string): boolean {
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  const lower = address.toLowerCase();
  const v0 = bech32.decodeUnsafe(lower, 90);
  const decoded = v0 ?? bech32m.decodeUnsafe(lower, 90);
  if (!decoded || !SEGWIT_PREFIXES.has(decoded.prefix) || decoded.words.length === 0) return false;
  const version = decoded.words[0]!;
  const program = bech32.fromWordsUnsafe(decoded.words.slice(1));
  if (!program) return false;
  if (v0) return version === 0 && (program.length === 20 || program.length === 32);
  return version >= 1 && version <= 16 && program.length >= 2 && program.length <= 40;
}

/**
 * An Ethereum address with an EIP-55 checksum: `0x` and 40 hex digits in mixed case, where each letter is upper case
 * exactly when the matching hex digit of Keccak-256 of the lower-case address is 8 or more. All-lower and all-upper
 * addresses carry no checksum: this returns false for them (the caller decides on context).
 */
export function isChecksummedEthereumAddress(address: string): boolean {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) return false;
  const hex = address.slice(2);
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return false;
  const hash = keccak_256(new TextEncoder().encode(hex.toLowerCase()));
  for (let i = 0; i < 40; i++) {
    const c = hex.charCodeAt(i);
    if (c < 0x41) continue; // a digit
    const nibble = i % 2 === 0 ? hash[i >> 1]! >> 4 : hash[i >> 1]! & 0x0f;
    const upper = c <= 0x46;
    if (upper !== nibble >= 8) return false;
  }
  return true;
}
