import { describe, expect, it } from 'vitest';
import { postalCodeDetector } from '../../../shared/detect/detectors/postal-code';
import { streetAddressDetector } from '../../../shared/detect/detectors/street-address';
import { createDetectorRegistry } from '../../../shared/detect/registry';

const ctx = { field: 'body', defaultRegion: 'US' };
const detect = (text: string) => postalCodeDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('postalCodeDetector', () => {
  it('prefilter: texts without four digits in a row, a letter before a digit or "gir" are skipped, others are not', () => {
    expect(detect('call me at 09:30 from 10.1.2.3')).toEqual([]);
    expect(found('London SW1A 1AA')).toEqual(['SW1A 1AA']);
    expect(found('Ottawa, ON K1A 0B1')).toEqual(['K1A 0B1']);
    expect(found('postcode: GIR 0AA')).toEqual(['GIR 0AA']);
    expect(found('10115 Berlin')).toEqual(['10115 Berlin'.slice(0, 5)]);
  });

  it('declares its id, version and type', () => {
    expect(postalCodeDetector.id).toBe('postal-code');
    expect(postalCodeDetector.version).toBe('1');
    expect(postalCodeDetector.types).toEqual(['POSTAL_CODE']);
  });

  describe('after a postcode word', () => {
    it.each([
      ['My zip code is 49865', '49865', 'zip code'],
      ['ZIP: 90210-1234', '90210-1234', 'zip'],
      ['Postcode sw1a 1aa please', 'sw1a 1aa', 'postcode'],
      ['post code EC1A 1BB', 'EC1A 1BB', 'post code'],
      ['Meine PLZ ist 10115', '10115', 'plz'],
      ['Postleitzahl: 1010', '1010', 'postleitzahl'],
      ['code postal : 75002', '75002', 'code postal'],
      ['Código postal 28013', '28013', 'código postal'],
      ['CP 28013', '28013', 'cp'],
      ['postal code K1A 0B1', 'K1A 0B1', 'postal code'],
    ])('finds %j', (text, code, word) => {
      const [f, ...rest] = detect(text);
      expect(rest).toEqual([]);
      expect(f?.start).toBe(text.indexOf(code));
      expect(f?.end).toBe(text.indexOf(code) + code.length);
      expect(f?.score).toBeGreaterThanOrEqual(0.85);
      expect(f?.explanation.pattern).toMatch(/:keyword$/);
      expect(f?.explanation.context[0]?.word).toBe(word);
    });
  });

  describe('next to a state, province or city', () => {
    it.each([
      ['Springfield, IL 62704', '62704', 'five-digit:state', 'passed'],
      ['Ottawa, ON K1A 0B1', 'K1A 0B1', 'ca-postcode:state', 'passed'],
      ['Sydney NSW 2000', '2000', 'au-postcode:state', 'passed'],
      ['Natal, RN 59000', '59000', 'five-digit:region', 'none'],
      ['10115 Berlin', '10115', 'five-digit:city-after', 'none'],
      ['Lindenallee 7, 10115 Berlin', '10115', 'five-digit:city-after', 'none'],
      ['12 rue de la Paix, 75002 Paris', '75002', 'five-digit:city-after', 'none'],
      ['Calle Mayor 5, 28013 Madrid', '28013', 'five-digit:city-after', 'none'],
      ['D-10115 Berlin', '10115', 'five-digit:city-after', 'none'],
      ['Keizersgracht 12, 1015 CX Amsterdam', '1015 CX', 'nl-postcode:city-after', 'passed'],
      ['Weg 1, 1010 Wien', '1010', 'four-digit:city-after', 'none'],
      ['London SW1A 1AA', 'SW1A 1AA', 'uk-postcode:city-before', 'passed'],
      ['Madrid 28013', '28013', 'five-digit:city-before', 'none'],
      ['Jane Doe\nMarshall Islands 56293\nThanks', '56293', 'five-digit:city-before', 'none'],
    ])('finds the code in %j', (text, code, pattern, validation) => {
      const fs = detect(text);
      expect(fs.map((f) => text.slice(f.start, f.end))).toEqual([code]);
      expect(fs[0]!.start).toBe(text.indexOf(code));
      expect(fs[0]!.explanation.pattern).toBe(pattern);
      expect(fs[0]!.explanation.validation).toBe(validation);
      expect(fs[0]!.score).toBeGreaterThanOrEqual(0.6);
      expect(fs[0]!.score).toBeLessThanOrEqual(0.95);
    });

    it('scores validated formats with a state above bare place context', () => {
      const [us] = detect('Springfield, IL 62704');
      const [plain] = detect('Madrid 28013');
      expect(us!.score).toBe(0.85);
      expect(plain!.score).toBe(0.65);
      expect(us!.explanation.context).toEqual([{ word: 'IL', effect: 0.55 }]);
    });
  });

  describe('the UK format', () => {
    it.each(['EC1A 1BB', 'W1A 0AX', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA'])('accepts %s', (code) => {
      expect(found(`postcode ${code}`)).toEqual([code]);
    });
    it.each(['QA1 1AA', 'AB1 1CI', 'ZZ12 3CD', 'A1 1A', 'V1 1AA'])('rejects %s', (code) => {
      expect(found(`postcode ${code}`)).toEqual([]);
    });
  });

  describe('false positives it avoids', () => {
    it.each([
      '12345',
      'Order 12345 shipped',
      'Error 40001 occurred',
      'Ticket 12345 Berlin office',
      'Build 19041',
      'ref AB12 3CD',
      'costs 12345 EUR',
      'Thanks, Version 10240',
      'Windows 10240\n',
      'in 2 days',
      'at 10:30 on 2024-01-15',
      'Sent 12345 messages, 2000 failed',
      'value 12345.67',
      'The year 2023 Report',
      'Room 1234 Building',
    ])('does not report %j', (text) => {
      expect(found(text)).toEqual([]);
    });
  });

  it('ranks a code inside a street address just below the address, so the registry keeps the whole address', () => {
    const text = 'mail it to 3503 bicetown road, zip 62704 thanks';
    const [pc] = detect(text);
    const street = streetAddressDetector.detect(text, ctx).find((f) => f.explanation.pattern === 'en-street')!;
    expect(text.slice(street.start, street.end)).toBe('3503 bicetown road, zip 62704');
    expect(street.score).toBe(0.7);
    expect(pc!.score).toBe(0.69);
    expect(pc!.explanation.context).toEqual([
      { word: 'zip', effect: 0.55 },
      { word: 'street address', effect: -0.16 },
    ]);
    const resolved = createDetectorRegistry([postalCodeDetector, streetAddressDetector]).detect(text, ctx);
    expect(resolved.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([['STREET_ADDRESS', '3503 bicetown road, zip 62704']]);
    // A code already below the address keeps its score.
    const us = 'Ship to 42 Elm Road, Springfield, IL 62704 today';
    expect(detect(us)[0]!.score).toBe(0.85);
    expect(createDetectorRegistry([postalCodeDetector, streetAddressDetector]).detect(us, ctx).map((f) => us.slice(f.start, f.end))).toEqual([
      '42 Elm Road, Springfield, IL 62704',
    ]);
  });

  it('returns nothing for text without digits', () => {
    expect(detect('zip code unknown, Berlin')).toEqual([]);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    const rep = (s: string): string => s.repeat(Math.ceil(M / s.length)).slice(0, M);
    it('long digit and code-like runs', () => {
      expect(detect('1'.repeat(M))).toEqual([]);
      expect(detect(rep('12345 '))).toEqual([]);
      expect(detect(rep('AB1 2CD '))).toEqual([]);
      expect(detect(rep('1234 AB '))).toEqual([]);
      expect(detect(rep('zip zip zip '))).toEqual([]);
    }, 10_000);
    it('many real codes', () => {
      const fs = detect(rep('zip 12345, '));
      expect(fs.length).toBeGreaterThan(90_000);
      for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
      expect(detect(rep('\n10115 Berlin')).length).toBeGreaterThan(70_000);
    }, 10_000);
  });
});
