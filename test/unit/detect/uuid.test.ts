import { describe, expect, it } from 'vitest';
import { createDefaultRegistry } from '../../../shared/detect/default-detectors';
import { ipAddressDetector } from '../../../shared/detect/detectors/ip-address';
import { macAddressDetector } from '../../../shared/detect/detectors/mac-address';
import { phoneDetector } from '../../../shared/detect/detectors/phone';
import { creditCardDetector } from '../../../shared/detect/detectors/credit-card';
import { uuidDetector } from '../../../shared/detect/detectors/uuid';
import { nationalIdDetector } from '../../../shared/detect/detectors/national-id';
import { deviceIdDetector } from '../../../shared/detect/detectors/device-id';
import { ibanDetector } from '../../../shared/detect/detectors/iban';
import { createDetectorRegistry } from '../../../shared/detect/registry';

const ctx = { field: 'body', defaultRegion: 'US' };
const detect = (text: string) => uuidDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

const UUIDS = [
  '550e8400-e29b-41d4-a716-446655440000',
  '550E8400-E29B-41D4-A716-446655440000',
  '00000000-0000-0000-0000-000000000000',
  'f47ac10b-58cc-4372-a567-0e02b2c3d479',
  '12345678-1234-1234-1234-123456789012',
];

describe('uuidDetector — finds', () => {
  it('declares its id, version and type', () => {
    expect(uuidDetector.id).toBe('uuid');
    expect(uuidDetector.version).toBe('1');
    expect(uuidDetector.types).toEqual(['IDENTIFIER']);
  });

  it.each(UUIDS)('finds %s with exact offsets and score 0.9', (uuid) => {
    const text = `request ${uuid} failed`;
    const start = text.indexOf(uuid);
    expect(detect(text)).toEqual([
      {
        start,
        end: start + uuid.length,
        type: 'IDENTIFIER',
        score: 0.9,
        detector: 'uuid',
        explanation: { pattern: 'uuid', validation: 'none', context: [] },
      },
    ]);
  });

  it('includes braces', () => {
    const text = 'CLSID {550E8400-E29B-41D4-A716-446655440000}.';
    const [f] = detect(text);
    expect(text.slice(f!.start, f!.end)).toBe('{550E8400-E29B-41D4-A716-446655440000}');
    expect(f?.explanation.pattern).toBe('uuid-braced');
    expect(found('{550e8400-e29b-41d4-a716-446655440000')).toEqual(['550e8400-e29b-41d4-a716-446655440000']);
  });

  it.each([
    ['urn:uuid:550e8400-e29b-41d4-a716-446655440000', '550e8400-e29b-41d4-a716-446655440000'],
    ['req-550e8400-e29b-41d4-a716-446655440000', '550e8400-e29b-41d4-a716-446655440000'],
    ['/api/v1/users/550e8400-e29b-41d4-a716-446655440000/orders', '550e8400-e29b-41d4-a716-446655440000'],
    ['"550e8400-e29b-41d4-a716-446655440000",', '550e8400-e29b-41d4-a716-446655440000'],
  ])('trims delimiters in %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 🚀 naïve 😀 550e8400-e29b-41d4-a716-446655440000 🆔 {f47ac10b-58cc-4372-a567-0e02b2c3d479}';
    const a = text.indexOf('550e');
    const b = text.indexOf('{f47');
    expect(detect(text).map((f) => [f.start, f.end])).toEqual([
      [a, a + 36],
      [b, b + 38],
    ]);
  });
});

describe('uuidDetector — does not report', () => {
  it.each([
    ['a short group', '550e8400-e29b-41d4-a716-44665544000'],
    ['a long group', '550e8400-e29b-41d4-a716-4466554400000'],
    ['non-hex', '550e8400-e29b-41d4-a716-44665544000g'],
    ['no dashes', '550e8400e29b41d4a716446655440000'],
    ['a glued prefix', 'x550e8400-e29b-41d4-a716-446655440000'],
    ['a longer dashed hex chain', 'ab-550e8400-e29b-41d4-a716-446655440000'],
    ['a longer dashed hex chain (right)', '550e8400-e29b-41d4-a716-446655440000-ff'],
    ['a MAC address', '00-1A-2B-3C-4D-5E'],
    ['a date', '2024-01-15'],
  ])('%s: %j', (_name, text) => {
    expect(detect(text)).toEqual([]);
  });
});

describe('uuidDetector — in the registry', () => {
  it('IPv6, MAC, card, national-id, IMEI and IBAN detectors do not misfire on GUIDs', () => {
    for (const uuid of UUIDS) {
      const text = `id ${uuid} and {${uuid}}`;
      expect(ipAddressDetector.detect(text, ctx)).toEqual([]);
      expect(macAddressDetector.detect(text, ctx)).toEqual([]);
      expect(creditCardDetector.detect(text, ctx)).toEqual([]);
      expect(nationalIdDetector.detect(text, ctx)).toEqual([]);
      expect(deviceIdDetector.detect(text, ctx)).toEqual([]);
      expect(ibanDetector.detect(text, ctx)).toEqual([]);
    }
  });

  it('keeps the whole GUID over anything found inside it', () => {
    for (const region of ['US', 'GB', 'DE', 'FR', 'IN']) {
      const r = createDetectorRegistry([
        phoneDetector, ipAddressDetector, macAddressDetector, creditCardDetector, nationalIdDetector, deviceIdDetector, ibanDetector, uuidDetector,
      ]);
      for (const uuid of UUIDS) {
        const text = `id ${uuid} end`;
        const fs = r.detect(text, { field: 'body', defaultRegion: region });
        expect(fs.map((f) => [f.type, text.slice(f.start, f.end)])).toEqual([['IDENTIFIER', uuid]]);
      }
    }
  });

  it('is reported as IDENTIFIER by the default registry', () => {
    const text = 'Ticket for user 550e8400-e29b-41d4-a716-446655440000 from 10.0.0.1';
    const fs = createDefaultRegistry().detect(text, ctx);
    expect(fs.filter((f) => f.type === 'IDENTIFIER').map((f) => text.slice(f.start, f.end))).toEqual([
      '550e8400-e29b-41d4-a716-446655440000',
    ]);
  });
});

describe('uuidDetector — adversarial input (must complete)', () => {
  const M = 1 << 20;
  it('long hex and dash runs', () => {
    expect(detect('f'.repeat(M))).toEqual([]);
    expect(detect('-'.repeat(M))).toEqual([]);
    expect(detect('abcd-'.repeat(M / 5))).toEqual([]);
    expect(detect('550e8400-e29b-41d4-a716-'.repeat(M / 24))).toEqual([]);
    expect(detect('550e8400-e29b-41d4-a716-446655440000-'.repeat(M / 37))).toEqual([]);
  }, 10_000);
  it('many GUIDs', () => {
    expect(detect('550e8400-e29b-41d4-a716-446655440000 '.repeat(30_000))).toHaveLength(30_000);
  }, 10_000);
});
