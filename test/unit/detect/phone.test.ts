import { describe, expect, it } from 'vitest';
import { phoneDetector } from '../../../shared/detect/detectors/phone';

const detect = (text: string, defaultRegion = 'US') => phoneDetector.detect(text, { field: 'body', defaultRegion });
const found = (text: string, defaultRegion = 'US') => detect(text, defaultRegion).map((f) => text.slice(f.start, f.end));

/** [number as written, its region] — national formats. */
const NATIONAL: [string, string][] = [
  ['(202) 555-0143', 'US'],
  ['202-555-0143', 'US'],
  ['202.555.0143', 'US'],
  ['1-800-555-0199', 'US'],
  ['020 7946 0958', 'GB'],
  ['07911 123456', 'GB'],
  ['0161 496 0000', 'GB'],
  ['030 901820', 'DE'],
  ['0151 12345678', 'DE'],
  ['030/901820', 'DE'],
  ['01 42 68 53 00', 'FR'],
  ['06 12 34 56 78', 'FR'],
  ['01.42.68.53.00', 'FR'],
  ['912 34 56 78', 'ES'],
  ['612 345 678', 'ES'],
  ['98765 43210', 'IN'],
  ['098765 43210', 'IN'],
  ['022 2345 6789', 'IN'],
  ['0412 345 678', 'AU'],
  ['(02) 9876 5432', 'AU'],
  ['02 9876 5432', 'AU'],
];

const INTERNATIONAL = [
  '+1 202 555 0143',
  '+1-202-555-0143',
  '+1 (202) 555-0143',
  '+44 20 7946 0958',
  '+44 (0) 20 7946 0958',
  '(+44) 20 7946 0958',
  '+44 7911 123456',
  '+442079460958',
  '+49 30 901820',
  '+49 (0)30 901820',
  '+49 151 12345678',
  '+33 1 42 68 53 00',
  '+33 6 12 34 56 78',
  '+34 912 34 56 78',
  '+34 612 34 56 78',
  '+91 98765 43210',
  '+91-22-2345-6789',
  '+61 4 1234 5678',
  '+61 412 345 678',
  '+61 2 9876 5432',
];

describe('phoneDetector', () => {
  it('declares its id, version and type', () => {
    expect(phoneDetector.id).toBe('phone');
    expect(phoneDetector.types).toEqual(['PHONE']);
  });

  describe('national formats in their own region', () => {
    it.each(NATIONAL)('finds %j in %s with a high score', (number, region) => {
      const text = `Reach me on ${number} after 5`;
      const fs = detect(text, region);
      expect(fs.map((f) => text.slice(f.start, f.end))).toEqual([number]);
      expect(fs[0]!.score).toBeGreaterThanOrEqual(0.85);
      expect(fs[0]!.explanation.validation).toBe('passed');
      expect(fs[0]!.explanation.pattern).toBe('national');
    });
  });

  describe('national formats with a non-matching default region', () => {
    it.each(NATIONAL)('never reports %j (from %s) with a high score in US, GB, ES or AU', (number, home) => {
      for (const region of ['US', 'GB', 'ES', 'AU'].filter((r) => r !== home)) {
        for (const f of detect(`Reach me on ${number} after 5`, region)) {
          expect(f.score, `${number} in ${region}`).toBeLessThan(0.85);
        }
      }
    });

    it('reports foreign national numbers high only when libphonenumber validates them for the default region', () => {
      // The DE, FR and IN plans are dense: some foreign national numbers are valid national numbers there too.
      for (const [number, home] of NATIONAL) {
        for (const region of ['DE', 'FR', 'IN'].filter((r) => r !== home)) {
          for (const f of detect(number, region)) {
            if (f.score >= 0.85) expect(f.explanation).toMatchObject({ pattern: 'national', validation: 'passed' });
          }
        }
      }
      expect(detect('912 34 56 78', 'FR')[0]?.explanation.pattern).toBe('national');
    });

    it('reports trunk-prefixed national numbers valid in another supported region at 0.6, naming it', () => {
      const [f] = detect('030 901820', 'US');
      expect(f?.score).toBe(0.6);
      expect(f?.explanation.pattern).toBe('national-other-region:DE');
      expect(found('020 7946 0958', 'US')).toEqual(['020 7946 0958']);
      expect(detect('020 7946 0958', 'US')[0]?.explanation.pattern).toBe('national-other-region:GB');
      expect(detect('(202) 555-0143', 'FR')[0]?.explanation.pattern).toBe('national-other-region:US');
    });

    it('does not report national numbers without a trunk prefix that are invalid in the default region', () => {
      expect(found('912 34 56 78', 'US')).toEqual([]);
      expect(found('612 345 678', 'US')).toEqual([]);
      expect(found('98765 43210', 'US')).toEqual([]);
    });

    it('reads a 00 international prefix only where 00 is the international access code', () => {
      for (const region of ['GB', 'DE', 'FR', 'ES', 'IN']) {
        expect(detect('0044 20 7946 0958', region)[0]?.explanation.pattern).toBe('international');
      }
      // In the US the access code is 011: 0044... is then read as a (foreign) national number at best.
      expect(detect('0044 20 7946 0958', 'US')[0]?.score ?? 0).toBeLessThan(0.85);
      expect(found('011 44 20 7946 0958', 'US')).toEqual(['011 44 20 7946 0958']);
    });

    it('only uses international numbers when the default region is unknown', () => {
      expect(found('+44 20 7946 0958', '')).toEqual(['+44 20 7946 0958']);
      expect(found('+44 20 7946 0958', 'XX')).toEqual(['+44 20 7946 0958']);
      expect(detect('020 7946 0958', 'XX')[0]?.score).toBe(0.6);
    });
  });

  describe('international formats', () => {
    it.each(INTERNATIONAL)('finds %j regardless of region', (number) => {
      for (const region of ['US', 'GB', 'DE', 'FR', 'ES', 'IN', 'AU']) {
        const text = `Phone number: ${number}.`;
        const fs = detect(text, region);
        expect(fs.map((f) => text.slice(f.start, f.end))).toEqual([number]);
        expect(fs[0]!.score).toBeGreaterThanOrEqual(0.85);
        expect(fs[0]!.explanation.pattern).toBe('international');
      }
    });
  });

  describe('fictional / unassigned North-American numbers', () => {
    it('reports (555) 123-4567 and 555.123.4567 as possible, low score, failed validation', () => {
      for (const n of ['(555) 123-4567', '555.123.4567', '555-123-4567']) {
        const [f] = detect(`x ${n} y`, 'US');
        expect(f?.score).toBe(0.5);
        expect(f?.explanation.validation).toBe('failed');
        expect(f?.explanation.pattern).toBe('nanp-possible');
      }
    });

    it('raises them with a phone word', () => {
      const [f] = detect('Call (555) 123-4567', 'US');
      expect(f?.score).toBe(0.75);
      expect(f?.explanation.context).toEqual([{ word: 'call', effect: 0.25 }]);
    });
  });

  describe('context words', () => {
    it.each([
      ['phone', 'Phone: 020 7946 0958'],
      ['tel', 'Tel. 020 7946 0958'],
      ['mobile', 'mobile 020 7946 0958'],
      ['cell', 'cell: 020 7946 0958'],
      ['call', 'please call 020 7946 0958'],
      ['fax', 'FAX 020 7946 0958'],
      ['☎', '☎ 020 7946 0958'],
    ])('records the %j bonus', (word, text) => {
      const [f] = detect(text, 'GB');
      expect(f?.score).toBe(0.95);
      expect(f?.explanation.context).toEqual([{ word, effect: 0.05 }]);
    });

    it('lowers unseparated numbers labelled as identifiers', () => {
      const [order] = detect('Order 4155552671 shipped', 'US');
      expect(order?.score).toBeLessThan(0.5);
      expect(order?.explanation.context).toEqual([{ word: 'order', effect: -0.45 }]);
      const [invoice] = detect('invoice no. 4155552671', 'US');
      expect(invoice?.score).toBeLessThan(0.5);
      const [hash] = detect('#4155552671', 'US');
      expect(hash?.score).toBeLessThan(0.5);
      expect(hash?.explanation.context).toEqual([{ word: '#', effect: -0.45 }]);
    });

    it('keeps a phone word when an identifier word is further away', () => {
      const [f] = detect('Ticket 12345: call 020 7946 0958', 'GB');
      expect(f?.score).toBe(0.95);
    });

    it('scores a validated unseparated national number 0.85 and names it', () => {
      const [f] = detect('ring 0412345678', 'AU');
      expect(f?.score).toBe(0.85);
      expect(f?.explanation.pattern).toBe('national-unformatted');
    });
  });

  describe('false positives it avoids', () => {
    it.each([
      ['2024-01-15', 'DE'],
      ['2024-01-15 10:30', 'DE'],
      ['2024/01/15', 'DE'],
      ['15/01/2024', 'FR'],
      ['15.01.2024', 'DE'],
      ['01-15-2024', 'US'],
      ['2019-2024', 'DE'],
      ['10:30:45', 'DE'],
      ['192.168.100.200', 'DE'],
      ['10.0.0.1:8080', 'DE'],
      ['10.0.19041.1', 'DE'],
      ['Windows 10.0.19041.1', 'US'],
      ['v2.3.4567.8901', 'US'],
      ['1.2.3.4567', 'US'],
      ['4111 1111 1111 1111', 'US'],
      ['4111-1111-1111-1111', 'DE'],
      ['4111111111111111', 'DE'],
      ['3782 822463 10005', 'US'],
      ['12345678901234567890', 'DE'],
      ['ABC-202-555-0143', 'US'],
      ['SKU202-555-0143', 'US'],
      ['202-555-0143abc', 'US'],
      ['202-555-0143-77', 'US'],
      ['1,234,567', 'DE'],
      ['$202 555 0143', 'US'],
      ['99.5%', 'US'],
      ['3.14159265', 'DE'],
      ['1 000 000', 'FR'],
      ['12 34 56 78 90', 'US'],
      ['12345', 'US'],
      ['0x4155552671', 'US'],
    ])('does not report %j (%s)', (text, region) => {
      expect(found(text, region)).toEqual([]);
    });

    it('finds the phone next to a date and a time', () => {
      expect(found('On 2024-01-15 10:30 call 020 7946 0958', 'GB')).toEqual(['020 7946 0958']);
    });

    it('splits a run of numbers at spaces to find the phone inside', () => {
      expect(found('Ticket 12345 020 7946 0958 resolved', 'GB')).toEqual(['020 7946 0958']);
    });

    it('finds several numbers in one text', () => {
      const text = 'UK +44 20 7946 0958, US (202) 555-0143; AU 0412 345 678.';
      expect(found(text, 'US')).toEqual(['+44 20 7946 0958', '(202) 555-0143', '0412 345 678']);
    });
  });

  describe('extensions', () => {
    it.each([
      ['(202) 555-0143x1234', 'US'],
      ['(202)555-0143x12', 'US'],
      ['202-555-0143 x 12', 'US'],
      ['202.555.0143 ext. 12', 'US'],
      ['202-555-0143 ext 12345', 'US'],
      ['+1-202-555-0143x62406', 'US'],
      ['020 7946 0958 extension 4', 'GB'],
      ['(555) 123-4567x89', 'US'],
    ])('covers the extension of %j (%s)', (number, region) => {
      const text = `Reach me on ${number} after 5`;
      expect(found(text, region)).toEqual([number]);
    });

    it('does not take a following word or a longer digit string as an extension', () => {
      expect(found('202-555-0143 xylophone', 'US')).toEqual(['202-555-0143']);
      expect(found('202-555-0143 x 1234567', 'US')).toEqual(['202-555-0143']);
      expect(found('202-555-0143 extra', 'US')).toEqual(['202-555-0143']);
    });
  });

  describe('North-American numbers dialled with 00 1', () => {
    it('reads 001-ddd-ddd-dddd as +1', () => {
      const [f] = detect('Fax: 001-202-555-0143', 'US');
      expect(f?.explanation.pattern).toBe('international');
      expect(f?.score).toBeGreaterThanOrEqual(0.85);
      expect(found('001-202-555-0143x77 is the fax', 'US')).toEqual(['001-202-555-0143x77']);
    });

    it('reports an unassigned 001 number as possible', () => {
      const [f] = detect('x 001-555-123-4567 y', 'US');
      expect(f?.score).toBe(0.5);
      expect(f?.explanation.validation).toBe('failed');
    });
  });

  describe('numbers named a phone by their context only', () => {
    it.each([
      'You can call 785 8949',
      "They're not answering at 9493 7477",
      'Phone: 88 165 40 96',
      'call (88) 684-334 today',
      'Tel. 50-98-28-96',
      'mobile 61 51 81',
    ])('reports the grouped number in %j at 0.75', (text) => {
      const fs = detect(text, 'US');
      expect(fs).toHaveLength(1);
      expect(fs[0]!.score).toBe(0.75);
      expect(fs[0]!.explanation).toMatchObject({ pattern: 'phone-shaped-with-context', validation: 'failed' });
      expect(text.slice(fs[0]!.end)).not.toMatch(/\d/);
    });

    it.each([
      ['9885 1152-Office', '9885 1152', 'office'],
      ['9885 1152 office\nnext line', '9885 1152', 'office'],
      ['3732695155-Fax', '3732695155', 'fax'],
      ['92 34 70 (mobile)', '92 34 70', 'mobile'],
    ])('reads a phone label after the number: %j', (text, number, word) => {
      const fs = detect(text, 'US');
      expect(fs.map((f) => text.slice(f.start, f.end))).toEqual([number]);
      expect(fs[0]!.explanation.context).toEqual([{ word, effect: 0.25 }]);
    });

    it.each([
      '785 8949',
      'We have 785 8949 users',
      'Order 9885 1152 office',
      'Please call about order 12345678',
      'call re ticket #9885 1152',
      '#9885 1152 office',
      'Room 9885 1152 office hours',
      'call me at 10:30',
      'call 12 03 24',
      'Phone: 2024-01-15',
      'call 12 34 5',
      'Tel 1591.78.30.130',
      'call 1.2.3.4567',
    ])('does not report %j', (text) => {
      expect(found(text, 'US')).toEqual([]);
    });
  });

  it('does not read malformed dotted quads as phone numbers', () => {
    for (const ip of ['1591.78.30.130', '1021.196.248.9', '1001.90.147.14']) {
      expect(found(`a connection from ${ip} at 09:20`, 'US')).toEqual([]);
    }
    // A dotted 4-group number with a trunk 0 is still a phone number.
    expect(found('Call 0470.12.34.56', 'BE')).toEqual(['0470.12.34.56']);
  });

  it('gives the same results when numbers repeat across calls (shared cache)', () => {
    const text = 'Call +44 20 7946 0958 or (202) 555-0143; fax 020 7946 0958.';
    const first = detect(text, 'GB');
    for (let i = 0; i < 3; i++) expect(detect(text, 'GB')).toEqual(first);
    // Cached per region: the same national number reads differently elsewhere.
    expect(detect('020 7946 0958', 'GB')[0]?.explanation.pattern).toBe('national');
    expect(detect('020 7946 0958', 'US')[0]?.explanation.pattern).toBe('national-other-region:GB');
    expect(detect('020 7946 0958', 'GB')[0]?.explanation.pattern).toBe('national');
  });

  it('reports exact UTF-16 offsets after emoji and accents', () => {
    const text = 'Zoë 📞 Téléphone : +33 1 42 68 53 00 🙂';
    const [f] = detect(text, 'FR');
    const start = text.indexOf('+33');
    expect(f?.start).toBe(start);
    expect(f?.end).toBe(start + '+33 1 42 68 53 00'.length);
    expect(f?.explanation.context).toEqual([{ word: 'téléphone', effect: 0.05 }]);
  });

  it('fills the finding', () => {
    const [f] = detect('+44 20 7946 0958', 'GB');
    expect(f).toEqual({
      start: 0,
      end: 16,
      type: 'PHONE',
      score: 0.9,
      detector: 'phone',
      explanation: { pattern: 'international', validation: 'passed', context: [] },
    });
  });

  it('returns nothing for text without digits', () => {
    expect(detect('no numbers at all', 'US')).toEqual([]);
  });

  describe('adversarial input (must complete)', () => {
    const M = 1 << 20;
    it('long digit runs', () => {
      expect(detect('1'.repeat(M))).toEqual([]);
      expect(detect('4'.repeat(M), 'DE')).toEqual([]);
    }, 10_000);
    it('long separator-joined digit runs', () => {
      expect(detect('1-'.repeat(M / 2))).toEqual([]);
      expect(detect('1.'.repeat(M / 2))).toEqual([]);
      expect(detect('1 '.repeat(M / 2), 'FR')).toEqual([]);
      expect(detect('(1) '.repeat(M / 4))).toEqual([]);
      expect(detect('+1 '.repeat(M / 3))).toEqual([]);
    }, 10_000);
    it('dots, parentheses and pluses', () => {
      expect(detect('.'.repeat(M))).toEqual([]);
      expect(detect('('.repeat(M / 2) + ')'.repeat(M / 2))).toEqual([]);
      expect(detect('+'.repeat(M))).toEqual([]);
    }, 10_000);
    it('1 MB of random phone-like digit groups', () => {
      let seed = 42;
      const digit = () => ((seed = (seed * 48271) % 2147483647) % 10).toString();
      const parts: string[] = [];
      let len = 0;
      while (len < M) {
        const g = Array.from({ length: 2 + (len % 3) }, digit).join('');
        parts.push(g);
        len += g.length + 1;
      }
      const text = parts.join(' ');
      const fs = detect(text, 'FR');
      for (let i = 1; i < fs.length; i++) expect(fs[i]!.start).toBeGreaterThanOrEqual(fs[i - 1]!.end);
    }, 10_000);
    it('many real numbers', () => {
      const fs = detect('+44 20 7946 0958, '.repeat(20_000), 'US');
      expect(fs).toHaveLength(20_000);
    }, 10_000);
  });
});
