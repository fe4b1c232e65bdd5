import { describe, expect, it } from 'vitest';
import { ipAddressDetector } from '../../../shared/detect/detectors/ip-address';

const ctx = { field: 'body', defaultRegion: 'US' };
const detect = (text: string) => ipAddressDetector.detect(text, ctx);
const found = (text: string) => detect(text).map((f) => text.slice(f.start, f.end));

describe('ipAddressDetector — IPv4', () => {
  it('declares its id, version and type', () => {
    expect(ipAddressDetector.id).toBe('ip-address');
    expect(ipAddressDetector.types).toEqual(['IP_ADDRESS']);
  });

  it.each([
    ['192.168.1.1', '192.168.1.1'],
    ['client 10.0.0.254 connected', '10.0.0.254'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['(8.8.8.8)', '8.8.8.8'],
    ['"203.0.113.7",', '203.0.113.7'],
    ['ip=198.51.100.23&x', '198.51.100.23'],
    ['from 203.0.113.7.', '203.0.113.7'],
    ['user@203.0.113.7', '203.0.113.7'],
    ['range 10.0.0.1-10.0.0.9', '10.0.0.1'],
    ['10.1.2.0/24', '10.1.2.0'],
  ])('finds %j', (text, expected) => {
    expect(found(text)[0]).toBe(expected);
  });

  it('scores a plain address 0.85 with pattern ipv4', () => {
    const [f] = detect('seen at 203.0.113.7 done');
    expect(f).toMatchObject({ type: 'IP_ADDRESS', detector: 'ip-address', score: 0.85 });
    expect(f?.explanation).toEqual({ pattern: 'ipv4', validation: 'passed', context: [] });
  });

  it('raises the score for network words and records them', () => {
    const [f] = detect('Server IP: 203.0.113.7');
    expect(f?.score).toBeCloseTo(0.95);
    expect(f?.explanation.context).toEqual([{ word: 'ip', effect: 0.1 }]);
  });

  it('covers the address but not the port, and names the pattern', () => {
    const text = 'connect to 10.0.0.1:8080 now';
    const [f] = detect(text);
    expect(text.slice(f!.start, f!.end)).toBe('10.0.0.1');
    expect(f?.explanation.pattern).toBe('ipv4-with-port');
    expect(detect('10.0.0.1:99999')[0]?.explanation.pattern).toBe('ipv4');
  });

  it.each([
    '1.2.3.4.5',
    'a 1.2.3.4.5.6.7 b',
    '256.1.1.1',
    '1.2.3.999',
    '1.2.3',
    '1..2.3.4',
    'v1.2.3.4',
    'abc1.2.3.4',
    'deadbeef1.2.3.4',
    '1.2.3.4abc',
    '1.2.3.4.in-addr.arpa',
    'host.10.0.0.1',
    '1234.1.1.1',
    'Windows 10.0.19041.1',
    'version 10.0.19041.1',
    '10.0.0.1000',
  ])('does not report %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('gives leading-zero quads a low score and a failed validation', () => {
    const [f] = detect('01.02.03.04');
    expect(f?.score).toBeLessThan(0.5);
    expect(f?.explanation.pattern).toBe('ipv4-leading-zero');
    expect(f?.explanation.validation).toBe('failed');
  });

  it.each([
    ['version 1.2.3.4', 'version'],
    ['Version: 1.2.3.4', 'version'],
    ['build 10.0.0.1', 'build'],
    ['Build 10.1.2.3', 'build'],
    ['ver. 1.2.3.4', 'ver'],
    ['v 1.2.3.4', 'v'],
    ['release 4.3.2.1', 'release'],
    ['KB 1.0.0.1', 'kb'],
    ['Chrome/120.0.0.0 Safari', 'chrome'],
    ['Windows 10.0.0.1', 'windows'],
  ])('treats %j as a version (score well below 0.5)', (text, word) => {
    const fs = detect(text);
    expect(fs).toHaveLength(1);
    expect(fs[0]!.score).toBeLessThan(0.3);
    expect(fs[0]!.explanation.context).toEqual([{ word, effect: -0.7 }]);
  });

  it('only looks at words immediately before the address', () => {
    const [f] = detect('Version notes say: moved server to 10.0.0.5');
    expect(f?.score).toBeGreaterThanOrEqual(0.85);
    const [g] = detect('xversion 10.0.0.5');
    expect(g?.score).toBeGreaterThanOrEqual(0.85);
  });
});

describe('ipAddressDetector — IPv6', () => {
  it.each([
    '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
    '2001:db8:85a3::8a2e:370:7334',
    '2001:db8::1',
    '::1',
    'fe80::1',
    'FE80::ABCD:1',
    '2001:db8::',
    '::ffff:192.0.2.1',
    '64:ff9b::192.0.2.33',
    '1:2:3:4:5:6:7:8',
    '1::8',
  ])('finds %j', (addr) => {
    expect(found(`addr ${addr} end`)).toEqual([addr]);
  });

  it('includes a zone id', () => {
    const text = 'ping fe80::1%eth0 now';
    const [f] = detect(text);
    expect(text.slice(f!.start, f!.end)).toBe('fe80::1%eth0');
    expect(f?.explanation.pattern).toBe('ipv6-zone');
  });

  it('reports an IPv4-mapped address once, as IPv6', () => {
    const fs = detect('src ::ffff:192.0.2.1 dst');
    expect(fs).toHaveLength(1);
    expect(fs[0]?.explanation.pattern).toBe('ipv6-ipv4-embedded');
  });

  it.each([
    ['[2001:db8::1]:443', '2001:db8::1'],
    ['IP:fe80::1', 'fe80::1'],
    ['code:fe80::1', 'fe80::1'],
    ['(2001:db8::1),', '2001:db8::1'],
    ['at 2001:db8::1.', '2001:db8::1'],
    ['at 2001:db8::1: refused', '2001:db8::1'],
  ])('trims delimiters in %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    'std::map<int>',
    'Foo::Bar',
    'a::b',
    'dead::beef',
    '::',
    '12:30:45',
    'at 10:30',
    '00:1A:2B:3C:4D:5E',
    '1:2:3:4:5:6:7:8:9',
    '2001:db8::g1',
    '1::2::3',
    'xfe80::1',
    '2024-01-15T10:30:00.000Z',
  ])('does not report %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('ipAddressDetector — offsets and robustness', () => {
  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 🚀 naïve → 203.0.113.9 and 😀 2001:db8::7';
    const fs = detect(text);
    const a = text.indexOf('203.');
    const b = text.indexOf('2001:');
    expect(fs.map((f) => [f.start, f.end])).toEqual([
      [a, a + '203.0.113.9'.length],
      [b, b + '2001:db8::7'.length],
    ]);
  });

  it('returns nothing without dots or colons', () => {
    expect(detect('no addresses 12345')).toEqual([]);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    it('long digit runs and dot runs', () => {
      expect(detect('1'.repeat(M))).toEqual([]);
      expect(detect('.'.repeat(M))).toEqual([]);
      expect(detect('1.'.repeat(M / 2))).toEqual([]);
      expect(detect('1.2.3.4.'.repeat(M / 8))).toEqual([]);
    }, 10_000);
    it('long colon and hex runs', () => {
      expect(detect(':'.repeat(M))).toEqual([]);
      expect(detect('a1:'.repeat(M / 3))).toEqual([]);
      expect(detect('::1'.repeat(M / 3))).toEqual([]);
      expect(detect('f'.repeat(M) + '::1')).toEqual([]);
    }, 10_000);
    it('many addresses', () => {
      expect(detect('10.0.0.1 '.repeat(100_000))).toHaveLength(100_000);
      expect(detect('::1 '.repeat(100_000))).toHaveLength(100_000);
    }, 10_000);
  });
});
