import { describe, expect, it } from 'vitest';
import { macAddressDetector } from '../../../shared/detect/detectors/mac-address';

const ctx = { field: 'body', defaultRegion: 'US' };
const detect = (text: string) => macAddressDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('macAddressDetector — finds', () => {
  it('declares its id, version and type', () => {
    expect(macAddressDetector.id).toBe('mac-address');
    expect(macAddressDetector.version).toBe('1');
    expect(macAddressDetector.types).toEqual(['MAC_ADDRESS']);
  });

  it.each([
    ['00:1A:2B:3C:4D:5E', 'mac-colon'],
    ['00:1a:2b:3c:4d:5e', 'mac-colon'],
    ['00-1A-2B-3C-4D-5E', 'mac-dash'],
    ['001A.2B3C.4D5E', 'mac-cisco'],
    ['001a.2b3c.4d5e', 'mac-cisco'],
    ['a4:83:e7:12:34:56', 'mac-colon'],
  ])('finds %j (%s) with exact offsets and score 0.9', (mac, pattern) => {
    const text = `device ${mac} joined`;
    const start = text.indexOf(mac);
    expect(detect(text)).toEqual([
      {
        start,
        end: start + mac.length,
        type: 'MAC_ADDRESS',
        score: 0.9,
        detector: 'mac-address',
        explanation: { pattern, validation: 'none', context: [] },
      },
    ]);
  });

  it.each([
    ['MAC:00:1A:2B:3C:4D:5E', '00:1A:2B:3C:4D:5E'],
    ['hwaddr=00-1a-2b-3c-4d-5e;', '00-1a-2b-3c-4d-5e'],
    ['(00:1A:2B:3C:4D:5E)', '00:1A:2B:3C:4D:5E'],
    ['"00:1A:2B:3C:4D:5E",', '00:1A:2B:3C:4D:5E'],
    ['at 00:1A:2B:3C:4D:5E.', '00:1A:2B:3C:4D:5E'],
    ['ether 00:1a:2b:3c:4d:5e: link up', '00:1a:2b:3c:4d:5e'],
  ])('trims delimiters in %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('raises the score for MAC words', () => {
    const [f] = detect('MAC address: 00:1A:2B:3C:4D:5E');
    expect(f?.score).toBe(0.95);
    expect(f?.explanation.context).toEqual([{ word: 'mac', effect: 0.05 }]);
  });

  it('gives all-decimal addresses 0.6, or 0.9 next to a MAC word', () => {
    expect(detect('12-34-56-78-90-12')[0]?.score).toBe(0.6);
    expect(detect('1234.5678.9012')[0]?.score).toBe(0.6);
    const [f] = detect('BSSID 12:34:56:78:90:12');
    expect(f?.score).toBe(0.9);
    expect(f?.explanation.context).toEqual([{ word: 'bssid', effect: 0.3 }]);
  });

  it('finds several addresses', () => {
    expect(found('00:1A:2B:3C:4D:5E, 00-1a-2b-3c-4d-5f and 001a.2b3c.4d60')).toEqual([
      '00:1A:2B:3C:4D:5E',
      '00-1a-2b-3c-4d-5f',
      '001a.2b3c.4d60',
    ]);
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 🚀 naïve 😀 00:1A:2B:3C:4D:5E 📶 001a.2b3c.4d5e';
    const a = text.indexOf('00:1A');
    const b = text.indexOf('001a');
    expect(detect(text).map((f) => [f.start, f.end])).toEqual([
      [a, a + 17],
      [b, b + 14],
    ]);
  });
});

describe('macAddressDetector — does not report', () => {
  it.each([
    ['a time', '12:30:45'],
    ['a timestamp', '2024-01-15T12:30:45.123Z 2024-01-15 12:30:45'],
    ['an IPv6 address', '2001:db8::1 fe80::21a:2bff:fe3c:4d5e'],
    ['an IPv6 address ending in six 2-hex groups', 'fe80::1:00:1a:2b:3c:4d:5e'],
    ['an IPv6 address starting with six 2-hex groups', '00:1a:2b:3c:4d:5e::1'],
    ['a compressed IPv6 address with six 2-hex groups', '::00:1a:2b:3c:4d:5e'],
    ['an 8-group colon string', '12:34:56:78:9a:bc:de:f0'],
    ['seven groups', '00:1A:2B:3C:4D:5E:6F'],
    ['five groups', '00:1A:2B:3C:4D'],
    ['mixed separators', '00:1A-2B:3C:4D:5E'],
    ['a glued prefix', 'x00:1A:2B:3C:4D:5E'],
    ['a glued suffix', '00:1A:2B:3C:4D:5Eg'],
    ['non-hex', '00:1G:2B:3C:4D:5E'],
    ['a longer dashed chain', 'ab-00-1A-2B-3C-4D-5E'],
    ['a longer Cisco chain', '001a.2b3c.4d5e.6f70'],
    ['the broadcast address', 'ff:ff:ff:ff:ff:ff'],
    ['the zero address', '00-00-00-00-00-00'],
    ['a GUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a version number', 'version 1.2.3.4 build 1234.5678'],
    ['a date', '2024-01-15'],
    ['a card number', '4111-1111-1111-1111'],
  ])('%s: %j', (_name, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('macAddressDetector — adversarial input (must complete)', () => {
  const M = 1 << 20;
  it('long colon, hex, dash and dot runs', () => {
    expect(detect(':'.repeat(M))).toEqual([]);
    expect(detect('f'.repeat(M))).toEqual([]);
    expect(detect('a1:'.repeat(M / 3))).toEqual([]);
    expect(detect('a1-'.repeat(M / 3))).toEqual([]);
    expect(detect('abcd.'.repeat(M / 5))).toEqual([]);
    expect(detect('-.:'.repeat(M / 3))).toEqual([]);
    expect(detect('00:1A:2B:3C:4D:5E:'.repeat(M / 18))).toEqual([]);
  }, 10_000);
  it('many addresses', () => {
    expect(detect('00:1A:2B:3C:4D:5E '.repeat(50_000))).toHaveLength(50_000);
  }, 10_000);
  it('separator prefilter: times, dates and IPs never reach the regexes, every notation still does', () => {
    expect(found('at 12:30:45 on 2024-01-02 from 10.1.2.3')).toEqual([]);
    expect(found('a-b-c-d-e-f')).toEqual([]);
    expect(found('mac 00-1A-2B-3C-4D-5E')).toEqual(['00-1A-2B-3C-4D-5E']);
    expect(found('cisco 001a.2b3c.4d5e')).toEqual(['001a.2b3c.4d5e']);
  });
});
