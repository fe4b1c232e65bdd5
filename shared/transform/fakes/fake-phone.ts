/**
 * A fake phone number that keeps the original's country code and layout (spaces, dashes, brackets, `+` or trunk
 * prefix), with its national number taken from a range reserved for fiction where the country has one:
 *   - NANP (+1): 555-0100..555-0199, reserved for fictional use in every area code (NANPA, "555 line numbers");
 *   - UK (+44): 07700 900000..900999 (mobile) and 020 7946 0000..0999 (London), Ofcom's "numbers for drama";
 *   - Australia (+61): 0491 570 100..159 (inside ACMA's fictional mobile range 0491 570 006..159) and
 *     0X 5550 xxxx (X = 2, 3, 7, 8), ACMA's "numbers for use in film and television";
 *   - every other country: no official fictional range is known to us, so the national number keeps its length
 *     (and its first digit where it can), takes its other digits from the digest, and gets leading digits that
 *     libphonenumber-js (max metadata) finds valid in no region of that calling code: a number outside every
 *     allocated range.
 */
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { countDigits, digitsFrom, pick, pourDigits } from './keyed-choice';

const US_AREA_CODES = ['201', '202', '212', '303', '312', '404', '415', '503', '617', '702', '713', '206'];
const CA_AREA_CODES = ['416', '604', '514', '403', '613', '780', '902', '204'];
const AU_AREA_DIGITS = '2378';
/** What may stand before the national number in the original: a `+` country code, 00/011 + country code, a trunk 0 or 1. */
const INTERNATIONAL_CALL_PREFIXES = ['', '00', '011'];

export function fakePhone(digest: Uint8Array, original: string, defaultRegion: string): string {
  const parsed = parsePhoneNumberFromString(original, defaultRegion as CountryCode);
  if (parsed === undefined) return fakeUnparsed(digest, original, defaultRegion);
  const national = fakeNationalNumber(digest, parsed);
  return layOut(original, parsed, national) ?? formatLike(original, parsed, national, digest);
}

/** The fake national significant number for the original's country. */
export function fakeNationalNumber(digest: Uint8Array, parsed: PhoneNumber): string {
  const nat = parsed.nationalNumber as string;
  switch (parsed.countryCallingCode as string) {
    case '1':
      if (nat.length <= 7) return '55501' + digitsFrom(digest, 2, 8); // a local number without its area code
      return pick(parsed.country === 'CA' ? CA_AREA_CODES : US_AREA_CODES, digest, 0) + '55501' + digitsFrom(digest, 2, 8);
    case '44':
      return (nat.startsWith('7') ? '7700900' : '2079460') + digitsFrom(digest, 3, 8);
    case '61':
      if (nat.startsWith('4')) return '4915701' + String(digest[8]! % 6) + digitsFrom(digest, 1, 9);
      return (AU_AREA_DIGITS.includes(nat[0]!) ? nat[0]! : '2') + '5550' + digitsFrom(digest, 4, 8);
    default:
      return unallocated(parsed.countryCallingCode as string, nat[0]! + digitsFrom(digest, nat.length - 1, 8));
  }
}

/**
 * `candidate` (same length as the original national number) made invalid for the calling code: its first three
 * digits replaced by a keyed choice among the leading triples that libphonenumber-js rejects for that calling code
 * and length (`deadTriples`), preferring triples that keep the first digit; the result is checked once more. Only
 * where no such triple exists, or the checked number is valid after all, does the exhaustive search below run.
 */
function unallocated(callingCode: string, candidate: string): string {
  if (!isValidNumber(callingCode, candidate)) return candidate;
  if (candidate.length > 3) {
    const dead = deadTriples(callingCode, candidate.length);
    const sameFirst = dead.filter((t) => t[0] === candidate[0]);
    const choices = sameFirst.length > 0 ? sameFirst : dead;
    if (choices.length > 0) {
      // the candidate's own digits choose the triple: they come from the keyed digest
      const c = choices[Number(candidate.slice(1, 7)) % choices.length]! + candidate.slice(3);
      if (!isValidNumber(callingCode, c)) return c;
    }
  }
  return searchUnallocated(callingCode, candidate);
}

/** The first number found invalid when the second and third digits, then the first, are stepped through. */
function searchUnallocated(callingCode: string, candidate: string): string {
  const rest = candidate.slice(3);
  for (let first = 0; first < 10; first++) {
    const f = String((Number(candidate[0]) + first) % 10);
    for (let next = 0; next < 100; next++) {
      const pair = String((Number(candidate.slice(1, 3).padEnd(2, '0')) + next) % 100).padStart(2, '0');
      const c = (f + pair).slice(0, Math.min(3, candidate.length)) + rest;
      if (!isValidNumber(callingCode, c)) return c;
    }
  }
  return candidate; // no country allocates every leading triple; kept for completeness
}

/** Leading triples per calling code and length, computed once each (a pure function of libphonenumber's metadata). */
const deadTripleTables = new Map<string, readonly string[]>();
/** Calling codes × national lengths seen in practice stay far below this; past it, tables are computed again. */
const MAX_DEAD_TRIPLE_TABLES = 256;

/**
 * The leading triples `t` for which numbers of `length` digits starting with `t` are invalid for the calling code,
 * probed with three fillings of the remaining digits (all 0, all 5, all 9): numbering plans allocate by leading
 * digits, so such a triple is almost always invalid whatever follows. In ascending order.
 */
export function deadTriples(callingCode: string, length: number): readonly string[] {
  const id = `${callingCode}:${length}`;
  let table = deadTripleTables.get(id);
  if (table === undefined) {
    const dead: string[] = [];
    for (let n = 0; n < 1000; n++) {
      const t = String(n).padStart(3, '0');
      if (['0', '5', '9'].every((d) => !isValidNumber(callingCode, t + d.repeat(length - 3)))) dead.push(t);
    }
    if (deadTripleTables.size >= MAX_DEAD_TRIPLE_TABLES) deadTripleTables.clear();
    deadTripleTables.set(id, (table = dead));
  }
  return table;
}

export function isValidNumber(callingCode: string, national: string): boolean {
  return parsePhoneNumberFromString(`+${callingCode}${national}`)?.isValid() ?? false;
}

/** The original's characters with its national digits replaced; undefined when its digits do not line up. */
function layOut(original: string, parsed: PhoneNumber, national: string): string | undefined {
  if (parsed.ext !== undefined) return undefined;
  const nat = parsed.nationalNumber as string;
  const keep = countDigits(original) - nat.length;
  if (keep < 0 || national.length !== nat.length) return undefined;
  const digitsOnly = original.replace(NON_DIGITS, '');
  const lead = digitsOnly.slice(0, keep);
  const cc = parsed.countryCallingCode as string;
  const ok = lead === '' || lead === '0' || lead === '1' || INTERNATIONAL_CALL_PREFIXES.some((p) => lead === p + cc);
  return ok && digitsOnly.slice(keep) === nat ? pourDigits(original, national, keep) : undefined;
}

const NON_DIGITS = /\D/g;

/** The fake in libphonenumber's layout: international if the original was, else national. */
function formatLike(original: string, parsed: PhoneNumber, national: string, digest: Uint8Array): string {
  const fake = parsePhoneNumberFromString(`+${parsed.countryCallingCode as string}${national}`);
  if (fake === undefined) return `+${parsed.countryCallingCode as string} ${national}`;
  const international = original.trimStart().startsWith('+') || original.trimStart().startsWith('00');
  const text = international ? fake.formatInternational() : fake.formatNational();
  return parsed.ext === undefined ? text : `${text} ext. ${digitsFrom(digest, parsed.ext.length, 20)}`;
}

/** A number libphonenumber cannot read: its digits replaced, a 7-digit NANP local number as 555-01xx. */
function fakeUnparsed(digest: Uint8Array, original: string, defaultRegion: string): string {
  const n = countDigits(original);
  if (n === 7 && (defaultRegion === 'US' || defaultRegion === 'CA')) return pourDigits(original, '55501' + digitsFrom(digest, 2, 8));
  return pourDigits(original, digitsFrom(digest, n, 8));
}
