// The message formatter (placeholders, plurals) and the translator (fallback to English, locale choice).
import { describe, expect, it } from 'vitest';
import { formatMessage, MessageSyntaxError, parseMessage, placeholdersOf } from '../../../src-renderer/src/i18n/format-message';
import { pickLocale } from '../../../src-renderer/src/i18n/locale';
import { createTranslator } from '../../../src-renderer/src/i18n/translator';
import type { Catalogue, Catalogues, MessageKey } from '../../../src-renderer/src/i18n/catalogues';

const FILES = '{count, plural, =0 {no files} one {# file} other {# files}}';

describe('formatMessage', () => {
  it('fills placeholders, repeated ones too, and formats numbers for the locale', () => {
    expect(formatMessage('Known value from column {column}', { column: 'requester_name' })).toBe(
      'Known value from column requester_name',
    );
    expect(formatMessage('{a} and {a}', { a: 'x' })).toBe('x and x');
    expect(formatMessage('{n} records', { n: 12345 }, 'en')).toBe('12,345 records');
    expect(formatMessage('{n} Datensätze', { n: 12345 }, 'de')).toBe('12.345 Datensätze');
  });

  it('shows a missing parameter as its placeholder instead of dropping it', () => {
    expect(formatMessage('Fingerprint: {fingerprint}', {})).toBe('Fingerprint: {fingerprint}');
  });

  it('picks exact, then the plural category, then other; # is the formatted count', () => {
    expect(formatMessage(FILES, { count: 0 })).toBe('no files');
    expect(formatMessage(FILES, { count: 1 })).toBe('1 file');
    expect(formatMessage(FILES, { count: 2 })).toBe('2 files');
    expect(formatMessage(FILES, { count: 1500 }, 'de')).toBe('1.500 files');
    expect(formatMessage('{n, plural, one {# Fund} other {# Funde}}', { n: 1 }, 'de')).toBe('1 Fund');
    expect(formatMessage('{n, plural, one {# Fund} other {# Funde}}', { n: 3 }, 'de')).toBe('3 Funde');
    // A locale's category the message does not have (e.g. Polish "few") falls back to other.
    expect(formatMessage('{n, plural, one {# plik} other {# pliki}}', { n: 3 }, 'pl')).toBe('3 pliki');
  });

  it('fills placeholders inside plural branches, and leaves # alone outside plurals', () => {
    const message = 'Release to open {count, plural, one {# file from {folder}} other {# files from {folder}}} #';
    expect(formatMessage(message, { count: 2, folder: 'exports' })).toBe('Release to open 2 files from exports #');
  });

  it('refuses malformed messages', () => {
    expect(() => parseMessage('open {name')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('open name}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('{n, plural, one {# file}}')).toThrow(/other/);
    expect(() => parseMessage('{n, select, a {x} other {y}}')).toThrow(/plural/);
    expect(() => parseMessage('{n, plural, one # file other {x}}')).toThrow(MessageSyntaxError);
    expect(() => parseMessage('{bad name}')).toThrow(/placeholder name/);
  });

  it('lists the placeholders of a message, plural arguments and nested ones included', () => {
    expect(placeholdersOf(parseMessage('{b} {count, plural, one {# in {a}} other {# in {a}}} {b}'))).toEqual(['a', 'b', 'count']);
    expect(placeholdersOf(parseMessage('no placeholders'))).toEqual([]);
  });
});

describe('createTranslator', () => {
  const catalogues: Catalogues = new Map<string, Catalogue>([
    ['en', { 'app.title': 'Title', 'start.open': 'Open export…', 'overview.findingCount': '{count, plural, one {# finding} other {# findings}}' }],
    ['de', { 'app.title': 'Titel', 'overview.findingCount': '{count, plural, one {# Fund} other {# Funde}}' }],
  ]);

  it('translates with the locale catalogue and its plural rules', () => {
    const { t, locale } = createTranslator('de', { catalogues });
    expect(locale).toBe('de');
    expect(t('app.title')).toBe('Titel');
    expect(t('overview.findingCount', { count: 1 })).toBe('1 Fund');
    expect(t('overview.findingCount', { count: 2000 })).toBe('2.000 Funde');
  });

  it('falls back to English for a key the locale lacks, and to the key itself, and reports both', () => {
    const missing: string[] = [];
    const { t } = createTranslator('de', { catalogues, onMissing: (key, locale, to) => missing.push(`${locale}:${key}->${to}`) });
    expect(t('start.open')).toBe('Open export…');
    expect(t('start.open')).toBe('Open export…');
    expect(t('no.such.key' as MessageKey)).toBe('no.such.key');
    expect(missing).toEqual(['de:start.open->en', 'de:no.such.key->key']);
  });

  it('uses English for a locale without a catalogue', () => {
    const { t, locale } = createTranslator('fr', { catalogues });
    expect(locale).toBe('en');
    expect(t('app.title')).toBe('Title');
  });

  it('reads the bundled catalogues by default', () => {
    expect(createTranslator('de').t('diff.explanation.knownValue', { column: 'Anrufer' })).toBe('Bekannter Wert aus der Spalte Anrufer');
    expect(createTranslator('en').t('export.progress.records', { records: 1 })).toBe('1 record');
  });
});

describe('pickLocale', () => {
  it.each([
    ['de', 'de'],
    ['de-AT', 'de'],
    ['de_CH', 'de'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('takes German when the system language starts with de, else English: %s → %s', (tag, expected) => {
    expect(pickLocale(tag)).toBe(expected);
  });

  it('takes any language that has a catalogue', () => {
    expect(pickLocale('fr-CA', new Map([['en', {}], ['fr', {}]]))).toBe('fr');
  });
});
