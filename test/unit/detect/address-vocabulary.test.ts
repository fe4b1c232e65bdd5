import { describe, expect, it } from 'vitest';
import { suffixMatcher } from '../../../shared/detect/detectors/address/vocabulary';

describe('suffixMatcher', () => {
  const m = suffixMatcher(['straße', 'str', 'weg', 'gracht', 'ring']);

  it('matches a word that ends with one of the suffixes, or is one', () => {
    for (const w of ['hauptstraße', 'hauptstr', 'musterweg', 'keizersgracht', 'kaiserring', 'weg', 'straße']) expect(m.test(w)).toBe(true);
  });

  it('does not match a suffix inside a word, a shorter word or another ending', () => {
    for (const w of ['', 'we', 'wegen', 'strom', 'gracht!', 'strasse', 'hauptstrasse', 'morning', 'spring ']) expect(m.test(w)).toBe(false);
  });

  it('compares exactly, without case folding', () => {
    expect(m.test('HAUPTSTR')).toBe(false);
    expect(m.test('Musterweg')).toBe(true);
  });

  it('refuses a suffix shorter than three characters', () => {
    expect(() => suffixMatcher(['ab'])).toThrow(/shorter than three/);
  });
});
