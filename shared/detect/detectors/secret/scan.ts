/** Character classes and value trimming shared by the SECRET scanners (char-code tests, no regex). */

export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
export function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
export function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}
export function isAlnum(c: number): boolean {
  return isDigit(c) || isUpper(c) || isLower(c);
}
export function isBase64Url(c: number): boolean {
  return isAlnum(c) || c === 0x2d || c === 0x5f;
}
export function isBase64(c: number): boolean {
  return isAlnum(c) || c === 0x2b || c === 0x2f;
}
/** Characters of a configuration key: letters, digits, _ . - */
export function isKeyChar(c: number): boolean {
  return isAlnum(c) || c === 0x5f || c === 0x2e || c === 0x2d;
}
export function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x202f;
}
export function isWhitespace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x202f || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff;
}
export function isQuote(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x60;
}

/** The most characters read for one value (key=value, a connection URL). */
export const MAX_VALUE = 4096;

/** Strips trailing sentence punctuation and unbalanced closing brackets from [s, e). */
export function trimValue(text: string, s: number, e: number): number {
  const value = text.slice(s, e);
  let end = e;
  while (end > s) {
    const ch = text.charAt(end - 1);
    if (ch === '.' || ch === ',') {
      end--;
      continue;
    }
    const opener = ch === ')' ? '(' : ch === ']' ? '[' : ch === '}' ? '{' : '';
    if (opener === '') break;
    const part = value.slice(0, end - s);
    if (part.split(opener).length >= part.split(ch).length) break;
    end--;
  }
  return end;
}
