import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SurvivalIndex, type SurvivalHit } from '../../../shared/verify/survival-index';
import { ENTITY_TYPES, type EntityType } from '../../../shared/detect/finding';

const SEED = Uint32Array.of(0x12345678, 0x9abcdef0, 0x0fedcba9, 0x87654321);

function indexOf(entries: [EntityType, string][], options: { minLength?: number } = {}): SurvivalIndex {
  const index = new SurvivalIndex({ seed: SEED, ...options });
  for (const [type, value] of entries) index.add(type, value);
  return index;
}

/** Each hit as [the text it covers, type, form]. */
const show = (index: SurvivalIndex, text: string) =>
  index.find(text).map((h: SurvivalHit) => [text.slice(h.start, h.end), h.type, h.form]);

const JOHN: [EntityType, string][] = [['PERSON', 'John Smith'], ['PHONE', '+1 (202) 555-0147']];

describe('survival index: planted leaks are found', () => {
  const index = indexOf([['EMAIL', 'John.Smith@example.com'], ...JOHN]);

  it('finds an e-mail in a URL-encoded query parameter, spanning its encoded source', () => {
    const text = 'see https://crm.example.net/find?u=john.smith%40example.com&x=1 for details';
    expect(show(index, text)).toEqual([['john.smith%40example.com', 'EMAIL', 'url-encoded']]);
  });

  it('finds a name whose words are joined by + in a query', () => {
    expect(show(index, '/search?q=John+Smith&page=2')).toEqual([['John+Smith', 'PERSON', 'url-encoded']]);
  });

  it('finds a base64-encoded e-mail inside a sentence, spanning the whole token', () => {
    const token = 'am9obi5zbWl0aEBleGFtcGxlLmNvbQ==';
    const text = `The header carried ${token} and nothing else.`;
    expect(show(index, text)).toEqual([[token, 'EMAIL', 'base64']]);
  });

  it('finds a base64url token without padding', () => {
    const token = btoa('Contact: John Smith').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    expect(show(index, `id=${token};`)).toEqual([[token, 'PERSON', 'base64']]);
  });

  it('finds a value deep inside a long base64 blob (read in 4,096-character pieces)', () => {
    // 6,000 bytes of filler put the e-mail past the first piece (3,072 decoded bytes)
    const blob = btoa(`${'lorem ipsum '.repeat(500)}mail john.smith@example.com then more text`);
    const hits = index.find(`attachment: ${blob}`);
    expect(blob.length).toBeGreaterThan(8000);
    expect(hits.map((h) => [h.type, h.form])).toEqual([['EMAIL', 'base64']]);
  });

  it('reads a 20-million-character run of base64 letters without overflowing the regex stack', () => {
    expect(index.find('x'.repeat(20_000_000))).toEqual([]);
  });

  it('finds an HTML-entity-encoded e-mail, decimal, hexadecimal or named', () => {
    expect(show(index, '<p>john.smith&#64;example.com</p>')).toEqual([['john.smith&#64;example.com', 'EMAIL', 'html-entities']]);
    expect(show(index, 'john.smith&#x40;example.com')).toEqual([['john.smith&#x40;example.com', 'EMAIL', 'html-entities']]);
    expect(show(index, 'John&nbsp;Smith')).toEqual([['John&nbsp;Smith', 'PERSON', 'html-entities']]);
  });

  it('finds a name in an unusual case, and tells it from the name as it was added', () => {
    expect(show(index, 'Ticket raised by jOhN sMiTh yesterday')).toEqual([['jOhN sMiTh', 'PERSON', 'other-case']]);
    expect(show(index, 'Ticket raised by John Smith yesterday')).toEqual([['John Smith', 'PERSON', 'as-is']]);
    expect(show(index, 'mail john.smith@example.com')).toEqual([['john.smith@example.com', 'EMAIL', 'other-case']]);
  });

  it('finds a phone number written with other separators, or as digits only', () => {
    expect(show(index, 'call 202.555.0147 now')).toEqual([['202.555.0147', 'PHONE', 'digits']]);
    expect(show(index, 'call 2025550147 now')).toEqual([['2025550147', 'PHONE', 'digits']]);
    expect(show(index, 'call +12025550147 now')).toEqual([['+12025550147', 'PHONE', 'digits']]);
    expect(show(index, 'call 0012025550147 now')).toEqual([['0012025550147', 'PHONE', 'digits']]);
    expect(show(index, 'tel. (202) 555-0147, 3 times')).toEqual([['202) 555-0147', 'PHONE', 'digits']]);
  });

  it('finds a multi-word name across a line break', () => {
    expect(show(index, 'Regards,\nJohn\nSmith')).toEqual([['John\nSmith', 'PERSON', 'as-is']]);
  });

  it('finds a name with accents in another Unicode normalisation and case', () => {
    const accents = indexOf([['PERSON', 'José Ñúñez']]);
    const text = `by ${'JOSÉ ÑÚÑEZ'.normalize('NFD')}.`;
    expect(show(accents, text)).toEqual([['JOSÉ ÑÚÑEZ'.normalize('NFD'), 'PERSON', 'other-case']]);
  });

  it('reports each survival once even when several views see it', () => {
    expect(show(index, 'John Smith paid 50% of it')).toEqual([['John Smith', 'PERSON', 'as-is']]);
  });
});

describe('survival index: what is not a survival', () => {
  const index = indexOf([...JOHN, ['POSTAL_CODE', 'ab1']]);

  it('does not find a value that was not added', () => {
    expect(index.find('Jane Doe, jane.doe@example.com, +1 202 555 0199, am9obi5zbWl0aEBleGFtcGxlLmNvbQ==')).toEqual([]);
  });

  it('does not take a prefix of an added value, or a longer word, for the value', () => {
    expect(index.find('John called; Smithson answered; John Smithson too')).toEqual([]);
    expect(index.find('call 202-555-01')).toEqual([]);
  });

  it('ignores values shorter than minLength', () => {
    expect(index.size).toBe(2);
    expect(index.find('postcode AB1 or ab1')).toEqual([]);
    const longer = indexOf([['PERSON', 'Jo Li']], { minLength: 6 });
    expect(longer.size).toBe(0);
    expect(longer.find('Jo Li')).toEqual([]);
  });

  it('counts distinct originals', () => {
    const twice = indexOf([['PERSON', 'John Smith'], ['PERSON', 'John Smith'], ['PERSON', 'Mary Major']]);
    expect(twice.size).toBe(2);
  });

  it('never throws on bad escapes, stray entities or binary base64', () => {
    const text = '100% %zz %E2%82 %C0%AF &#xD800; &bogus; &#99999999; AAAAAAAAAAAAAAAA //////////////// John';
    expect(index.find(text)).toEqual([]);
    // an escape needs two hex digits
    expect(show(index, '%4aohn Smith')).toEqual([['%4aohn Smith', 'PERSON', 'url-encoded']]);
    expect(show(index, '%4zohn Smith; %C3%A9 %E2%82%AC')).toEqual([]);
  });
});

describe('survival index: properties', () => {
  const word = fc.stringMatching(/^[A-Za-z]{2,9}$/);
  const value = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' ')).filter((v) => v.length >= 4);
  const filler = fc.array(fc.constantFrom('the', 'ticket', 'was', 'closed', 'by', 'agent', '42', 'on', 'Monday', '-'), { maxLength: 12 })
    .map((ws) => ws.join(' '));
  const seed = fc.uint32Array({ minLength: 4, maxLength: 4 });

  it('always finds an added value planted in random text', () => {
    fc.assert(
      fc.property(value, filler, filler, seed, (v, before, after, s) => {
        const index = new SurvivalIndex({ seed: s });
        index.add('PERSON', v);
        const text = `${before} ${v} ${after}`;
        const start = before.length + 1;
        expect(index.find(text)).toContainEqual({ type: 'PERSON', start, end: start + v.length, form: 'as-is' });
      }),
    );
  });

  it('finds a planted value in every encoding', () => {
    fc.assert(
      fc.property(value, filler, (v, before) => {
        const index = new SurvivalIndex();
        index.add('PERSON', v);
        const first = v.charCodeAt(0);
        const forms = [
          [v.toUpperCase() === v ? v.toLowerCase() : v.toUpperCase(), 'other-case'],
          [`%${first.toString(16).toUpperCase()}${encodeURIComponent(v.slice(1))}`, 'url-encoded'],
          [`&#${first};${v.slice(1).replace(/ /g, '&nbsp;')}`, 'html-entities'],
          // base64 runs count from 12 characters: 9 bytes of text
          ...(v.length >= 9 ? [[btoa(v), 'base64'] as const] : []),
        ] as const;
        for (const [planted, form] of forms) {
          const text = `${before} ${planted} .`;
          const start = before.length + 1;
          expect(index.find(text)).toContainEqual({ type: 'PERSON', start, end: start + planted.length, form });
        }
      }),
    );
  });

  it('never exposes an original: neither the object nor its internal state holds one', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 20 }), (values) => {
        const index = new SurvivalIndex();
        for (const v of values) index.add('PERSON', v);
        const strings: string[] = [];
        const state = JSON.stringify(index, (_, x: unknown) => {
          if (typeof x === 'string') strings.push(x);
          return x instanceof Map || x instanceof Set ? [...(x as Iterable<unknown>)] : ArrayBuffer.isView(x) ? [...(x as Uint8Array)] : x;
        });
        const exposed = JSON.stringify(index) + state;
        for (const v of values) {
          for (const form of [v, v.toLowerCase(), v.replace(/\s+/g, '')]) expect(exposed).not.toContain(form);
        }
        // the only strings in the state are entity type names: everything else is a number
        expect(strings.every((x) => (ENTITY_TYPES as readonly string[]).includes(x))).toBe(true);
      }),
    );
  });
});

describe('survival index: cost', () => {
  it('scans ordinary text in linear time with 10,000 originals in the index', () => {
    const index = new SurvivalIndex();
    for (let i = 0; i < 10_000; i++) {
      index.add('PERSON', `Customer${i} Surname${i}`);
      index.add('PHONE', `+1 202 ${String(5_550_000 + i)}`);
      index.add('EMAIL', `user${i}@example.org`);
    }
    const line = 'The customer wrote on 2024-03-05 about order 1234 and the refund of 19.99 EUR; the agent replied. ';
    const text = (bytes: number) => line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
    const time = (t: string) => {
      let best = Infinity;
      for (let k = 0; k < 3; k++) {
        const t0 = performance.now();
        expect(index.find(t)).toEqual([]);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    const one = time(text(1 << 20));
    const two = time(text(2 << 20));
    expect(two / one).toBeLessThan(3.5);
    expect(one).toBeLessThan(5_000);
  });

  it('keeps at most maxOriginals distinct originals, counts the ones it leaves unchecked, and adds a repeat once', () => {
    const index = new SurvivalIndex({ maxOriginals: 2 });
    index.add('EMAIL', 'ann.lee@example.com');
    index.add('EMAIL', 'ann.lee@example.com');
    index.add('PERSON', 'Bo Chan');
    index.add('PERSON', 'Cy Dale');
    expect(index.size).toBe(2);
    expect(index.skipped).toBe(1);
    expect(index.find('mail ann.lee@example.com or Bo Chan').map((h) => h.type)).toEqual(['EMAIL', 'PERSON']);
    expect(index.find('Cy Dale')).toEqual([]);
  });
});
