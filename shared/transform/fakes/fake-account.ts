/**
 * Fakes for the IBAN type, which holds every kind of bank or payment account the detectors find (see
 * docs/detection.md): an IBAN becomes another IBAN of its country (fake-iban.ts); a crypto-currency address another
 * address of the same kind and alphabet, its prefix kept (`0x`, `bc1`, `ltc1`, the version character of a Base58
 * address) and, with near certainty, its checksum broken, so no wallet it names can exist; a domestic account
 * number, routing number, sort code, BSB, bank code or BIC keeps its layout (digit → digit, letter → letter).
 */
import { fakeIban } from './fake-iban';
import { digestBytes, rewriteChars } from './keyed-choice';

/** Two letters, two check digits, then the BBAN: what fakeIban can rewrite. */
const IBAN_SHAPE = /^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}$/;
const SEPARATORS = /[\s-]/g;
const ETHEREUM = /^0x[0-9a-fA-F]{40}$/;
const SEGWIT = /^(?:bc|tb|ltc|tltc)1[02-9ac-hj-np-z]+$/i;
const BASE58 = /^[13LM][1-9A-HJ-NP-Za-km-z]{25,34}$/;

const HEX = '0123456789abcdef';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BASE58_ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

export function fakeAccount(digest: Uint8Array, original: string): string {
  const v = original.trim();
  if (IBAN_SHAPE.test(v.replace(SEPARATORS, '').toUpperCase())) return fakeIban(digest, original);
  if (ETHEREUM.test(v)) return '0x' + rewriteFrom(v.slice(2), digest, HEX, true);
  if (SEGWIT.test(v)) {
    // one case for the whole address (the charset's digits have none)
    const sep = v.lastIndexOf('1') + 1;
    const data = rewriteFrom(v.slice(sep), digest, BECH32, false);
    return v.slice(0, sep) + (v === v.toUpperCase() ? data.toUpperCase() : data);
  }
  if (BASE58.test(v)) return v[0] + rewriteFrom(v.slice(1), digest, BASE58_ALPHABET, false);
  return rewriteChars(original, digest);
}

/**
 * Each character of `s` replaced by one of `alphabet` chosen by the digest; with `keepCase`, a letter takes the case
 * of the character it replaces (an EIP-55 address stays mixed-case).
 */
function rewriteFrom(s: string, digest: Uint8Array, alphabet: string, keepCase: boolean): string {
  const bytes = digestBytes(digest, s.length);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = alphabet[bytes[i]! % alphabet.length]!;
    const o = s[i]!;
    out += keepCase && o !== o.toLowerCase() ? c.toUpperCase() : c;
  }
  return out;
}
