/**
 * A fake payment card number: the original's brand (when recognisable), length and grouping, a card-network test
 * prefix (the numbers networks and payment processors publish for testing: Visa 4000 00, Mastercard 2223 00,
 * Amex 3782 82, Discover 6011 00, JCB 3566 00, Diners 3056 93), digits from the digest, and a valid Luhn digit.
 */
import { countDigits, digitsFrom, pourDigits } from './keyed-choice';

interface Brand {
  /** Does the original's number start like this brand? */
  readonly test: RegExp;
  readonly testPrefix: string;
}

/** Checked in order; Visa's test prefix is also used for a number no brand claims. */
const BRANDS: readonly Brand[] = [
  { test: /^3[47]/, testPrefix: '378282' },
  { test: /^(?:5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/, testPrefix: '222300' },
  { test: /^(?:6011|64[4-9]|65)/, testPrefix: '601100' },
  { test: /^35/, testPrefix: '356600' },
  { test: /^(?:30[0-5]|3095|36|3[89])/, testPrefix: '305693' },
];
const VISA_TEST_PREFIX = '400000';
const NON_DIGITS = /\D/g;

export function fakeCard(digest: Uint8Array, original: string): string {
  const digits = original.replace(NON_DIGITS, '');
  const length = Math.max(digits.length, 12);
  const prefix = BRANDS.find((b) => b.test.test(digits))?.testPrefix ?? VISA_TEST_PREFIX;
  const body = prefix + digitsFrom(digest, length - prefix.length - 1);
  const number = body + luhnDigit(body);
  return countDigits(original) === number.length ? pourDigits(original, number) : number;
}

/** The Luhn check digit to append to `body`. */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let v = body.charCodeAt(i) - 48;
    if (double) {
      v *= 2;
      if (v > 9) v -= 9;
    }
    sum += v;
  }
  return String((10 - (sum % 10)) % 10);
}

/** True when the digits of `s` pass the Luhn check. */
export function luhnValid(s: string): boolean {
  const d = s.replace(NON_DIGITS, '');
  return d.length > 1 && luhnDigit(d.slice(0, -1)) === d[d.length - 1];
}
