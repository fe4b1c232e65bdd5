import { describe, expect, it } from 'vitest';
import { checkIban, ibanDetector } from '../../../shared/detect/detectors/iban';

const ctx = { field: 'body', defaultRegion: 'DE' };
const detect = (text: string) => ibanDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('checkIban', () => {
  it('passes valid IBANs in any spacing and case', () => {
    expect(checkIban('DE89370400440532013000')).toBe('passed');
    expect(checkIban('DE89 3704 0044 0532 0130 00')).toBe('passed');
    expect(checkIban('gb82 west 1234 5698 7654 32')).toBe('passed');
  });
  it('fails a wrong check digit, and rejects what is not IBAN-shaped', () => {
    expect(checkIban('DE88370400440532013000')).toBe('failed');
    expect(checkIban('DE8937040044053201300')).toBeUndefined(); // too short
    expect(checkIban('XX89370400440532013000')).toBeUndefined(); // no such country
    expect(checkIban('GB82 1234 1234 5698 7654 32')).toBeUndefined(); // GB bank code is letters
  });
});

describe('ibanDetector — finds', () => {
  it('declares its id, version and type', () => {
    expect(ibanDetector.id).toBe('iban');
    expect(ibanDetector.version).toBe('1');
    expect(ibanDetector.types).toEqual(['IBAN']);
  });

  it.each([
    'DE89 3704 0044 0532 0130 00',
    'DE89370400440532013000',
    'DE89-3704-0044-0532-0130-00',
    'de89 3704 0044 0532 0130 00',
    'GB82 WEST 1234 5698 7654 32',
    'GB82WEST12345698765432',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NL91 ABNA 0417 1643 00',
    'ES91 2100 0418 4502 0005 1332',
    'BE68 5390 0754 7034',
    'CH93 0076 2011 6238 5295 7',
    'IT60 X054 2811 1010 0000 0123 456',
    'NO93 8601 1117 947',
    'DE89 37040044 0532013000',
  ])('finds %j with exact offsets', (iban) => {
    const text = `Please refund to ${iban}, thanks`;
    const fs = detect(text);
    const start = text.indexOf(iban);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ start, end: start + iban.length, type: 'IBAN', score: 0.92, detector: 'iban' });
    expect(fs[0]?.explanation.validation).toBe('passed');
  });

  it('names compact and grouped forms and raises the score for bank words', () => {
    const [a] = detect('IBAN: DE89370400440532013000');
    expect(a?.score).toBe(0.95);
    expect(a?.explanation).toEqual({ pattern: 'iban-compact', validation: 'passed', context: [{ word: 'iban', effect: 0.03 }] });
    const [b] = detect('Bankverbindung DE89 3704 0044 0532 0130 00');
    expect(b?.explanation).toEqual({ pattern: 'iban-grouped', validation: 'passed', context: [{ word: 'bankverbindung', effect: 0.03 }] });
  });

  it('stops at the country length (a following number or word is not included)', () => {
    expect(found('DE89 3704 0044 0532 0130 00 1234')).toEqual(['DE89 3704 0044 0532 0130 00']);
    expect(found('IBAN:DE89370400440532013000.')).toEqual(['DE89370400440532013000']);
    expect(found('(GB82 WEST 1234 5698 7654 32)')).toEqual(['GB82 WEST 1234 5698 7654 32']);
  });

  it('finds several IBANs', () => {
    expect(found('from DE89370400440532013000 to GB82WEST12345698765432; NL91ABNA0417164300')).toEqual([
      'DE89370400440532013000',
      'GB82WEST12345698765432',
      'NL91ABNA0417164300',
    ]);
  });

  it('reports a wrong checksum next to the word IBAN at 0.3, failed', () => {
    const text = 'IBAN DE88 3704 0044 0532 0130 00';
    const fs = detect(text);
    expect(fs).toHaveLength(1);
    expect(fs[0]?.score).toBeLessThanOrEqual(0.3);
    expect(fs[0]?.explanation).toEqual({ pattern: 'iban-grouped', validation: 'failed', context: [{ word: 'iban', effect: 0.3 }] });
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 🚀 naïve 😀 → DE89 3704 0044 0532 0130 00 💶 NL91ABNA0417164300';
    const a = text.indexOf('DE89');
    const b = text.indexOf('NL91');
    expect(detect(text).map((f) => [f.start, f.end])).toEqual([
      [a, a + 27],
      [b, b + 18],
    ]);
  });
});

describe('ibanDetector — does not report', () => {
  it.each([
    ['a wrong checksum', 'DE88 3704 0044 0532 0130 00'],
    ['a wrong checksum (GB)', 'GB83WEST12345698765432'],
    ['a wrong national check (ES)', 'ES91 2100 0418 4602 0005 1332'],
    ['a too-short IBAN', 'DE89 3704 0044 0532 0130 0'],
    ['a too-long IBAN', 'DE89 3704 0044 0532 0130 001'],
    ['a glued prefix', 'XDE89370400440532013000'],
    ['a glued suffix', 'DE89370400440532013000X'],
    ['double spaces', 'DE89  3704 0044 0532 0130 00'],
    ['mixed separators', 'DE89 3704-0044 0532 0130 00'],
    ['an unknown country', 'XX89 3704 0044 0532 0130 00'],
    ['a BIC', 'BIC: COBADEFFXXX SWIFT DEUTDEFF'],
    ['a version number', 'version AB12.3.4'],
    ['a GUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a card number', '4111 1111 1111 1111'],
  ])('%s: %j', (_name, text) => {
    expect(detect(text)).toEqual([]);
  });
});

describe('ibanDetector — adversarial input (must complete)', () => {
  const M = 1 << 20;
  it('long runs of letters, digits, separators and IBAN starts', () => {
    expect(detect('A'.repeat(M))).toEqual([]);
    expect(detect('1'.repeat(M))).toEqual([]);
    expect(detect('DE' + '8'.repeat(M))).toEqual([]);
    expect(detect('DE89 '.repeat(M / 5))).toEqual([]);
    expect(detect('DE89'.repeat(M / 4))).toEqual([]);
    expect(detect('D E 8 9 '.repeat(M / 8))).toEqual([]);
    expect(detect(' -'.repeat(M / 2))).toEqual([]);
  }, 10_000);
  it('many IBANs', () => {
    expect(detect('DE89 3704 0044 0532 0130 00; '.repeat(30_000))).toHaveLength(30_000);
  }, 10_000);
});
