/**
 * Decoded views of an output value for the survival check: percent-decoded (URL query text), HTML-entity-decoded,
 * and base64 runs decoded to text. Each view maps every decoded character back to its source offsets, so a hit in
 * the decoded text points at the encoded span; `decodeURIComponent` and entity libraries keep no such map, hence
 * the small decoders here. None throws on a bad sequence: it is left as it is.
 */

export interface View {
  readonly text: string;
  readonly from: readonly number[];
  readonly to: readonly number[];
}

class ViewBuilder {
  private readonly codes: number[] = [];
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private changed = false;

  /** Appends a code point decoded from source [from, to); `decoded`: it differs from its source. */
  push(cp: number, from: number, to: number, decoded: boolean): void {
    this.changed ||= decoded;
    if (cp > 0xffff) {
      this.push(0xd800 + ((cp - 0x10000) >> 10), from, to, decoded);
      cp = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
    this.codes.push(cp);
    this.from.push(from);
    this.to.push(to);
  }

  view(): View | null {
    if (!this.changed) return null;
    let text = '';
    for (let i = 0; i < this.codes.length; i += 4096) text += String.fromCharCode(...this.codes.slice(i, i + 4096));
    return { text, from: this.from, to: this.to };
  }
}

/** The byte written as two hex digits at `s[i]`, or -1. */
function hexByte(s: string, i: number): number {
  const digit = (c: number) => (c >= 48 && c <= 57 ? c - 48 : (c | 32) >= 97 && (c | 32) <= 102 ? (c | 32) - 87 : -1);
  const hi = digit(s.charCodeAt(i));
  const lo = digit(s.charCodeAt(i + 1));
  return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
}

/** The code point of the UTF-8 sequence escaped at `s[i]` ("%C3%A9"), and its length in bytes; null if invalid. */
function percentCodePoint(s: string, i: number): { cp: number; bytes: number } | null {
  const b0 = hexByte(s, i + 1);
  const n = b0 < 0 ? 0 : b0 < 0x80 ? 1 : b0 >= 0xc2 && b0 < 0xe0 ? 2 : b0 >= 0xe0 && b0 < 0xf0 ? 3 : b0 >= 0xf0 && b0 < 0xf5 ? 4 : 0;
  if (n === 0) return null;
  let cp = n === 1 ? b0 : b0 & (0x3f >> (n - 1));
  for (let k = 1; k < n; k++) {
    const b = s.charCodeAt(i + 3 * k) === 37 ? hexByte(s, i + 3 * k + 1) : -1;
    if (b < 0 || (b & 0xc0) !== 0x80) return null;
    cp = (cp << 6) | (b & 0x3f);
  }
  const overlong = (n === 3 && cp < 0x800) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff));
  return overlong || (cp >= 0xd800 && cp <= 0xdfff) ? null : { cp, bytes: n };
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 160;

/** `%40` → `@` (UTF-8 sequences decoded, bad ones kept as they are); `+` → space inside a run holding `=` or `?`. */
export function percentDecoded(s: string): View | null {
  if (!s.includes('%') && !(s.includes('+') && s.includes('='))) return null;
  const out = new ViewBuilder();
  let runEnd = -1;
  let query = false;
  for (let i = 0; i < s.length; ) {
    if (i >= runEnd) {
      query = false;
      for (runEnd = i; runEnd < s.length && !isSpace(s.charCodeAt(runEnd)); runEnd++) {
        const c = s.charCodeAt(runEnd);
        if (c === 61 || c === 63) query = true;
      }
    }
    const c = s.charCodeAt(i);
    const escaped = c === 37 ? percentCodePoint(s, i) : null;
    const plusSpace = c === 43 && query;
    const end = escaped ? i + 3 * escaped.bytes : i + 1;
    out.push(escaped ? escaped.cp : plusSpace ? 32 : c, i, end, !!escaped || plusSpace);
    i = end;
  }
  return out.view();
}

const NAMED_ENTITIES: Readonly<Record<string, number>> = {
  amp: 38, lt: 60, gt: 62, quot: 34, apos: 39, nbsp: 160, commat: 64, period: 46, lowbar: 95, plus: 43,
};
const ENTITY = /&(?:#(\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([a-zA-Z]{2,8});)/y;

/** Named (`&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;` `&commat;`…) and numeric (`&#64;` `&#x40;`) entities. */
export function entityDecoded(s: string): View | null {
  if (!s.includes('&')) return null;
  const out = new ViewBuilder();
  for (let i = 0; i < s.length; ) {
    const c = s.charCodeAt(i);
    ENTITY.lastIndex = i;
    const m = c === 38 ? ENTITY.exec(s) : null;
    const cp = !m ? -1 : m[1] ? parseInt(m[1], 10) : m[2] ? parseInt(m[2], 16) : (NAMED_ENTITIES[m[3]!.toLowerCase()] ?? -1);
    const valid = m !== null && cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
    const end = valid ? i + m[0].length : i + 1;
    out.push(valid ? cp : c, i, end, valid);
    i = end;
  }
  return out.view();
}

/**
 * A base64 or base64url token. Runs longer than 4,096 characters come in 4,096-character pieces (a multiple of 4,
 * so each piece decodes on its own): an unbounded run made V8's regex engine overflow its stack on a 100 MB value.
 */
export const BASE64_RUN = /[A-Za-z0-9+/_-]{12,4096}={0,2}/g;
const utf8 = new TextDecoder('utf-8');

/** The text a base64 or base64url token encodes, if it is valid UTF-8 and at least 90% printable; else null. */
export function base64Text(token: string): string | null {
  let b = token.replace(/=+$/, '');
  if (b.length % 4 === 1) return null;
  b = b.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(b + '='.repeat((4 - (b.length % 4)) % 4));
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const text = utf8.decode(bytes);
  if (text.includes('\uFFFD')) return null;
  let control = 0;
  for (const ch of text) if (/[\p{Cc}]/u.test(ch) && !/[\t\n\r]/.test(ch)) control++;
  return control * 10 <= text.length ? text : null;
}
