/**
 * IBAN detector. Validation (country length and BBAN format, mod-97 check digits, and the national
 * bank/branch/account checks ibantools knows) is done by the `ibantools` package.
 *
 * Candidates start at a country code and two check digits (`DE89`, `de89`) that are not glued to a word.
 * From there the expected number of characters for that country is read — ASCII letters and digits, with
 * single spaces, no-break spaces or dashes allowed between them (one separator kind per IBAN), so both the
 * compact form and the grouped `DE89 3704 0044 0532 0130 00` are found. The character after the last one
 * must not continue a word. Each candidate reads at most 34 characters plus separators, and unknown
 * country codes are dropped at once, so the scan is linear. Prefilter: one regex test for two letters
 * followed by two digits.
 *
 * Scores: valid — 0.92 (above an unqualified phone number found inside it), plus 0.03 when a bank word (iban, konto, account, bank, rib, sepa, ...) is among the
 * three words before it. A candidate with the right country, length and format whose check digits (or national
 * check) fail is reported only next to a bank word, at 0.3 with validation 'failed' (the word is recorded with
 * effect +0.3) — a mistyped IBAN next to the word "IBAN" is still somebody's bank account; without the word
 * it is dropped.
 * BIC/SWIFT codes are not reported.
 */

import { ValidationErrorsIBAN, electronicFormatIBAN, getCountrySpecifications, validateIBAN } from 'ibantools';
import type { Detector, Finding } from '../finding';
import { keptDigitProfile } from './text-scan';

const SCORE_VALID = 0.92;
const SCORE_FAILED = 0.3;
const BANK_EFFECT = 0.03;
const CONTEXT_CHARS = 30;

const BANK_WORDS = new Set([
  'iban', 'ibans', 'bic', 'swift', 'konto', 'kontonummer', 'bankverbindung', 'account', 'acct', 'bank', 'banking',
  'rib', 'sepa', 'lastschrift', 'überweisung', 'virement', 'prélèvement', 'cuenta', 'conto', 'rekening',
  'transfer', 'wire', 'payee', 'beneficiary',
]);

/** Expected IBAN length per country code (only countries with a defined length and BBAN format). */
const LENGTHS = new Map<string, number>();
for (const [code, spec] of Object.entries(getCountrySpecifications())) {
  if (spec.chars !== null && spec.bban_regexp !== null) LENGTHS.set(code, spec.chars);
}

const HAS_START = /[A-Za-z]{2}\d{2}/;
const START = /(?<![\p{L}\p{N}\p{M}_])[A-Za-z]{2}\d{2}/gu;

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x2d;
}

function isWordUnit(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  if (c < 0x80) return isAsciiAlnum(c) || c === 0x5f;
  return /^[\p{L}\p{N}\p{M}]$/u.test(text.charAt(i));
}

/** The last `max` words in the `CONTEXT_CHARS` before `start` (lower-cased); a word cut by the window is dropped. */
function wordsBefore(text: string, start: number, max: number): string[] {
  const from = Math.max(0, start - CONTEXT_CHARS);
  const matches = [...text.slice(from, start).matchAll(/[\p{L}\p{M}]+/gu)];
  const first = matches[0];
  if (first !== undefined && first.index === 0 && from > 0 && /[\p{L}\p{M}]/u.test(text.charAt(from - 1))) matches.shift();
  return matches.slice(-max).map((m) => m[0].toLowerCase());
}

/**
 * Reads `length` ASCII letters/digits starting at `start`, allowing one separator kind between them.
 * Returns the end (exclusive) or -1.
 */
function readCandidate(text: string, start: number, length: number): number {
  let count = 0;
  let sep = 0;
  let i = start;
  const n = text.length;
  while (count < length) {
    if (i >= n) return -1;
    const c = text.charCodeAt(i);
    if (isAsciiAlnum(c)) {
      count++;
      i++;
      continue;
    }
    if (count > 0 && isSeparator(c) && (sep === 0 || c === sep) && i + 1 < n && isAsciiAlnum(text.charCodeAt(i + 1))) {
      sep = c;
      i++;
      continue;
    }
    return -1;
  }
  return isWordUnit(text, i) ? -1 : i;
}

const FORMAT_ERRORS = new Set<ValidationErrorsIBAN>([
  ValidationErrorsIBAN.NoIBANProvided,
  ValidationErrorsIBAN.NoIBANCountry,
  ValidationErrorsIBAN.WrongBBANLength,
  ValidationErrorsIBAN.WrongBBANFormat,
  ValidationErrorsIBAN.ChecksumNotNumber,
]);

/** 'passed', 'failed' (right shape, wrong check digits or national check) or undefined (not an IBAN shape). */
export function checkIban(candidate: string): 'passed' | 'failed' | undefined {
  const iban = electronicFormatIBAN(candidate.replace(/\u00a0/g, ' '));
  if (iban === null || iban.length < 5) return undefined;
  const result = validateIBAN(iban);
  if (result.valid) return 'passed';
  for (const e of result.errorCodes) if (FORMAT_ERRORS.has(e)) return undefined;
  return 'failed';
}

export const ibanDetector: Detector = {
  id: 'iban',
  version: '1',
  types: ['IBAN'],
  detect(text) {
    // two digits after the country code: read from the kept digit profile, if there is one, before the letter scan
    const kept = keptDigitProfile(text);
    if ((kept !== undefined && kept.digitRun < 2) || !HAS_START.test(text)) return [];
    const out: Finding[] = [];
    START.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = START.exec(text)) !== null) {
      const start = m.index;
      const length = LENGTHS.get(m[0].slice(0, 2).toUpperCase());
      if (length === undefined) continue;
      const end = readCandidate(text, start, length);
      if (end === -1) continue;
      const validation = checkIban(text.slice(start, end));
      if (validation === undefined) continue;
      const word = wordsBefore(text, start, 3).findLast((w) => BANK_WORDS.has(w));
      if (validation === 'failed' && word === undefined) continue;
      const score = validation === 'failed' ? SCORE_FAILED : Math.round((SCORE_VALID + (word === undefined ? 0 : BANK_EFFECT)) * 100) / 100;
      out.push({
        start,
        end,
        type: 'IBAN',
        score,
        detector: 'iban',
        explanation: {
          pattern: end - start === length ? 'iban-compact' : 'iban-grouped',
          validation,
          context: word === undefined ? [] : [{ word, effect: validation === 'failed' ? SCORE_FAILED : BANK_EFFECT }],
        },
      });
      START.lastIndex = end;
    }
    return out;
  },
};
