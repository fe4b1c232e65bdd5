import { describe, expect, it } from 'vitest';
import { digitProfile, hasDigitRun, keptDigitProfile } from '../../../shared/detect/detectors/text-scan';

describe('digitProfile', () => {
  it('is all zero for a text without ASCII digits', () => {
    expect(digitProfile('')).toEqual({ digits: 0, digitRun: 0, alnumRun: 0, digitChain: 0 });
    expect(digitProfile('no numbers here, only letters')).toEqual({ digits: 0, digitRun: 0, alnumRun: 0, digitChain: 0 });
    // Arabic-Indic and full-width digits are not ASCII digits
    expect(digitProfile('٣٤٥ １２３')).toEqual({ digits: 0, digitRun: 0, alnumRun: 0, digitChain: 0 });
  });

  it('counts every ASCII digit and the longest run of them', () => {
    expect(digitProfile('7')).toEqual({ digits: 1, digitRun: 1, alnumRun: 1, digitChain: 1 });
    expect(digitProfile('call 555-0147 at 09:20')).toEqual({ digits: 11, digitRun: 4, alnumRun: 4, digitChain: 7 });
    expect(digitProfile('1 22 333 4444 55555')).toMatchObject({ digits: 15, digitRun: 5 });
  });

  it('measures the longest run of ASCII letters and digits that holds a digit', () => {
    // the letters-only word "Supercalifragilistic" is longer, but holds no digit
    expect(digitProfile('Supercalifragilistic code RSSMRA85T10A562S')).toEqual({ digits: 7, digitRun: 3, alnumRun: 16, digitChain: 0 });
    expect(digitProfile('ab12cd34ef, x9')).toEqual({ digits: 5, digitRun: 2, alnumRun: 10, digitChain: 0 });
    // runs end at anything that is not an ASCII letter or digit
    expect(digitProfile('ü12ü')).toEqual({ digits: 2, digitRun: 2, alnumRun: 2, digitChain: 2 });
    expect(digitProfile('abc_123-def')).toEqual({ digits: 3, digitRun: 3, alnumRun: 3, digitChain: 3 });
  });

  it('measures the longest chain of digit runs joined by single separators', () => {
    expect(digitProfile('SSN 078-05-1120 ok').digitChain).toBe(9);
    expect(digitProfile('CPF 529.982.247-25').digitChain).toBe(11);
    expect(digitProfile('IdNr 86 095 742 719').digitChain).toBe(11);
    expect(digitProfile('pnr 811218+9876, tel 0171/2345678').digitChain).toBe(11);
    // two separators, a letter run or a colon end a chain
    expect(digitProfile('078 - 05 - 1120').digitChain).toBe(4);
    expect(digitProfile('078-05x-1120').digitChain).toBe(4);
    expect(digitProfile('2A 001 009').digitChain).toBe(6);
    expect(digitProfile('09:20:31').digitChain).toBe(2);
  });

  it('reads runs at the very start and end of the text', () => {
    expect(digitProfile('A1')).toEqual({ digits: 1, digitRun: 1, alnumRun: 2, digitChain: 0 });
    expect(digitProfile('12 then 345abc')).toEqual({ digits: 5, digitRun: 3, alnumRun: 6, digitChain: 2 });
  });
});

describe('hasDigitRun', () => {
  it('finds a run of at least that many ASCII digits', () => {
    expect(hasDigitRun('IMEI 490154203237518', 6)).toBe(true);
    expect(hasDigitRun('order 1234', 4)).toBe(true);
    expect(hasDigitRun('a1', 1)).toBe(true);
  });

  it('does not count digits that are not consecutive, or not ASCII', () => {
    expect(hasDigitRun('12 34 56', 3)).toBe(false);
    expect(hasDigitRun('１２３４５６', 1)).toBe(false);
    expect(hasDigitRun('', 1)).toBe(false);
  });

  it('gives the same answer whether or not the text was profiled last', () => {
    for (const text of ['call 555-0147 now', 'no digits', '12345 and 9']) {
      const fresh = [1, 3, 4, 5, 6].map((n) => hasDigitRun(text, n));
      digitProfile(text);
      expect([1, 3, 4, 5, 6].map((n) => hasDigitRun(text, n))).toEqual(fresh);
    }
  });
});

describe('keptDigitProfile', () => {
  it('is the profile of the text profiled last', () => {
    const text = 'order 12, room 345';
    const profile = digitProfile(text);
    expect(keptDigitProfile(text)).toEqual({ digits: 5, digitRun: 3, alnumRun: 3, digitChain: 3 });
    expect(keptDigitProfile(text)).toBe(profile);
  });

  it('is undefined for any other text, without scanning it', () => {
    digitProfile('something else');
    expect(keptDigitProfile('room 3')).toBeUndefined();
    expect(keptDigitProfile('')).toBeUndefined();
  });
});
