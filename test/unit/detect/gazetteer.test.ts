import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS, CITY, COMMON, COUNTRY, CUE_GREETING, GIVEN, MAJOR_CITY, PREFIX, REGION, SURNAME, TOK_GLUED, casePattern,
  compileGazetteer, createGazetteer, fold, hashKey, longestMatch, normaliseKey, sentenceInitial, tokenize, type GazetteerData,
} from '../../../shared/detect/gazetteer';
import generated from '../../../shared/detect/data/gazetteers.generated.json';

const SMALL: GazetteerData = {
  givenNames: ['anna', 'mark', 'José', 'Jean-Luc'],
  surnames: ['Müller', 'van der Voet', "O'Brien", 'smith'],
  countries: ['Germany', 'United States', 'Bosnia and Herzegovina'],
  regions: ['Bavaria', 'New South Wales'],
  majorCities: ['New York', 'San José', 'Reading'],
  cities: ['Saint-Priest', 'Bauru'],
  ambiguous: ['mark', 'reading'],
};
const g = createGazetteer(SMALL, ['mark', 'reading', 'the', 'smith']);

describe('normalisation', () => {
  it('lower-cases, joins words with single spaces and keeps inner apostrophes and hyphens', () => {
    expect(normaliseKey('  New   York ')).toBe('new york');
    expect(normaliseKey("O’Brien")).toBe("o'brien");
    expect(normaliseKey('Jean-Luc')).toBe('jean-luc');
    expect(normaliseKey('St. Louis')).toBe('st louis');
  });
  it('folds diacritics only for non-ASCII keys', () => {
    expect(fold('josé')).toBe('jose');
    expect(fold('łódź')).toBe('lodz');
    expect(fold('straße')).toBe('strasse');
    expect(fold('plain')).toBe('plain');
  });
  it('reports the case pattern of a word', () => {
    expect(casePattern('Anna')).toBe('title');
    expect(casePattern('ANNA')).toBe('upper');
    expect(casePattern('anna')).toBe('lower');
    expect(casePattern('iPhone')).toBe('mixed');
    expect(casePattern('McDonald')).toBe('title');
    expect(casePattern('É')).toBe('title');
  });
});

describe('createGazetteer', () => {
  it('looks up single tokens case-insensitively, by category', () => {
    expect(g.lookup('ANNA') & GIVEN).toBeTruthy();
    expect(g.lookup('müller') & SURNAME).toBeTruthy();
    expect(g.lookup('germany') & COUNTRY).toBeTruthy();
    expect(g.lookup('Bavaria') & REGION).toBeTruthy();
    expect(g.lookup('Bauru') & CITY).toBeTruthy();
    expect(g.lookup('unknownword')).toBe(0);
  });
  it('stores multi-token names with their prefixes', () => {
    expect(g.flags('new york') & MAJOR_CITY).toBeTruthy();
    expect(g.flags('new') & PREFIX).toBeTruthy();
    expect(g.flags('van der voet') & SURNAME).toBeTruthy();
    expect(g.flags('van der') & PREFIX).toBeTruthy();
    expect(g.flags('bosnia and herzegovina') & COUNTRY).toBeTruthy();
    expect(g.maxWords).toBeGreaterThanOrEqual(3);
  });
  it('adds folded and space-separated variants', () => {
    expect(g.flags('san jose') & MAJOR_CITY).toBeTruthy();
    expect(g.flags('jose') & GIVEN).toBeTruthy();
    expect(g.flags('saint priest') & CITY).toBeTruthy();
    expect(g.flags('mueller')).toBe(0); // no transliteration beyond diacritics
  });
  it('marks names that are common words as ambiguous', () => {
    expect(g.flags('mark') & AMBIGUOUS).toBeTruthy();
    expect(g.flags('reading') & AMBIGUOUS).toBeTruthy();
    expect(g.flags('smith') & AMBIGUOUS).toBeTruthy(); // from the common-word list, even if the data did not say so
    expect(g.flags('the') & COMMON).toBeTruthy();
    expect(g.isCommon('the')).toBe(true);
    expect(g.flags('anna') & AMBIGUOUS).toBe(0);
  });
  it('answers ASCII lookups from a text range without building a string', () => {
    const text = 'Hello ANNA!';
    expect(g.flagsAt(text, 6, 10, hashKey('anna')) & GIVEN).toBeTruthy();
    expect(g.flagsAt(text, 0, 5, hashKey('hello'))).toBe(0);
  });
  it('registers cue words under a bit', () => {
    const h = createGazetteer(SMALL, []);
    h.watch(['howdy'], CUE_GREETING);
    expect(h.flags('howdy') & CUE_GREETING).toBeTruthy();
    expect(tokenize('Howdy partner', h).flags(0) & CUE_GREETING).toBeTruthy();
  });
});

describe('tokenize', () => {
  const words = (text: string) => {
    const t = tokenize(text, g);
    return Array.from({ length: t.count }, (_, i) => text.slice(t.start[i], t.end[i]));
  };
  it('splits words and numbers with exact offsets', () => {
    const text = 'Hi Jean-Luc, ticket 4711 from O’Brien.';
    const t = tokenize(text, g);
    expect(words(text)).toEqual(['Hi', 'Jean-Luc', 'ticket', '4711', 'from', 'O’Brien']);
    expect([t.start[1], t.end[1]]).toEqual([3, 11]);
    expect(t.key(5)).toBe("o'brien");
  });
  it('leaves a possessive out and reads an escaped apostrophe', () => {
    expect(words("Anna's laptop")).toEqual(['Anna', 'laptop']);
    expect(words("I\\'m fine")).toEqual(["I\\'m", 'fine']);
    expect(tokenize("I\\'m fine", g).key(0)).toBe("i'm");
  });
  it('handles accents and non-Latin letters', () => {
    expect(words('Grüße aus Zürich, Łódź und São Paulo')).toEqual(['Grüße', 'aus', 'Zürich', 'Łódź', 'und', 'São', 'Paulo']);
  });
  it('marks words inside e-mail addresses, URLs and paths as glued', () => {
    const text = 'anna.smith@example.com https://example.com/Anna C:\\Users\\Anna';
    const t = tokenize(text, g);
    for (let i = 0; i < t.count; i++) expect(t.bits[i]! & TOK_GLUED, text.slice(t.start[i], t.end[i])).toBeTruthy();
  });
  it('knows sentence starts and multi-word matches', () => {
    const text = 'I moved to New York. Anna too';
    const t = tokenize(text, g);
    const m = longestMatch(t, g, 3, MAJOR_CITY);
    expect(m?.end).toBe(5);
    expect(sentenceInitial(t, 0)).toBe(true);
    expect(sentenceInitial(t, 3)).toBe(false);
    expect(sentenceInitial(t, 5)).toBe(true);
  });
  it('is linear on adversarial input', () => {
    const text = 'Aa '.repeat(350_000) + "x'".repeat(100_000) + '-'.repeat(100_000);
    const t0 = performance.now();
    const t = tokenize(text, g);
    expect(t.count).toBeGreaterThan(350_000);
    expect(performance.now() - t0).toBeLessThan(5000);
  }, 10_000);
});

describe('compiled form', () => {
  const words = ['mark', 'reading', 'the', 'smith', 'über'];
  const compiled = compileGazetteer(SMALL);
  const keys = Object.values(compiled.keys).flatMap((t) => t.split('|'));
  const slow = createGazetteer(SMALL, words);
  it('gives every key the flags that deriving them from the lists gives', () => {
    const fast = createGazetteer({ compiled }, words);
    expect(keys).toContain('san jose');
    expect(keys).toContain('saint priest');
    expect(keys.length).toBe(compiled.count);
    for (const k of [...keys, ...words, 'ueber', 'nobody', 'New York']) expect(fast.flags(k), k).toBe(slow.flags(k));
    expect(fast.size).toBe(slow.size);
    expect(fast.maxWords).toBe(slow.maxWords);
    expect(fast.filter).toEqual(slow.filter);
  });
  it('is not used when of another format, and refused then without the lists', () => {
    const old = { ...compiled, format: 1, keys: { [String(GIVEN)]: 'smith' } };
    const h = createGazetteer({ ...SMALL, compiled: old }, words);
    expect(h.flags('smith')).toBe(slow.flags('smith'));
    expect(() => createGazetteer({ compiled: old }, words)).toThrow(/build-gazetteers/);
  });
  it('finds no key spelt with an ASCII capital', () => {
    expect(g.flags('anna') & GIVEN).toBeTruthy();
    expect(g.flags('Anna')).toBe(0);
  });
});

describe('generated data', () => {
  const data = generated as unknown as GazetteerData;
  const keys = Object.values(data.compiled?.keys ?? {}).flatMap((t) => t.split('|'));
  const gz = createGazetteer(data);
  it('holds every category and stays compact', () => {
    const groups = Object.keys(data.compiled?.keys ?? {}).map(Number);
    for (const bit of [GIVEN, SURNAME, COUNTRY, REGION, MAJOR_CITY, CITY, AMBIGUOUS, PREFIX]) expect(groups.some((f) => f & bit), String(bit)).toBe(true);
    expect(keys.length).toBeGreaterThan(200_000);
    expect(gz.lookup('Germany') & COUNTRY).toBeTruthy();
    expect(JSON.stringify(data).length).toBeLessThan(6_000_000);
  });
  it('has lower-case keys', () => {
    for (const k of keys.filter((_, i) => i % 50 === 0)) expect(k).toBe(k.toLowerCase());
  });
  it('marks everyday words that are also names as ambiguous', () => {
    for (const w of ['will', 'mark', 'grace', 'hope', 'may', 'june', 'bill', 'rose']) expect(gz.flags(w) & AMBIGUOUS, w).toBeTruthy();
    expect(gz.flags('paris') & AMBIGUOUS).toBe(0);
  });
  it('holds the given names of the name-list packages, but none of their names that are English words', () => {
    // not in faker's lists; from the Moby lists (@stdlib) and human-names
    for (const w of ['brianna', 'carly', 'robinette', 'hanan']) expect(gz.flags(w) & GIVEN, w).toBeTruthy();
    // Moby names that are everyday English words stay out of the given names
    for (const w of ['cherish', 'dill', 'nappy', 'splinter', 'yank', 'curry']) expect(gz.flags(w) & GIVEN, w).toBe(0);
  });
});
