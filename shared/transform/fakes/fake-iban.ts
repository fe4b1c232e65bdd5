/**
 * A fake IBAN: the original's country and length, its BBAN rewritten from the digest (digits to digits, letters to
 * letters, so it keeps the country's BBAN format), and valid check digits (ISO 7064 mod 97-10). Where ibantools
 * also checks a national check digit (e.g. BE, ES, FR), the BBAN is derived again until it passes. The grouping of
 * the original (spaces every four characters, or none) is kept.
 */
import { isValidIBAN } from 'ibantools';
import { derivedDigest, digestBytes, isAlnum, pourInto } from './keyed-choice';

const SEPARATORS = /[\s-]/g;
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Enough for a national check of two digits (1 in ~100) to pass with near certainty. */
const MAX_ATTEMPTS = 1000;

export function fakeIban(digest: Uint8Array, original: string): string {
  const electronic = original.replace(SEPARATORS, '').toUpperCase();
  const country = electronic.slice(0, 2);
  const bban = electronic.slice(4);
  let iban = '';
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    iban = withCheckDigits(country, rewriteBban(bban, attempt === 0 ? digest : derivedDigest(digest, attempt)));
    if (isValidIBAN(iban)) break;
  }
  return pourInto(original, iban, 0, isAlnum);
}

/** Digits → digits, anything else → upper-case letters, from the digest's bytes. */
function rewriteBban(bban: string, d: Uint8Array): string {
  const bytes = digestBytes(d, bban.length);
  let out = '';
  for (let i = 0; i < bban.length; i++) {
    const c = bban[i]!;
    const b = bytes[i]!;
    out += c >= '0' && c <= '9' ? String(b % 10) : UPPER[b % 26];
  }
  return out;
}

/** The IBAN of `country` and `bban` with its two check digits. */
export function withCheckDigits(country: string, bban: string): string {
  const check = 98 - mod97(bban + country + '00');
  return country + String(check).padStart(2, '0') + bban;
}

/** The remainder mod 97 of the number that `s` spells, letters counting A=10 … Z=35. */
export function mod97(s: string): number {
  let r = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) r = (r * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) r = (r * 100 + (c - 55)) % 97;
  }
  return r;
}
