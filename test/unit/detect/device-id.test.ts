import { describe, expect, it } from 'vitest';
import { deviceIdDetector } from '../../../shared/detect/detectors/device-id';
import { isValidVinCheckDigit } from '../../../shared/detect/validators/national-id-checksums';

const ctx = { field: 'body', defaultRegion: 'US' };
const detect = (text: string) => deviceIdDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('deviceIdDetector (IMEI) — finds', () => {
  it('declares its id, version and type', () => {
    expect(deviceIdDetector.id).toBe('device-id');
    expect(deviceIdDetector.version).toBe('1');
    expect(deviceIdDetector.types).toEqual(['USERNAME']);
  });

  it.each(['35-209900-176148-1', '35 209900 176148 1', '35209900-176148-1', '49-015420-323751-8', '35\u00a0209900\u00a0176148\u00a01'])(
    'finds the grouped IMEI %j without context at 0.9',
    (imei) => {
      const text = `my phone ${imei} was stolen`;
      const start = text.indexOf(imei);
      expect(detect(text)).toEqual([
        {
          start,
          end: start + imei.length,
          type: 'USERNAME',
          score: 0.9,
          detector: 'device-id',
          explanation: { pattern: 'imei', validation: 'passed', context: [] },
        },
      ]);
    },
  );

  it.each([
    ['IMEI 490154203237518', '490154203237518', 0.95],
    ['IMEI: 352099001761481', '352099001761481', 0.95],
    ['imei1=356938035643809;', '356938035643809', 0.95],
  ])('finds the compact IMEI after the word IMEI: %j', (text, value, effect) => {
    const fs = detect(text);
    expect(fs).toHaveLength(1);
    expect(text.slice(fs[0]!.start, fs[0]!.end)).toBe(value);
    expect(fs[0]?.score).toBe(0.95);
    expect(fs[0]?.explanation.context).toEqual([{ word: 'imei', effect }]);
  });

  it('raises a grouped IMEI next to the word IMEI', () => {
    const [f] = detect('IMEI 35-209900-176148-1');
    expect(f?.score).toBe(0.95);
    expect(f?.explanation.context).toEqual([{ word: 'imei', effect: 0.05 }]);
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 🚀 naïve 📱 IMEI 490154203237518 😀 35-209900-176148-1';
    const a = text.indexOf('4901');
    const b = text.indexOf('35-');
    expect(detect(text).map((f) => [f.start, f.end])).toEqual([
      [a, a + 15],
      [b, b + 18],
    ]);
  });
});

describe('deviceIdDetector (IMEI) — does not report', () => {
  it.each([
    ['a compact IMEI without context', '490154203237518'],
    ['a Luhn-invalid IMEI with context', 'IMEI 490154203237519'],
    ['a Luhn-invalid grouped IMEI', '35-209900-176148-2'],
    ['an IMEI inside a longer digit run', 'IMEI 4901542032375181'],
    ['an IMEI after a digit group', 'IMEI 1 490154203237518'],
    ['a continued group', '35-209900-176148-1-0'],
    ['mixed separators', '35 209900-176148-1'],
    ['glued to letters', 'IMEI x490154203237518'],
    ['a card number', '4111 1111 1111 1111'],
    ['a timestamp', 'IMEI 20240115093000'],
    ['a GUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a phone number', '+44 20 7946 0958'],
  ])('%s: %j', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('deviceIdDetector (VIN)', () => {
  it('checks the North American check digit', () => {
    expect(isValidVinCheckDigit('1M8GDM9AXKP042788')).toBe(true); // check digit X
    expect(isValidVinCheckDigit('1HGCM82633A004352')).toBe(true);
    expect(isValidVinCheckDigit('1HGCM82643A004352')).toBe(false);
    expect(isValidVinCheckDigit('WVWZZZ1JZXW000001')).toBe(false); // European: no check digit
    expect(isValidVinCheckDigit('1HGCM8263IA004352')).toBe(false); // I is not used
  });
  it('finds a VIN with a valid check digit, or after a VIN word', () => {
    expect(found('my truck 1M8GDM9AXKP042788 will not start')).toEqual(['1M8GDM9AXKP042788']);
    expect(detect('1HGCM82633A004352')[0]).toMatchObject({ type: 'USERNAME', score: 0.85, explanation: { pattern: 'vin', validation: 'passed', context: [] } });
    expect(detect('VIN: 1HGCM82633A004352')[0]!.score).toBe(0.95);
    expect(detect('VIN: WVWZZZ1JZXW000001')[0]).toMatchObject({ score: 0.9, explanation: { validation: 'none', context: [{ word: 'vin', effect: 0.9 }] } });
    expect(found('Fahrgestellnummer WDB2030461A123456')).toEqual(['WDB2030461A123456']);
  });
  it('does not report other 17-character codes', () => {
    expect(found('order WVWZZZ1JZXW000001 shipped')).toEqual([]); // no check digit, no VIN word
    expect(found('VIN 11111111111111111')).toEqual([]); // no letters
    expect(found('VIN 1M8GDM9AXKP04278')).toEqual([]); // 16
    expect(found('VIN 1M8GDM9AXKP042788X')).toEqual([]); // 18
    expect(found('vin 1m8gdm9axkp042788')).toEqual([]); // lower case
    expect(found('key-1M8GDM9AXKP042788')).toEqual([]); // glued
  });
});

describe('deviceIdDetector — adversarial input (must complete)', () => {
  const M = 1 << 20;
  it('long digit and separator runs', () => {
    expect(detect('3'.repeat(M))).toEqual([]);
    expect(detect('IMEI ' + '3'.repeat(M))).toEqual([]);
    expect(detect('35-209900-'.repeat(M / 10))).toEqual([]);
    expect(detect('35 '.repeat(M / 3))).toEqual([]);
    expect(detect('-'.repeat(M))).toEqual([]);
  }, 10_000);
  it('many IMEIs', () => {
    expect(detect('35-209900-176148-1, '.repeat(50_000))).toHaveLength(50_000);
    // A space followed by a digit continues a number, so a bare space-separated list is not read as IMEIs.
    expect(detect('35-209900-176148-1 '.repeat(50_000))).toEqual([]);
  }, 10_000);
});
