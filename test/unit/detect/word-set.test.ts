import { describe, expect, it } from 'vitest';
import { WordSet, createGazetteer, tokenize } from '../../../shared/detect/gazetteer';
import generated from '../../../shared/detect/data/gazetteers.generated.json';

describe('WordSet', () => {
  const set = new WordSet('about café reading the');
  it('holds the words it was built from, and no others', () => {
    expect(set.size).toBe(4);
    for (const w of ['about', 'café', 'reading', 'the']) expect(set.has(w)).toBe(true);
    for (const w of ['abou', 'abouts', 'cafe', 'okta', '']) expect(set.has(w)).toBe(false);
  });
  it('looks up a range of a text case-insensitively without building its string', () => {
    const g = createGazetteer({ givenNames: [], surnames: [], countries: [], regions: [], majorCities: [], cities: [], englishWords: 'about reading' }, []);
    const tokens = tokenize('READING about Okta', g);
    expect([0, 1, 2].map((i) => tokens.knownWord(i))).toEqual([true, true, false]);
  });
  it('is empty without data', () => {
    expect(new WordSet('').size).toBe(0);
  });
});

describe('known words of the generated data', () => {
  const g = createGazetteer(generated);
  const known = (text: string): boolean[] => {
    const tokens = tokenize(text, g);
    return Array.from({ length: tokens.count }, (_, i) => tokens.knownWord(i));
  };
  it('knows English words (SCOWL), also those that are names, and the hand-made common and support words', () => {
    expect(known('Reading Mark smith Sometimes login Straße tschüss doesn’t')).toEqual(Array(8).fill(true));
  });
  it('does not know proper nouns', () => {
    expect(known('Pyrion Tebogo Michael London')).toEqual([false, false, false, false]);
  });
});
