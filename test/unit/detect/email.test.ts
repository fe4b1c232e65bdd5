import { describe, expect, it } from 'vitest';
import { emailDetector } from '../../../shared/detect/detectors/email';

const ctx = { field: 'body', defaultRegion: 'US' };
const found = (text: string) => emailDetector.detect(text, ctx).map((f) => text.slice(f.start, f.end));

describe('emailDetector', () => {
  it('declares its id, version and type', () => {
    expect(emailDetector.id).toBe('email');
    expect(emailDetector.version).toBe('2');
    expect(emailDetector.types).toEqual(['EMAIL']);
  });

  it.each([
    ['john@example.com', 'john@example.com'],
    ['Contact: john.smith@example.co.uk for details', 'john.smith@example.co.uk'],
    ['first.last+tag@sub.domain.example.org', 'first.last+tag@sub.domain.example.org'],
    ['under_score-dash%pct@my-host.example.io', 'under_score-dash%pct@my-host.example.io'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['JOHN@EXAMPLE.COM', 'JOHN@EXAMPLE.COM'],
    ['12345@numbers.example.net', '12345@numbers.example.net'],
    ['josé@exämple.de', 'josé@exämple.de'],
    ['user@xn--80ak6aa92e.xn--p1ai', 'user@xn--80ak6aa92e.xn--p1ai'],
  ])('finds %j', (text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['Write to john@example.com.', 'john@example.com'],
    ['Write to john@example.com, or not', 'john@example.com'],
    ['(john@example.com)', 'john@example.com'],
    ['<john@example.com>', 'john@example.com'],
    ['"John Smith" <john@example.com>;', 'john@example.com'],
    ['"john@example.com"', 'john@example.com'],
    ["'john@example.com'", 'john@example.com'],
    ['[john@example.com]', 'john@example.com'],
    ['mailto:john@example.com?subject=hi', 'john@example.com'],
    ['email=john@example.com&x=1', 'john@example.com'],
    ['john@example.com!', 'john@example.com'],
    ['john@example.com...', 'john@example.com'],
    ['john@example.com-', 'john@example.com'],
    ['...john@example.com', 'john@example.com'],
    ['john@example.com.123', 'john@example.com'],
    ['john@example..com', 'none'],
  ])('trims punctuation around %j', (text, expected) => {
    expect(found(text)).toEqual(expected === 'none' ? [] : [expected]);
  });

  it('finds several addresses and lists them in order', () => {
    expect(found('a@x.io, b@y.io; c@z.io')).toEqual(['a@x.io', 'b@y.io', 'c@z.io']);
    expect(found('john@example.com\njane@example.org')).toEqual(['john@example.com', 'jane@example.org']);
  });

  it.each([
    'no at sign here',
    '@',
    '@example.com',
    'john@',
    'john@localhost',
    'john@example',
    'john@example.c',
    'john@example.123',
    'lodash@4.17.21',
    'npm i @types/node',
    'icon@2x.png',
    'logo@3x.jpg',
    'john@-example.com',
    'john@example-.com',
    'a @ b.com',
    'twitter handle @john_doe.',
  ])('rejects %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Café 😀 ñ — mail: zoë@example.com 👍';
    const [f] = emailDetector.detect(text, ctx);
    expect(f).toBeDefined();
    const start = text.indexOf('zoë@');
    expect(f?.start).toBe(start);
    expect(f?.end).toBe(start + 'zoë@example.com'.length);
    expect(text.slice(f?.start, f?.end)).toBe('zoë@example.com');
  });

  it('stops the local part at an emoji (astral characters are not letters)', () => {
    const text = '😀john@example.com';
    const [f] = emailDetector.detect(text, ctx);
    expect(f?.start).toBe(2);
    expect(f?.end).toBe(text.length);
  });

  it('fills the finding and explanation', () => {
    const [f] = emailDetector.detect('x john@example.com', ctx);
    expect(f).toEqual({
      start: 2,
      end: 18,
      type: 'EMAIL',
      score: 0.95,
      detector: 'email',
      explanation: { pattern: 'email-address', validation: 'passed', context: [] },
    });
  });

  it('does not report overlapping findings for chained @ signs', () => {
    const fs = emailDetector.detect('a@b.com@c.com', ctx);
    for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
    expect(fs.map((f) => 'a@b.com@c.com'.slice(f.start, f.end))).toEqual(['a@b.com']);
  });

  describe('obfuscated addresses', () => {
    const obf = (text: string) =>
      emailDetector.detect(text, ctx).map((f) => [text.slice(f.start, f.end), f.explanation.pattern, f.score]);

    it.each([
      ['write to john dot smith at gmail dot com please', 'john dot smith at gmail dot com', 0.85],
      ['john(at)example.com', 'john(at)example.com', 0.9],
      ['Mail: john [at] example [dot] com.', 'john [at] example [dot] com', 0.9],
      ['john at example dot com', 'john at example dot com', 0.85],
      ['john{at}example{dot}com', 'john{at}example{dot}com', 0.9],
      ['john AT example DOT com', 'john AT example DOT com', 0.85],
      ['john<at>example<dot>org', 'john<at>example<dot>org', 0.9],
      ['hans(ät)beispiel.de', 'hans(ät)beispiel.de', 0.9],
      ['hans (at) beispiel (punkt) de', 'hans (at) beispiel (punkt) de', 0.9],
      ['jane.doe at example.co.uk', 'jane.doe at example.co.uk', 0.85],
      ['john at mail dot example dot co dot uk', 'john at mail dot example dot co dot uk', 0.85],
      ['(john (at) example (dot) com)', 'john (at) example (dot) com', 0.9],
      ['john(at)exämple.de', 'john(at)exämple.de', 0.9],
      ['j_smith42 [at] example [dot] io', 'j_smith42 [at] example [dot] io', 0.9],
      ['reach me at john dot smith at gmail dot com', 'john dot smith at gmail dot com', 0.85],
      ['john at example dot com dot', 'john at example dot com', 0.85],
    ])('finds %j', (text, expected, score) => {
      expect(obf(text)).toEqual([[expected, 'obfuscated', score]]);
    });

    it('fills the finding and explanation with exact offsets after emoji and accents', () => {
      const text = 'Grüße 😀 — schreib an zoë (at) example (dot) com 👍';
      const [f] = emailDetector.detect(text, ctx);
      const start = text.indexOf('zoë');
      expect(f).toEqual({
        start,
        end: start + 'zoë (at) example (dot) com'.length,
        type: 'EMAIL',
        score: 0.9,
        detector: 'email',
        explanation: { pattern: 'obfuscated', validation: 'passed', context: [] },
      });
    });

    it('keeps the @ address when an obfuscated reading overlaps it', () => {
      expect(obf('Email me at john@example.com or john at example dot org.')).toEqual([
        ['john@example.com', 'email-address', 0.95],
        ['john at example dot org', 'obfuscated', 0.85],
      ]);
      expect(obf('john@example.com at example dot com')).toEqual([['john@example.com', 'email-address', 0.95]]);
    });

    it.each([
      'meet at the office dot',
      'meet at the office dot com',
      'look at example dot com',
      'look at example.com',
      'Have a look at report.pdf',
      'jane at report.pdf',
      'I am at home.',
      'arrived at 10.30 today',
      'call me at 5 dot 30',
      'Reach us at support dot example dot com.',
      'Zoe at john dot smith',
      'we met at noon. Thanks',
      'email me at your convenience',
      'the file is at C:\\temp',
      'john at example',
      'john at example dot c',
      'john at example dot 123',
      'john(at)',
      '(at)example.com',
      'john at example dot notatld',
      'catalog at',
      // stack traces and logs
      'Error 0x80070005 at System.IO.FileStream..ctor(String path)',
      'Unhandled exception at MyApp.Services.UserService.Get() line 12',
      'System.IO.IOException thrown at Contoso.Web.Api',
      'Fatal error at AppDelegate.swift line 42',
      'NullReferenceException at Contoso.Orders.dll',
      'worker at pool.take(queue)',
    ])('rejects %j', (text) => {
      expect(found(text)).toEqual([]);
    });

    it('accepts any 2-24 letter TLD with brackets, only common TLDs with the bare word "dot"', () => {
      expect(found('john [at] example [dot] museum')).toEqual(['john [at] example [dot] museum']);
      expect(found('john at example dot museum')).toEqual([]);
      expect(found('john at example.museum')).toEqual(['john at example.museum']);
    });

    it('still finds a capitalised address and one with digits after " at "', () => {
      expect(found('John.Smith at Contoso.com')).toEqual(['John.Smith at Contoso.com']);
      expect(found('write to jsmith2 at mail.example.org')).toEqual(['jsmith2 at mail.example.org']);
    });

    it('finds several obfuscated addresses in a realistic ticket', () => {
      const text =
        'Hallo, bitte antworten Sie an m.mueller (at) firma (punkt) de oder an meinen Kollegen ' +
        'john dot smith at gmail dot com. We looked at the logs at 10.30 and will meet at the office.';
      expect(found(text)).toEqual(['m.mueller (at) firma (punkt) de', 'john dot smith at gmail dot com']);
    });
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    it("'a@' repeated", () => {
      expect(emailDetector.detect('a@'.repeat(M / 2), ctx)).toEqual([]);
    }, 10_000);
    it("'a@b.' repeated", () => {
      const fs = emailDetector.detect('a@b.'.repeat(M / 4), ctx);
      expect(fs.length).toBeLessThanOrEqual(1);
    }, 10_000);
    it("'a@b.cc ' repeated finds every address", () => {
      expect(emailDetector.detect('a@b.cc '.repeat(100_000), ctx)).toHaveLength(100_000);
    }, 10_000);
    it('long local part, long domain, long runs of dots and at signs', () => {
      expect(found('x'.repeat(M) + '@example.com')).toHaveLength(1);
      expect(emailDetector.detect('a@' + 'b.'.repeat(M / 2), ctx)).toEqual([]);
      expect(emailDetector.detect('.'.repeat(M) + '@' + '.'.repeat(M), ctx)).toEqual([]);
      expect(emailDetector.detect('@'.repeat(M), ctx)).toEqual([]);
      expect(emailDetector.detect('a@b'.repeat(M / 3), ctx)).toEqual([]);
    }, 10_000);
    it('repeated obfuscation anchors', () => {
      const big = (chunk: string) => chunk.repeat(Math.ceil(M / chunk.length));
      expect(emailDetector.detect(big(' at '), ctx)).toEqual([]);
      expect(emailDetector.detect(big('a at b dot '), ctx)).toEqual([]);
      expect(emailDetector.detect(big('a(at)b(dot)'), ctx)).toEqual([]);
      expect(emailDetector.detect(big(' dot at dot '), ctx)).toEqual([]);
      expect(emailDetector.detect('x'.repeat(M) + ' at example dot com', ctx)).toEqual([]);
      expect(emailDetector.detect('john at ' + 'example dot '.repeat(M / 12) + 'com', ctx)).toEqual([]);
      expect(emailDetector.detect(big('The quick brown fox jumps at the lazy dog. '), ctx)).toEqual([]);
    }, 10_000);
    it("'john at example dot com ' repeated finds every address", () => {
      expect(emailDetector.detect('john at example dot com '.repeat(40_000), ctx)).toHaveLength(40_000);
    }, 10_000);
  });
});
