/**
 * Validation of PHONE candidates with libphonenumber-js (max metadata), behind cheap plausibility checks (a known
 * country calling code, the digit count of a national number), never run over the whole text.
 */

import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { NONE, POSSIBLE, POSSIBLE_US, UNVALIDATED, VALID, VALID_OTHER_US, VALID_VIA_ACCESS, type Evaluation } from './evaluation';
import { isDigit } from './runs';
import type { RegionSetup } from './validation-cache';

/** North-American shape; group 1 is the prefix: '1' (trunk) or '001' (international access code + calling code 1). */
const NANP_SHAPE = /^(?:((?:00)?1)[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}$/;
const PAREN_CC = /^\(\+(\d{1,4})\)/;
const NON_DIGITS = /\D/g;
const TRUNK_START = /^\(?0/;
const NO_EXTRACT = { extract: false } as const;

/** Country calling codes known to libphonenumber (plus the non-geographic ones). */
const CALLING_CODES: ReadonlySet<string> = new Set([
  ...getCountries().map((c) => getCountryCallingCode(c) as string),
  '800', '808', '870', '878', '881', '882', '883', '888', '979',
]);

/** '+' candidates: only worth validating when they start with a known country calling code. */
function plausibleInternational(candidate: string): boolean {
  let cc = '';
  for (let i = 0; i < candidate.length && cc.length < 3; i++) {
    const c = candidate.charCodeAt(i);
    if (isDigit(c)) {
      cc += candidate.charAt(i);
      if (CALLING_CODES.has(cc)) return true;
    } else if (cc !== '') {
      return false;
    }
  }
  return false;
}

/**
 * Trunk-'0' candidates: can the digit count be a national number (with its trunk prefix) of `country`?
 * Generous ranges — a cheap filter in front of libphonenumber, never a validation.
 * Numbers dialled with an international access code (00, 011) are left to libphonenumber.
 */
function plausibleNational(country: CountryCode, candidate: string, digits: number): boolean {
  const d = candidate.replace(NON_DIGITS, '');
  if (d.startsWith('00') || d.startsWith('011')) return true;
  switch (country) {
    case 'US':
      return false; // North-American numbers never start with a trunk 0
    case 'ES':
      return false; // no trunk prefix in Spain
    case 'FR':
      return digits === 10;
    case 'GB':
      return digits >= 7 && digits <= 12;
    case 'IN':
      return digits >= 9 && digits <= 13;
    case 'AU':
      return digits >= 9 && digits <= 11;
    default:
      return true;
  }
}

/** International access codes of a region (only the common ones; used to label a finding, not to find it). */
function accessCodes(region: CountryCode | undefined): readonly string[] {
  if (region === 'US' || region === 'CA') return ['011'];
  if (region === 'AU') return ['0011'];
  return ['00'];
}

/** Validates one candidate window as written: is it a phone number, and of which tier? */
export type Evaluate = (candidate: string, plus: boolean, groupCount: number, digits: number) => Evaluation;

/**
 * The validator of one detect call: libphonenumber checks against the default region (and the fallback regions),
 * results cached per region, and at most `2000 + textLength / 8` checks per call (then candidates are UNVALIDATED).
 */
export function createEvaluator(setup: RegionSetup, textLength: number): Evaluate {
  const { region, fallback, cache } = setup;

  let budget = 2000 + Math.floor(textLength / 8);

  let lastCallingCode = '';
  const check = (candidate: string, country: CountryCode | undefined): 'valid' | 'possible' | 'none' => {
    budget--;
    try {
      // "(+44) 20 ..." -> "+44 20 ...": libphonenumber does not read a parenthesised country code.
      const normalized = candidate.startsWith('(+') ? candidate.replace(PAREN_CC, '+$1') : candidate;
      const p = parsePhoneNumberFromString(normalized, country === undefined ? NO_EXTRACT : { defaultCountry: country, extract: false });
      if (p === undefined) return 'none';
      lastCallingCode = p.countryCallingCode;
      if (p.isValid()) return 'valid';
      return p.isPossible() ? 'possible' : 'none';
    } catch {
      return 'none';
    }
  };

  const evaluate = (candidate: string, plus: boolean, groupCount: number, digits: number): Evaluation => {
    const cached = cache.get(candidate);
    if (cached !== undefined) return cached;
    // Past the budget, phone-shaped candidates are still reported (unvalidated, at the lowest kept score):
    // an adversarial field must not become a way to slip numbers through.
    if (budget <= 0) return UNVALIDATED;
    let result: Evaluation = NONE;
    if (plus) {
      const r = plausibleInternational(candidate) ? check(candidate, region) : 'none';
      result = r === 'valid' ? VALID : r === 'possible' ? POSSIBLE : NONE;
    } else {
      const nanp = NANP_SHAPE.exec(candidate);
      const viaNanpAccess = nanp !== null && nanp[1] !== undefined && nanp[1].startsWith('00');
      const r = region === undefined || viaNanpAccess ? 'none' : check(candidate, region);
      if (r === 'valid') {
        const digitString = candidate.replace(NON_DIGITS, '');
        const viaAccessCode =
          (region !== undefined && lastCallingCode !== getCountryCallingCode(region)) ||
          accessCodes(region).some((idd) => digitString.startsWith(idd + lastCallingCode));
        result = viaAccessCode ? VALID_VIA_ACCESS : VALID;
      } else {
        if (groupCount >= 2 && !viaNanpAccess && TRUNK_START.test(candidate)) {
          for (const other of fallback) {
            if (!plausibleNational(other, candidate, digits)) continue;
            if (check(candidate, other) === 'valid') {
              result = { tier: 'valid-other-region', region: other };
              break;
            }
          }
        }
        if (result.tier === 'none' && nanp !== null) {
          if (viaNanpAccess) {
            // 001-202-555-0143: the North-American number dialled with the 00 international access code.
            const us = check(`+${candidate.slice(2)}`, undefined);
            if (us === 'valid') result = VALID_VIA_ACCESS;
            else if (us === 'possible') result = POSSIBLE_US;
          } else {
            const us = region === 'US' || region === 'CA' ? r : check(candidate, 'US');
            if (us === 'valid') result = VALID_OTHER_US;
            else if (us === 'possible') result = POSSIBLE_US;
          }
        }
      }
    }
    cache.set(candidate, result);
    return result;
  };
  return evaluate;
}
