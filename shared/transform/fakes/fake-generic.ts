/**
 * Fakes for the types without a maker of their own, each valid-looking and clearly fake: a username
 * (`user-3f9a2c81d0`), a host name under the reserved `.example` TLD, a URL on `example.invalid`, a locally
 * administered MAC address (`02:00:5e:…`), a postal code of the same shape, a date of birth with a plausible year,
 * a document number with every letter and digit rewritten (national IDs, passports, licence plates), and a
 * format-preserving rewrite (digit → digit, letter → letter of the same case) that keeps a recognisable prefix
 * (`INC`, `CS-`, `Case #`, `sk_live_`) for case numbers, identifiers, secrets and anything else.
 */
import { digestBytes, hexFrom, isAlnum, isDigit, pourInto, rewriteChars } from './keyed-choice';

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** A letter run and the separators after it: one segment of a prefix such as "Case #" or "sk_live_". */
const PREFIX_SEGMENT = /^([A-Za-z]{1,12})([ _#:./-]+)/;
/** Capitals right before the digits: "INC0012345", "REQ123". */
const CAPITALS_BEFORE_DIGIT = /^[A-Z]{1,6}(?=\d)/;
/** A letter run that could be hex digits of the secret itself ("deadbeef-…"). */
const HEX_RUN = /^[a-f]{4,}$|^[A-F]{4,}$/;
const DIGIT_RUN = /\d+/g;
const isHexDigit = (c: string): boolean => isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
const HAS_UPPER_HEX = /[A-F]/;
const BYTE_PAIRS = /../g;
/** Hex digits and separators, with at least one hex letter and one digit. */
const HEX_VALUE = /^(?=[^a-f]*[a-f]|[^A-F]*[A-F])(?=\D*\d)[0-9a-fA-F]+(?:[-:_ ][0-9a-fA-F]+)*$/;
const HEX_DIGITS = '0123456789abcdef';
const HEX_DIGITS_UPPER = HEX_DIGITS.toUpperCase();
const HAS_LOWER_HEX = /[a-f]/;

export function fakeUsername(digest: Uint8Array): string {
  return `user-${hexFrom(digest, 10)}`;
}

/** `host-3f9a2c81d0.example`, with as many labels as the original (at least two). */
export function fakeHostname(digest: Uint8Array, original: string): string {
  let labels = 1;
  for (const c of original) if (c === '.') labels++;
  const out = [`host-${hexFrom(digest, 10)}`];
  for (let i = 2; i < labels; i++) out.push(`n${hexFrom(digest, 4, 3 + 2 * i)}`);
  out.push('example');
  return out.join('.');
}

/** `https://example.invalid/3f9a2c1b7e04`: the original's scheme kept, host, path, query and fragment replaced. */
export function fakeUrl(digest: Uint8Array, original: string): string {
  const scheme = SCHEME.exec(original)?.[0].toLowerCase() ?? '';
  return `${scheme}example.invalid/${hexFrom(digest, 12)}`;
}

/** `02:00:5e:xx:xx:xx` in the original's layout and letter case; longer identifiers (EUI-64) get more digits. */
export function fakeMac(digest: Uint8Array, original: string): string {
  let slots = 0;
  for (const c of original) if (isHexDigit(c)) slots++;
  const hex = '02005e' + hexFrom(digest, Math.max(slots - 6, 6));
  const out = slots >= 12 ? pourInto(original, hex, 0, isHexDigit) : hex.match(BYTE_PAIRS)!.join(':');
  return HAS_UPPER_HEX.test(original) ? out.toUpperCase() : out;
}

/** The same shape: digits → digits, letters → letters of the same case. */
export function fakePostalCode(digest: Uint8Array, original: string): string {
  return rewriteChars(original, digest);
}

/** A date of the same layout: 4-digit runs → a year 1940–2005, 1–2-digit runs → 1–12 (a valid day and month in any order). */
export function fakeDateOfBirth(digest: Uint8Array, original: string): string {
  const bytes = digestBytes(digest, original.length);
  let i = 0;
  return original.replace(DIGIT_RUN, (run) => {
    const b = bytes[i++]!;
    if (run.length === 4) return String(1940 + (b % 66));
    if (run.length <= 2) return String(1 + (b % 12)).padStart(run.length, '0');
    return rewriteChars(run, bytes.subarray(i));
  });
}

/**
 * An identity document's number (a national ID, a passport, a driving licence, a licence plate): every digit and
 * letter rewritten, the layout kept. Unlike a case number's "INC" or a key's "sk_live_", its letters are part of
 * what identifies the person ("QQ 12 34 56 C", "ABC-1234"), so no prefix is kept.
 */
export function fakeDocumentNumber(digest: Uint8Array, original: string): string {
  return rewriteChars(original, digest);
}

/**
 * Format-preserving: the recognisable prefix kept, every other digit and letter rewritten; a value written in hex
 * digits only (a UUID, a token) stays hex.
 */
export function fakeFormatPreserving(digest: Uint8Array, original: string): string {
  if (HEX_VALUE.test(original)) return rewriteHex(digest, original);
  return rewriteChars(original, digest, keptPrefixLength(original));
}

/** Each hex digit → a keyed hex digit, in the original's letter case. */
function rewriteHex(digest: Uint8Array, original: string): string {
  const bytes = digestBytes(digest, original.length);
  const digits = HAS_LOWER_HEX.test(original) ? HEX_DIGITS : HEX_DIGITS_UPPER;
  let out = '';
  for (let i = 0; i < original.length; i++) {
    const c = original[i]!;
    out += isHexDigit(c) ? digits[bytes[i]! % 16] : c;
  }
  return out;
}

/** How many leading characters are a prefix worth keeping ("Case #", "INC", "CS-", "sk_live_"); 0 if none. */
export function keptPrefixLength(value: string): number {
  let at = 0;
  for (;;) {
    const m = PREFIX_SEGMENT.exec(value.slice(at));
    if (m === null || HEX_RUN.test(m[1]!)) break;
    at += m[0].length;
  }
  const capitals = CAPITALS_BEFORE_DIGIT.exec(value.slice(at));
  if (capitals !== null) at += capitals[0].length;
  // a value that is all prefix (no digit or letter after it) is rewritten whole
  for (let i = at; i < value.length; i++) if (isAlnum(value[i]!)) return at;
  return 0;
}
