/**
 * Turns bytes into text and back for the encodings that support exports come in, so that an unchanged file is
 * written back byte for byte (a BOM is kept as the character U+FEFF at the start of the text).
 *
 * UTF-8 and UTF-16 use the platform's TextDecoder in fatal mode: invalid input is an error, never a silent U+FFFD.
 * Windows-1252 has its own table here: Node's TextDecoder reads that label as Latin-1 (0x80 becomes U+0080, not €),
 * and iconv-lite turns the five unassigned bytes into U+FFFD, which breaks the round trip. Like the WHATWG Encoding
 * standard, this table maps the unassigned bytes to the C1 controls of the same number, so every byte survives.
 */
import type { TextEncodingName } from './text-encoding';

export class TextCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TextCodecError';
  }
}

/** Windows-1252 bytes 0x80..0x9F; the others equal their Latin-1 code point. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const CP1252_ENCODE = new Map<number, number>(CP1252_HIGH.map((code, i) => [code, 0x80 + i]));

export interface StreamDecoder {
  /** Decodes the next bytes; a character cut at the end is held until the next call. */
  decode(bytes: Uint8Array): string;
  /** Whatever is left; an incomplete character at the very end is an error. */
  end(): string;
}

export function createStreamDecoder(encoding: TextEncodingName): StreamDecoder {
  if (encoding === 'windows-1252') {
    return { decode: decodeCp1252, end: () => '' };
  }
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const fail = (): never => {
    throw new TextCodecError(`the bytes are not valid ${encoding.toUpperCase()}`);
  };
  return {
    decode(bytes) {
      try {
        return decoder.decode(bytes, { stream: true });
      } catch {
        return fail();
      }
    },
    end() {
      try {
        return decoder.decode();
      } catch {
        return fail();
      }
    },
  };
}

function decodeCp1252(bytes: Uint8Array): string {
  let out = '';
  const CHUNK = 8192;
  const codes = new Array<number>(Math.min(bytes.length, CHUNK));
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    codes.length = end - start;
    for (let i = start; i < end; i++) {
      const b = bytes[i]!;
      codes[i - start] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    out += String.fromCharCode(...codes);
  }
  return out;
}

const utf8Encoder = new TextEncoder();

/** Encodes text; a character the encoding cannot hold is an error that says which one. */
export function encodeText(text: string, encoding: TextEncodingName): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return utf8Encoder.encode(text);
    case 'utf-16le':
    case 'utf-16be': {
      const out = new Uint8Array(text.length * 2);
      const little = encoding === 'utf-16le';
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 * i + (little ? 0 : 1)] = c & 0xff;
        out[2 * i + (little ? 1 : 0)] = c >> 8;
      }
      return out;
    }
    case 'windows-1252': {
      const out = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252_ENCODE.get(c);
        if (b === undefined) {
          throw new TextCodecError(
            `the character U+${c.toString(16).toUpperCase().padStart(4, '0')} cannot be written in WINDOWS-1252; write UTF-8 instead`,
          );
        }
        out[i] = b;
      }
      return out;
    }
  }
}
