// The catalogues against each other: every key in every language, the same placeholders, and every message parses.
// A key missing from a translation would fall back to English at run time; this test is where it is reported.
import { describe, expect, it } from 'vitest';
import { CATALOGUES, languagesOf, SOURCE_LOCALE } from '../../../src-renderer/src/i18n/catalogues';
import { parseMessage, placeholdersOf } from '../../../src-renderer/src/i18n/format-message';
import { ENTITY_TYPES } from '../../../shared/detect/finding';

const source = CATALOGUES.get(SOURCE_LOCALE)!;
const translations = [...CATALOGUES.entries()].filter(([locale]) => locale !== SOURCE_LOCALE);

describe('message catalogues', () => {
  it('are found from the JSON files: English and German', () => {
    expect(languagesOf()).toEqual([
      { code: 'de', name: 'Deutsch' },
      { code: 'en', name: 'English' },
    ]);
  });

  it.each(translations)('%s has exactly the keys of English', (_locale, messages) => {
    const keys = Object.keys(source);
    expect(keys.filter((key) => !(key in messages)), 'missing in the translation').toEqual([]);
    expect(Object.keys(messages).filter((key) => !(key in source)), 'not in English').toEqual([]);
  });

  it.each(translations)('%s uses the same placeholders as English in every message', (_locale, messages) => {
    const differing = Object.keys(source)
      .filter((key) => messages[key] !== undefined)
      .filter((key) => placeholdersOf(parseMessage(source[key]!)).join() !== placeholdersOf(parseMessage(messages[key]!)).join());
    expect(differing).toEqual([]);
  });

  it('hold only non-empty messages that parse', () => {
    for (const [locale, messages] of CATALOGUES) {
      for (const [key, message] of Object.entries(messages)) {
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
        expect(() => parseMessage(message), `${locale} ${key}`).not.toThrow();
      }
    }
  });

  it('name every finding type, for the legend and the filters', () => {
    expect(ENTITY_TYPES.filter((type) => !(`type.${type}` in source))).toEqual([]);
  });
});
