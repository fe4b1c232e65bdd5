import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStreamDecoder, encodeText, TextCodecError } from '../../../shared/formats/text-codec';
import { sniffEncoding, TEXT_ENCODINGS } from '../../../shared/formats/text-encoding';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('encoding sniffing', () => {
  it('trusts a byte-order mark', () => {
    expect(sniffEncoding(bytes(0xef, 0xbb, 0xbf, 0x61), true)).toBe('utf-8');
    expect(sniffEncoding(bytes(0xff, 0xfe, 0x61, 0), true)).toBe('utf-16le');
    expect(sniffEncoding(bytes(0xfe, 0xff, 0, 0x61), true)).toBe('utf-16be');
  });

  it('reads valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(sniffEncoding(new TextEncoder().encode('Renée, 50 €'), true)).toBe('utf-8');
    expect(sniffEncoding(bytes(0x52, 0x65, 0x6e, 0xe9, 0x65), true)).toBe('windows-1252');
  });

  it('does not mistake a UTF-8 character cut at the end of the sample for Windows-1252', () => {
    const euro = new TextEncoder().encode('abc €');
    expect(sniffEncoding(euro.slice(0, euro.length - 1), false)).toBe('utf-8');
    expect(sniffEncoding(euro.slice(0, euro.length - 1), true)).toBe('windows-1252');
  });
});

describe('text codec', () => {
  it('decodes Windows-1252 like the WHATWG standard, including the five unassigned bytes', () => {
    const text = createStreamDecoder('windows-1252').decode(bytes(0x80, 0x81, 0x93, 0xe9, 0x9f));
    expect([...text].map((c) => c.codePointAt(0))).toEqual([0x20ac, 0x81, 0x201c, 0xe9, 0x178]);
  });

  it('round-trips every byte of Windows-1252', () => {
    const all = new Uint8Array(256).map((_, i) => i);
    expect(encodeText(createStreamDecoder('windows-1252').decode(all), 'windows-1252')).toEqual(all);
  });

  it('refuses a character Windows-1252 cannot hold, naming it', () => {
    expect(() => encodeText('ok → no', 'windows-1252')).toThrow(/U\+2192/);
  });

  it('keeps a BOM as U+FEFF and writes it back', () => {
    for (const [encoding, bom] of [
      ['utf-8', [0xef, 0xbb, 0xbf]],
      ['utf-16le', [0xff, 0xfe]],
      ['utf-16be', [0xfe, 0xff]],
    ] as const) {
      const input = new Uint8Array([...bom, ...encodeText('a', encoding)]);
      const decoder = createStreamDecoder(encoding);
      const text = decoder.decode(input) + decoder.end();
      expect(text).toBe('\uFEFFa');
      expect(encodeText(text, encoding)).toEqual(input);
    }
  });

  it('rejects invalid UTF-8 instead of replacing it', () => {
    const decoder = createStreamDecoder('utf-8');
    expect(() => decoder.decode(bytes(0x61, 0xff, 0x62))).toThrow(TextCodecError);
  });

  it('decodes a character split across chunks, and rejects one cut off at the end', () => {
    const euro = new TextEncoder().encode('€');
    const decoder = createStreamDecoder('utf-8');
    expect(decoder.decode(euro.slice(0, 1)) + decoder.decode(euro.slice(1)) + decoder.end()).toBe('€');
    const cut = createStreamDecoder('utf-8');
    cut.decode(euro.slice(0, 2));
    expect(() => cut.end()).toThrow(TextCodecError);
  });

  it('round-trips any text each encoding can hold, in any chunking', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.constantFrom(...TEXT_ENCODINGS), fc.array(fc.nat(64)), (text, encoding, cuts) => {
        const representable = encoding === 'windows-1252' ? [...text].filter((c) => { try { encodeText(c, encoding); return true; } catch { return false; } }).join('') : text;
        const encoded = encodeText(representable, encoding);
        const decoder = createStreamDecoder(encoding);
        let pos = 0;
        let out = '';
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          if (cut <= pos || cut >= encoded.length) continue;
          out += decoder.decode(encoded.slice(pos, cut));
          pos = cut;
        }
        out += decoder.decode(encoded.slice(pos)) + decoder.end();
        expect(out).toBe(representable);
      }),
      { numRuns: 300 },
    );
  });
});
