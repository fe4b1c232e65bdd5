import { describe, expect, it } from 'vitest';
import { urlDetector } from '../../../shared/detect/detectors/url';

const ctx = { field: 'body', defaultRegion: 'US' };
const found = (text: string) => urlDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('urlDetector', () => {
  it('declares its id, version and type', () => {
    expect(urlDetector.id).toBe('url');
    expect(urlDetector.types).toEqual(['URL']);
  });

  it.each([
    'http://example.com',
    'https://example.com/path/to/page.html?q=1&r=two#frag',
    'HTTPS://EXAMPLE.COM/A',
    'ftp://files.example.com/pub/file.tar.gz',
    'sftp://user@files.example.com:2222/home',
    'ws://localhost:8080/socket',
    'wss://chat.example.com/ws?token=abc123',
    'file:///C:/Users/jane/report.pdf',
    'file://server/share/doc.txt',
    'https://user:p4ss@example.com/admin',
    'http://192.168.0.1:8080/status',
    'http://[2001:db8::1]:8080/x',
    'https://de.wikipedia.org/wiki/Köln',
    'https://example.com/a_(b)',
    'https://en.wikipedia.org/wiki/Foo_(bar)_(baz)',
    'https://example.com/list[1]',
    'https://example.com/?email=john@example.com&id=5',
  ])('finds %j whole', (url) => {
    expect(found(`see ${url} now`)).toEqual([url]);
  });

  it.each([
    ['Visit https://example.com.', 'https://example.com'],
    ['Visit https://example.com/a, then', 'https://example.com/a'],
    ['Is it https://example.com/a?', 'https://example.com/a'],
    ['Go: https://example.com/a!', 'https://example.com/a'],
    ['(see https://example.com/a)', 'https://example.com/a'],
    ['(see https://example.com/a).', 'https://example.com/a'],
    ['[link](https://example.com/page)', 'https://example.com/page'],
    ['(https://en.wikipedia.org/wiki/Foo_(bar))', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['{"u":"https://example.com/x"}', 'https://example.com/x'],
    ["'https://example.com/x'", 'https://example.com/x'],
    ['<https://example.com/x>', 'https://example.com/x'],
    ['`https://example.com/x`', 'https://example.com/x'],
    ['url=https://example.com/x;', 'https://example.com/x'],
    ['https://example.com/x:', 'https://example.com/x'],
    ['[https://example.com/x]', 'https://example.com/x'],
    ['{https://example.com/x}', 'https://example.com/x'],
    ['https://example.com/x))', 'https://example.com/x'],
  ])('strips trailing punctuation in %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['visit www.example.com today', 'www.example.com'],
    ['visit www.example.co.uk.', 'www.example.co.uk'],
    ['(www.example.com/path?x=1)', 'www.example.com/path?x=1'],
    ['WWW.EXAMPLE.COM', 'WWW.EXAMPLE.COM'],
    ['www.example.com:8080/app', 'www.example.com:8080/app'],
  ])('finds www host in %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it('scores scheme URLs above bare www hosts and explains the pattern', () => {
    const [a, b] = urlDetector.detect('https://example.com www.example.org', ctx);
    expect(a?.score).toBe(0.95);
    expect(a?.explanation).toEqual({ pattern: 'https-url', validation: 'passed', context: [] });
    expect(b?.score).toBe(0.85);
    expect(b?.explanation.pattern).toBe('www-host');
  });

  it('does not report a www host twice when it is inside a scheme URL', () => {
    expect(found('https://www.example.com/a and www.example.org')).toEqual(['https://www.example.com/a', 'www.example.org']);
  });

  it.each([
    'no urls here',
    'mailto:john@example.com',
    'javascript://alert(1)',
    'gopher://old.example.com',
    'xhttp://example.com',
    'http://',
    'http:// example.com',
    'https://.',
    'https://:80/',
    'www.example',
    'wwwexample.com',
    'awww.example.com',
    'john@www.example.com',
    'www..com',
    'www.example.c',
    'C:\\www.example.com',
  ])('rejects %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('stops at whitespace', () => {
    expect(found('http://exa mple.com')).toEqual(['http://exa']);
  });

  it('keeps two URLs separated by whitespace apart', () => {
    expect(found('http://a.com\nhttps://b.org/x\thttp://c.net')).toEqual(['http://a.com', 'https://b.org/x', 'http://c.net']);
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Résumé 📎 👉 https://example.com/ç?x=é ok';
    const [f] = urlDetector.detect(text, ctx);
    const start = text.indexOf('https');
    expect(f?.start).toBe(start);
    expect(f?.end).toBe(start + 'https://example.com/ç?x=é'.length);
  });

  it('stops at non-breaking and ideographic spaces', () => {
    expect(found('https://example.com/a\u00a0b')).toEqual(['https://example.com/a']);
    expect(found('https://example.com/a\u3000b')).toEqual(['https://example.com/a']);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    it("'http://' repeated", () => {
      const fs = urlDetector.detect('http://'.repeat(M / 7), ctx);
      expect(fs.length).toBeLessThanOrEqual(1);
    }, 10_000);
    it("'http:// ' repeated", () => {
      expect(urlDetector.detect('http:// '.repeat(M / 8), ctx)).toEqual([]);
    }, 10_000);
    it("'://' and 'www.' runs", () => {
      expect(urlDetector.detect(':'.repeat(M) + '//'.repeat(M / 2), ctx)).toEqual([]);
      expect(urlDetector.detect('www.'.repeat(M / 4), ctx).length).toBeLessThanOrEqual(1);
      expect(urlDetector.detect('www. '.repeat(M / 5), ctx)).toEqual([]);
    }, 10_000);
    it('trailing brackets and dots', () => {
      expect(found('http://x.com/' + ')'.repeat(M))).toEqual(['http://x.com/']);
      expect(found('http://x.com/' + '('.repeat(M / 2) + ')'.repeat(M / 2))).toHaveLength(1);
      expect(found('http://x.com/' + '.'.repeat(M))).toEqual(['http://x.com/']);
      expect(urlDetector.detect('.'.repeat(M), ctx)).toEqual([]);
    }, 10_000);
    it('many short URLs', () => {
      expect(urlDetector.detect('https://a.io/x '.repeat(50_000), ctx)).toHaveLength(50_000);
    }, 10_000);
  });
});
